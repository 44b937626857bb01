//! SC2116: `$(echo foo)`.

use super::echo_command_substitution::is_just_command_output;
use super::{declare_check, Analysis, Comments};
use dockyard_shell::{WordPart, WordPartKind};

declare_check! {
    /// ## What it does
    /// Flags a command substitution that only echoes its arguments, such as
    /// `$(echo foo)`.
    ///
    /// ## Why is this bad?
    /// It is the same as writing the arguments directly, with a subshell
    /// and word splitting on top.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN tar -xf "$(echo /tmp/a.tar)"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN tar -xf /tmp/a.tar
    /// ```
    code: "SC2116",
    severity: Style,
    message: "Useless echo? Instead of 'cmd $(echo foo)', just use 'cmd foo'.",
}

fn optimizable(parts: &[WordPart]) -> bool {
    parts.iter().all(|p| match &p.kind {
        WordPartKind::Glob(_) | WordPartKind::BraceExpansion(_) => false,
        WordPartKind::DoubleQuoted(inner) => optimizable(inner),
        _ => true,
    })
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        let (WordPartKind::CommandSubstitution(list) | WordPartKind::Backquoted(list)) =
            &p.part.kind
        else {
            continue;
        };
        let Some(cmd) = super::analysis::single_command(list) else {
            continue;
        };
        if cmd.name_value().as_deref() != Some("echo") {
            continue;
        }
        let args = cmd.args();
        let Some(first) = args.first() else { continue };
        if args.len() == 1 && is_just_command_output(first) {
            continue;
        }
        let mut lit = String::new();
        for part in &first.parts {
            if let WordPartKind::Literal(t) = &part.kind {
                lit.push_str(t);
            } else {
                break;
            }
        }
        if lit.starts_with('-') {
            continue;
        }
        if args.iter().all(|w| optimizable(&w.parts)) {
            out.add(p.part.span.start, &META);
        }
    }
}
