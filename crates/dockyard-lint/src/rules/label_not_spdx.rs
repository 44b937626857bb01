//! DL3054: a label typed `spdx` in the label schema whose value is not an SPDX license identifier.

use super::label_values::{is_spdx_license_id, PerLabel};
use super::{Item, Out, Rule};
use crate::config::{Config, LabelType};

declare_rule! {
    /// ## What it does
    /// Flags a `LABEL` instruction that sets a label typed `spdx` in the
    /// configured `label-schema` to something other than a single SPDX
    /// license identifier such as `Apache-2.0` (expressions like
    /// `MIT OR Apache-2.0` and deprecated identifiers are rejected).
    ///
    /// ## Why is this bad?
    /// License scanners match the identifier exactly; `Apache 2` or
    /// `apache-2.0` is not recognised and the image looks unlicensed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.licenses="Apache 2"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.licenses="Apache-2.0"
    /// ```
    pub struct LabelNotSpdx {
        labels: PerLabel,
    }
    code: "DL3054",
    severity: Warning,
    message: "Label `<label>` is not a valid SPDX identifier.",
    example_config: "label-schema:\n  org.opencontainers.image.licenses: spdx\n",
}

impl LabelNotSpdx {
    pub fn new(config: &Config) -> LabelNotSpdx {
        LabelNotSpdx {
            labels: PerLabel::new(config, |kind| kind == LabelType::Spdx),
        }
    }
}

impl Rule for LabelNotSpdx {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.labels.check(item, |value| !is_spdx_license_id(value));
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
        ("Apache-2.0", true),
        ("MIT", true),
        ("mit", false),
        ("MIT OR Apache-2.0", false),
        ("GPL-2.0", false),
    ];

    #[test]
    fn spec() {
        let config = Config::merge(&[&from_yaml("label-schema: {v: spdx, w: text}\n").unwrap()]);
        for (value, valid) in SPEC {
            let file = format!("FROM a:1\nLABEL v=\"{value}\" w=\"{value}\"\n");
            let expected: &[u32] = if *valid { &[] } else { &[2] };
            assert_eq!(lines_with("DL3054", &file, &config), expected, "{value}");
        }
        // Only LABEL instructions, and only the schema's labels of this type.
        let file = "FROM a:1\nENV v=x\nLABEL x=y\nONBUILD LABEL v=x\n";
        assert_eq!(lines_with("DL3054", file, &config), Vec::<u32>::new());
    }
}
