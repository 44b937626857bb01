//! DL3029: `FROM --platform` with a fixed platform.

use super::language_docker::platform;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `FROM --platform=...` unless the value mentions
    /// `BUILDPLATFORM` or `TARGETPLATFORM`.
    ///
    /// ## Why is this bad?
    /// A fixed platform makes the image build for that platform whatever
    /// the builder is asked for, so multi-platform builds silently produce
    /// the wrong architecture (or run it slowly under emulation).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM --platform=linux/amd64 debian:12
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM --platform=$BUILDPLATFORM debian:12
    /// ```
    pub struct FromPlatformFlag {}
    code: "DL3029",
    severity: Warning,
    message: "Do not use --platform flag with FROM",
}

impl Rule for FromPlatformFlag {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(value) = item.instruction().and_then(platform) {
            if !value.contains("BUILDPLATFORM") && !value.contains("TARGETPLATFORM") {
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
        catches("DL3029", "FROM --platform=linux/amd64 a:1\n", &[1]);
        catches("DL3029", "FROM --platform=$PLATFORM a:1\n", &[1]);
        passes("DL3029", "FROM --platform=$BUILDPLATFORM a:1\n");
        passes("DL3029", "FROM --platform=${TARGETPLATFORM} a:1\n");
        passes("DL3029", "FROM a:1\n");
    }
}
