//! SC3009: brace expansion under `/bin/sh`.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::WordPartKind;

declare_check! {
    /// ## What it does
    /// Flags `{a,b}` and `{1..3}` when the shell is `sh`.
    ///
    /// ## Why is this bad?
    /// POSIX sh (dash, the default `/bin/sh` of Debian and Ubuntu) has no
    /// brace expansion: `mkdir -p /a/{b,c}` creates one directory named
    /// `{b,c}`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN mkdir -p /a/{b,c}
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN mkdir -p /a/b /a/c
    /// ```
    code: "SC3009",
    severity: Warning,
    message: "In POSIX sh, brace expansion is undefined.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        if matches!(p.part.kind, WordPartKind::BraceExpansion(_)) && !p.in_heredoc {
            out.bashism(cx, p.part.span.start, &META, "brace expansion is");
        }
    }
}
