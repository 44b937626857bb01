//! SC2027: an expansion between two double-quoted strings of one word.

use dockyard_shell::WordPartKind;

use super::quoted_literal_between_quotes::checked_words;
use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `$x` or `$(cmd)` sitting between two double-quoted strings of
    /// one word, as in `"a"$x"b"`.
    ///
    /// ## Why is this bad?
    /// The quotes end before the expansion and start again after it, so
    /// the expansion itself is unquoted: it is split and globbed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN v=1.2; echo "version: "$v" end"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN v=1.2; echo "version: $v end"
    /// ```
    code: "SC2027",
    severity: Warning,
    message: "The surrounding quotes actually unquote this. Remove or escape them.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for w in checked_words(cx) {
        for t in w.parts.windows(3) {
            if let (WordPartKind::DoubleQuoted(_), middle, WordPartKind::DoubleQuoted(_)) =
                (&t[0].kind, &t[1].kind, &t[2].kind)
            {
                if matches!(
                    middle,
                    WordPartKind::Parameter(_) | WordPartKind::CommandSubstitution(_)
                ) {
                    out.add(t[1].span.start, &META);
                }
            }
        }
    }
}
