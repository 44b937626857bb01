//! DL3018: `apk add` of a package without a version.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `apk add` of a package given without a version constraint
    /// (`=`, `~`, `>` or `<`); `.apk` files are fine. The values of `-t`,
    /// `--virtual`, `--repository` and `-X` are not packages.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs whatever the repository has
    /// that day, so two builds of the same Dockerfile can differ. Pinning
    /// makes the build repeatable and upgrades deliberate.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl=8.9.1-r2
    /// ```
    pub struct ApkUnpinned {}
    code: "DL3018",
    severity: Warning,
    message: "Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`",
}

impl Rule for ApkUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let pinned = |p: &str| p.contains(['=', '~', '>', '<']) || p.ends_with(".apk");
        let unpinned = shell
            .commands
            .iter()
            .filter(|c| c.has_args("apk", &["add"]))
            .any(|c| {
                c.drop_flag_args(&["t", "virtual", "repository", "X"])
                    .args_no_flags()
                    .into_iter()
                    .any(|a| a != "add" && !pinned(a))
            });
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
        catches("DL3018", "FROM a:1\nRUN apk add --no-cache curl\n", &[2]);
        catches("DL3018", "FROM a:1\nRUN apk add curl=1 wget\n", &[2]);
        catches("DL3018", "FROM a:1\nONBUILD RUN apk add curl\n", &[2]);
        passes(
            "DL3018",
            "FROM a:1\nRUN apk add curl=1 py~3 'a>1' 'b<2' ./x.apk\n",
        );
        passes("DL3018", "FROM a:1\nRUN apk add --virtual deps curl=1\n");
        passes(
            "DL3018",
            "FROM a:1\nRUN apk add -t deps -X http://r curl=1\n",
        );
        passes("DL3018", "FROM a:1\nRUN apk update\n");
    }
}
