//! BuildKit's conversion of a Dockerfile into a build, replayed without
//! building: the order in which it parses instructions, checks stage
//! names and casing, resolves `FROM` with the global `ARG`s, then
//! dispatches every stage's instructions (as `docker build --check` does:
//! all stages, in file order), calling each check where BuildKit does.
//!
//! What is not known statically: the base image's environment (only
//! `PATH`, which BuildKit always sets, and what the file declares are
//! defined), its `SHELL` and `ONBUILD` triggers, build arguments given on
//! the command line (none), and the build platform (assumed
//! `linux/amd64`). Where BuildKit would stop with an error, the checks
//! carry on.

use dockyard_dockerfile::{Args, Command, Dockerfile, Instruction, Keyword};

use super::config::CheckConfig;
use super::dockerignore::Ignore;
use super::expand::{expand, Env, Expansion, Lexer};
use super::{
    consistent_instruction_casing, copy_ignored_file, duplicate_stage_name, expose_invalid_format,
    expose_proto_casing, from_as_casing, from_platform_flag_const_disallowed,
    invalid_default_arg_in_from, invalid_definition_description, json_args_recommended,
    legacy_key_value_format, maintainer_deprecated, multiple_instructions_disallowed,
    no_empty_continuation, platform, redundant_target_platform, reserved_stage_name,
    secrets_used_in_arg_or_env, stage_name_casing, undefined_arg_in_from, undefined_var,
    workdir_relative_path, BuildkitOptions, Lint,
};
use crate::report::Finding;

/// The `PATH` BuildKit gives a Linux stage whose image has none.
pub(super) const DEFAULT_PATH: &str =
    "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Build arguments BuildKit never puts in the environment.
const NON_ENV_ARGS: [&str; 2] = ["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"];

/// The comments BuildKit attaches to each top-level instruction: those
/// since the previous instruction (blank lines do not separate them; an
/// empty `#` line does), without the parser directives at the top.
fn preceding_comments(file: &Dockerfile) -> Vec<Vec<String>> {
    let directive_lines: Vec<u32> = [
        &file.directives.syntax,
        &file.directives.escape,
        &file.directives.check,
    ]
    .into_iter()
    .flatten()
    .map(|d| d.line)
    .collect();
    let mut comments = file
        .comments
        .iter()
        .filter(|c| !c.in_instruction && !directive_lines.contains(&c.line))
        .peekable();
    let mut pending: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(file.instructions.len());
    for inst in &file.instructions {
        while let Some(comment) = comments.next_if(|c| c.line < inst.start_line) {
            let text = comment.text.trim();
            if text.is_empty() {
                pending.clear();
            } else {
                pending.push(text.to_string());
            }
        }
        out.push(std::mem::take(&mut pending));
    }
    out
}

/// The last line of an instruction's own text (before any here-document).
fn logical_end_line(inst: &Instruction) -> u32 {
    match inst.heredocs.first() {
        Some(heredoc) => heredoc.start_line.saturating_sub(1).max(inst.start_line),
        None => inst.end_line,
    }
}

/// The raw default of `ARG name=default`.
fn raw_default(raw: &str) -> Option<&str> {
    raw.split_once('=').map(|(_, v)| v)
}

/// A stage as BuildKit's dispatcher tracks it.
#[derive(Clone, Default)]
struct State {
    env: Env,
    /// Names declared by `ARG` in the stage (or its base stage).
    build_args: Vec<String>,
    shell_set: bool,
    workdir_set: bool,
    os: String,
}

struct Run<'a> {
    file: &'a Dockerfile,
    base: CheckConfig,
    comments: Vec<Vec<String>>,
    lexer: Lexer,
    ignore: Option<Ignore>,
    /// The global scope once the global `ARG`s are read.
    global: Env,
    lint: Lint,
}

impl Run<'_> {
    fn config_at(&self, index: usize) -> CheckConfig {
        self.base.with_comments(&self.comments[index])
    }
}

/// A stage's `FROM` and its instructions (by index).
struct StageView<'a> {
    from_index: usize,
    from: &'a Instruction,
    base_raw: Option<&'a str>,
    platform: Option<&'a str>,
    /// Lower-cased, as BuildKit keeps it.
    name: Option<String>,
    commands: Vec<usize>,
}

fn stages(file: &Dockerfile) -> Vec<StageView<'_>> {
    file.stages
        .iter()
        .map(|stage| {
            let from = &file.instructions[stage.from_instruction];
            let (base_raw, platform, name) = match &from.args {
                Args::From(f) => (
                    f.image.as_ref().map(|i| i.raw.as_str()),
                    f.platform.as_deref(),
                    f.alias.as_ref().map(|a| a.text.to_lowercase()),
                ),
                _ => (None, None, None),
            };
            StageView {
                from_index: stage.from_instruction,
                from,
                base_raw,
                platform,
                name,
                commands: stage
                    .instructions
                    .clone()
                    .filter(|&i| i != stage.from_instruction)
                    .collect(),
            }
        })
        .collect()
}

/// Runs every check; findings sorted by line (ties in BuildKit's order).
pub(super) fn run(file: &Dockerfile, _source: &str, options: &BuildkitOptions) -> Vec<Finding> {
    let directive = file
        .directives
        .check
        .as_ref()
        .map(|d| d.value.split(' ').next().unwrap_or("").to_string());
    let text = options.check_arg.clone().or(directive).unwrap_or_default();
    // BuildKit refuses to build with a bad `check` option; here it means
    // the defaults.
    let base = CheckConfig::parse(&text).unwrap_or_default();
    let ignore = options
        .dockerignore
        .as_deref()
        .map(Ignore::parse)
        .filter(|i| !i.has_exclusions());
    let mut run = Run {
        file,
        base,
        comments: preceding_comments(file),
        lexer: Lexer {
            escape: file.escape,
            skip_quotes: false,
        },
        ignore,
        global: Env::default(),
        lint: Lint::default(),
    };
    parse_time(&mut run);
    let views = stages(file);
    stage_checks(&mut run, &views);
    let (global, arg_keys) = global_args(&run, &views);
    run.global = global;
    default_base_images(&mut run, &views);
    dispatch_stages(&mut run, &views, &arg_keys);
    let mut findings = run.lint.findings;
    findings.sort_by_key(|f| f.line);
    findings
}

/// The parser's warnings and the checks made while reading instructions.
fn parse_time(run: &mut Run<'_>) {
    let file = run.file;
    for inst in &file.instructions {
        if !inst.empty_continuation_lines.is_empty() {
            no_empty_continuation::check(&mut run.lint, &run.base, logical_end_line(inst));
        }
    }
    for (index, inst) in file.instructions.iter().enumerate() {
        let config = run.config_at(index);
        let line = inst.start_line;
        let comments = &run.comments[index];
        match &inst.args {
            Args::Maintainer(_) => maintainer_deprecated::check(&mut run.lint, &config, line),
            Args::From(from) => {
                if let (Some(as_keyword), Some(alias)) = (&from.as_keyword, &from.alias) {
                    stage_name_casing::check(&mut run.lint, &config, line, &alias.text);
                    from_as_casing::check(
                        &mut run.lint,
                        &config,
                        line,
                        &inst.keyword_text,
                        &as_keyword.text,
                    );
                    let name = alias.text.to_lowercase();
                    invalid_definition_description::check(
                        &mut run.lint,
                        &config,
                        line,
                        "FROM",
                        &[name.as_str()],
                        comments,
                    );
                }
            }
            Args::Arg(decls) => {
                let keys: Vec<&str> = decls.iter().map(|d| d.name.as_str()).collect();
                invalid_definition_description::check(
                    &mut run.lint,
                    &config,
                    line,
                    "ARG",
                    &keys,
                    comments,
                );
            }
            _ => {}
        }
    }
}

/// Stage names, and the casing of every instruction in a stage.
fn stage_checks(run: &mut Run<'_>, views: &[StageView<'_>]) {
    let names: Vec<(u32, Option<&str>)> = views
        .iter()
        .map(|v| (v.from.start_line, v.name.as_deref()))
        .collect();
    reserved_stage_name::check(&mut run.lint, &run.base, &names);
    duplicate_stage_name::check(&mut run.lint, &run.base, &names);
    let mut keywords = Vec::new();
    for view in views {
        keywords.push((view.from.start_line, view.from.keyword_text.as_str()));
        for &i in &view.commands {
            let inst = &run.file.instructions[i];
            if !matches!(inst.keyword, Keyword::Unknown(_)) {
                keywords.push((inst.start_line, inst.keyword_text.as_str()));
            }
        }
    }
    consistent_instruction_casing::check(&mut run.lint, &run.base, &keywords);
}

/// The global scope: BuildKit's predefined platform arguments, then the
/// `ARG`s before the first `FROM` with their defaults expanded. Also
/// returns every declared global name (with or without a value).
fn global_args(run: &Run<'_>, views: &[StageView<'_>]) -> (Env, Vec<String>) {
    let target = views
        .last()
        .and_then(|v| v.name.clone())
        .unwrap_or_else(|| "default".to_string());
    let mut env = Env::default();
    for (name, value) in [
        ("BUILDPLATFORM", "linux/amd64"),
        ("BUILDOS", "linux"),
        ("BUILDOSVERSION", ""),
        ("BUILDARCH", "amd64"),
        ("BUILDVARIANT", ""),
        ("TARGETPLATFORM", "linux/amd64"),
        ("TARGETOS", "linux"),
        ("TARGETOSVERSION", ""),
        ("TARGETARCH", "amd64"),
        ("TARGETVARIANT", ""),
        ("TARGETSTAGE", &target),
    ] {
        env.set(name, value);
    }
    let mut declared = Vec::new();
    let first_from = views.first().map_or(usize::MAX, |v| v.from_index);
    for inst in run.file.instructions.iter().take(first_from) {
        let Args::Arg(decls) = &inst.args else {
            continue;
        };
        for decl in decls {
            if let Some(default) = raw_default(&decl.raw) {
                let value = expand(default, &env, run.lexer).result;
                env.set(&decl.name, &value);
            }
            if !declared.contains(&decl.name) {
                declared.push(decl.name.clone());
            }
        }
    }
    (env, declared)
}

/// InvalidDefaultArgInFrom: every base image name with default values.
fn default_base_images(run: &mut Run<'_>, views: &[StageView<'_>]) {
    let global = run.global.clone();
    for view in views {
        let Some(raw) = view.base_raw else {
            continue;
        };
        let expansion = expand(raw, &global, run.lexer);
        if expansion.failed {
            return;
        }
        invalid_default_arg_in_from::check(
            &mut run.lint,
            &run.base,
            view.from.start_line,
            raw,
            &expansion.result,
        );
    }
}

fn dispatch_stages(run: &mut Run<'_>, views: &[StageView<'_>], declared: &[String]) {
    let global = run.global.clone();
    let global = &global;
    // Names a `FROM` may use: declared global ARGs and the global scope.
    let mut keys: Vec<String> = global.keys().map(str::to_string).collect();
    for name in declared {
        if !keys.contains(name) {
            keys.push(name.clone());
        }
    }
    // Each dispatched stage: its name, final state and view.
    let mut finished: Vec<(Option<String>, State, usize)> = Vec::new();
    for (view_index, view) in views.iter().enumerate() {
        let config = run.config_at(view.from_index);
        let line = view.from.start_line;
        let base_name = match view.base_raw {
            Some(raw) => {
                let e = expand(raw, global, run.lexer);
                undefined_arg_in_from::check(&mut run.lint, &config, line, &e.unmatched, &keys);
                e.result
            }
            None => String::new(),
        };
        let mut os = "linux".to_string();
        if let Some(raw) = view.platform {
            let e = expand(raw, global, run.lexer);
            undefined_arg_in_from::check(&mut run.lint, &config, line, &e.unmatched, &keys);
            redundant_target_platform::check(&mut run.lint, &config, line, raw, &e, global);
            from_platform_flag_const_disallowed::check(
                &mut run.lint,
                &config,
                line,
                view.name.as_deref().unwrap_or(""),
                &e,
            );
            if let Some(p) = platform::parse(&e.result) {
                os = p.os;
            }
        }
        // A base that names an earlier stage inherits its state and runs
        // its ONBUILD triggers first.
        let base_stage = finished
            .iter()
            .rposition(|(name, _, _)| name.as_deref() == Some(base_name.as_str()));
        let mut state = match base_stage {
            Some(i) => finished[i].1.clone(),
            None => {
                let mut env = Env::default();
                if os != "windows" {
                    env.set("PATH", DEFAULT_PATH);
                }
                State {
                    env,
                    os,
                    ..State::default()
                }
            }
        };
        let mut trackers = multiple_instructions_disallowed::Trackers::default();
        if let Some(i) = base_stage {
            for &index in &views[finished[i].2].commands {
                if let Args::Onbuild(Some(trigger)) = &run.file.instructions[index].args {
                    let base = run.base.clone();
                    dispatch(run, &mut state, &mut trackers, trigger, line, &base);
                }
            }
        }
        for &index in &view.commands {
            let inst = &run.file.instructions[index];
            let config = run.config_at(index);
            dispatch(
                run,
                &mut state,
                &mut trackers,
                inst,
                inst.start_line,
                &config,
            );
        }
        finished.push((view.name.clone(), state, view_index));
    }
}

/// The words BuildKit expands for an instruction, in its order.
fn expanded_words(inst: &Instruction) -> Vec<String> {
    let flag = |name: &str| {
        inst.flag(name)
            .and_then(|f| f.value.clone())
            .unwrap_or_default()
    };
    let heredoc_marker = |text: &str| inst.heredocs.iter().any(|h| h.marker.text == text);
    match &inst.args {
        Args::Env(kv) | Args::Label(kv) => kv
            .pairs
            .iter()
            .flat_map(|p| [p.raw_key.clone(), p.raw_value.clone()])
            .collect(),
        Args::Copy(copy) | Args::Add(copy) => {
            let mut words = vec![flag("chown"), flag("chmod")];
            if inst.keyword == Keyword::Add {
                words.push(flag("checksum"));
            }
            words.extend(
                copy.sources
                    .iter()
                    .filter(|s| !heredoc_marker(&s.text))
                    .map(|s| s.text.clone()),
            );
            words.extend(copy.dest.iter().map(|d| d.text.clone()));
            words
        }
        Args::Workdir(Some(word)) | Args::Stopsignal(Some(word)) => vec![word.text.clone()],
        Args::User(Some(user)) => vec![user.word.text.clone()],
        Args::Volume(volume) => volume.paths.iter().map(|p| p.text.clone()).collect(),
        _ => Vec::new(),
    }
}

fn undefined(run: &mut Run<'_>, state: &State, config: &CheckConfig, line: u32, e: &Expansion) {
    let unmatched: Vec<&str> = e
        .unmatched
        .iter()
        .map(String::as_str)
        .filter(|name| !state.build_args.iter().any(|a| a == name))
        .filter(|name| !NON_ENV_ARGS.contains(name))
        .collect();
    undefined_var::check(&mut run.lint, config, line, &unmatched, &state.env);
}

/// Dispatches one instruction: expansion first, then what the instruction does.
fn dispatch(
    run: &mut Run<'_>,
    state: &mut State,
    trackers: &mut multiple_instructions_disallowed::Trackers,
    inst: &Instruction,
    line: u32,
    config: &CheckConfig,
) {
    let expanded: Vec<Expansion> = expanded_words(inst)
        .iter()
        .map(|w| expand(w, &state.env, run.lexer))
        .collect();
    for e in &expanded {
        undefined(run, state, config, line, e);
    }
    if matches!(inst.args, Args::Copy(_) | Args::Add(_)) {
        let raw = Lexer {
            escape: '\\',
            skip_quotes: true,
        };
        for heredoc in inst.heredocs.iter().filter(|h| !h.quoted) {
            let e = expand(&heredoc.content(), &state.env, raw);
            undefined(run, state, config, line, &e);
        }
    }
    let name = inst.keyword_text.as_str();
    match &inst.args {
        Args::Env(kv) => {
            for i in 0..kv.pairs.len() {
                if kv.legacy_form {
                    legacy_key_value_format::check(&mut run.lint, config, line, name);
                }
                let key = &expanded[2 * i].result;
                secrets_used_in_arg_or_env::check(&mut run.lint, config, line, "ENV", key);
                state.env.set(key, &expanded[2 * i + 1].result);
            }
        }
        Args::Label(kv) if kv.legacy_form => {
            for _ in &kv.pairs {
                legacy_key_value_format::check(&mut run.lint, config, line, name);
            }
        }
        Args::Workdir(Some(_)) => {
            let path = &expanded[0].result;
            workdir_relative_path::check(
                &mut run.lint,
                config,
                line,
                path,
                state.workdir_set,
                &state.os,
            );
            state.workdir_set = true;
        }
        Args::Cmd(command) | Args::Entrypoint(command) => {
            let tracker = if inst.keyword == Keyword::Cmd {
                &mut trackers.cmd
            } else {
                &mut trackers.entrypoint
            };
            tracker.used(&mut run.lint, config, line, name);
            let shell_form = !matches!(command, Some(Command::Exec(_)));
            json_args_recommended::check(
                &mut run.lint,
                config,
                line,
                name,
                shell_form,
                state.shell_set,
            );
        }
        Args::Healthcheck(_) => trackers.healthcheck.used(&mut run.lint, config, line, name),
        Args::Shell(Some(Command::Exec(_))) => state.shell_set = true,
        Args::Expose(ports) => {
            let mut raw: Vec<&str> = ports.iter().map(|p| p.raw.as_str()).collect();
            raw.sort_unstable();
            for port in raw {
                for word in expand(port, &state.env, run.lexer).words {
                    if expose_invalid_format::split(&word).is_none() {
                        continue;
                    }
                    expose_proto_casing::check(&mut run.lint, config, line, &word);
                    expose_invalid_format::check(&mut run.lint, config, line, &word);
                }
            }
        }
        Args::Arg(decls) => {
            for decl in decls {
                secrets_used_in_arg_or_env::check(&mut run.lint, config, line, "ARG", &decl.name);
                let value = match raw_default(&decl.raw) {
                    Some(default) => {
                        let e = expand(default, &state.env, run.lexer);
                        undefined(run, state, config, line, &e);
                        Some(e.result)
                    }
                    None => run.global.get(&decl.name).map(str::to_string),
                };
                if let Some(value) = value {
                    if !NON_ENV_ARGS.contains(&decl.name.as_str()) {
                        state.env.set(&decl.name, &value);
                    }
                }
                state.build_args.push(decl.name.clone());
            }
        }
        Args::Copy(copy) | Args::Add(copy) => {
            let is_add = inst.keyword == Keyword::Add;
            if !is_add && inst.flag("from").is_some() {
                return;
            }
            let Some(ignore) = run.ignore.clone() else {
                return;
            };
            let first = if is_add { 3 } else { 2 };
            let sources = copy
                .sources
                .iter()
                .filter(|s| !inst.heredocs.iter().any(|h| h.marker.text == s.text))
                .count();
            for e in expanded.iter().skip(first).take(sources) {
                copy_ignored_file::check(&mut run.lint, config, line, is_add, &e.result, &ignore);
            }
        }
        _ => {}
    }
}
