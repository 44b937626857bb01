//! DL4005: `ln` over `/bin/sh` to change the shell.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` with an `ln` command that has `/bin/sh` among its
    /// arguments.
    ///
    /// ## Why is this bad?
    /// Replacing `/bin/sh` changes the shell for every script in the image,
    /// including those of the distribution. The `SHELL` instruction changes
    /// the shell of the Dockerfile's own `RUN`s and nothing else.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN ln -sf /bin/bash /bin/sh
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["/bin/bash", "-c"]
    /// ```
    pub struct ReplaceBinSh {}
    code: "DL4005",
    severity: Warning,
    message: "Use SHELL to change the default shell",
}

impl Rule for ReplaceBinSh {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        if shell.any_command(|c| c.has_args("ln", &["/bin/sh"])) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL4005", "FROM a:1\nRUN ln -sf /bin/bash /bin/sh\n", &[2]);
        catches(
            "DL4005",
            "FROM a:1\nONBUILD RUN ln -s /bin/bash /bin/sh\n",
            &[2],
        );
        passes("DL4005", "FROM a:1\nRUN ln -sf /bin/bash /usr/bin/sh\n");
        passes("DL4005", "FROM a:1\nRUN echo ln /bin/sh\n");
    }
}
