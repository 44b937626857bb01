//! SC2281: `$name=value`, a `$` on the left of an assignment.

use dockyard_shell::{ParamOp, WordPartKind};

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags a command name of the form `$name=...` or `${name}=...`.
    ///
    /// ## Why is this bad?
    /// The shell expands `$name` and runs the result as a command; it does
    /// not assign. Assignments name the variable without `$`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN $VERSION=1; echo "$VERSION"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN VERSION=1; echo "$VERSION"
    /// ```
    code: "SC2281",
    severity: Error,
    message: "Don't use $ on the left side of assignments.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        let Some(name) = c.cmd.words.first() else {
            continue;
        };
        let [param, rest, ..] = name.parts.as_slice() else {
            continue;
        };
        let (WordPartKind::Parameter(p), WordPartKind::Literal(text)) = (&param.kind, &rest.kind)
        else {
            continue;
        };
        let text = text.strip_prefix('+').unwrap_or(text);
        if !text.starts_with('=') || text.starts_with("==") {
            continue;
        }
        let plain = matches!(p.op, ParamOp::Plain)
            && p.name
                .starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
        let array = matches!(
            p.op,
            ParamOp::NonPosix {
                form: dockyard_shell::NonPosixParam::ArrayIndex,
                ..
            }
        );
        if !(plain || array) {
            continue;
        }
        let braced = cx.text(param.span).starts_with("${");
        let what = if braced { "${}" } else { "$" };
        out.add_msg(
            param.span.start,
            &META,
            format!("Don't use {what} on the left side of assignments."),
        );
    }
}
