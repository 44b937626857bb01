//! DL3001: commands that make no sense in an image build (`ssh`, `vim`, …).

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` that calls an interactive or system-management command:
    /// `free`, `kill`, `mount`, `ps`, `service`, `shutdown`, `ssh`, `top`
    /// or `vim`.
    ///
    /// ## Why is this bad?
    /// A `RUN` executes once, at build time, with no terminal and no running
    /// services. These commands either need a person at a keyboard or act on
    /// processes that do not exist in the build container; their effect is
    /// lost, or the build hangs.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN service nginx start
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// CMD ["nginx", "-g", "daemon off;"]
    /// ```
    pub struct PointlessCommands {}
    code: "DL3001",
    severity: Info,
    message: "For some bash commands it makes no sense running them in a Docker container like `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`",
}

/// The commands hadolint checks (`ifconfig` is in the message, not the list).
const POINTLESS: [&str; 9] = [
    "free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim",
];

impl Rule for PointlessCommands {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(shell) = item.run() {
            if shell.command_names().any(|n| POINTLESS.contains(&n)) {
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
        catches(
            "DL3001",
            "FROM a:1\nRUN apt-get update && service x start\n",
            &[2],
        );
        catches("DL3001", "FROM a:1\nONBUILD RUN vim x\n", &[2]);
        catches("DL3001", "FROM a:1\nRUN kill $(pidof x)\n", &[2]);
        passes("DL3001", "FROM a:1\nRUN ifconfig\n");
        passes("DL3001", "FROM a:1\nRUN echo ps\n");
    }
}
