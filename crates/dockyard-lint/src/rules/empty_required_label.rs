//! DL3051: a label of the label schema set to the empty string.

use super::label_values::PerLabel;
use super::{Item, Out, Rule};
use crate::config::Config;

declare_rule! {
    /// ## What it does
    /// Flags a `LABEL` instruction that sets a label named in the
    /// configured `label-schema` to an empty value, once per such label.
    ///
    /// ## Why is this bad?
    /// The schema says the label carries information; an empty value
    /// satisfies "the label is present" while telling readers nothing, and
    /// usually means a build argument was not passed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.description=""
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.description="Builds the docs site"
    /// ```
    pub struct EmptyRequiredLabel {
        labels: PerLabel,
    }
    code: "DL3051",
    severity: Warning,
    message: "label `<label>` is empty.",
    example_config: "label-schema:\n  org.opencontainers.image.description: text\n",
}

impl EmptyRequiredLabel {
    pub fn new(config: &Config) -> EmptyRequiredLabel {
        EmptyRequiredLabel {
            labels: PerLabel::new(config, |_| true),
        }
    }
}

impl Rule for EmptyRequiredLabel {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.labels.check(item, str::is_empty);
    }

    fn finish(&mut self, out: &mut Out) {
        self.labels.finish(out);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{from_yaml, Config};
    use crate::rules::testing::lines_with;

    #[test]
    fn spec() {
        let config = Config::merge(&[&from_yaml("label-schema: {a: text, b: url}\n").unwrap()]);
        let check = |file: &str| lines_with("DL3051", file, &config);
        assert_eq!(check("FROM x:1\nLABEL a=\"\"\nLABEL b=''\n"), [2, 3]);
        assert_eq!(check("FROM x:1\nLABEL a=1 c=\"\"\n"), Vec::<u32>::new());
    }
}
