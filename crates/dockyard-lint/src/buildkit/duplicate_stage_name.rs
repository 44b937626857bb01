//! DuplicateStageName: two stages with the same name.

use super::golang::quote;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a stage whose name an earlier stage already has. Names are
    /// compared as BuildKit keeps them, lower-cased, so `Build` and
    /// `build` collide (hadolint's DL3024 compares them as written).
    ///
    /// ## Why is this bad?
    /// `COPY --from` and `--target` can only reach one of the stages.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12 AS builder
    /// FROM golang:1.22 AS builder
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12 AS deps
    /// FROM golang:1.22 AS builder
    /// ```
    name: "DuplicateStageName",
    experimental: false,
}

/// `stages`: each `FROM`'s line and lower-cased name.
pub(super) fn check(lint: &mut Lint, config: &CheckConfig, stages: &[(u32, Option<&str>)]) {
    let mut seen: Vec<&str> = Vec::new();
    for &(line, name) in stages {
        let Some(name) = name else {
            continue;
        };
        if seen.contains(&name) {
            let message = format!(
                "Duplicate stage name {}, stage names should be unique",
                quote(name)
            );
            lint.report(config, &META, line, message);
        }
        seen.push(name);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "DuplicateStageName",
            "FROM a AS x\nFROM b AS X\nFROM c AS x\n",
            &[
                (
                    2,
                    "Duplicate stage name \"x\", stage names should be unique",
                ),
                (
                    3,
                    "Duplicate stage name \"x\", stage names should be unique",
                ),
            ],
        );
        passes(
            "DuplicateStageName",
            "FROM a AS x\nFROM b AS y\nFROM c\nFROM d\n",
        );
    }
}
