//! Linting one Dockerfile: parse it, run every rule over its items (and,
//! for rules that look inside `ONBUILD`, over the wrapped instructions
//! with fresh state), drop what pragmas ignore, then apply the
//! configuration and hadolint's order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dockyard_dockerfile::{parse, Args, Command, Dockerfile, Instruction, Keyword};

use crate::buildkit::{self, BuildkitOptions};
use crate::config::Config;
use crate::engine::finish;
use crate::pragma::{self, Pragma};
use crate::report::{Finding, Outcome, ParseError};
use crate::rules::{registry, Item, Out};
use crate::shell::ParsedShell;

/// Lints `source`. `source_name` is what a parse error names the input
/// (the path as given, or `/dev/stdin`).
pub fn lint(source: &str, source_name: &str, config: &Config) -> Outcome {
    let file = parse(source);
    if let Some(error) = file.hadolint_rejects() {
        let source_line = source
            .split('\n')
            .nth(error.line.saturating_sub(1) as usize)
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_string();
        return Outcome::ParseError(ParseError {
            source_name: source_name.to_string(),
            line: error.line,
            column: error.column,
            message: error.message.clone(),
            source_line,
        });
    }
    let collected = collect(&file, source, config);
    Outcome::Findings(finish(collected, config))
}

/// The text hadolint hands to the shell parser for a `RUN`: the shell
/// form's text (with its here-documents), the body of a bare `RUN <<EOF`,
/// or an exec form's strings joined by spaces.
fn run_text(inst: &Instruction) -> Option<String> {
    let Args::Run(Some(command)) = &inst.args else {
        return None;
    };
    Some(match command {
        Command::Exec(exec) => exec
            .args
            .iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        Command::Shell(shell) => {
            if inst.heredocs.is_empty() {
                shell.text.clone()
            } else if shell
                .text
                .split_whitespace()
                .all(|w| inst.heredocs.iter().any(|h| h.marker.text == w))
            {
                inst.heredocs.iter().map(|h| h.content()).collect()
            } else {
                let mut text = shell.text.clone();
                for heredoc in &inst.heredocs {
                    text.push('\n');
                    text.push_str(&heredoc.content());
                    if !text.ends_with('\n') {
                        text.push('\n');
                    }
                    text.push_str(&heredoc.name);
                }
                text
            }
        }
    })
}

/// Runs every rule (and, when asked, Docker's build checks after them)
/// and returns the findings that survive the pragmas, in hadolint's
/// collection order.
fn collect(file: &Dockerfile, source: &str, config: &Config) -> Vec<Finding> {
    // The item stream: top-level comments and instructions, by line.
    let mut shells: HashMap<*const Instruction, ParsedShell> = HashMap::new();
    for inst in &file.instructions {
        for i in [inst, inst.effective()] {
            if let Some(text) = run_text(i) {
                shells
                    .entry(i as *const _)
                    .or_insert_with(|| ParsedShell::parse(&text));
            }
        }
    }
    let directive_lines: BTreeSet<u32> = [
        &file.directives.syntax,
        &file.directives.escape,
        &file.directives.check,
    ]
    .into_iter()
    .flatten()
    .map(|d| d.line)
    .collect();
    let mut items: Vec<Item<'_>> = Vec::new();
    for comment in &file.comments {
        if !comment.in_instruction && !directive_lines.contains(&comment.line) {
            items.push(Item::Comment {
                line: comment.line,
                text: &comment.text,
            });
        }
    }
    for inst in &file.instructions {
        items.push(Item::Instruction {
            line: inst.start_line,
            inst,
            shell: shells.get(&(inst as *const _)),
        });
    }
    items.sort_by_key(|i| i.line());

    // ONBUILD's wrapped instructions, at the ONBUILD's line.
    let onbuild_items: Vec<Item<'_>> = file
        .instructions
        .iter()
        .filter_map(|inst| match &inst.args {
            Args::Onbuild(Some(inner)) => Some(Item::Instruction {
                line: inst.start_line,
                inst: inner,
                shell: shells.get(&(&**inner as *const _)),
            }),
            _ => None,
        })
        .collect();

    let mut findings = Vec::new();
    for entry in registry() {
        let mut out = Out {
            meta: entry.meta,
            findings: Vec::new(),
        };
        let mut rule = (entry.make)(config);
        for item in &items {
            rule.check(item, &mut out);
        }
        rule.finish(&mut out);
        if entry.onbuild {
            let mut rule = (entry.make)(config);
            for item in &onbuild_items {
                rule.check(item, &mut out);
            }
            rule.finish(&mut out);
        }
        findings.extend(out.findings);
    }
    if config.buildkit {
        let options = BuildkitOptions {
            dockerignore: config.dockerignore.clone(),
            check_arg: None,
        };
        findings.extend(buildkit::check(file, source, &options));
    }

    if config.disable_ignore_pragma {
        return findings;
    }
    let pragmas = Pragmas::read(&items);
    findings.retain(|f| !pragmas.ignores(f));
    findings
}

/// Ignore pragmas: by line, by stage, and for the whole file.
#[derive(Default)]
struct Pragmas {
    lines: HashMap<u32, Vec<String>>,
    stages: BTreeMap<u32, Vec<String>>,
    global: Vec<String>,
}

impl Pragmas {
    fn read(items: &[Item<'_>]) -> Pragmas {
        let mut p = Pragmas::default();
        for item in items {
            match item {
                Item::Comment { line, text } => match pragma::parse(text) {
                    Some(Pragma::Ignore(codes)) => {
                        p.lines.insert(line + 1, codes);
                    }
                    Some(Pragma::StageIgnore(codes)) => {
                        p.stages.insert(line + 1, codes);
                    }
                    Some(Pragma::GlobalIgnore(codes)) => p.global.extend(codes),
                    Some(Pragma::Shell(_)) | None => {}
                },
                Item::Instruction { line, inst, .. } if inst.keyword == Keyword::From => {
                    p.stages.entry(*line).or_default();
                }
                Item::Instruction { .. } => {}
            }
        }
        p
    }

    fn ignores(&self, f: &Finding) -> bool {
        let has = |codes: &Vec<String>| codes.contains(&f.code);
        self.lines.get(&f.line).is_some_and(has)
            || self
                .stages
                .range(..f.line)
                .next_back()
                .is_some_and(|(_, codes)| has(codes))
            || has(&self.global)
    }
}
