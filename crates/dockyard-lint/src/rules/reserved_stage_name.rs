//! DL3063: a stage named `scratch` or `context`.

use dockyard_dockerfile::Args;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a stage named `scratch` or `context`.
    ///
    /// ## Why is this bad?
    /// Both names already mean something to the builder (the empty image,
    /// the build context), so a stage with one of them is confusing at
    /// best and shadowed at worst.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12 AS context
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12 AS base
    /// ```
    pub struct ReservedStageName {}
    code: "DL3063",
    severity: Warning,
    message: "stage name should not be a reserved word",
}

impl Rule for ReservedStageName {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::From(from)) = item.args() {
            if from
                .alias
                .as_ref()
                .is_some_and(|a| a.text == "scratch" || a.text == "context")
            {
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
        catches("DL3063", "FROM a:1 AS scratch\n", &[1]);
        catches("DL3063", "FROM a:1 AS context\n", &[1]);
        passes("DL3063", "FROM a:1 AS Context\n");
        passes("DL3063", "FROM scratch\n");
    }
}
