//! SC1097: `name==value`, an assignment written like a comparison.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags an assignment whose value starts with `=`, as in `X==1`.
    ///
    /// ## Why is this bad?
    /// The shell assigns `=1` to `X`: `==` is neither an assignment nor a
    /// comparison outside `[ ]`/`[[ ]]`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN MODE==prod; echo "$MODE"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN MODE=prod; echo "$MODE"
    /// ```
    code: "SC1097",
    severity: Error,
    message: "Unexpected ==. For assignment, use =. For comparison, use [/[[. Or quote for literal string.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if cx.in_double_parens(c.start()) {
            continue;
        }
        for a in &c.cmd.assignments {
            if cx.text(a.value.span).starts_with('=') {
                out.add(a.value.span.start, &META);
            }
        }
    }
}
