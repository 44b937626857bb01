//! DL4000: the `MAINTAINER` instruction.

use dockyard_dockerfile::Keyword;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags every `MAINTAINER` instruction.
    ///
    /// ## Why is this bad?
    /// `MAINTAINER` has been deprecated since Docker 1.13. A label carries
    /// the same information in a form tools can read.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// MAINTAINER Ada <ada@example.com>
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// LABEL org.opencontainers.image.authors="ada@example.com"
    /// ```
    pub struct MaintainerDeprecated {}
    code: "DL4000",
    severity: Error,
    message: "MAINTAINER is deprecated",
}

impl Rule for MaintainerDeprecated {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if item.is(Keyword::Maintainer) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL4000", "FROM a:1\nMAINTAINER x\n", &[2]);
        passes("DL4000", "FROM a:1\nLABEL maintainer=x\n");
    }
}
