//! DL3050: with `strict-labels`, a `LABEL` key outside the label schema.

use std::collections::BTreeSet;

use dockyard_dockerfile::Args;

use super::{Item, Out, Rule};
use crate::config::Config;

declare_rule! {
    /// ## What it does
    /// With `strict-labels` on, flags a `LABEL` instruction that sets any
    /// key not listed in the configured `label-schema` (every `LABEL` if
    /// there is no schema). One finding per instruction.
    ///
    /// ## Why is this bad?
    /// A team that agrees on a fixed set of labels wants stray ones caught:
    /// a misspelt key silently leaves the real one unset, and ad-hoc labels
    /// make image metadata harder to query.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version="1.2.3" team="platform"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.version="1.2.3"
    /// ```
    pub struct SuperfluousLabel {
        /// `None` unless `strict-labels` is on.
        allowed: Option<BTreeSet<String>>,
    }
    code: "DL3050",
    severity: Info,
    message: "Superfluous label(s) present.",
    example_config: "label-schema:\n  org.opencontainers.image.version: semver\nstrict-labels: true\n",
}

impl SuperfluousLabel {
    pub fn new(config: &Config) -> SuperfluousLabel {
        let allowed = config
            .strict_labels
            .then(|| config.label_schema.iter().map(|(k, _)| k.clone()).collect());
        SuperfluousLabel { allowed }
    }
}

impl Rule for SuperfluousLabel {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let (Some(allowed), Some(Args::Label(pairs))) = (&self.allowed, item.args()) else {
            return;
        };
        if pairs.pairs.iter().any(|p| !allowed.contains(&p.key)) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, LabelType};
    use crate::rules::testing::lines_with;

    fn strict(schema: &[&str]) -> Config {
        Config {
            strict_labels: true,
            label_schema: schema
                .iter()
                .map(|s| (s.to_string(), LabelType::Text))
                .collect(),
            ..Config::default()
        }
    }

    #[test]
    fn spec() {
        let file = "FROM a:1\nLABEL a=1 b=2\nLABEL a=3\n";
        assert_eq!(lines_with("DL3050", file, &strict(&["a"])), [2]);
        assert_eq!(lines_with("DL3050", file, &strict(&[])), [2, 3]);
        assert_eq!(
            lines_with("DL3050", file, &strict(&["a", "b"])),
            Vec::<u32>::new()
        );
        assert_eq!(
            lines_with("DL3050", file, &Config::default()),
            Vec::<u32>::new()
        );
    }
}
