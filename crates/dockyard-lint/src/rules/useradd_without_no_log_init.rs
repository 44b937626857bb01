//! DL3046: `useradd` with a high UID and without `-l`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `useradd -u <uid>` with a UID longer than five characters and
    /// without `-l` (`--no-log-init`).
    ///
    /// ## Why is this bad?
    /// `useradd` reserves room for the new user in the lastlog and faillog
    /// files, which are indexed by UID. With a large UID the file becomes
    /// huge and sparse, and the layer stores it in full: the image can grow
    /// by gigabytes. `-l` skips those files.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -u 123456 app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd -l -u 123456 app
    /// ```
    pub struct UseraddWithoutNoLogInit {}
    code: "DL3046",
    severity: Warning,
    message: "`useradd` without flag `-l` and high UID will result in excessively large Image.",
}

impl Rule for UseraddWithoutNoLogInit {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        if shell.any_command(|c| {
            c.name == "useradd"
                && !c.has_any_flag(&["l", "no-log-init"])
                && c.has_any_flag(&["u", "uid"])
                // Only the value of `-u` is measured, not of `--uid`.
                && c.flag_args("u").iter().any(|uid| uid.chars().count() > 5)
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
        catches("DL3046", "FROM a:1\nRUN useradd -u 123456 app\n", &[2]);
        catches("DL3046", "FROM a:1\nRUN useradd -m -u 1000000 app\n", &[2]);
        catches(
            "DL3046",
            "FROM a:1\nONBUILD RUN useradd -u 123456 app\n",
            &[2],
        );
        passes("DL3046", "FROM a:1\nRUN useradd -l -u 123456 app\n");
        passes(
            "DL3046",
            "FROM a:1\nRUN useradd --no-log-init -u 123456 app\n",
        );
        passes("DL3046", "FROM a:1\nRUN useradd -u 12345 app\n");
        passes("DL3046", "FROM a:1\nRUN useradd --uid 123456 app\n");
        passes("DL3046", "FROM a:1\nRUN useradd app\n");
    }
}
