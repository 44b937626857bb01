//! LegacyKeyValueFormat: `ENV key value` and `LABEL key value`.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags `ENV` and `LABEL` instructions in the legacy form that
    /// separates the key from the value with whitespace.
    ///
    /// ## Why is this bad?
    /// In the legacy form the value is the rest of the line, spaces
    /// included, and only one pair fits; the `key=value` form is
    /// unambiguous and can set several pairs at once.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// ENV LANG C.UTF-8
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// ENV LANG=C.UTF-8
    /// ```
    name: "LegacyKeyValueFormat",
    experimental: false,
}

/// `name` is the keyword as written.
pub(super) fn check(lint: &mut Lint, config: &CheckConfig, line: u32, name: &str) {
    let message = format!(
        "\"{name} key=value\" should be used instead of legacy \"{name} key value\" format"
    );
    lint.report(config, &META, line, message);
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "LegacyKeyValueFormat",
            "FROM a\nENV A b c\nlabel k v\n",
            &[
                (2, "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format"),
                (3, "\"label key=value\" should be used instead of legacy \"label key value\" format"),
            ],
        );
        passes(
            "LegacyKeyValueFormat",
            "FROM a\nENV A=b C=\"d e\"\nLABEL k=v\n",
        );
    }
}
