//! DL3056: a label typed `semver` in the label schema whose value is not a semantic version.

use super::label_values::{is_semver, PerLabel};
use super::{Item, Out, Rule};
use crate::config::{Config, LabelType};

declare_rule! {
    /// ## What it does
    /// Flags a `LABEL` instruction that sets a label typed `semver` in the
    /// configured `label-schema` to something other than a semantic
    /// version `MAJOR.MINOR.PATCH`, optionally with `-prerelease` and
    /// `+build` parts.
    ///
    /// ## Why is this bad?
    /// Version labels are compared by tools; `1.0` or `v1.2.3` does not
    /// follow the format they expect.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version="1.0"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version="1.0.0"
    /// ```
    pub struct LabelNotSemver {
        labels: PerLabel,
    }
    code: "DL3056",
    severity: Warning,
    message: "Label `<label>` does not conform to semantic versioning.",
    example_config: "label-schema:\n  org.opencontainers.image.version: semver\n",
}

impl LabelNotSemver {
    pub fn new(config: &Config) -> LabelNotSemver {
        LabelNotSemver {
            labels: PerLabel::new(config, |kind| kind == LabelType::Semver),
        }
    }
}

impl Rule for LabelNotSemver {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.labels.check(item, |value| !is_semver(value));
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
        ("1.2.3", true),
        ("1.2.3-rc.1+build.5", true),
        ("1.0", false),
        ("v1.2.3", false),
    ];

    #[test]
    fn spec() {
        let config = Config::merge(&[&from_yaml("label-schema: {v: semver, w: text}\n").unwrap()]);
        for (value, valid) in SPEC {
            let file = format!("FROM a:1\nLABEL v=\"{value}\" w=\"{value}\"\n");
            let expected: &[u32] = if *valid { &[] } else { &[2] };
            assert_eq!(lines_with("DL3056", &file, &config), expected, "{value}");
        }
        // Only LABEL instructions, and only the schema's labels of this type.
        let file = "FROM a:1\nENV v=x\nLABEL x=y\nONBUILD LABEL v=x\n";
        assert_eq!(lines_with("DL3056", file, &config), Vec::<u32>::new());
    }
}
