//! DL3025: `CMD`, `ENTRYPOINT` or `HEALTHCHECK CMD` in shell form.

use dockyard_dockerfile::{Args, Command};

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` written in shell
    /// form (plain text) instead of a JSON array.
    ///
    /// ## Why is this bad?
    /// In shell form the program runs under `/bin/sh -c`: it is not PID 1,
    /// so it never receives the `SIGTERM` of `docker stop` and is killed
    /// after the timeout. The JSON form runs the program directly.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD python app.py
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD ["python", "app.py"]
    /// ```
    pub struct ShellFormCommand {}
    code: "DL3025",
    severity: Warning,
    message: "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
}

impl Rule for ShellFormCommand {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let command = match item.args() {
            Some(Args::Cmd(c) | Args::Entrypoint(c)) => c.as_ref(),
            Some(Args::Healthcheck(h)) => h.command.as_ref(),
            _ => None,
        };
        if let Some(Command::Shell(_)) = command {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3025", "FROM a:1\nCMD python app.py\n", &[2]);
        catches("DL3025", "FROM a:1\nENTRYPOINT /start.sh\n", &[2]);
        catches(
            "DL3025",
            "FROM a:1\nHEALTHCHECK --retries=3 CMD curl -f http://x/\n",
            &[2],
        );
        passes(
            "DL3025",
            "FROM a:1\nCMD [\"python\", \"app.py\"]\nENTRYPOINT [\"/s\"]\n",
        );
        passes(
            "DL3025",
            "FROM a:1\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://x/\"]\n",
        );
        passes("DL3025", "FROM a:1\nHEALTHCHECK NONE\n");
        passes("DL3025", "FROM a:1\nONBUILD CMD python app.py\n");
    }
}
