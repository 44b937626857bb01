//! DL3052: a label typed `url` in the label schema whose value is not a URL.

use super::label_values::{is_url, PerLabel};
use super::{Item, Out, Rule};
use crate::config::{Config, LabelType};

declare_rule! {
    /// ## What it does
    /// Flags a `LABEL` instruction that sets a label typed `url` in the
    /// configured `label-schema` to something that is not an absolute URI:
    /// it needs a scheme (`https:`), and only characters a URI allows.
    ///
    /// ## Why is this bad?
    /// Such labels are followed by people and tools ("where is the source?");
    /// `github.com/example/app` has no scheme and is not a link to anything.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.source="github.com/example/app"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.source="https://github.com/example/app"
    /// ```
    pub struct LabelNotUrl {
        labels: PerLabel,
    }
    code: "DL3052",
    severity: Warning,
    message: "Label `<label>` is not a valid URL.",
    example_config: "label-schema:\n  org.opencontainers.image.source: url\n",
}

impl LabelNotUrl {
    pub fn new(config: &Config) -> LabelNotUrl {
        LabelNotUrl {
            labels: PerLabel::new(config, |kind| kind == LabelType::Url),
        }
    }
}

impl Rule for LabelNotUrl {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.labels.check(item, |value| !is_url(value));
    }

    fn finish(&mut self, out: &mut Out) {
        self.labels.finish(out);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{from_yaml, Config};
    use crate::rules::testing::lines_with;

    /// `(value, hadolint flags it)`; more values in `label_values`.
    const SPEC: &[(&str, bool)] = &[
        ("https://github.com/example/app", true),
        ("example.com/docs", false),
        ("not a url", false),
        ("mailto:a@b.c", true),
    ];

    #[test]
    fn spec() {
        let config = Config::merge(&[&from_yaml("label-schema: {v: url, w: text}\n").unwrap()]);
        for (value, valid) in SPEC {
            let file = format!("FROM a:1\nLABEL v=\"{value}\" w=\"{value}\"\n");
            let expected: &[u32] = if *valid { &[] } else { &[2] };
            assert_eq!(lines_with("DL3052", &file, &config), expected, "{value}");
        }
        // Only LABEL instructions, and only the schema's labels of this type.
        let file = "FROM a:1\nENV v=x\nLABEL x=y\nONBUILD LABEL v=x\n";
        assert_eq!(lines_with("DL3052", file, &config), Vec::<u32>::new());
    }
}
