//! SC2038: `find | xargs` without null separators.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::{Command as ShellCommand, Word};

declare_check! {
    /// ## What it does
    /// Flags `find` piped into `xargs` unless `-print0`/`-0` (or `-printf`,
    /// `--null`) is used.
    ///
    /// ## Why is this bad?
    /// `xargs` splits on blanks and interprets quotes, so file names with
    /// spaces or quotes break the command.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN find / -name "*.pyc" | xargs rm
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN find / -name "*.pyc" -exec rm {} +
    /// ```
    code: "SC2038",
    severity: Warning,
    message: "Use 'find .. -print0 | xargs -0 ..' or 'find .. -exec .. +' to allow non-alphanumeric filenames.",
}

fn texts(words: &[Word]) -> Vec<String> {
    words.iter().filter_map(Word::literal_value).collect()
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if c.cmd
            .words
            .first()
            .and_then(|w| w.literal_value())
            .as_deref()
            != Some("find")
        {
            continue;
        }
        let Some(ShellCommand::Simple(next)) = c.pipeline.commands.get(c.index + 1) else {
            continue;
        };
        if next
            .words
            .first()
            .and_then(|w| w.literal_value())
            .as_deref()
            != Some("xargs")
        {
            continue;
        }
        let mut args = texts(&next.words);
        args.extend(texts(&c.cmd.words));
        let ok = args.iter().any(|a| {
            (a.starts_with('-') && !a.starts_with("--") && a.contains('0'))
                || ["null", "print0", "printf"]
                    .iter()
                    .any(|p| a == &format!("-{p}") || a == &format!("--{p}"))
        });
        if !ok {
            out.add(c.start(), &META);
        }
    }
}
