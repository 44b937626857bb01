//! SC2035: a glob that could expand to an option.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::{Glob, WordPartKind};

declare_check! {
    /// ## What it does
    /// Flags an argument that starts with `*` or `?`, such as `rm *.log`.
    ///
    /// ## Why is this bad?
    /// A file named `-rf.log` expands into an option of the command.
    /// Prefix the glob with `./` or end the options with `--`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN rm *.log
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN rm ./*.log
    /// ```
    code: "SC2035",
    severity: Info,
    message: "Use ./*glob* or -- *glob* so names with dashes won't become options.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if matches!(c.basename(), Some("echo" | "printf")) {
            continue;
        }
        for arg in c.args() {
            if matches!(arg.literal_value().as_deref(), Some("--" | ":::" | "::::")) {
                break;
            }
            if let Some(first) = arg.parts.first() {
                if matches!(first.kind, WordPartKind::Glob(Glob::Star | Glob::Question)) {
                    out.add(first.span.start, &META);
                }
            }
        }
    }
}
