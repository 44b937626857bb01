//! StageNameCasing: a stage name that is not all lower-case.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a `FROM … AS Name` whose stage name has upper-case letters.
    ///
    /// ## Why is this bad?
    /// BuildKit lower-cases stage names, so `Build` and `build` are the
    /// same stage. Writing them in lower case avoids surprises when
    /// another instruction refers to the stage.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22 AS BuildBinary
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22 AS build-binary
    /// ```
    name: "StageNameCasing",
    experimental: false,
}

/// `name` is the stage name as written.
pub(super) fn check(lint: &mut Lint, config: &CheckConfig, line: u32, name: &str) {
    if name != name.to_lowercase() {
        let message = format!("Stage name '{name}' should be lowercase");
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "StageNameCasing",
            "FROM alpine AS Builder\nFROM alpine as RUNNER\n",
            &[
                (1, "Stage name 'Builder' should be lowercase"),
                (2, "Stage name 'RUNNER' should be lowercase"),
            ],
        );
        passes("StageNameCasing", "FROM alpine AS build-1.x_y\n");
        passes("StageNameCasing", "FROM alpine\n");
        // A `# check=` comment right above the FROM switches it off there.
        passes(
            "StageNameCasing",
            "FROM alpine\n# check=skip=StageNameCasing\nFROM alpine AS Builder\n",
        );
    }
}
