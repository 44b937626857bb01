//! DL3007: `FROM image:latest`.

use dockyard_dockerfile::Args;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `FROM image:latest` without a digest.
    ///
    /// ## Why is this bad?
    /// `latest` is just a tag that the image's publisher moves with every
    /// release; it says nothing about which version you get. Pin the release
    /// you tested with.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:latest
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// ```
    pub struct LatestTag {}
    code: "DL3007",
    severity: Warning,
    message: "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag",
}

impl Rule for LatestTag {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::From(from)) = item.args() {
            if let Some(image) = &from.image {
                if image.digest.is_none() && image.tag.as_deref() == Some("latest") {
                    out.fail(item.line());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3007", "FROM debian:latest\n", &[1]);
        passes("DL3007", "FROM debian:latest@sha256:abc\n");
        passes("DL3007", "FROM debian:12\n");
    }
}
