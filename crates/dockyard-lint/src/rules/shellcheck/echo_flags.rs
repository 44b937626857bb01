//! SC3037: `echo -e`/`-n` under `/bin/sh`.

use super::{declare_check, Analysis, Comments, Dialect};

declare_check! {
    /// ## What it does
    /// Flags `echo` with `-e`, `-E`, `-n` or `-s` when the shell is `sh`.
    ///
    /// ## Why is this bad?
    /// POSIX leaves echo's flags undefined: dash prints `-e` literally and
    /// always expands escapes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo -e "a\nb" > /f
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN printf 'a\nb\n' > /f
    /// ```
    code: "SC3037",
    severity: Warning,
    message: "In POSIX sh, echo flags are undefined.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    if cx.dialect != Dialect::Sh {
        return;
    }
    for c in cx.commands("echo") {
        let Some(arg) = c.args().first() else {
            continue;
        };
        let Some(v) = arg.literal_value() else {
            continue;
        };
        let flag =
            v.len() > 1 && v.starts_with('-') && v[1..].chars().all(|ch| "eEsn".contains(ch));
        if flag {
            out.bashism(cx, arg.span.start, &META, "echo flags are");
        }
    }
}
