//! SC2005: `echo $(cmd)`.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::{Word, WordPartKind};

declare_check! {
    /// ## What it does
    /// Flags `echo` whose only argument is the output of a command.
    ///
    /// ## Why is this bad?
    /// `echo "$(cmd)"` prints what `cmd` prints, minus trailing newlines,
    /// with an extra process: run `cmd` directly.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo "$(cat /etc/os-release)"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN cat /etc/os-release
    /// ```
    code: "SC2005",
    severity: Style,
    message: "Useless echo? Instead of 'echo $(cmd)', just use 'cmd'.",
}

/// A word that is just `$(cmd)`, `` `cmd` `` or `"$(cmd)"` (but not `$(<file)`).
pub fn is_just_command_output(word: &Word) -> bool {
    let part = match word.parts.as_slice() {
        [p] => match &p.kind {
            WordPartKind::DoubleQuoted(inner) if inner.len() == 1 => &inner[0],
            _ => p,
        },
        _ => return false,
    };
    match &part.kind {
        WordPartKind::CommandSubstitution(list) | WordPartKind::Backquoted(list) => {
            let only_redirect = super::analysis::single_command(list)
                .is_some_and(|c| c.words.is_empty() && c.assignments.is_empty());
            !list.items.is_empty() && !only_redirect
        }
        _ => false,
    }
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if c.name.as_deref() != Some("echo") {
            continue;
        }
        if let [arg] = c.args() {
            if is_just_command_output(arg) {
                out.add(arg.span.start, &META);
            }
        }
    }
}
