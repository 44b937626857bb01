//! DL3024: two stages with the same name.

use std::collections::HashSet;

use dockyard_dockerfile::Args;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `FROM ... AS name` whose name an earlier stage already took
    /// (compared exactly, case included).
    ///
    /// ## Why is this bad?
    /// `COPY --from` and `--target` pick stages by name; with two stages of
    /// one name, which one is meant is anyone's guess, and BuildKit refuses
    /// the file.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22 AS build
    /// FROM golang:1.23 AS build
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22 AS web
    /// FROM golang:1.23 AS api
    /// ```
    pub struct DuplicateStageName {
        names: HashSet<String>,
    }
    code: "DL3024",
    severity: Error,
    message: "FROM aliases (stage names) must be unique",
}

impl Rule for DuplicateStageName {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::From(from)) = item.args() {
            if let Some(alias) = &from.alias {
                if !self.names.insert(alias.text.clone()) {
                    out.fail(item.line());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches(
            "DL3024",
            "FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x\n",
            &[2, 3],
        );
        passes("DL3024", "FROM a:1 AS x\nFROM b:1 AS y\n");
        passes("DL3024", "FROM a:1 AS Foo\nFROM b:1 AS foo\n");
    }
}
