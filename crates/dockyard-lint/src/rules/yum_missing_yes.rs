//! DL3030: `yum install` without `-y`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `yum install`, `groupinstall` or `localinstall` without `-y`
    /// (`--assumeyes`).
    ///
    /// ## Why is this bad?
    /// A build has no one to answer yum's confirmation prompt: without
    /// `-y` the command reads end of input, answers no, and the build
    /// fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install httpd-2.4.6 && yum clean all
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM centos:7
    /// RUN yum install -y httpd-2.4.6 && yum clean all
    /// ```
    pub struct YumMissingYes {}
    code: "DL3030",
    severity: Warning,
    message: "Use the -y switch to avoid manual input `yum install -y <package>`",
}

impl Rule for YumMissingYes {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        if shell.any_command(|c| {
            c.has_args("yum", &["install", "groupinstall", "localinstall"])
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
        catches("DL3030", "FROM a:1\nRUN yum install httpd\n", &[2]);
        catches("DL3030", "FROM a:1\nRUN yum groupinstall x\n", &[2]);
        catches(
            "DL3030",
            "FROM a:1\nONBUILD RUN yum localinstall x.rpm\n",
            &[2],
        );
        passes("DL3030", "FROM a:1\nRUN yum install -y httpd\n");
        passes("DL3030", "FROM a:1\nRUN yum -qy install httpd\n");
        passes("DL3030", "FROM a:1\nRUN yum install --assumeyes httpd\n");
        passes("DL3030", "FROM a:1\nRUN yum update\n");
    }
}
