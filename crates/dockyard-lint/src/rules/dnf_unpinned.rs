//! DL3041: `dnf install` of a package or module without a version.

use crate::shell::Command;

use super::rpm_versions::{module_version_fixed, DefinedVars};
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` whose `dnf install` (or `microdnf install`) names a
    /// package without a version (`name-<version>`, an `.rpm` file, or a
    /// `${VAR}` defined by `ENV` or `ARG`), or whose `dnf module install`
    /// names a module without a `:stream`. Group installs are not checked.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever the repository has
    /// that day, so two builds of the same Dockerfile can differ. Pinning
    /// makes the build repeatable and upgrades deliberate.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd && dnf clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd-2.4.62 && dnf clean all
    /// ```
    pub struct DnfUnpinned {
        vars: DefinedVars,
    }
    code: "DL3041",
    severity: Warning,
    message: "Specify version with `dnf install -y <package>-<version>`.",
}

fn is_dnf(c: &Command, subcommands: &[&str]) -> bool {
    ["dnf", "microdnf"]
        .iter()
        .any(|n| c.has_args(n, subcommands))
}

/// The words after `dnf ... install`, without flags, `install` and `module`.
fn install_args(c: &Command) -> Vec<&str> {
    if !is_dnf(c, &["install"]) {
        return Vec::new();
    }
    c.args_no_flags()
        .into_iter()
        .filter(|a| *a != "install" && *a != "module")
        .collect()
}

impl Rule for DnfUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        self.vars.observe(item);
        let Some(shell) = item.run() else { return };
        let packages_pinned = shell
            .commands
            .iter()
            .filter(|c| !is_dnf(c, &["module", "group"]))
            .flat_map(install_args)
            .all(|p| self.vars.version_fixed(p));
        let modules_pinned = shell
            .commands
            .iter()
            .filter(|c| is_dnf(c, &["module"]))
            .flat_map(install_args)
            .all(module_version_fixed);
        if !(packages_pinned && modules_pinned) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3041", "FROM a:1\nRUN dnf install -y httpd\n", &[2]);
        catches("DL3041", "FROM a:1\nRUN microdnf install -y httpd\n", &[2]);
        catches(
            "DL3041",
            "FROM a:1\nRUN dnf module install -y nodejs\n",
            &[2],
        );
        catches(
            "DL3041",
            "FROM a:1\nONBUILD RUN dnf install -y httpd\n",
            &[2],
        );
        passes(
            "DL3041",
            "FROM a:1\nRUN dnf install -y httpd-2.4.62 x-1.rpm\n",
        );
        // A name without `-` never has a version, even an `.rpm` file.
        catches("DL3041", "FROM a:1\nRUN dnf install -y x.rpm\n", &[2]);
        passes("DL3041", "FROM a:1\nRUN dnf module install -y nodejs:20\n");
        passes(
            "DL3041",
            "FROM a:1\nRUN dnf group install -y 'Development Tools'\n",
        );
        passes("DL3041", "FROM a:1\nENV V=2\nRUN dnf install -y x-${V}\n");
    }
}
