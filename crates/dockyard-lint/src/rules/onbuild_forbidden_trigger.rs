//! DL3043: `ONBUILD` wrapping `ONBUILD`, `FROM` or `MAINTAINER`.

use dockyard_dockerfile::{Args, Keyword};

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER`.
    ///
    /// ## Why is this bad?
    /// Docker does not allow these three as triggers: the build of any image
    /// based on this one would fail.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// ONBUILD FROM alpine:3.20
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ONBUILD COPY . /src
    /// ```
    pub struct OnbuildForbiddenTrigger {}
    code: "DL3043",
    severity: Error,
    message: "`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.",
}

impl Rule for OnbuildForbiddenTrigger {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::Onbuild(Some(inner))) = item.args() {
            if matches!(
                inner.keyword,
                Keyword::Onbuild | Keyword::From | Keyword::Maintainer
            ) {
                out.fail(item.line());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3043", "FROM a:1\nONBUILD FROM b:1\n", &[2]);
        catches("DL3043", "FROM a:1\nONBUILD MAINTAINER me\n", &[2]);
        catches("DL3043", "FROM a:1\nONBUILD ONBUILD RUN x\n", &[2]);
        passes("DL3043", "FROM a:1\nONBUILD RUN x\n");
    }
}
