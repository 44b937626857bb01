//! SC2196: `egrep`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `egrep`.
    ///
    /// ## Why is this bad?
    /// `egrep` is not in POSIX and recent GNU grep warns that it is
    /// obsolescent; `grep -E` is the same thing.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN egrep 'a|b' /etc/passwd
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN grep -E 'a|b' /etc/passwd
    /// ```
    code: "SC2196",
    severity: Info,
    message: "egrep is non-standard and deprecated. Use grep -E instead.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in cx.commands("egrep") {
        out.add(c.cmd.words[0].span.start, &META);
    }
}
