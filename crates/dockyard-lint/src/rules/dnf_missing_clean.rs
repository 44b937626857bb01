//! DL3040: `dnf install` not followed by `dnf clean all`.

use crate::shell::{Command, ParsedShell};

use super::util::has_cache_or_tmpfs_mount_with;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` where `dnf` (or `microdnf`) installs, upgrades or
    /// reinstalls packages and no `clean all` by the same program (or
    /// `rm -rf /var/cache/libdnf5*`) comes after its first such command,
    /// unless the `RUN` mounts a cache or tmpfs over the libdnf5 cache.
    ///
    /// ## Why is this bad?
    /// dnf keeps repository metadata and downloaded packages in its cache.
    /// Left there, they are saved in the layer and make the image bigger
    /// for nothing; cleaning in a later `RUN` does not help.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd-2.4.62
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM fedora:40
    /// RUN dnf install -y httpd-2.4.62 && dnf clean all
    /// ```
    pub struct DnfMissingClean {}
    code: "DL3040",
    severity: Warning,
    message: "`dnf clean all` missing after dnf command.",
}

/// `program` installs, and does not clean up after it.
fn misses_clean(shell: &ParsedShell, program: &str) -> bool {
    let installs = [
        "install",
        "in",
        "upgrade",
        "up",
        "upgrade-minimal",
        "up-min",
        "reinstall",
        "rei",
    ];
    let is_clean = |c: &Command| {
        c.has_args(program, &["clean", "all"]) || c.has_args("rm", &["-rf", "/var/cache/libdnf5*"])
    };
    match shell.find_command_index(|c| c.has_args(program, &installs)) {
        None => false,
        Some(install) => shell
            .find_command_index(is_clean)
            .is_none_or(|clean| clean <= install),
    }
}

impl Rule for DnfMissingClean {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some((inst, shell)) = item.run_with_flags() else {
            return;
        };
        if !["dnf", "microdnf"].iter().any(|p| misses_clean(shell, p)) {
            return;
        }
        if has_cache_or_tmpfs_mount_with(inst, "/var/cache/libdnf5")
            || has_cache_or_tmpfs_mount_with(inst, ".cache/libdnf5")
        {
            return;
        }
        out.fail(item.line());
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3040", "FROM a:1\nRUN dnf install -y x\n", &[2]);
        catches("DL3040", "FROM a:1\nRUN microdnf up -y\n", &[2]);
        catches(
            "DL3040",
            "FROM a:1\nRUN dnf clean all && dnf install -y x\n",
            &[2],
        );
        // The clean-up must be done by the same program.
        catches(
            "DL3040",
            "FROM a:1\nRUN microdnf install -y x && dnf clean all\n",
            &[2],
        );
        catches("DL3040", "FROM a:1\nONBUILD RUN dnf install -y x\n", &[2]);
        passes(
            "DL3040",
            "FROM a:1\nRUN dnf install -y x && dnf clean all\n",
        );
        passes(
            "DL3040",
            "FROM a:1\nRUN microdnf install -y x && microdnf clean all\n",
        );
        passes(
            "DL3040",
            "FROM a:1\nRUN dnf install -y x && rm -rf /var/cache/libdnf5*\n",
        );
        passes(
            "DL3040",
            "FROM a:1\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y x\n",
        );
        passes("DL3040", "FROM a:1\nRUN dnf remove -y x\n");
    }
}
