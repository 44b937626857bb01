//! DL3038: `dnf install` without `-y`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `dnf` or `microdnf` `install`, `groupinstall` or
    /// `localinstall` without `-y` (`--assumeyes`).
    ///
    /// ## Why is this bad?
    /// A build has no one to answer dnf's confirmation prompt: without
    /// `-y` the command reads end of input, answers no, and the build
    /// fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install httpd-2.4.62 && dnf clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd-2.4.62 && dnf clean all
    /// ```
    pub struct DnfMissingYes {}
    code: "DL3038",
    severity: Warning,
    message: "Use the -y switch to avoid manual input `dnf install -y <package>`",
}

impl Rule for DnfMissingYes {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let installs = ["install", "groupinstall", "localinstall"];
        if shell.any_command(|c| {
            ["dnf", "microdnf"].iter().any(|n| c.has_args(n, &installs))
                && !c.has_any_flag(&["y", "assumeyes"])
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
        catches("DL3038", "FROM a:1\nRUN dnf install httpd\n", &[2]);
        catches("DL3038", "FROM a:1\nRUN microdnf groupinstall x\n", &[2]);
        catches(
            "DL3038",
            "FROM a:1\nONBUILD RUN dnf localinstall x.rpm\n",
            &[2],
        );
        passes("DL3038", "FROM a:1\nRUN dnf install -y httpd\n");
        passes(
            "DL3038",
            "FROM a:1\nRUN microdnf --assumeyes install httpd\n",
        );
        passes("DL3038", "FROM a:1\nRUN dnf upgrade\n");
    }
}
