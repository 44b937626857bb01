//! InvalidDefaultArgInFrom: with default `ARG` values, a `FROM` names no
//! valid image.

use super::reference::is_valid;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Expands every `FROM` image with the global `ARG`s' default values
    /// (no `--build-arg`) and flags those that do not come out as a valid
    /// image reference: empty, an empty tag, upper case, stray
    /// characters.
    ///
    /// ## Why is this bad?
    /// The build only works when the right `--build-arg` is passed; a
    /// plain `docker build` fails. A default makes the file buildable as
    /// it is.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG TAG
    /// FROM busybox:${TAG}
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// ARG TAG=latest
    /// FROM busybox:${TAG}
    /// ```
    name: "InvalidDefaultArgInFrom",
    experimental: false,
}

/// `raw` is the image as written, `expanded` with default values.
pub(super) fn check(lint: &mut Lint, config: &CheckConfig, line: u32, raw: &str, expanded: &str) {
    if !is_valid(expanded) {
        let message =
            format!("Default value for ARG {raw} results in empty or invalid base image name");
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "InvalidDefaultArgInFrom",
            "ARG TAG\nARG IMAGE\nFROM busybox:${TAG}\nFROM ${IMAGE}\n",
            &[
                (3, "Default value for ARG busybox:${TAG} results in empty or invalid base image name"),
                (4, "Default value for ARG ${IMAGE} results in empty or invalid base image name"),
            ],
        );
        passes(
            "InvalidDefaultArgInFrom",
            "ARG TAG=3.20\nARG REPO=library\nFROM alpine:${TAG}\nFROM ${REPO}/busybox\nFROM busybox:${T:-1}\nFROM scratch\n",
        );
    }
}
