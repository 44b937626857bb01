//! SC2283: `name = value`, an assignment with spaces around `=`.

use dockyard_shell::WordPartKind;

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags a command whose second word starts with an unquoted `=` (but
    /// not `==` or `====...`), as in `VERSION = 1`.
    ///
    /// ## Why is this bad?
    /// With spaces, the shell runs a command named `VERSION` with the
    /// arguments `=` and `1`: "VERSION: not found".
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN VERSION = 1; echo "$VERSION"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN VERSION=1; echo "$VERSION"
    /// ```
    code: "SC2283",
    severity: Error,
    message: "Remove spaces around = to assign (or use [ ] to compare, or quote '=' if literal).",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        let Some(arg) = c.cmd.words.get(1) else {
            continue;
        };
        // `(( x = 1 ))` is arithmetic; `[ a = b && c = d ]` a broken test.
        let in_test = c
            .args()
            .iter()
            .any(|w| matches!(w.literal_value().as_deref(), Some("]" | "]]")));
        if cx.in_double_parens(c.start()) || in_test {
            continue;
        }
        let Some(first) = arg.parts.first() else {
            continue;
        };
        let WordPartKind::Literal(text) = &first.kind else {
            continue;
        };
        if text.starts_with('=') && !text.starts_with("==") {
            out.add(first.span.start, &META);
        }
    }
}
