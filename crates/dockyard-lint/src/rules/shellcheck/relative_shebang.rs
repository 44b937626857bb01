//! SC2239: a shell given without its absolute path.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags a shell named without an absolute path, as with
    /// `# hadolint shell=bash` or `SHELL ["bash", "-c"]`: hadolint turns it
    /// into the shebang `#!bash`.
    ///
    /// ## Why is this bad?
    /// A shebang needs the interpreter's absolute path; hadolint passes the
    /// shell name through as one.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["bash", "-c"]
    /// RUN echo hi
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["/bin/bash", "-c"]
    /// RUN echo hi
    /// ```
    code: "SC2239",
    severity: Error,
    message: "Ensure the shebang uses an absolute path to the interpreter.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    if !cx.shebang.is_empty() && !cx.shebang.starts_with('/') {
        out.add(0, &META);
    }
}
