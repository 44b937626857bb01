//! ShellCheck on shell-form `RUN`, as hadolint runs it: the script handed
//! over is `#!<shell>`, one `export NAME=1` line per variable declared by
//! `ARG`/`ENV` so far (plus the proxy variables), then the `RUN` text.
//!
//! Each SC check lives in its own file, named after what it flags, with its
//! documentation in a [`RuleMeta`] of [`CHECKS`]. hadolint keeps the
//! comments of one `RUN` in a set ordered by line only, so only one
//! survives: the last of ShellCheck's list, which is sorted by position
//! (line, column), then severity (error first, style last), code and
//! message. [`survivor`] picks that one.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use dockyard_dockerfile::{Args, Command as DockerCommand, Instruction};
use dockyard_shell::{parse_with, ParseOptions};

use super::{Item, Out, Rule, RuleMeta};
use crate::pragma::{self, Pragma};
use crate::report::Finding;
use crate::severity::Severity;

mod analysis;
mod vars;

mod arithmetic_dollar;
mod backticks;
mod brace_expansion;
mod cd_unchecked;
mod dollar_for_variable;
mod dollar_on_assignment;
mod double_bracket;
mod double_equals_assignment;
mod echo_command_substitution;
mod echo_escapes;
mod echo_flags;
mod egrep;
mod equals_equals_in_test;
mod exit_code_test;
mod find_output_loop;
mod find_xargs;
mod flag_as_command;
mod function_parameters;
mod glob_as_option;
mod keyword_as_argument;
mod ls_grep;
mod ls_loop;
mod ls_pipe;
mod masked_return;
mod misspelled_variable;
mod mkdir_mode_deepest;
mod multiple_appends;
mod nested_single_quotes;
mod printf_variable_format;
mod quoted_literal_between_quotes;
mod quotes_unquote_expansion;
mod read_flags;
mod read_without_r;
mod redirect_both;
mod relative_shebang;
mod set_pipefail;
mod short_circuit_if;
mod single_iteration_loop;
mod single_quoted_expansion;
mod source_builtin;
mod space_after_equals;
mod spaces_around_equals;
mod test_and_or;
mod trap_err;
mod unassigned_variable;
mod unknown_escape;
mod unquoted_array;
mod unquoted_command_substitution;
mod unquoted_dollar_star;
mod unquoted_expansion;
mod unused_variable;
mod useless_echo;

pub use analysis::{Analysis, Cmd, Dialect, Part};

/// Declares one SC check: its metadata (with the doc comment as its
/// documentation) as `META` in the check's module.
macro_rules! declare_check {
    (
        $(#[doc = $doc:literal])*
        code: $code:literal,
        severity: $severity:ident,
        message: $message:expr $(,)?
    ) => {
        $(#[doc = $doc])*
        pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            code: $code,
            severity: $crate::severity::Severity::$severity,
            message: $message,
            // Without the `docs` feature the text is left out of the binary.
            doc: if cfg!(feature = "docs") { concat!($($doc, "\n"),*) } else { "" },
            example_config: None,
        };
    };
}
pub(crate) use declare_check;

/// One ShellCheck comment: where its token starts in the script, and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// Byte offset of the token in the script handed to ShellCheck.
    pub pos: usize,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
}

/// The comments of one script.
#[derive(Default)]
pub struct Comments {
    pub list: Vec<Comment>,
}

impl Comments {
    /// A comment with the check's own severity and message.
    pub fn add(&mut self, pos: usize, meta: &'static RuleMeta) {
        self.add_with(pos, meta, meta.severity, meta.message.to_string());
    }

    pub fn add_msg(&mut self, pos: usize, meta: &'static RuleMeta, message: String) {
        self.add_with(pos, meta, meta.severity, message);
    }

    pub fn add_with(
        &mut self,
        pos: usize,
        meta: &'static RuleMeta,
        severity: Severity,
        message: String,
    ) {
        self.list.push(Comment {
            pos,
            code: meta.code,
            severity,
            message,
        });
    }

    /// A POSIX-sh portability comment (SC3xxx): a warning "In POSIX sh, …
    /// undefined." under sh, an error "In dash, … not supported." under
    /// dash, nothing under bash or ksh.
    pub fn bashism(&mut self, cx: &Analysis<'_>, pos: usize, meta: &'static RuleMeta, what: &str) {
        match cx.dialect {
            Dialect::Sh => {
                self.add_msg(pos, meta, format!("In POSIX sh, {what} undefined."));
            }
            Dialect::Dash => self.add_with(
                pos,
                meta,
                Severity::Error,
                format!("In dash, {what} not supported."),
            ),
            Dialect::Bash | Dialect::Ksh => {}
        }
    }
}

/// A check: its metadata and the function that looks for it.
pub struct Check {
    pub meta: &'static RuleMeta,
    pub run: fn(&Analysis<'_>, &mut Comments),
}

macro_rules! checks {
    ($($module:ident),* $(,)?) => {
        &[$(Check { meta: &$module::META, run: $module::check }),*]
    };
}

/// Every SC check implemented, by code.
pub static CHECKS: &[Check] = checks![
    unknown_escape,
    flag_as_command,
    echo_command_substitution,
    backticks,
    ls_grep,
    ls_pipe,
    single_quoted_expansion,
    echo_escapes,
    glob_as_option,
    find_xargs,
    single_iteration_loop,
    find_output_loop,
    ls_loop,
    unquoted_command_substitution,
    unquoted_expansion,
    useless_echo,
    masked_return,
    read_without_r,
    cd_unchecked,
    mkdir_mode_deepest,
    egrep,
    relative_shebang,
    brace_expansion,
    double_bracket,
    equals_equals_in_test,
    redirect_both,
    echo_flags,
    set_pipefail,
    read_flags,
    source_builtin,
    trap_err,
    unused_variable,
    double_equals_assignment,
    function_parameters,
    unassigned_variable,
    misspelled_variable,
    multiple_appends,
    short_circuit_if,
    exit_code_test,
    test_and_or,
    unquoted_array,
    unquoted_dollar_star,
    arithmetic_dollar,
    printf_variable_format,
    nested_single_quotes,
    quoted_literal_between_quotes,
    quotes_unquote_expansion,
    spaces_around_equals,
    dollar_on_assignment,
    space_after_equals,
    keyword_as_argument,
    dollar_for_variable,
];

/// The metadata of an implemented SC check.
pub fn check_meta(code: &str) -> Option<&'static RuleMeta> {
    CHECKS.iter().map(|c| c.meta).find(|m| m.code == code)
}

/// ShellCheck's order of comments: position, then severity from error to
/// style, then code, then message.
fn order(a: &Comment, b: &Comment) -> Ordering {
    let rank = |s: Severity| std::cmp::Reverse(s);
    (a.pos, rank(a.severity), code_number(a.code), &a.message).cmp(&(
        b.pos,
        rank(b.severity),
        code_number(b.code),
        &b.message,
    ))
}

fn code_number(code: &str) -> u32 {
    code.trim_start_matches("SC").parse().unwrap_or(0)
}

/// The one comment of a script that survives in hadolint's set: the last
/// in ShellCheck's order.
pub fn survivor(comments: Vec<Comment>) -> Option<Comment> {
    comments.into_iter().max_by(order)
}

/// What ShellCheck is told about a `RUN`: the shell and the declared variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellOpts {
    pub shell: String,
    pub vars: BTreeSet<String>,
}

const DEFAULT_SHELL: &str = "/bin/sh -c";
const PROXY_VARS: [&str; 8] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
];

impl Default for ShellOpts {
    fn default() -> Self {
        ShellOpts {
            shell: DEFAULT_SHELL.to_string(),
            vars: PROXY_VARS.iter().map(|v| v.to_string()).collect(),
        }
    }
}

impl ShellOpts {
    /// The script hadolint hands to ShellCheck for `text`, or `None` when
    /// it skips ShellCheck (a non-POSIX shell, or a shebang it does not
    /// support at the start of the text).
    pub fn script(&self, text: &str) -> Option<String> {
        if ["pwsh", "powershell", "cmd"]
            .iter()
            .any(|s| self.shell.contains(s))
            || has_unsupported_shebang(text)
        {
            return None;
        }
        let mut script = format!("#!{}\n", self.shell.split_whitespace().next().unwrap_or(""));
        for var in &self.vars {
            script.push_str(&format!("export {var}=1\n"));
        }
        script.push_str(text);
        Some(script)
    }
}

fn has_unsupported_shebang(text: &str) -> bool {
    text.starts_with("#!")
        && ![
            "#!/bin/sh",
            "#!/bin/bash",
            "#!/bin/ksh",
            "#!/usr/bin/env sh",
            "#!/usr/bin/env bash",
            "#!/usr/bin/env ksh",
        ]
        .iter()
        .any(|p| text.starts_with(p))
}

/// Every comment of the implemented checks on one script, in no order.
pub fn comments(script: &str) -> Vec<Comment> {
    let parsed = parse_with(script, &ParseOptions::bash());
    if parsed.syntax_error().is_some() {
        // ShellCheck reads on past a few mistakes, reporting them.
        for repair in [function_parameters::repair, dollar_for_variable::repair] {
            if let Some((fixed, comment)) = repair(script) {
                let mut list = comments(&fixed);
                let fixed_parses = parse_with(&fixed, &ParseOptions::bash())
                    .syntax_error()
                    .is_none();
                if !list.is_empty() || fixed_parses {
                    list.push(comment);
                    return list;
                }
            }
        }
        // ShellCheck's parser stops too: only its parse error remains,
        // which is not implemented here.
        return Vec::new();
    }
    let cx = Analysis::new(script, &parsed);
    let mut out = Comments::default();
    if analysis::shebang_stops(&cx) {
        // ShellCheck stops at a shell it does not support (SC1071).
        return Vec::new();
    }
    for check in CHECKS {
        (check.run)(&cx, &mut out);
    }
    out.list
}

/// The one SC finding hadolint reports for `text` under `opts`.
pub fn shellcheck(opts: &ShellOpts, text: &str) -> Option<Comment> {
    let script = opts.script(text)?;
    survivor(comments(&script))
}

/// The stage state: hadolint's accumulator.
#[derive(Clone)]
struct Acc {
    opts: ShellOpts,
    default_opts: ShellOpts,
    stage_idx: usize,
    stage_opts: BTreeMap<usize, ShellOpts>,
    stages: BTreeMap<usize, String>,
}

impl Acc {
    fn first(opts: ShellOpts, default_opts: ShellOpts) -> Acc {
        Acc {
            stage_opts: BTreeMap::from([(0, opts.clone())]),
            opts,
            default_opts,
            stage_idx: 0,
            stages: BTreeMap::new(),
        }
    }

    fn set_opts(&mut self, opts: ShellOpts) {
        if let Some(o) = self.stage_opts.get_mut(&self.stage_idx) {
            *o = opts.clone();
        }
        self.opts = opts;
    }
}

declare_rule! {
    /// ## What it does
    /// Runs the ShellCheck checks on every shell-form `RUN` (heredoc bodies
    /// and `ONBUILD RUN` included), with the shell set by `SHELL` or a
    /// `# hadolint shell=` pragma, and reports ShellCheck's codes (`SC…`).
    /// Variables declared by `ARG` and `ENV` count as assigned. Like
    /// hadolint, only one SC finding is reported per `RUN`: the one
    /// ShellCheck lists last.
    ///
    /// ## Why is this bad?
    /// A `RUN` is a shell script: unquoted expansions, unchecked `cd` and
    /// bash syntax under `/bin/sh` break builds in ways that are hard to
    /// see in a Dockerfile.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo $HOME
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo "$HOME"
    /// ```
    pub struct ShellCheck { acc: Option<Acc> }
    code: "SC",
    severity: Warning,
    message: "ShellCheck",
}

impl ShellCheck {
    fn new_stage(&mut self, image: &str, alias: Option<&str>) {
        match &mut self.acc {
            None => {
                let mut acc = Acc::first(ShellOpts::default(), ShellOpts::default());
                if let Some(a) = alias {
                    acc.stages.insert(0, a.to_string());
                }
                self.acc = Some(acc);
            }
            Some(acc) => {
                let earlier = acc
                    .stages
                    .iter()
                    .find(|(_, name)| name.as_str() == image)
                    .map(|(k, _)| *k);
                let opts = match earlier {
                    None => acc.default_opts.clone(),
                    Some(idx) => acc
                        .stage_opts
                        .get(&idx)
                        .cloned()
                        .unwrap_or_else(|| acc.default_opts.clone()),
                };
                acc.stage_idx += 1;
                acc.stage_opts.insert(acc.stage_idx, opts.clone());
                acc.opts = opts;
                if let Some(a) = alias {
                    acc.stages.insert(acc.stage_idx, a.to_string());
                }
            }
        }
    }

    fn add_vars(&mut self, vars: Vec<String>) {
        match &mut self.acc {
            None => {
                let mut opts = ShellOpts::default();
                opts.vars.extend(vars);
                self.acc = Some(Acc::first(opts, ShellOpts::default()));
            }
            Some(acc) => {
                let mut vars_now = acc.opts.vars.clone();
                vars_now.extend(vars);
                // hadolint 2.15.x resets the shell to /bin/sh here.
                acc.set_opts(ShellOpts {
                    shell: DEFAULT_SHELL.to_string(),
                    vars: vars_now,
                });
            }
        }
    }

    fn set_shell(&mut self, shell: String, pragma: bool) {
        match &mut self.acc {
            None => {
                let opts = ShellOpts {
                    shell,
                    ..ShellOpts::default()
                };
                let default = if pragma {
                    opts.clone()
                } else {
                    ShellOpts::default()
                };
                self.acc = Some(Acc::first(opts, default));
            }
            Some(acc) => {
                let vars = acc.opts.vars.clone();
                acc.set_opts(ShellOpts { shell, vars });
            }
        }
    }

    fn opts(&self) -> ShellOpts {
        self.acc
            .as_ref()
            .map(|a| a.opts.clone())
            .unwrap_or_default()
    }
}

/// For inspecting the rule against ShellCheck itself: every top-level
/// shell-form `RUN` of a Dockerfile with the script hadolint would hand
/// to ShellCheck (`None` when it skips it).
pub fn scripts(source: &str) -> Vec<(u32, Option<String>)> {
    let file = dockyard_dockerfile::parse(source);
    let mut items: Vec<(u32, Option<&str>, Option<&Instruction>)> = file
        .comments
        .iter()
        .filter(|c| !c.in_instruction)
        .map(|c| (c.line, Some(c.text.as_str()), None))
        .chain(
            file.instructions
                .iter()
                .map(|i| (i.start_line, None, Some(i))),
        )
        .collect();
    items.sort_by_key(|i| i.0);
    let mut rule = ShellCheck::default();
    let mut out = Vec::new();
    for (line, comment, inst) in items {
        if let Some(text) = comment {
            if let Some(Pragma::Shell(shell)) = pragma::parse(text) {
                rule.set_shell(shell, true);
            }
            continue;
        }
        let Some(inst) = inst else { continue };
        match &inst.args {
            Args::Run(Some(DockerCommand::Shell(_))) => {
                let text = crate::lint::run_text(inst, crate::lint::docker_accepts(&file))
                    .unwrap_or_default();
                out.push((line, rule.opts().script(&text)));
            }
            Args::From(from) => {
                let image = from.image.as_ref().map(|i| i.name.as_str()).unwrap_or("");
                let alias = from.alias.as_ref().map(|a| a.text.as_str());
                rule.new_stage(image, alias);
            }
            Args::Arg(decls) => rule.add_vars(decls.iter().map(|d| d.name.clone()).collect()),
            Args::Env(pairs) => rule.add_vars(pairs.pairs.iter().map(|p| p.key.clone()).collect()),
            Args::Shell(_) => {
                if let Some(text) = shell_text(inst) {
                    rule.set_shell(text, false);
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of a `SHELL` instruction as hadolint folds it: the exec form's
/// strings joined by spaces, or the shell form's text.
fn shell_text(inst: &Instruction) -> Option<String> {
    match &inst.args {
        Args::Shell(Some(DockerCommand::Exec(exec))) => Some(
            exec.args
                .iter()
                .map(|a| a.value.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Args::Shell(Some(DockerCommand::Shell(shell))) => Some(shell.text.clone()),
        _ => None,
    }
}

impl Rule for ShellCheck {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        match item {
            Item::Comment { text, .. } => {
                if let Some(Pragma::Shell(shell)) = pragma::parse(text) {
                    self.set_shell(shell, true);
                }
            }
            Item::Instruction { line, inst, shell } => match &inst.args {
                Args::From(from) => {
                    let image = from.image.as_ref().map(|i| i.name.as_str()).unwrap_or("");
                    let alias = from.alias.as_ref().map(|a| a.text.as_str());
                    self.new_stage(image, alias);
                }
                Args::Arg(decls) => self.add_vars(decls.iter().map(|d| d.name.clone()).collect()),
                Args::Env(pairs) => {
                    self.add_vars(pairs.pairs.iter().map(|p| p.key.clone()).collect())
                }
                Args::Shell(_) => {
                    if let Some(text) = shell_text(inst) {
                        self.set_shell(text, false);
                    }
                }
                Args::Run(Some(DockerCommand::Shell(_))) => {
                    let Some(parsed) = shell else { return };
                    if let Some(c) = shellcheck(&self.opts(), &parsed.original) {
                        out.findings.push(Finding {
                            code: c.code.to_string(),
                            severity: c.severity,
                            message: c.message,
                            line: *line,
                            column: 1,
                        });
                    }
                }
                _ => {}
            },
        }
    }
}

#[cfg(test)]
mod tests;
