//! DL3004: `sudo` in a `RUN`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` that calls `sudo`.
    ///
    /// ## Why is this bad?
    /// Build steps already run as the current `USER`; `sudo` needs a
    /// terminal or a sudoers setup, changes the environment in ways that
    /// differ between images, and keeps a privilege-escalation tool in the
    /// image. Switch users with `USER`, or use a tool like `gosu` in an
    /// entrypoint.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN sudo apt-get update
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN apt-get update
    /// ```
    pub struct Sudo {}
    code: "DL3004",
    severity: Error,
    message: "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root",
}

impl Rule for Sudo {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if item.run().is_some_and(|shell| shell.using_program("sudo")) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3004", "FROM a:1\nRUN sudo apt-get update\n", &[2]);
        catches("DL3004", "FROM a:1\nONBUILD RUN sudo x\n", &[2]);
        catches(
            "DL3004",
            "FROM a:1\nRUN [\"sh\", \"-c\", \"cd /tmp && sudo x\"]\n",
            &[2],
        );
        passes("DL3004", "FROM a:1\nRUN echo sudo\n");
    }
}
