//! DL3045: `COPY` to a relative destination before any `WORKDIR`.

use std::collections::HashMap;

use dockyard_dockerfile::Args;

use super::language_docker::image_name;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `COPY` to a relative destination in a stage where no
    /// `WORKDIR` was set, neither in the stage nor in the stage it is built
    /// from. Destinations starting with `/`, a drive letter (`C:`) or a
    /// variable are fine.
    ///
    /// ## Why is this bad?
    /// A relative destination is relative to the working directory, which
    /// then depends on whatever the base image set: an update of the base
    /// image can move your files.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY app.py app/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// WORKDIR /srv
    /// COPY app.py app/
    /// ```
    pub struct CopyRelativeWithoutWorkdir {
        /// The current stage: its name, or its image's name without one;
        /// `None` before the first `FROM`.
        current: Option<String>,
        /// Whether each stage (by name) has a `WORKDIR`.
        workdir_set: HashMap<Option<String>, bool>,
    }
    code: "DL3045",
    severity: Warning,
    message: "`COPY` to a relative destination without `WORKDIR` set.",
}

fn is_absolute(dest: &str) -> bool {
    let dest = dest.trim_matches(|c| c == '"' || c == '\'');
    let mut chars = dest.chars();
    let windows = matches!((chars.next(), chars.next()), (Some(d), Some(':')) if d.is_alphabetic());
    dest.starts_with('/') || dest.starts_with('$') || windows
}

impl Rule for CopyRelativeWithoutWorkdir {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        match item.args() {
            Some(Args::From(from)) => {
                let image = from
                    .image
                    .as_ref()
                    .map_or("", |i| image_name(&i.raw).1)
                    .to_string();
                let stage = from
                    .alias
                    .as_ref()
                    .map_or(image.clone(), |a| a.text.clone());
                let inherited = self.workdir_set.get(&Some(image)).copied().unwrap_or(false);
                self.workdir_set.insert(Some(stage.clone()), inherited);
                self.current = Some(stage);
            }
            Some(Args::Workdir(_)) => {
                self.workdir_set.insert(self.current.clone(), true);
            }
            Some(Args::Copy(copy)) => {
                let workdir = self.workdir_set.get(&self.current) == Some(&true);
                let dest = copy.dest.as_ref().map_or("", |d| d.text.as_str());
                if !workdir && !is_absolute(dest) {
                    out.fail(item.line());
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3045", "FROM a:1\nCOPY x y\n", &[2]);
        catches("DL3045", "FROM a:1\nWORKDIR /w\nFROM b:1\nCOPY x y\n", &[4]);
        catches("DL3045", "FROM a:1\nCOPY x \"y\"\nCOPY x ./\n", &[2, 3]);
        passes("DL3045", "FROM a:1\nWORKDIR /w\nCOPY x y\n");
        passes(
            "DL3045",
            "FROM a:1 AS base\nWORKDIR /w\nFROM base\nCOPY x y\n",
        );
        passes(
            "DL3045",
            "FROM a:1 AS base\nWORKDIR /w\nFROM base AS two\nCOPY x y\n",
        );
        passes("DL3045", "FROM a:1\nWORKDIR /w\nFROM a:2\nCOPY x y\n");
        passes(
            "DL3045",
            "FROM a:1\nCOPY x /y\nCOPY x \"/y\"\nCOPY x $D\nCOPY x C:\\\\y\n",
        );
        passes("DL3045", "FROM a:1\nONBUILD COPY x y\n");
    }
}
