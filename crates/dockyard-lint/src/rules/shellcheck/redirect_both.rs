//! SC3020: `&>` under `/bin/sh`.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::RedirOp;

declare_check! {
    /// ## What it does
    /// Flags `&>` when the shell is `sh`.
    ///
    /// ## Why is this bad?
    /// dash reads `cmd &> file` as `cmd &` (in the background) followed by
    /// `> file`, which truncates the file and hides the output nowhere.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN ls &> /dev/null
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN ls > /dev/null 2>&1
    /// ```
    code: "SC3020",
    severity: Warning,
    message: "In POSIX sh, &> is undefined.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for r in &cx.redirects {
        if r.op == RedirOp::OutputAndError {
            out.bashism(cx, r.span.start, &META, "&> is");
        }
    }
}
