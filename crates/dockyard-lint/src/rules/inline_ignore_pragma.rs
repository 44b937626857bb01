//! DL1001: an inline `# hadolint ignore=` pragma.

use crate::pragma::{self, Pragma};

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags every inline `# hadolint ignore=...` comment. Off by default;
    /// teams that want every exception discussed turn it on.
    ///
    /// ## Why is this bad?
    /// An inline pragma silences a rule for one instruction, where reviewers
    /// rarely look. Fixing the instruction, or ignoring the rule for the
    /// whole project in the configuration, keeps exceptions visible.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// # hadolint ignore=DL3003
    /// RUN cd /tmp && make
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// WORKDIR /tmp
    /// RUN make
    /// ```
    pub struct InlineIgnorePragma {}
    code: "DL1001",
    severity: Ignore,
    message: "Please refrain from using inline ignore pragmas  `# hadolint ignore=DLxxxx`.",
}

impl Rule for InlineIgnorePragma {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Item::Comment { line, text } = item {
            if let Some(Pragma::Ignore(_)) = pragma::parse(text) {
                out.fail(*line);
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
            "DL1001",
            "FROM a:1\n# hadolint ignore=DL3003\nRUN cd /x\n",
            &[2],
        );
        catches("DL1001", "# hadolint ignore=DL3006,DL3007\nFROM a\n", &[1]);
        passes("DL1001", "# hadolint global ignore=DL3003\nFROM a:1\n");
        passes("DL1001", "# hadolint stage ignore=DL3003\nFROM a:1\n");
        passes("DL1001", "# hadolint shell=bash\nFROM a:1\n");
        passes("DL1001", "FROM a:1\n# just a comment\n");
    }
}
