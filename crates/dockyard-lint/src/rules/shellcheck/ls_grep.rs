//! SC2010: `ls | grep`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `ls` piped into `grep`.
    ///
    /// ## Why is this bad?
    /// `ls` output is meant for people: names with newlines or odd bytes
    /// are mangled. A glob selects files by name safely.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN ls /tmp | grep x
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN for f in /tmp/*x*; do echo "$f"; done
    /// ```
    code: "SC2010",
    severity: Warning,
    message: "Don't use ls | grep. Use a glob or a for loop with a condition to allow non-alphanumeric filenames.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for (ls, next) in super::ls_pipe::pairs(cx, "ls") {
        if matches!(next.as_deref(), Some("grep") | Some("xargs"))
            && next.as_deref() == Some("grep")
        {
            out.add(ls, &META);
        }
    }
}
