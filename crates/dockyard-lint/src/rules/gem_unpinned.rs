//! DL3028: `gem install` of a gem without a version.

use crate::shell::Command;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `gem install` (or `gem i`) of a gem given without
    /// `:version`, unless the command sets `-v`/`--version`. Options and
    /// the word after each of them are skipped, and so is everything
    /// after `--`.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs the newest release of the
    /// gem, so two builds of the same Dockerfile can differ and a new
    /// release can break the image without any change to it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM ruby:3.3
    /// RUN gem install bundler
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM ruby:3.3
    /// RUN gem install bundler:2.5.16
    /// ```
    pub struct GemUnpinned {}
    code: "DL3028",
    severity: Warning,
    message: "Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`",
}

/// The gems a `gem install` names (none when it pins with `-v`).
fn gems(cmd: &Command) -> Vec<&str> {
    let sets_version = cmd.has_args("gem", &["-v", "--version"])
        || cmd.args().any(|a| a.starts_with("--version="));
    if !cmd.has_args("gem", &["install", "i"]) || sets_version {
        return Vec::new();
    }
    let mut gems = Vec::new();
    let mut args = cmd.args().take_while(|a| *a != "--");
    while let Some(arg) = args.next() {
        if arg.starts_with('-') {
            // An option and, taken as its value, the word after it.
            args.next();
        } else if arg != "install" && arg != "i" {
            gems.push(arg);
        }
    }
    gems
}

impl Rule for GemUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        if shell
            .commands
            .iter()
            .flat_map(gems)
            .any(|g| !g.contains(':'))
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
        catches("DL3028", "FROM a:1\nRUN gem install rake\n", &[2]);
        catches("DL3028", "FROM a:1\nRUN gem i rake bundler:1\n", &[2]);
        catches("DL3028", "FROM a:1\nONBUILD RUN gem install rake\n", &[2]);
        passes("DL3028", "FROM a:1\nRUN gem install rake:12.0\n");
        passes("DL3028", "FROM a:1\nRUN gem install rake -v 12.0\n");
        passes("DL3028", "FROM a:1\nRUN gem install rake --version=12.0\n");
        // The word after an option is taken as its value.
        passes("DL3028", "FROM a:1\nRUN gem install --no-document rake\n");
        passes("DL3028", "FROM a:1\nRUN gem install x:1 -- --with-opt\n");
        passes("DL3028", "FROM a:1\nRUN gem update rake\n");
    }
}
