//! DL3058: a label typed `email` in the label schema whose value is not an e-mail address.

use super::label_values::{is_email, PerLabel};
use super::{Item, Out, Rule};
use crate::config::{Config, LabelType};

declare_rule! {
    /// ## What it does
    /// Flags a `LABEL` instruction that sets a label typed `email` in the
    /// configured `label-schema` to something other than an RFC 5322
    /// address such as `dev@example.com` (a display name such as
    /// `Jane <jane@example.com>` is not an address).
    ///
    /// ## Why is this bad?
    /// Whoever needs to reach the image's maintainers copies the value
    /// into a mail client; anything but a bare address gets in their way.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="Jane <jane@example.com>"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.authors="jane@example.com"
    /// ```
    pub struct LabelNotEmail {
        labels: PerLabel,
    }
    code: "DL3058",
    severity: Warning,
    message: "Label `<label>` is not a valid email format - must conform to RFC5322.",
    example_config: "label-schema:\n  org.opencontainers.image.authors: email\n",
}

impl LabelNotEmail {
    pub fn new(config: &Config) -> LabelNotEmail {
        LabelNotEmail {
            labels: PerLabel::new(config, |kind| kind == LabelType::Email),
        }
    }
}

impl Rule for LabelNotEmail {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.labels.check(item, |value| !is_email(value));
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
        ("dev@example.com", true),
        ("nobody-at-example", false),
        ("Jane <jane@example.com>", false),
    ];

    #[test]
    fn spec() {
        let config = Config::merge(&[&from_yaml("label-schema: {v: email, w: text}\n").unwrap()]);
        for (value, valid) in SPEC {
            let file = format!("FROM a:1\nLABEL v=\"{value}\" w=\"{value}\"\n");
            let expected: &[u32] = if *valid { &[] } else { &[2] };
            assert_eq!(lines_with("DL3058", &file, &config), expected, "{value}");
        }
        // Only LABEL instructions, and only the schema's labels of this type.
        let file = "FROM a:1\nENV v=x\nLABEL x=y\nONBUILD LABEL v=x\n";
        assert_eq!(lines_with("DL3058", file, &config), Vec::<u32>::new());
    }
}
