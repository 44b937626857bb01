//! SC2044: a `for` loop over `find` output.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `for f in $(find ...)`.
    ///
    /// ## Why is this bad?
    /// The output is split on blanks and globbed, so names with spaces or
    /// wildcards break the loop, and nothing runs until `find` is done.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN for f in $(find / -name "*.pyc"); do rm "$f"; done
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN find / -name "*.pyc" -exec rm {} +
    /// ```
    code: "SC2044",
    severity: Warning,
    message: "For loops over find output are fragile. Use find -exec or a while read loop.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for (pos, words) in super::ls_loop::loops_over_output(cx) {
        if words.first().map(String::as_str) == Some("find") {
            out.add(pos, &META);
        }
    }
}
