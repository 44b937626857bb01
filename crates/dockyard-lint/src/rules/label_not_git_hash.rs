//! DL3055: a label typed `hash` in the label schema whose value is not a git hash.

use super::label_values::{is_git_hash, PerLabel};
use super::{Item, Out, Rule};
use crate::config::{Config, LabelType};

declare_rule! {
    /// ## What it does
    /// Flags a `LABEL` instruction that sets a label typed `hash` in the
    /// configured `label-schema` to something other than a git commit
    /// hash: 7 or 40 lowercase hexadecimal digits.
    ///
    /// ## Why is this bad?
    /// The revision label ties an image to the commit it was built from;
    /// a branch name or a truncated hash of another length cannot be
    /// looked up unambiguously.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.revision="main"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.revision="0123456789abcdef0123456789abcdef01234567"
    /// ```
    pub struct LabelNotGitHash {
        labels: PerLabel,
    }
    code: "DL3055",
    severity: Warning,
    message: "Label `<label>` is not a valid git hash.",
    example_config: "label-schema:\n  org.opencontainers.image.revision: hash\n",
}

impl LabelNotGitHash {
    pub fn new(config: &Config) -> LabelNotGitHash {
        LabelNotGitHash {
            labels: PerLabel::new(config, |kind| kind == LabelType::Hash),
        }
    }
}

impl Rule for LabelNotGitHash {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.labels.check(item, |value| !is_git_hash(value));
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
        ("abc1234", true),
        ("0123456789abcdef0123456789abcdef01234567", true),
        ("ABC1234", false),
        ("abc123", false),
        ("XYZ123", false),
    ];

    #[test]
    fn spec() {
        let config = Config::merge(&[&from_yaml("label-schema: {v: hash, w: text}\n").unwrap()]);
        for (value, valid) in SPEC {
            let file = format!("FROM a:1\nLABEL v=\"{value}\" w=\"{value}\"\n");
            let expected: &[u32] = if *valid { &[] } else { &[2] };
            assert_eq!(lines_with("DL3055", &file, &config), expected, "{value}");
        }
        // Only LABEL instructions, and only the schema's labels of this type.
        let file = "FROM a:1\nENV v=x\nLABEL x=y\nONBUILD LABEL v=x\n";
        assert_eq!(lines_with("DL3055", file, &config), Vec::<u32>::new());
    }
}
