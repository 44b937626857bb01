//! SC2059: a variable in the `printf` format string.

use dockyard_shell::{Word, WordPart, WordPartKind};

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `printf` whose format (its first argument after `--` or
    /// `-v var`) contains an expansion and no `%` of its own.
    ///
    /// ## Why is this bad?
    /// Any `%` or `\` in the variable's value is read as a format
    /// directive or escape, which garbles or breaks the output.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN printf "$HOME\n"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN printf '%s\n' "$HOME"
    /// ```
    code: "SC2059",
    severity: Info,
    message: "Don't use variables in the printf format string. Use printf '..%s..' \"$foo\".",
}

/// The literal text of a word, expansions left out.
fn literal_text(parts: &[WordPart], out: &mut String) {
    for p in parts {
        match &p.kind {
            WordPartKind::Literal(t) | WordPartKind::SingleQuoted(t) => out.push_str(t),
            WordPartKind::Escaped(c) => out.push(*c),
            WordPartKind::DoubleQuoted(inner) => literal_text(inner, out),
            _ => {}
        }
    }
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if c.name.as_deref() != Some("printf") {
            continue;
        }
        let mut args: &[Word] = c.args();
        loop {
            match args {
                [first, rest @ ..] if first.literal_value().as_deref() == Some("--") => args = rest,
                [first, _, rest @ ..] if first.literal_value().as_deref() == Some("-v") => {
                    args = rest
                }
                _ => break,
            }
        }
        let Some(format) = args.first() else { continue };
        let dollar_single = matches!(
            format.parts.as_slice(),
            [WordPart {
                kind: WordPartKind::DollarSingleQuoted(_),
                ..
            }]
        );
        if format.literal_value().is_some() || dollar_single {
            continue;
        }
        let mut text = String::new();
        literal_text(&format.parts, &mut text);
        if !text.contains('%') {
            out.add(format.span.start, &META);
        }
    }
}
