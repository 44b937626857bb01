//! SC2012: `ls` piped into another command.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::Command as ShellCommand;

declare_check! {
    /// ## What it does
    /// Flags `ls` whose output is piped into another command (other than
    /// `grep` and `xargs`, which have their own codes).
    ///
    /// ## Why is this bad?
    /// `ls` output is for people; scripts that parse it break on names with
    /// spaces, newlines or odd bytes. `find` lists names safely.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN ls /tmp/*.deb | wc -l
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN find /tmp -name '*.deb' -exec printf . \; | wc -c
    /// ```
    code: "SC2012",
    severity: Info,
    message: "Use find instead of ls to better handle non-alphanumeric filenames.",
}

/// `(start of the command, name of the next command)` for every command
/// whose first word is `name` and is followed by another in its pipeline.
pub fn pairs(cx: &Analysis<'_>, name: &str) -> Vec<(usize, Option<String>)> {
    let mut out = Vec::new();
    for c in &cx.cmds {
        if c.cmd
            .words
            .first()
            .and_then(|w| w.literal_value())
            .as_deref()
            != Some(name)
        {
            continue;
        }
        if let Some(next) = c.pipeline.commands.get(c.index + 1) {
            let next_name = match next {
                ShellCommand::Simple(s) => s.words.first().and_then(|w| w.literal_value()),
                _ => None,
            };
            out.push((c.start(), next_name));
        }
    }
    out
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    let pairs = pairs(cx, "ls");
    // Any `ls | grep` or `ls | xargs` in the script wins over this one.
    if pairs
        .iter()
        .any(|(_, n)| matches!(n.as_deref(), Some("grep") | Some("xargs")))
    {
        return;
    }
    for c in &cx.cmds {
        if c.cmd
            .words
            .first()
            .and_then(|w| w.literal_value())
            .as_deref()
            != Some("ls")
            || c.index + 1 >= c.pipeline.commands.len()
        {
            continue;
        }
        let has_n = c
            .args()
            .iter()
            .filter_map(|w| w.literal_value())
            .any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('N'));
        if !has_n {
            out.add(c.start(), &META);
        }
    }
}
