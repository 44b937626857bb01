//! DL3053: a label typed `rfc3339` in the label schema whose value is not an RFC 3339 time.

use super::label_values::{is_rfc3339, PerLabel};
use super::{Item, Out, Rule};
use crate::config::{Config, LabelType};

declare_rule! {
    /// ## What it does
    /// Flags a `LABEL` instruction that sets a label typed `rfc3339` in the
    /// configured `label-schema` to something other than an RFC 3339 date
    /// and time with a time zone, such as `2024-03-11T10:00:00Z`.
    ///
    /// ## Why is this bad?
    /// Build dates are compared and sorted by tools; `yesterday` or a date
    /// without a time zone cannot be ordered reliably.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.created="2024-03-11 10:00"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.created="2024-03-11T10:00:00Z"
    /// ```
    pub struct LabelNotRfc3339 {
        labels: PerLabel,
    }
    code: "DL3053",
    severity: Warning,
    message: "Label `<label>` is not a valid time format - must conform to RFC3339.",
    example_config: "label-schema:\n  org.opencontainers.image.created: rfc3339\n",
}

impl LabelNotRfc3339 {
    pub fn new(config: &Config) -> LabelNotRfc3339 {
        LabelNotRfc3339 {
            labels: PerLabel::new(config, |kind| kind == LabelType::Rfc3339),
        }
    }
}

impl Rule for LabelNotRfc3339 {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.labels.check(item, |value| !is_rfc3339(value));
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
        ("2024-03-11T10:00:00Z", true),
        ("2024-03-11T10:00:00+01:00", true),
        ("2024-03-11 10:00:00Z", false),
        ("yesterday", false),
    ];

    #[test]
    fn spec() {
        let config = Config::merge(&[&from_yaml("label-schema: {v: rfc3339, w: text}\n").unwrap()]);
        for (value, valid) in SPEC {
            let file = format!("FROM a:1\nLABEL v=\"{value}\" w=\"{value}\"\n");
            let expected: &[u32] = if *valid { &[] } else { &[2] };
            assert_eq!(lines_with("DL3053", &file, &config), expected, "{value}");
        }
        // Only LABEL instructions, and only the schema's labels of this type.
        let file = "FROM a:1\nENV v=x\nLABEL x=y\nONBUILD LABEL v=x\n";
        assert_eq!(lines_with("DL3053", file, &config), Vec::<u32>::new());
    }
}
