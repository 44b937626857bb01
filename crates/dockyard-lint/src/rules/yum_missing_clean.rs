//! DL3032: `yum install` not followed by `yum clean all`.

use crate::shell::Command;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` with `yum install` where no `yum clean all` (or
    /// `rm -rf /var/cache/yum/*`) comes after the first install.
    ///
    /// ## Why is this bad?
    /// yum keeps downloaded packages and metadata in `/var/cache/yum`. Left
    /// there, they are saved in the layer and make the image bigger for
    /// nothing; cleaning in a later `RUN` does not help, since the layer
    /// that has them is already written.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd-2.4.6
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd-2.4.6 && yum clean all
    /// ```
    pub struct YumMissingClean {}
    code: "DL3032",
    severity: Warning,
    message: "`yum clean all` missing after yum command.",
}

fn is_install(c: &Command) -> bool {
    c.has_args("yum", &["install"])
}

/// `yum` with `clean` or `all`, or `rm` with `-rf` or the cache glob.
fn is_clean(c: &Command) -> bool {
    c.has_args("yum", &["clean", "all"]) || c.has_args("rm", &["-rf", "/var/cache/yum/*"])
}

impl Rule for YumMissingClean {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let Some(install) = shell.find_command_index(is_install) else {
            return;
        };
        if shell
            .find_command_index(is_clean)
            .is_none_or(|clean| clean <= install)
        {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3032", "FROM a:1\nRUN yum install -y x\n", &[2]);
        catches(
            "DL3032",
            "FROM a:1\nRUN yum clean all && yum install -y x\n",
            &[2],
        );
        catches("DL3032", "FROM a:1\nONBUILD RUN yum install -y x\n", &[2]);
        passes(
            "DL3032",
            "FROM a:1\nRUN yum install -y x && yum clean all\n",
        );
        passes(
            "DL3032",
            "FROM a:1\nRUN yum install -y x && rm -rf /var/cache/yum/*\n",
        );
        // Any `rm -rf` counts as the clean-up.
        passes(
            "DL3032",
            "FROM a:1\nRUN yum install -y x && rm -rf /tmp/x\n",
        );
        passes("DL3032", "FROM a:1\nRUN yum update -y\n");
    }
}
