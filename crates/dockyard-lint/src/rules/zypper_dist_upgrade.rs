//! DL3035: `zypper dist-upgrade` in a `RUN`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `zypper dist-upgrade` (or `zypper dup`).
    ///
    /// ## Why is this bad?
    /// A distribution upgrade moves every package of the base image to
    /// whatever the repositories have today, possibly to a new release,
    /// so the image no longer matches its tag and builds stop being
    /// repeatable. Use a newer base image instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM opensuse/leap:15.5
    /// RUN zypper -n dist-upgrade
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM opensuse/leap:15.6
    /// ```
    pub struct ZypperDistUpgrade {}
    code: "DL3035",
    severity: Warning,
    message: "Do not use `zypper dist-upgrade`.",
}

impl Rule for ZypperDistUpgrade {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        if shell.any_command(|c| c.has_args("zypper", &["dist-upgrade", "dup"])) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3035", "FROM a:1\nRUN zypper dist-upgrade\n", &[2]);
        catches("DL3035", "FROM a:1\nRUN zypper -n dup\n", &[2]);
        catches("DL3035", "FROM a:1\nONBUILD RUN zypper dup\n", &[2]);
        passes("DL3035", "FROM a:1\nRUN zypper update\n");
        passes("DL3035", "FROM a:1\nRUN echo zypper dup\n");
    }
}
