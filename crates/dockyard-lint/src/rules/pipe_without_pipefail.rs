//! DL4006: a `RUN` with a pipe and no `pipefail` in the `SHELL`.

use dockyard_dockerfile::{Args, Command, Keyword};

use crate::shell::ParsedShell;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` containing a pipe, in a stage whose `SHELL` is not
    /// `bash`, `zsh` or `ash` (by exactly those names, or `/bin/` plus
    /// them) run with `-o pipefail`. A `SHELL` that is PowerShell or
    /// `cmd` turns the check off for the stage.
    ///
    /// ## Why is this bad?
    /// A pipeline's status is that of its last command: in
    /// `curl -fsSL $URL | tar -xz`, a failed download lets the build go on
    /// with nothing unpacked. `pipefail` makes any failing command fail the
    /// `RUN`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSL https://example.com/a.tar.gz | tar -xz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    /// RUN curl -fsSL https://example.com/a.tar.gz | tar -xz
    /// ```
    pub struct PipeWithoutPipefail {
        /// The stage's `SHELL` sets `pipefail` or is not a POSIX shell.
        safe: bool,
    }
    code: "DL4006",
    severity: Warning,
    message: "Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check",
}

/// The text hadolint parses for a `SHELL`: an exec form's strings joined by
/// spaces, or the shell form's text.
fn shell_text(command: &Command) -> String {
    match command {
        Command::Exec(exec) => exec
            .args
            .iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        Command::Shell(shell) => shell.text.clone(),
    }
}

fn is_safe_shell(text: &str) -> bool {
    if ["pwsh", "powershell", "cmd"]
        .iter()
        .any(|s| text.starts_with(s))
    {
        return true;
    }
    let shells = ["/bin/bash", "/bin/zsh", "/bin/ash", "bash", "zsh", "ash"];
    ParsedShell::parse(text).any_command(|c| {
        shells.contains(&c.name.as_str()) && c.has_flag("o") && c.has_arg("pipefail")
    })
}

impl Rule for PipeWithoutPipefail {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if item.is(Keyword::From) {
            self.safe = false;
        } else if let Some(Args::Shell(command)) = item.args() {
            self.safe = command
                .as_ref()
                .is_some_and(|c| is_safe_shell(&shell_text(c)));
        } else if let Some(shell) = item.run() {
            if !self.safe && shell.has_pipes {
                out.fail(item.line());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL4006", "FROM a:1\nRUN a | b\n", &[2]);
        catches(
            "DL4006",
            "FROM a:1\nRUN [\"sh\", \"-c\", \"a | b\"]\n",
            &[2],
        );
        catches(
            "DL4006",
            "FROM a:1\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n",
            &[3],
        );
        catches(
            "DL4006",
            "FROM a:1\nSHELL [\"/usr/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n",
            &[3],
        );
        catches(
            "DL4006",
            "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM b:1\nRUN a | b\n",
            &[4],
        );
        catches(
            "DL4006",
            "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nSHELL [\"/bin/sh\", \"-c\"]\nRUN a | b\n",
            &[4],
        );
        passes(
            "DL4006",
            "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n",
        );
        passes(
            "DL4006",
            "FROM a:1\nSHELL [\"bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN a | b\n",
        );
        passes("DL4006", "FROM a:1\nSHELL [\"pwsh\", \"-c\"]\nRUN a | b\n");
        passes("DL4006", "FROM a:1\nRUN a || b\n");
        passes("DL4006", "FROM a:1\nONBUILD RUN a | b\n");
    }
}
