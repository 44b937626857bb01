//! DL3006: `FROM` an image without a tag.

use std::collections::HashSet;

use dockyard_dockerfile::Args;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `FROM image` with neither a tag nor a digest, unless the image
    /// is `scratch`, an earlier stage's name, or starts with a variable.
    ///
    /// ## Why is this bad?
    /// Without a tag, Docker pulls `latest`, which moves: the same
    /// Dockerfile builds a different image next month. Naming the version
    /// makes builds repeatable and upgrades deliberate.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ```
    pub struct ImageWithoutTag {
        aliases: HashSet<String>,
    }
    code: "DL3006",
    severity: Warning,
    message: "Always tag the version of an image explicitly",
}

impl Rule for ImageWithoutTag {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(Args::From(from)) = item.args() else {
            return;
        };
        if let Some(alias) = &from.alias {
            self.aliases.insert(alias.text.clone());
        }
        let Some(image) = &from.image else { return };
        let untagged = image.tag.is_none() && image.digest.is_none();
        let exempt = image.name == "scratch"
            || image.raw.starts_with('$')
            || self.aliases.contains(&image.raw);
        if untagged && !exempt {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3006", "FROM debian\n", &[1]);
        catches("DL3006", "FROM docker.io/library/debian\n", &[1]);
        catches("DL3006", "ARG x\nFROM img${x}\n", &[2]);
        passes("DL3006", "FROM debian:12\n");
        passes("DL3006", "FROM debian@sha256:abc\n");
        passes("DL3006", "FROM scratch\n");
        passes("DL3006", "ARG IMAGE=a:1\nFROM ${IMAGE}\n");
        passes("DL3006", "FROM a:1 AS build\nFROM build\n");
    }
}
