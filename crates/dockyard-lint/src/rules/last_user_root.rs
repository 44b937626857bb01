//! DL3002: the last `USER` of a stage is root.

use std::collections::BTreeMap;

use dockyard_dockerfile::{Args, Keyword};

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a stage whose last `USER` instruction switches to `root`.
    ///
    /// ## Why is this bad?
    /// Containers started from the image run as that user. A process
    /// running as root inside a container is one kernel bug away from root
    /// on the host; switch back to an unprivileged user after the steps
    /// that need root.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN useradd app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// USER root
    /// RUN useradd app
    /// USER app
    /// ```
    pub struct LastUserRoot {
        stage: Option<u32>,
        /// Stage line -> line of its last `USER root`.
        root_users: BTreeMap<u32, u32>,
    }
    code: "DL3002",
    severity: Warning,
    message: "Last USER should not be root",
}

fn is_root(user: &str) -> bool {
    user.starts_with("root:") || user.starts_with("0:") || user == "root" || user == "0"
}

impl Rule for LastUserRoot {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        if item.is(Keyword::From) {
            self.stage = Some(item.line());
        }
        if let (Some(Args::User(user)), Some(stage)) = (item.args(), self.stage) {
            let text = user.as_ref().map(|u| u.word.text.as_str()).unwrap_or("");
            if is_root(text) {
                self.root_users.insert(stage, item.line());
            } else {
                self.root_users.remove(&stage);
            }
        }
    }

    fn finish(&mut self, out: &mut Out) {
        for line in std::mem::take(&mut self.root_users).into_values() {
            out.fail(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3002", "FROM a:1\nUSER root\n", &[2]);
        catches("DL3002", "FROM a:1\nUSER 0:0\n", &[2]);
        catches(
            "DL3002",
            "FROM a:1 AS b\nUSER root\nFROM c:1\nUSER app\n",
            &[2],
        );
        passes("DL3002", "FROM a:1\nUSER root\nUSER app\n");
        passes("DL3002", "FROM a:1\nRUN x\n");
        passes("DL3002", "USER root\n");
    }
}
