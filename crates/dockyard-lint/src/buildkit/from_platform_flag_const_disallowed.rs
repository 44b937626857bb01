//! FromPlatformFlagConstDisallowed: `FROM --platform=` with a constant.

use super::expand::Expansion;
use super::golang::quote;
use super::platform;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a `FROM --platform` given a constant (no variable), unless
    /// the stage's name contains that platform's OS or architecture
    /// (`FROM --platform=linux/arm64 alpine AS build-arm64` is fine).
    /// Values that are no platform at all are left to the build to
    /// reject.
    ///
    /// ## Why is this bad?
    /// A fixed platform defeats multi-platform builds: every target gets
    /// the same architecture, usually by mistake.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=linux/amd64 alpine AS base
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM --platform=$BUILDPLATFORM alpine AS base
    /// ```
    name: "FromPlatformFlagConstDisallowed",
    experimental: false,
}

/// `stage` is the lower-cased stage name (empty if none).
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    stage: &str,
    expansion: &Expansion,
) {
    if !expansion.matched.is_empty() || !expansion.unmatched.is_empty() {
        return;
    }
    let Some(p) = platform::parse(&expansion.result) else {
        return;
    };
    if stage.contains(&p.os) || stage.contains(&p.arch) {
        return;
    }
    let message = format!(
        "FROM --platform flag should not use constant value {}",
        quote(&expansion.result)
    );
    lint.report(config, &META, line, message);
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "FromPlatformFlagConstDisallowed",
            "FROM --platform=linux/amd64 a\nFROM --platform=linux/arm64 a AS build\n",
            &[
                (
                    1,
                    "FROM --platform flag should not use constant value \"linux/amd64\"",
                ),
                (
                    2,
                    "FROM --platform flag should not use constant value \"linux/arm64\"",
                ),
            ],
        );
        passes(
            "FromPlatformFlagConstDisallowed",
            "FROM --platform=linux/arm64 a AS build-arm64\nFROM --platform=windows/amd64 a AS windows\nFROM --platform=$BUILDPLATFORM a\nFROM --platform=bogus a\n",
        );
    }
}
