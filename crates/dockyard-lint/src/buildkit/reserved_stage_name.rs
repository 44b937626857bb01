//! ReservedStageName: a stage named `scratch` or `context`.

use super::golang::quote;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a stage named `scratch` or `context` (in any case).
    ///
    /// ## Why is this bad?
    /// `scratch` is the empty image and `context` the build context; a
    /// stage of that name is confused with them.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine AS scratch
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine AS base
    /// ```
    name: "ReservedStageName",
    experimental: false,
}

/// `stages`: each `FROM`'s line and lower-cased name.
pub(super) fn check(lint: &mut Lint, config: &CheckConfig, stages: &[(u32, Option<&str>)]) {
    for &(line, name) in stages {
        if let Some(name @ ("scratch" | "context")) = name {
            let message = format!(
                "Stage name should not use the same name as reserved stage {}",
                quote(name)
            );
            lint.report(config, &META, line, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "ReservedStageName",
            "FROM a AS scratch\nFROM b AS Context\n",
            &[
                (
                    1,
                    "Stage name should not use the same name as reserved stage \"scratch\"",
                ),
                (
                    2,
                    "Stage name should not use the same name as reserved stage \"context\"",
                ),
            ],
        );
        passes("ReservedStageName", "FROM scratch AS base\nFROM scratch\n");
    }
}
