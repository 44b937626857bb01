//! RedundantTargetPlatform: `FROM --platform=$TARGETPLATFORM`.

use super::expand::{Env, Expansion};
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a `FROM --platform` whose value uses only `TARGETPLATFORM`
    /// and comes out as the target platform, like `$TARGETPLATFORM` or
    /// `${TARGETPLATFORM}`.
    ///
    /// ## Why is this bad?
    /// Stages are built for the target platform anyway; the flag adds
    /// nothing but noise.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=$TARGETPLATFORM alpine
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// ```
    name: "RedundantTargetPlatform",
    experimental: false,
}

/// `raw` is the flag's value as written; `global` the global scope.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    raw: &str,
    expansion: &Expansion,
    global: &Env,
) {
    if expansion.matched.len() != 1 || !expansion.unmatched.is_empty() {
        return;
    }
    if expansion.matched[0] != "TARGETPLATFORM" {
        return;
    }
    if global.get("TARGETPLATFORM") == Some(expansion.result.as_str()) {
        let message = format!(
            "Setting platform to predefined {raw} in FROM is redundant as this is the default behavior"
        );
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "RedundantTargetPlatform",
            "FROM --platform=$TARGETPLATFORM a\nFROM --platform=${TARGETPLATFORM} b\n",
            &[
                (1, "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior"),
                (2, "Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior"),
            ],
        );
        passes(
            "RedundantTargetPlatform",
            "FROM --platform=$BUILDPLATFORM a\nFROM --platform=$TARGETOS/$TARGETARCH b\nFROM --platform=${TARGETPLATFORM}x c\n",
        );
    }
}
