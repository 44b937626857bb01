//! SC3010: `[[ ]]` under `/bin/sh`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `[[ ... ]]` when the shell is `sh`.
    ///
    /// ## Why is this bad?
    /// `[[` is a bash keyword; dash runs it as a command named `[[`, which
    /// does not exist.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN [[ -f /etc/hosts ]] && echo y
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN [ -f /etc/hosts ] && echo y
    /// ```
    code: "SC3010",
    severity: Warning,
    message: "In POSIX sh, [[ ]] is undefined.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for (span, _) in &cx.double_brackets {
        out.bashism(cx, span.start, &META, "[[ ]] is");
    }
}
