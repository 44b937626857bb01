//! SC2155: `export x=$(cmd)` and friends.

use super::analysis::{assignment_word, DECLARATIONS};
use super::{declare_check, Analysis, Comments};
use dockyard_shell::{WordPart, WordPartKind};

declare_check! {
    /// ## What it does
    /// Flags `export`, `local`, `declare`, `typeset` or `readonly` that
    /// assigns the output of a command substitution.
    ///
    /// ## Why is this bad?
    /// The exit status is the declaration's, not the command's, so a failing
    /// command goes unnoticed even with `set -e`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN export X="$(date)" && echo "$X"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN X="$(date)" && export X && echo "$X"
    /// ```
    code: "SC2155",
    severity: Warning,
    message: "Declare and assign separately to avoid masking return values.",
}

fn has_substitution(parts: &[WordPart]) -> bool {
    parts.iter().any(|p| match &p.kind {
        WordPartKind::CommandSubstitution(_) | WordPartKind::Backquoted(_) => true,
        WordPartKind::DoubleQuoted(inner) => has_substitution(inner),
        _ => false,
    })
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if c.name.as_deref().is_none_or(|n| !DECLARATIONS.contains(&n)) {
            continue;
        }
        for arg in c.args() {
            if assignment_word(arg).is_some() && has_substitution(&arg.parts) {
                out.add(arg.span.start, &META);
            }
        }
    }
}
