//! FromAsCasing: `FROM` and `AS` written in different cases.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a `FROM … AS name` whose `AS` keyword is not in the case of
    /// its `FROM` keyword: `FROM image as name`, `from image AS name`.
    /// A `FROM` in mixed case is left to ConsistentInstructionCasing.
    ///
    /// ## Why is this bad?
    /// Keywords in one case read as keywords; mixing cases makes the
    /// stage name harder to spot.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12 as builder
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12 AS builder
    /// ```
    name: "FromAsCasing",
    experimental: false,
}

/// `from` and `as_keyword` as written.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    from: &str,
    as_keyword: &str,
) {
    let consistent = if from == from.to_lowercase() {
        as_keyword == as_keyword.to_lowercase()
    } else if from == from.to_uppercase() {
        as_keyword == as_keyword.to_uppercase()
    } else {
        true
    };
    if !consistent {
        let message = format!("'{as_keyword}' and '{from}' keywords' casing do not match");
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "FromAsCasing",
            "FROM a as b\nfrom a AS c\nFROM a As d\n",
            &[
                (1, "'as' and 'FROM' keywords' casing do not match"),
                (2, "'AS' and 'from' keywords' casing do not match"),
                (3, "'As' and 'FROM' keywords' casing do not match"),
            ],
        );
        passes(
            "FromAsCasing",
            "FROM a AS b\nfrom a as c\nFrom a as d\nFROM a\n",
        );
    }
}
