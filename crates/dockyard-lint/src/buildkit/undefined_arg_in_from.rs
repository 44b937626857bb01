//! UndefinedArgInFrom: a `FROM` using a variable no global `ARG` declares.

use super::suggest::search;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a variable in a `FROM` image or `--platform` that is neither
    /// declared by an `ARG` before the first `FROM` nor one of BuildKit's
    /// predefined platform arguments (`BUILDPLATFORM`, `TARGETOS`,
    /// `TARGETARCH`, …). Suggests the closest declared name when one is
    /// within two edits. (BuildKit picks among equally close names in no
    /// fixed order; here the first declared wins.)
    ///
    /// ## Why is this bad?
    /// An undeclared variable expands to nothing, so the image name is
    /// not what it looks like: `FROM node:${NODE_VERSON}` pulls
    /// `node:` and fails, or worse, pulls `latest`.
    ///
    /// ## Example
    /// ```dockerfile
    /// ARG VERSION=3.20
    /// FROM alpine:${VERSOIN}
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// ARG VERSION=3.20
    /// FROM alpine:${VERSION}
    /// ```
    name: "UndefinedArgInFrom",
    experimental: false,
}

/// `unmatched`: names the expansion did not find; `declared`: the names
/// a `FROM` may use.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    unmatched: &[String],
    declared: &[String],
) {
    for name in unmatched {
        if declared.contains(name) {
            continue;
        }
        let mut message = format!("FROM argument '{name}' is not declared");
        if let Some(suggestion) = search(name, declared.iter().map(String::as_str)) {
            message.push_str(&format!(" (did you mean {suggestion}?)"));
        }
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "UndefinedArgInFrom",
            "ARG VERSION=1\nFROM alpine:${VERSOIN}\nFROM $IMAGE\nFROM --platform=$TARGETPLATFORM_ a\n",
            &[
                (2, "FROM argument 'VERSOIN' is not declared (did you mean VERSION?)"),
                (3, "FROM argument 'IMAGE' is not declared"),
                (4, "FROM argument 'TARGETPLATFORM_' is not declared (did you mean TARGETPLATFORM?)"),
            ],
        );
        // Declared without a value or predefined: fine for this check
        // (InvalidDefaultArgInFrom has its say).
        passes(
            "UndefinedArgInFrom",
            "ARG TAG\nFROM alpine:$TAG\nFROM --platform=$BUILDPLATFORM golang:1.22-$TARGETOS\n",
        );
        // A default in the expansion does not declare the name.
        says(
            "UndefinedArgInFrom",
            "FROM golang:${GO:-1.22}\n",
            &[(1, "FROM argument 'GO' is not declared")],
        );
        // An ARG inside a stage does not count for FROM.
        says(
            "UndefinedArgInFrom",
            "FROM a\nARG B=x\nFROM $B\n",
            &[(3, "FROM argument 'B' is not declared")],
        );
    }
}
