//! SC1010: `done`, `fi`, `then`, ... as a plain argument.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags an argument that is exactly `do`, `done`, `then`, `fi` or
    /// `esac`, unquoted.
    ///
    /// ## Why is this bad?
    /// A keyword only ends a loop or `if` at the start of a command: after
    /// a missing `;` or line break it is just an argument, and the shell
    /// keeps reading the loop.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo done
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo "done"
    /// ```
    code: "SC1010",
    severity: Warning,
    message: "Use semicolon or linefeed before 'done' (or quote to make it literal).",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        for w in c.args() {
            let [part] = w.parts.as_slice() else { continue };
            let dockyard_shell::WordPartKind::Literal(t) = &part.kind else {
                continue;
            };
            if ["do", "done", "then", "fi", "esac"].contains(&t.as_str()) {
                out.add_msg(
                    w.span.start,
                    &META,
                    format!(
                        "Use semicolon or linefeed before '{t}' (or quote to make it literal)."
                    ),
                );
            }
        }
    }
}
