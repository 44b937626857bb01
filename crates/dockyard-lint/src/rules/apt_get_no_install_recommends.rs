//! DL3015: `apt-get install` without `--no-install-recommends`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `apt-get install` without `--no-install-recommends`.
    ///
    /// ## Why is this bad?
    /// By default apt also installs "recommended" packages, which the image
    /// rarely needs; they make it larger and widen what an attacker can use.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
    /// ```
    pub struct AptGetNoInstallRecommends {}
    code: "DL3015",
    severity: Info,
    message: "Avoid additional packages by specifying `--no-install-recommends`",
}

impl Rule for AptGetNoInstallRecommends {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let forgot = shell.commands.iter().any(|c| {
            c.has_args("apt-get", &["install"])
                && !(c.has_flag("no-install-recommends")
                    || c.has_arg("APT::Install-Recommends=false"))
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
        catches(
            "DL3015",
            "FROM a:1\nRUN apt-get install -y python=1\n",
            &[2],
        );
        passes(
            "DL3015",
            "FROM a:1\nRUN apt-get install -y --no-install-recommends python=1\n",
        );
        passes(
            "DL3015",
            "FROM a:1\nRUN apt-get install -y -o APT::Install-Recommends=false python=1\n",
        );
    }
}
