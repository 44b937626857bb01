//! A readable, stable text dump of the tree, for tests and debugging.

use crate::syntax::*;
use std::fmt::Write;

/// Renders the parse result as indented lines (one instruction header per
/// instruction, details below), followed by comments and diagnostics.
pub fn dump(file: &Dockerfile, source: &str) -> String {
    let mut out = String::new();
    if file.escape != '\\' {
        let _ = writeln!(out, "escape {}", file.escape);
    }
    for directive in [
        &file.directives.syntax,
        &file.directives.escape,
        &file.directives.check,
    ]
    .into_iter()
    .flatten()
    {
        let _ = writeln!(
            out,
            "directive {}={} (line {})",
            directive.name, directive.value, directive.line
        );
    }
    for instruction in &file.instructions {
        dump_instruction(&mut out, instruction, source, "");
    }
    for comment in &file.comments {
        let inside = if comment.in_instruction {
            " (in instruction)"
        } else {
            ""
        };
        let _ = writeln!(out, "comment {} {:?}{inside}", comment.line, comment.text);
    }
    for stage in &file.stages {
        let alias = stage
            .alias
            .as_deref()
            .map_or(String::new(), |a| format!(" as {a}"));
        let _ = writeln!(
            out,
            "stage {} {}{alias} instructions {}..{}",
            stage.index, stage.base, stage.instructions.start, stage.instructions.end
        );
    }
    for d in &file.diagnostics {
        let _ = writeln!(out, "{:?} {}:{} {:?}", d.kind, d.line, d.column, d.message);
    }
    out
}

fn dump_instruction(out: &mut String, instruction: &Instruction, source: &str, indent: &str) {
    let lines = if instruction.start_line == instruction.end_line {
        format!("{}", instruction.start_line)
    } else {
        format!("{}-{}", instruction.start_line, instruction.end_line)
    };
    let _ = writeln!(out, "{indent}{} L{lines}", instruction.keyword.as_str());
    let inner = format!("{indent}  ");
    for flag in &instruction.flags {
        let value = flag
            .value
            .as_deref()
            .map_or(String::new(), |v| format!("={v:?}"));
        let _ = writeln!(out, "{inner}flag {}{value}", flag.name);
        if let Some(mount) = &flag.mount {
            let options: Vec<String> = mount
                .options
                .iter()
                .map(|o| match &o.value {
                    Some(v) => format!("{}={}", o.key, v),
                    None => o.key.clone(),
                })
                .collect();
            let _ = writeln!(out, "{inner}  mount {}", options.join(" "));
        }
    }
    match &instruction.args {
        Args::From(from) => {
            if let Some(image) = &from.image {
                let _ = writeln!(
                    out,
                    "{inner}image registry={} name={} tag={} digest={}",
                    image.registry.as_deref().unwrap_or("-"),
                    image.name,
                    image.tag.as_deref().unwrap_or("-"),
                    image.digest.as_deref().unwrap_or("-")
                );
            }
            if let Some(alias) = &from.alias {
                let _ = writeln!(out, "{inner}alias {}", alias.text);
            }
            if let Some(platform) = &from.platform {
                let _ = writeln!(out, "{inner}platform {platform}");
            }
        }
        Args::Run(command)
        | Args::Cmd(command)
        | Args::Entrypoint(command)
        | Args::Shell(command) => dump_command(out, command.as_ref(), &inner),
        Args::Label(kv) | Args::Env(kv) => {
            if kv.legacy_form {
                let _ = writeln!(out, "{inner}legacy");
            }
            for pair in &kv.pairs {
                let _ = writeln!(out, "{inner}{:?}={:?}", pair.key, pair.value);
            }
        }
        Args::Arg(args) => {
            for arg in args {
                match &arg.default {
                    Some(d) => {
                        let _ = writeln!(out, "{inner}arg {}={d:?}", arg.name);
                    }
                    None => {
                        let _ = writeln!(out, "{inner}arg {}", arg.name);
                    }
                }
            }
        }
        Args::Expose(ports) => {
            for port in ports {
                let _ = writeln!(
                    out,
                    "{inner}port {} number={} end={} protocol={}",
                    port.raw,
                    port.number.map_or("-".to_string(), |n| n.to_string()),
                    port.range_end.map_or("-".to_string(), |n| n.to_string()),
                    port.protocol.as_deref().unwrap_or("-")
                );
            }
        }
        Args::Copy(copy) | Args::Add(copy) => {
            let sources: Vec<&str> = copy.sources.iter().map(|w| w.text.as_str()).collect();
            let json = if copy.json_form { " json" } else { "" };
            let _ = writeln!(
                out,
                "{inner}sources {:?} dest {:?}{json}",
                sources,
                copy.dest.as_ref().map(|d| d.text.as_str())
            );
        }
        Args::Volume(volume) => {
            let paths: Vec<&str> = volume.paths.iter().map(|w| w.text.as_str()).collect();
            let json = if volume.json_form { " json" } else { "" };
            let _ = writeln!(out, "{inner}paths {paths:?}{json}");
        }
        Args::Workdir(word) | Args::Stopsignal(word) | Args::Maintainer(word) => {
            if let Some(word) = word {
                let _ = writeln!(out, "{inner}{:?}", word.text);
            }
        }
        Args::User(user) => {
            if let Some(user) = user {
                let _ = writeln!(out, "{inner}user {:?} group {:?}", user.user, user.group);
            }
        }
        Args::Healthcheck(check) => {
            let _ = writeln!(out, "{inner}healthcheck {:?}", check.kind);
            dump_command(out, check.command.as_ref(), &inner);
        }
        Args::Onbuild(inner_instruction) => {
            if let Some(nested) = inner_instruction {
                dump_instruction(out, nested, source, &inner);
            }
        }
        Args::Unknown => {
            let _ = writeln!(out, "{inner}text {:?}", instruction.args_text());
        }
    }
    if indent.is_empty() {
        for heredoc in &instruction.heredocs {
            let quoted = if heredoc.quoted { " quoted" } else { "" };
            let chomp = if heredoc.chomp { " chomp" } else { "" };
            let terminated = if heredoc.terminator_span.is_some() {
                ""
            } else {
                " unterminated"
            };
            let _ = writeln!(
                out,
                "{inner}heredoc {}{quoted}{chomp}{terminated} L{}-{} {:?}",
                heredoc.name,
                heredoc.start_line,
                heredoc.end_line,
                heredoc.content()
            );
        }
    }
    let _ = source;
}

fn dump_command(out: &mut String, command: Option<&Command>, indent: &str) {
    match command {
        Some(Command::Exec(exec)) => {
            let args: Vec<&str> = exec.args.iter().map(|a| a.value.as_str()).collect();
            let _ = writeln!(out, "{indent}exec {args:?}");
        }
        Some(Command::Shell(shell)) => {
            let _ = writeln!(out, "{indent}shell {:?}", shell.text);
        }
        None => {}
    }
}
