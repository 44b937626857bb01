//! SC2046: an unquoted command substitution.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::WordPartKind;

declare_check! {
    /// ## What it does
    /// Flags `$(...)` and backticks outside double quotes where their
    /// output is split into words and globbed (not in assignments, `[[ ]]`,
    /// `for` lists or as a command name; `seq` and `pgrep` are exempt).
    ///
    /// ## Why is this bad?
    /// Output with spaces becomes several arguments, and `*` in it expands
    /// to file names.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN kill $(pidof x)
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN kill "$(pidof x)"
    /// ```
    code: "SC2046",
    severity: Warning,
    message: "Quote this to prevent word splitting.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        let (WordPartKind::CommandSubstitution(list) | WordPartKind::Backquoted(list)) =
            &p.part.kind
        else {
            continue;
        };
        if list.items.is_empty() || p.quote_free || p.command_name {
            continue;
        }
        let inner =
            super::analysis::single_command(list).and_then(super::analysis::command_basename);
        if matches!(inner.as_deref(), Some("seq" | "pgrep")) {
            continue;
        }
        out.add(p.part.span.start, &META);
    }
}
