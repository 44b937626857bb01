//! SC2215: a flag where a command name should be.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::WordPartKind;

declare_check! {
    /// ## What it does
    /// Flags a command whose name is an unquoted flag, such as `--flag foo`.
    ///
    /// ## Why is this bad?
    /// It is usually a continuation line that lost its backslash, or a test
    /// that lost its `[`. (BuildKit `RUN` flags hadolint does not know, such
    /// as `--device`, end up here too.)
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN --flag foo
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN foo --flag
    /// ```
    code: "SC2215",
    severity: Warning,
    message: "This flag is used as a command name. Bad line break or missing [ .. ]?",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if !c.cmd.assignments.is_empty() {
            continue;
        }
        let Some(first) = c.cmd.words.first() else {
            continue;
        };
        if let Some(WordPartKind::Literal(text)) = first.parts.first().map(|p| &p.kind) {
            if text.starts_with('-') {
                out.add(first.span.start, &META);
            }
        }
    }
}
