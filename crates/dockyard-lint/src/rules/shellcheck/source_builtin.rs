//! SC3046: `source` under `/bin/sh`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `source` when the shell is `sh`.
    ///
    /// ## Why is this bad?
    /// `source` is a bash name for `.`; dash says "source: not found".
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN source /etc/profile
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN . /etc/profile
    /// ```
    code: "SC3046",
    severity: Warning,
    message: "In POSIX sh, 'source' in place of '.' is undefined.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if c.name.as_deref() == Some("source") {
            out.bashism(cx, c.start(), &META, "'source' in place of '.' is");
        }
    }
}
