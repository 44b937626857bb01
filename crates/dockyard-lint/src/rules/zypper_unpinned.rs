//! DL3037: `zypper install` of a package without a version.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `zypper install` (or `in`) of a package given without a
    /// version constraint (`=`, `>`, `<` and their combinations); `.rpm`
    /// files are fine.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever the repository has
    /// that day, so two builds of the same Dockerfile can differ. Pinning
    /// makes the build repeatable and upgrades deliberate.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y httpd && zypper clean
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y httpd=2.4.58 && zypper clean
    /// ```
    pub struct ZypperUnpinned {}
    code: "DL3037",
    severity: Warning,
    message: "Specify version with `zypper install -y <package>=<version>`.",
}

impl Rule for ZypperUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let pinned = |p: &str| p.contains(['=', '>', '<']) || p.ends_with(".rpm");
        let unpinned = shell
            .commands
            .iter()
            .filter(|c| c.has_args("zypper", &["install", "in"]))
            .flat_map(|c| c.args_no_flags())
            .any(|a| a != "install" && a != "in" && !pinned(a));
        if unpinned {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3037", "FROM a:1\nRUN zypper install -y httpd\n", &[2]);
        catches("DL3037", "FROM a:1\nRUN zypper in -y a=1 b\n", &[2]);
        catches("DL3037", "FROM a:1\nONBUILD RUN zypper in -y httpd\n", &[2]);
        passes(
            "DL3037",
            "FROM a:1\nRUN zypper install -y a=1 'b>=2' 'c<3' ./d.rpm\n",
        );
        passes("DL3037", "FROM a:1\nRUN zypper remove -y httpd\n");
    }
}
