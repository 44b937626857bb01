//! DL3049: a stage that does not set a label of the label schema.

use std::collections::BTreeMap;

use dockyard_dockerfile::Args;

use super::{Item, Out, Rule};
use crate::config::Config;

declare_rule! {
    /// ## What it does
    /// For each label of the configured `label-schema`, flags every stage
    /// (on its `FROM` line) that does not set it. A stage built `FROM` a
    /// stage that sets the label inherits it, and a stage that is only
    /// copied from (`COPY --from=name`) is excused, since it never becomes
    /// an image of its own.
    ///
    /// ## Why is this bad?
    /// A schema lists the metadata every image must carry (source,
    /// version, owner, ...). An image without it cannot be traced back to
    /// its code or its team.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN echo hello
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// LABEL org.opencontainers.image.source="https://github.com/example/app"
    /// RUN echo hello
    /// ```
    pub struct MissingRequiredLabel {
        labels: Vec<LabelStages>,
    }
    code: "DL3049",
    severity: Info,
    message: "Label `<label>` is missing.",
    example_config: "label-schema:\n  org.opencontainers.image.source: url\n",
}

/// A stage as the rule remembers it: its `FROM` line, the image's name
/// (without registry or tag) and its alias.
#[derive(Clone)]
struct Stage {
    line: u32,
    image: String,
    alias: Option<String>,
}

impl Stage {
    /// How later instructions refer to it: the alias, else the image name.
    fn name(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.image)
    }
}

/// One schema label's view of the stages so far.
#[derive(Default)]
struct LabelStages {
    label: String,
    current: Option<Stage>,
    /// Stages that set the label (directly or by inheritance).
    good: Vec<Stage>,
    /// Stages that lack it, by line.
    missing: BTreeMap<u32, Stage>,
}

impl LabelStages {
    fn from(&mut self, stage: Stage) {
        let inherits = self
            .good
            .iter()
            .any(|g| g.alias.as_deref() == Some(stage.image.as_str()));
        if inherits {
            self.good.push(stage.clone());
        } else {
            self.missing.insert(stage.line, stage.clone());
        }
        self.current = Some(stage);
    }

    /// Excuses the stages that lack the label and are aliased `name`.
    fn excuse(&mut self, name: &str) {
        if self.current.is_some() {
            self.missing
                .retain(|_, stage| stage.alias.as_deref() != Some(name));
        }
    }

    fn set(&mut self) {
        let Some(current) = self.current.clone() else {
            return;
        };
        self.excuse(current.name());
        self.missing.remove(&current.line);
        self.good.push(current);
    }
}

impl MissingRequiredLabel {
    pub fn new(config: &Config) -> MissingRequiredLabel {
        let labels = config
            .label_schema
            .iter()
            .map(|(label, _)| LabelStages {
                label: label.clone(),
                ..LabelStages::default()
            })
            .collect();
        MissingRequiredLabel { labels }
    }
}

impl Rule for MissingRequiredLabel {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        let Some(inst) = item.instruction() else {
            return;
        };
        match &inst.args {
            Args::From(from) => {
                let stage = Stage {
                    line: item.line(),
                    image: from
                        .image
                        .as_ref()
                        .map(|i| i.name.clone())
                        .unwrap_or_default(),
                    alias: from.alias.as_ref().map(|a| a.text.clone()),
                };
                for label in &mut self.labels {
                    label.from(stage.clone());
                }
            }
            Args::Copy(_) => {
                if let Some(source) = inst.flag("from").and_then(|f| f.value.as_deref()) {
                    for label in &mut self.labels {
                        label.excuse(source);
                    }
                }
            }
            Args::Label(pairs) => {
                for label in &mut self.labels {
                    if pairs.pairs.iter().any(|p| p.key == label.label) {
                        label.set();
                    }
                }
            }
            _ => {}
        }
    }

    fn finish(&mut self, out: &mut Out) {
        let template = out.meta.message;
        for label in std::mem::take(&mut self.labels) {
            for line in label.missing.into_keys() {
                out.fail_with(line, template.replace("<label>", &label.label));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{from_yaml, Config};
    use crate::rules::testing::lines_with;

    fn check(file: &str, expected: &[u32]) {
        let config = Config::merge(&[&from_yaml("label-schema: {team: text}\n").unwrap()]);
        assert_eq!(lines_with("DL3049", file, &config), expected, "{file}");
    }

    #[test]
    fn spec() {
        check("FROM a:1\nRUN x\n", &[1]);
        check("FROM a:1\nLABEL team=x\n", &[]);
        check("FROM a:1\nLABEL other=x\nFROM b:1\nLABEL team=y\n", &[1]);
        // Inherited from a stage that sets it.
        check("FROM a:1 AS base\nLABEL team=x\nFROM base\n", &[]);
        // A base that lacks it is reported, and so is the child.
        check("FROM a:1 AS base\nRUN x\nFROM base\n", &[1, 3]);
        // Copied-from stages are excused; COPY --from=0 is not a name.
        check(
            "FROM a:1 AS build\nRUN x\nFROM b:1\nLABEL team=x\nCOPY --from=build /a /a\n",
            &[],
        );
        check(
            "FROM a:1\nRUN x\nFROM b:1\nLABEL team=x\nCOPY --from=0 /a /a\n",
            &[1],
        );
        // Labels before any FROM and inside ONBUILD do not count.
        check("LABEL team=x\nFROM a:1\nONBUILD LABEL team=x\n", &[2]);
        // Without a schema, nothing to check.
        assert_eq!(
            lines_with("DL3049", "FROM a:1\n", &Config::default()),
            Vec::<u32>::new()
        );
    }
}
