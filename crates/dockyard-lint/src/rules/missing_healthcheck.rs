//! DL3057: a stage without a `HEALTHCHECK`.

use std::collections::BTreeSet;

use dockyard_dockerfile::{Args, Keyword};

use super::language_docker::image_name;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags (on its `FROM` line) every stage that has no `HEALTHCHECK`.
    /// Off by default. Stages are linked by name: a stage built from a
    /// stage that has a health check is fine, and a `HEALTHCHECK` in a
    /// stage also counts for the stages it is built from, all the way up.
    ///
    /// ## Why is this bad?
    /// Without a health check, Docker and orchestrators only know whether
    /// the main process is alive, not whether it still serves requests.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site/ /usr/share/nginx/html/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// COPY site/ /usr/share/nginx/html/
    /// HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
    /// ```
    pub struct MissingHealthcheck {
        current: Option<Stage>,
        good: BTreeSet<Stage>,
        bad: BTreeSet<Stage>,
    }
    code: "DL3057",
    severity: Ignore,
    message: "`HEALTHCHECK` instruction missing.",
}

/// A stage: the image it is built from, its name (the image's when it has
/// none) and its `FROM` line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Stage {
    source: String,
    name: String,
    line: u32,
}

impl MissingHealthcheck {
    /// The stages in `bad` that `stage` is built from, transitively.
    fn ancestors(bad: &BTreeSet<Stage>, stage: &Stage) -> BTreeSet<Stage> {
        let parents: BTreeSet<Stage> = bad
            .iter()
            .filter(|b| b.name == stage.source)
            .cloned()
            .collect();
        let rest: BTreeSet<Stage> = bad.difference(&parents).cloned().collect();
        let mut found = parents.clone();
        for parent in &parents {
            found.extend(Self::ancestors(&rest, parent));
        }
        found
    }
}

impl Rule for MissingHealthcheck {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        if let Some(Args::From(from)) = item.args() {
            let source = from
                .image
                .as_ref()
                .map_or("", |i| image_name(&i.raw).1)
                .to_string();
            let name = from
                .alias
                .as_ref()
                .map_or(source.clone(), |a| a.text.clone());
            let stage = Stage {
                source,
                name,
                line: item.line(),
            };
            let parent_good =
                self.current.is_some() && self.good.iter().any(|g| g.name == stage.source);
            if parent_good {
                self.good.insert(stage.clone());
            } else {
                self.bad.insert(stage.clone());
            }
            self.current = Some(stage);
        } else if item.is(Keyword::Healthcheck) {
            let Some(stage) = self.current.clone() else {
                return;
            };
            let now_good = Self::ancestors(&self.bad, &stage);
            self.bad.retain(|b| !now_good.contains(b) && *b != stage);
            self.good.extend(now_good);
            self.good.insert(stage);
        }
    }

    fn finish(&mut self, out: &mut Out) {
        let mut lines: Vec<u32> = self.bad.iter().map(|s| s.line).collect();
        lines.sort_unstable();
        lines.dedup();
        for line in lines {
            out.fail(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3057", "FROM a:1\nRUN x\n", &[1]);
        catches("DL3057", "FROM a:1\nHEALTHCHECK NONE\nFROM b:1\n", &[3]);
        catches("DL3057", "FROM a:1\nONBUILD HEALTHCHECK NONE\n", &[1]);
        passes("DL3057", "FROM a:1\nHEALTHCHECK CMD [\"x\"]\n");
        passes("DL3057", "FROM a:1 AS base\nHEALTHCHECK NONE\nFROM base\n");
        passes(
            "DL3057",
            "FROM a:1 AS base\nFROM base AS mid\nFROM mid\nHEALTHCHECK NONE\n",
        );
        passes("DL3057", "HEALTHCHECK NONE\n");
    }
}
