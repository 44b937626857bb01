//! DL3023: `COPY --from` the stage being built.

use dockyard_dockerfile::Args;

use super::language_docker::copy_from;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `COPY --from=X` inside the stage named `X`.
    ///
    /// ## Why is this bad?
    /// A stage cannot copy from itself: it does not exist yet. Docker
    /// rejects the build with a dependency cycle.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.23 AS build
    /// COPY --from=build /src /src
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.23 AS build
    /// COPY . /src
    /// ```
    pub struct CopyFromOwnStage {
        /// The current stage's name, once a `FROM` was seen.
        stage: Option<Option<String>>,
    }
    code: "DL3023",
    severity: Error,
    message: "`COPY --from` cannot reference its own `FROM` alias",
}

impl Rule for CopyFromOwnStage {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::From(from)) = item.args() {
            self.stage = Some(from.alias.as_ref().map(|a| a.text.clone()));
            return;
        }
        let Some(source) = item.instruction().and_then(copy_from) else {
            return;
        };
        if let Some(Some(name)) = &self.stage {
            if name == source {
                out.fail(item.line());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3023", "FROM a:1 AS b\nCOPY --from=b /x /x\n", &[2]);
        passes("DL3023", "FROM a:1 AS b\nFROM c:1\nCOPY --from=b /x /x\n");
        passes("DL3023", "FROM a:1 AS b\nCOPY --from=B /x /x\n");
        passes("DL3023", "FROM a:1\nCOPY --from=a /x /x\n");
        passes("DL3023", "FROM a:1 AS b\nONBUILD COPY --from=b /x /x\n");
    }
}
