//! DL3065: `FROM --platform=$TARGETPLATFORM`.

use super::language_docker::platform;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).
    ///
    /// ## Why is this bad?
    /// The target platform is what `FROM` uses anyway; spelling it out adds
    /// noise and suggests that something special happens.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=$TARGETPLATFORM debian:12
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ```
    pub struct RedundantTargetPlatform {}
    code: "DL3065",
    severity: Warning,
    message: "Setting `FROM --platform` to predefined `$TARGETPLATFORM` in is redundant as this is the default behavior",
}

impl Rule for RedundantTargetPlatform {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(value) = item.instruction().and_then(platform) {
            if value == "$TARGETPLATFORM" || value == "${TARGETPLATFORM}" {
                out.fail(item.line());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3065", "FROM --platform=$TARGETPLATFORM a:1\n", &[1]);
        catches("DL3065", "FROM --platform=${TARGETPLATFORM} a:1\n", &[1]);
        passes("DL3065", "FROM --platform=$BUILDPLATFORM a:1\n");
        passes("DL3065", "FROM --platform=linux/${TARGETPLATFORM} a:1\n");
        passes("DL3065", "FROM a:1\n");
    }
}
