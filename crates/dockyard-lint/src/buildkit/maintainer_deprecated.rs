//! MaintainerDeprecated: the `MAINTAINER` instruction.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags every `MAINTAINER` instruction.
    ///
    /// ## Why is this bad?
    /// `MAINTAINER` is deprecated; the `org.opencontainers.image.authors`
    /// label says the same in a form tools read.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// MAINTAINER Ada <ada@example.com>
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// LABEL org.opencontainers.image.authors="ada@example.com"
    /// ```
    name: "MaintainerDeprecated",
    experimental: false,
}

pub(super) fn check(lint: &mut Lint, config: &CheckConfig, line: u32) {
    let message = "Maintainer instruction is deprecated in favor of using label".to_string();
    lint.report(config, &META, line, message);
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "MaintainerDeprecated",
            "FROM a\nmaintainer x\n",
            &[(
                2,
                "Maintainer instruction is deprecated in favor of using label",
            )],
        );
        passes("MaintainerDeprecated", "FROM a\nLABEL maintainer=x\n");
    }
}
