//! DL3034: a `zypper` command that may prompt, without `-n`/`-y`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `zypper install`, `remove`, `source-install` or `patch` (and
    /// their short forms `in`, `rm`, `si`) without a non-interactive
    /// switch: `-n`, `--non-interactive`, `-y` or `--no-confirm`.
    ///
    /// ## Why is this bad?
    /// A build has no one to answer zypper's prompts: without a
    /// non-interactive switch the command waits for input it never gets
    /// and the build fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install httpd=2.4.58 && zypper clean
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y httpd=2.4.58 && zypper clean
    /// ```
    pub struct ZypperMissingYes {}
    code: "DL3034",
    severity: Warning,
    message: "Non-interactive switch missing from `zypper` command: `zypper install -y`",
}

impl Rule for ZypperMissingYes {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let prompting = [
            "install",
            "in",
            "remove",
            "rm",
            "source-install",
            "si",
            "patch",
        ];
        if shell.any_command(|c| {
            c.has_args("zypper", &prompting)
                && !c.has_any_flag(&["non-interactive", "n", "no-confirm", "y"])
        }) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3034", "FROM a:1\nRUN zypper install httpd\n", &[2]);
        catches("DL3034", "FROM a:1\nRUN zypper rm httpd\n", &[2]);
        catches("DL3034", "FROM a:1\nONBUILD RUN zypper patch\n", &[2]);
        passes("DL3034", "FROM a:1\nRUN zypper install -y httpd\n");
        passes("DL3034", "FROM a:1\nRUN zypper -n in httpd\n");
        passes("DL3034", "FROM a:1\nRUN zypper --non-interactive si x\n");
        passes("DL3034", "FROM a:1\nRUN zypper refresh\n");
    }
}
