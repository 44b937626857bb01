//! JSONArgsRecommended: `CMD` or `ENTRYPOINT` in shell form.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a `CMD` or `ENTRYPOINT` in shell form, unless a `SHELL`
    /// instruction earlier in the stage (or in the stage it builds on) set
    /// the shell. A `SHELL` set by the base image is unknown here, so such
    /// images get the finding BuildKit would not give. `HEALTHCHECK CMD`
    /// is not checked (hadolint's DL3025 is stricter on both counts).
    ///
    /// ## Why is this bad?
    /// In shell form the command runs under `/bin/sh -c`, which becomes
    /// PID 1 and does not pass signals on: `docker stop` waits and then
    /// kills the container.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22
    /// CMD node server.js
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22
    /// CMD ["node", "server.js"]
    /// ```
    name: "JSONArgsRecommended",
    experimental: false,
}

/// `name` is the keyword as written.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    name: &str,
    shell_form: bool,
    shell_set: bool,
) {
    if shell_form && !shell_set {
        let message = format!(
            "JSON arguments recommended for {name} to prevent unintended behavior related to OS signals"
        );
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{catches, passes, says};

    #[test]
    fn spec() {
        says(
            "JSONArgsRecommended",
            "FROM a\nentrypoint run.sh\nCMD go\n",
            &[
                (2, "JSON arguments recommended for entrypoint to prevent unintended behavior related to OS signals"),
                (3, "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"),
            ],
        );
        passes(
            "JSONArgsRecommended",
            "FROM a\nCMD [\"go\"]\nENTRYPOINT [\"x\"]\n",
        );
        passes(
            "JSONArgsRecommended",
            "FROM a\nHEALTHCHECK CMD curl -f localhost\n",
        );
        passes(
            "JSONArgsRecommended",
            "FROM a\nSHELL [\"/bin/bash\", \"-c\"]\nCMD go\n",
        );
        // The shell carries over to a stage built on this one, not to others.
        passes(
            "JSONArgsRecommended",
            "FROM a AS base\nSHELL [\"sh\", \"-c\"]\nFROM base\nCMD go\n",
        );
        catches(
            "JSONArgsRecommended",
            "FROM a AS base\nSHELL [\"sh\", \"-c\"]\nFROM a\nCMD go\n",
            &[4],
        );
    }
}
