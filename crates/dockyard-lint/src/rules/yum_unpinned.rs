//! DL3033: `yum install` of a package or module without a version.

use crate::shell::Command;

use super::rpm_versions::{module_version_fixed, DefinedVars};
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` whose `yum install` names a package without a
    /// version (`name-<version>`, an `.rpm` file, or a `${VAR}` defined by
    /// `ENV` or `ARG`), or whose `yum module install` names a module
    /// without a `:stream`.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever the repository has
    /// that day, so two builds of the same Dockerfile can differ. Pinning
    /// makes the build repeatable and upgrades deliberate.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd && yum clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd-2.4.6 && yum clean all
    /// ```
    pub struct YumUnpinned {
        vars: DefinedVars,
    }
    code: "DL3033",
    severity: Warning,
    message: "Specify version with `yum install -y <package>-<version>`.",
}

/// The words after `yum ... install`, without flags, `install` and `module`.
fn install_args(c: &Command) -> Vec<&str> {
    if !c.has_args("yum", &["install"]) {
        return Vec::new();
    }
    c.args_no_flags()
        .into_iter()
        .filter(|a| *a != "install" && *a != "module")
        .collect()
}

impl Rule for YumUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        self.vars.observe(item);
        let Some(shell) = item.run() else { return };
        let (modules, packages): (Vec<&Command>, Vec<&Command>) = shell
            .commands
            .iter()
            .partition(|c| c.has_args("yum", &["module"]));
        let packages_pinned = packages
            .into_iter()
            .flat_map(install_args)
            .all(|p| self.vars.version_fixed(p));
        let modules_pinned = modules
            .into_iter()
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
        catches("DL3033", "FROM a:1\nRUN yum install -y httpd\n", &[2]);
        catches(
            "DL3033",
            "FROM a:1\nRUN yum install -y httpd-latest\n",
            &[2],
        );
        catches("DL3033", "FROM a:1\nRUN yum install -y x-1.0 y\n", &[2]);
        catches(
            "DL3033",
            "FROM a:1\nRUN yum module install -y nodejs\n",
            &[2],
        );
        catches("DL3033", "FROM a:1\nRUN yum install -y x-${V}\n", &[2]);
        catches(
            "DL3033",
            "FROM a:1\nONBUILD RUN yum install -y httpd\n",
            &[2],
        );
        // ENV names belong to their stage and the stages built from it.
        catches(
            "DL3033",
            "FROM a:1\nENV V=1\nFROM b:1\nRUN yum install -y x-${V}\n",
            &[4],
        );
        passes(
            "DL3033",
            "FROM a:1\nRUN yum install -y httpd-2.4.6 ./x-1.rpm\n",
        );
        passes(
            "DL3033",
            "FROM a:1\nRUN yum install -y python3-3.6.8-18.el7\n",
        );
        catches("DL3033", "FROM a:1\nRUN yum install -y ./x.rpm\n", &[2]);
        passes("DL3033", "FROM a:1\nRUN yum module install -y nodejs:14\n");
        passes("DL3033", "FROM a:1\nARG V\nRUN yum install -y x-$V\n");
        passes("DL3033", "ARG V\nFROM a:1\nRUN yum install -y x-${V}\n");
        passes(
            "DL3033",
            "FROM a:1 AS base\nENV V=1\nFROM base\nRUN yum install -y x-${V}\n",
        );
        passes("DL3033", "FROM a:1\nRUN yum remove -y httpd\n");
    }
}
