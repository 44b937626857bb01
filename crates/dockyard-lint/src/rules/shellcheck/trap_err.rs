//! SC3047: trapping `ERR`, `DEBUG` or `RETURN` under `/bin/sh`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `trap ... ERR` (or `DEBUG`, `RETURN`) when the shell is `sh`.
    ///
    /// ## Why is this bad?
    /// These are bash pseudo-signals; dash rejects them with "trap: ERR:
    /// bad trap".
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN trap 'echo failed' ERR
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN trap 'echo done' EXIT
    /// ```
    code: "SC3047",
    severity: Warning,
    message: "In POSIX sh, trapping ERR is undefined.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if c.name.as_deref() != Some("trap") {
            continue;
        }
        for w in c.args().iter().skip(1) {
            let Some(v) = w.literal_value() else { continue };
            if ["ERR", "DEBUG", "RETURN"].contains(&v.to_uppercase().as_str()) {
                out.bashism(cx, w.span.start, &META, &format!("trapping {v} is"));
            }
        }
    }
}
