//! DL3048: a `LABEL` key that breaks Docker's key conventions.

use dockyard_dockerfile::Args;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `LABEL` instruction with a key that does not follow Docker's
    /// conventions: lowercase letters, digits, `.`, `-`, `_` and `/` only,
    /// starting with a letter and ending with a letter or digit, no `..` or
    /// `--`, and outside the namespaces Docker reserves (`com.docker.`,
    /// `io.docker.`, `org.dockerproject.`). One finding per instruction.
    ///
    /// ## Why is this bad?
    /// Tools that read image metadata expect reverse-DNS style keys such as
    /// `org.opencontainers.image.source`. Keys in another shape, or in a
    /// namespace Docker keeps for itself, are easy to misread and may clash
    /// with labels Docker sets.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL Maintainer="dev@example.com"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="dev@example.com"
    /// ```
    pub struct InvalidLabelKey {}
    code: "DL3048",
    severity: Style,
    message: "Invalid label key.",
}

fn is_valid_key(key: &str) -> bool {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_/".contains(c);
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && key.chars().all(allowed)
        && !["com.docker.", "io.docker.", "org.dockerproject."]
            .iter()
            .any(|namespace| key.starts_with(namespace))
        && !key.contains("..")
        && !key.contains("--")
}

impl Rule for InvalidLabelKey {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::Label(pairs)) = item.args() {
            if pairs.pairs.iter().any(|p| !is_valid_key(&p.key)) {
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
        catches("DL3048", "FROM a:1\nLABEL Foo=bar\n", &[2]);
        catches("DL3048", "FROM a:1\nLABEL 1abc=bar\n", &[2]);
        catches("DL3048", "FROM a:1\nLABEL abc.=bar\n", &[2]);
        catches("DL3048", "FROM a:1\nLABEL a..b=bar\n", &[2]);
        catches("DL3048", "FROM a:1\nLABEL a--b=bar\n", &[2]);
        catches("DL3048", "FROM a:1\nLABEL a:b=bar\n", &[2]);
        catches("DL3048", "FROM a:1\nLABEL com.docker.x=bar\n", &[2]);
        catches(
            "DL3048",
            "FROM a:1\nLABEL io.docker.x=1 org.dockerproject.y=2\n",
            &[2],
        );
        catches("DL3048", "FROM a:1\nLABEL ok=1 BAD=2 Worse=3\n", &[2]);
        passes("DL3048", "FROM a:1\nLABEL under_score=1 a/b=2 a-b.c9=3\n");
        passes("DL3048", "FROM a:1\nLABEL com.dockerx=1\n");
        passes("DL3048", "FROM a:1\nONBUILD LABEL Foo=bar\n");
    }
}
