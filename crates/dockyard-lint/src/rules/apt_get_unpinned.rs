//! DL3008: `apt-get install` of a package without a version.

use crate::shell::ParsedShell;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `apt-get install` of a package given without `=version`
    /// (paths and `.deb` files are fine).
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever the archive has that
    /// day, so two builds of the same Dockerfile can differ. Pinning makes
    /// the build repeatable and the upgrade a visible change.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
    /// ```
    pub struct AptGetUnpinned {}
    code: "DL3008",
    severity: Warning,
    message: "Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`",
}

/// The packages `apt-get install` is asked for.
fn apt_get_packages(shell: &ParsedShell) -> Vec<String> {
    shell
        .commands
        .iter()
        .filter(|c| c.has_args("apt-get", &["install"]))
        .flat_map(|c| {
            c.drop_flag_args(&["t", "target-release"])
                .args_no_flags()
                .into_iter()
                .filter(|a| *a != "install")
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

impl Rule for AptGetUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let pinned = |p: &String| p.contains('=') || p.contains('/') || p.ends_with(".deb");
        if !apt_get_packages(shell).iter().all(pinned) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3008", "FROM a:1\nRUN apt-get install -y python\n", &[2]);
        catches(
            "DL3008",
            "FROM a:1\nONBUILD RUN apt-get install -y python\n",
            &[2],
        );
        passes("DL3008", "FROM a:1\nRUN apt-get install -y python=2.7\n");
        passes(
            "DL3008",
            "FROM a:1\nRUN apt-get install -y ./pkg.deb /tmp/x\n",
        );
        passes(
            "DL3008",
            "FROM a:1\nRUN apt-get install -t buster-backports -y python=2.7\n",
        );
    }
}
