//! DL3014: `apt-get install` without `-y`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `apt-get install` without `-y` (or `--yes`, `--assume-yes`,
    /// `-qq`).
    ///
    /// ## Why is this bad?
    /// Builds have no one to answer apt's "Do you want to continue?"; the
    /// command aborts and the build fails.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u8
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
    /// ```
    pub struct AptGetMissingYes {}
    code: "DL3014",
    severity: Warning,
    message: "Use the `-y` switch to avoid manual input `apt-get -y install <package>`",
}

impl Rule for AptGetMissingYes {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let forgot = shell.commands.iter().any(|c| {
            let yes = c.has_any_flag(&["y", "yes", "qq", "assume-yes"])
                || c.count_flag("q") == 2
                || c.count_flag("quiet") == 2
                || c.has_arg("-q=2");
            c.has_args("apt-get", &["install"]) && !yes
        });
        if forgot {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3014", "FROM a:1\nRUN apt-get install python=1\n", &[2]);
        passes("DL3014", "FROM a:1\nRUN apt-get install -y python=1\n");
        passes("DL3014", "FROM a:1\nRUN apt-get -qq install python=1\n");
        passes("DL3014", "FROM a:1\nRUN apt-get -q -q install python=1\n");
        passes(
            "DL3014",
            "FROM a:1\nRUN apt-get install --assume-yes python=1\n",
        );
    }
}
