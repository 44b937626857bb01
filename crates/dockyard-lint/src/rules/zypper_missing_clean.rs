//! DL3036: `zypper install` not followed by `zypper clean`.

use crate::shell::Command;

use super::util::has_cache_or_tmpfs_mount_with;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` with `zypper install` (or `in`) where no
    /// `zypper clean` (or `cc`) comes after the first install, unless the
    /// `RUN` mounts a cache or tmpfs over `/var/cache/zypp`.
    ///
    /// ## Why is this bad?
    /// zypper keeps repository metadata and packages in `/var/cache/zypp`.
    /// Left there, they are saved in the layer and make the image bigger
    /// for nothing.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y httpd=2.4.58
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// RUN zypper install -y httpd=2.4.58 && zypper clean
    /// ```
    pub struct ZypperMissingClean {}
    code: "DL3036",
    severity: Warning,
    message: "`zypper clean` missing after zypper use.",
}

fn is_install(c: &Command) -> bool {
    c.has_args("zypper", &["install", "in"])
}

fn is_clean(c: &Command) -> bool {
    c.has_args("zypper", &["clean", "cc"])
}

impl Rule for ZypperMissingClean {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some((inst, shell)) = item.run_with_flags() else {
            return;
        };
        let Some(install) = shell.find_command_index(is_install) else {
            return;
        };
        if has_cache_or_tmpfs_mount_with(inst, "/var/cache/zypp") {
            return;
        }
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
        catches("DL3036", "FROM a:1\nRUN zypper install -y x\n", &[2]);
        catches(
            "DL3036",
            "FROM a:1\nRUN zypper cc && zypper in -y x\n",
            &[2],
        );
        catches("DL3036", "FROM a:1\nONBUILD RUN zypper in -y x\n", &[2]);
        passes(
            "DL3036",
            "FROM a:1\nRUN zypper install -y x && zypper clean\n",
        );
        passes("DL3036", "FROM a:1\nRUN zypper in -y x; zypper cc -a\n");
        passes(
            "DL3036",
            "FROM a:1\nRUN --mount=type=cache,target=/var/cache/zypp zypper in -y x\n",
        );
        passes("DL3036", "FROM a:1\nRUN zypper refresh\n");
    }
}
