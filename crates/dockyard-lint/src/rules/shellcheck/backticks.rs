//! SC2006: legacy backticks.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::WordPartKind;

declare_check! {
    /// ## What it does
    /// Flags command substitution written with backticks.
    ///
    /// ## Why is this bad?
    /// Backticks do not nest without escaping and treat backslashes
    /// specially; `$(...)` has neither problem.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo "`date`" > /built-at
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN date > /built-at
    /// ```
    code: "SC2006",
    severity: Style,
    message: "Use $(...) notation instead of legacy backticks `...`.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        if let WordPartKind::Backquoted(list) = &p.part.kind {
            if !list.items.is_empty() {
                out.add(p.part.span.start, &META);
            }
        }
    }
}
