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
    // Where hadolint cannot parse a file that Docker builds (a heredoc
    // followed by more instructions, `EXPOSE 80:80`, …), we lint it as
    // Docker reads it; where Docker refuses it too, we report hadolint's
    // DL1000.
    if let Some(error) = file.hadolint_rejects().filter(|_| !docker_accepts(&file)) {
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

/// Whether Docker builds this file: the parser found nothing BuildKit refuses.
pub fn docker_accepts(file: &Dockerfile) -> bool {
    file.docker_errors().next().is_none()
}

/// The text hadolint hands to the shell parser for a `RUN`: the shell
/// form's text (with any flags language-docker does not know), an exec
/// form's strings joined by spaces, or, with here-documents, what
/// language-docker reads: for `RUN <<EOF words` the words after the marker
/// and the body; for `RUN words <<EOF` only the words before the marker.
/// `docker_reading`: the file is one Docker builds, so Docker's reading
/// wins where hadolint misreads it.
pub(crate) fn run_text(inst: &Instruction, docker_reading: bool) -> Option<String> {
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
            // hadolint knows only these RUN flags and reads any other one,
            // and all after it, as part of the command. Docker also knows
            // `--device`: in a file Docker builds, it stays a flag.
            let known = |name: &str| {
                matches!(name, "mount" | "network" | "security")
                    || (docker_reading && name == "device")
            };
            let unknown: Vec<&str> = inst
                .flags
                .iter()
                .skip_while(|f| known(&f.name))
                .map(|f| f.raw.as_str())
                .collect();
            let with_flags = |text: &str| {
                if unknown.is_empty() {
                    text.to_string()
                } else {
                    format!("{} {text}", unknown.join(" "))
                }
            };
            if inst.heredocs.is_empty() {
                with_flags(&shell.text)
            } else if shell
                .text
                .split_whitespace()
                .all(|w| inst.heredocs.iter().any(|h| h.marker.text == w))
            {
                inst.heredocs.iter().map(|h| h.content()).collect()
            } else {
                let first = &inst.heredocs[0];
                let start = first.marker.logical.start;
                let line = &inst.logical.text;
                match line.get(shell.logical.start..start) {
                    Some(before) if !before.trim().is_empty() => with_flags(before.trim()),
                    _ => {
                        // After the marker, a redirection (`| cmd`, `> file`)
                        // is dropped; other words join the body.
                        let after = line.get(first.marker.logical.end..shell.logical.end);
                        let after = after.unwrap_or("").trim();
                        let after = if after.starts_with(['|', '>']) {
                            ""
                        } else {
                            after
                        };
                        format!("{after}\n{}", first.content()).trim().to_string()
                    }
                }
            }
        }
    })
}

/// Runs every rule (and, when asked, Docker's build checks after them)
/// and returns the findings that survive the pragmas, in hadolint's
/// collection order.
fn collect(file: &Dockerfile, source: &str, config: &Config) -> Vec<Finding> {
    // The item stream: top-level comments and instructions, by line.
    let docker_reading = docker_accepts(file);
    let mut shells: HashMap<*const Instruction, ParsedShell> = HashMap::new();
    for inst in &file.instructions {
        for i in [inst, inst.effective()] {
            if let Some(text) = run_text(i, docker_reading) {
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

#[cfg(test)]
mod tests {
    use super::lint;
    use crate::config::Config;
    use crate::report::Outcome;

    fn codes(source: &str) -> Result<Vec<(u32, String)>, String> {
        match lint(source, "Dockerfile", &Config::default()) {
            Outcome::Findings(f) => Ok(f.into_iter().map(|f| (f.line, f.code)).collect()),
            Outcome::ParseError(e) => Err(e.message),
        }
    }

    // hadolint 2.15.1 rejects each of these with DL1000 (or misreads it);
    // Docker builds them, so Dockyard lints them as Docker reads them.
    #[test]
    fn what_docker_builds_is_linted_even_where_hadolint_gives_up() {
        // A heredoc directly followed by an instruction (hadolint: "unexpected 'C'").
        let heredoc = "FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF\nCMD [\"sh\"]\n";
        let found = codes(heredoc).unwrap();
        assert!(found.contains(&(2, "DL3008".to_string())), "{found:?}");
        // A port mapping in EXPOSE (hadolint: "unexpected ':'"; BuildKit only warns).
        assert_eq!(codes("FROM debian:12\nEXPOSE 80:80\n"), Ok(vec![]));
        // `--device` is a flag to Docker; hadolint reads it as a command (SC2215).
        let device = codes("FROM debian:12\nRUN --device=/dev/fuse echo fuse\n").unwrap();
        assert!(!device.iter().any(|(_, c)| c == "SC2215"), "{device:?}");
        // Upper-case protocols are accepted by both.
        assert_eq!(codes("FROM debian:12\nEXPOSE 80/TCP\n"), Ok(vec![]));
    }

    #[test]
    fn what_docker_refuses_keeps_hadolints_parse_error() {
        let error = codes("FROM debian:12\nFOO bar\n").unwrap_err();
        assert!(
            error.starts_with("unexpected 'F'\nexpecting '#', '\\', ADD,"),
            "{error}"
        );
        // In a file Docker refuses, hadolint's reading of `--device` stays.
        let mixed =
            codes("FROM debian:12\nRUN --device=/dev/fuse echo fuse\nRUN --flag foo\n").unwrap();
        assert!(mixed.contains(&(2, "SC2215".to_string())), "{mixed:?}");
    }
}
