//! DL3066: `USER` with a name instead of a numeric id.

use std::collections::BTreeSet;

use dockyard_dockerfile::Args;

use super::language_docker::{arg_name, rest_of_line};
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `USER` whose user part (before `:`) is not a number, unless
    /// the instruction mentions a variable declared by an earlier `ARG`.
    ///
    /// ## Why is this bad?
    /// A user name is resolved through the image's `/etc/passwd`; the host,
    /// volume permissions and orchestrators (Kubernetes' `runAsNonRoot`)
    /// only see numbers and cannot tell who that is.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd --uid 10001 app
    /// USER app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN useradd --uid 10001 app
    /// USER 10001
    /// ```
    pub struct NonNumericUser {
        args: BTreeSet<String>,
    }
    code: "DL3066",
    severity: Info,
    message: "Non-numeric user-id may not be resolvable by host system",
}

impl Rule for NonNumericUser {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(inst) = item.instruction() else {
            return;
        };
        match &inst.args {
            Args::Arg(_) => {
                if let Some(name) = arg_name(inst) {
                    self.args.insert(name.to_string());
                }
            }
            Args::User(_) => {
                // As hadolint reads it: the rest of the line, trailing
                // blanks included.
                let user = rest_of_line(inst);
                let uid = user.split(':').next().unwrap_or("");
                let numeric = uid.bytes().all(|b| b.is_ascii_digit());
                let from_arg = self.args.iter().any(|arg| {
                    user.contains(&format!("${{{arg}}}")) || user.contains(&format!("${arg}"))
                });
                if !numeric && !from_arg {
                    out.fail(item.line());
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3066", "FROM a:1\nUSER app\n", &[2]);
        catches("DL3066", "FROM a:1\nUSER app:1000\n", &[2]);
        catches("DL3066", "FROM a:1\nUSER 1000 \n", &[2]);
        catches("DL3066", "FROM a:1\nUSER $UID\n", &[2]);
        passes("DL3066", "FROM a:1\nUSER 1000\nUSER 1000:1000\nUSER :x\n");
        passes("DL3066", "ARG UID=1\nFROM a:1\nUSER ${UID}\n");
        passes("DL3066", "FROM a:1\nARG U\nUSER $USER\n");
        passes("DL3066", "FROM a:1\nARG GID\nUSER app:$GID\n");
        passes("DL3066", "FROM a:1\nONBUILD USER app\n");
    }
}
