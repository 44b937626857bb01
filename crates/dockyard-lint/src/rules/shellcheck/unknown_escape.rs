//! SC1001: an unquoted backslash before an ordinary letter.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::WordPartKind;

declare_check! {
    /// ## What it does
    /// Flags an unquoted backslash before a character that has no special
    /// meaning, such as `\w`.
    ///
    /// ## Why is this bad?
    /// The backslash is simply dropped: `hello\world` is `helloworld`. It is
    /// usually a Windows path or a regex escape that needed quotes.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo hello\world
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo 'hello\world'
    /// ```
    code: "SC1001",
    severity: Info,
    message: "This \\w will be a regular 'w' in this context.",
}

/// Characters a backslash meaningfully quotes, or that ShellCheck lets pass.
const QUOTABLE: &str = "|&;<>()\\ '\t\n\r\u{a0}\"$`?*@!+[]{}.,~#";

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        let WordPartKind::Escaped(c) = p.part.kind else {
            continue;
        };
        if p.in_double_quotes || p.in_heredoc || QUOTABLE.contains(c) || "ntr".contains(c) {
            continue;
        }
        out.add_msg(
            p.part.span.start,
            &META,
            format!("This \\{c} will be a regular '{c}' in this context."),
        );
    }
}
