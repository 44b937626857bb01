//! SC2028: `echo` with backslash escapes.

use super::{declare_check, Analysis, Comments, Dialect};
use dockyard_shell::{WordPart, WordPartKind};

declare_check! {
    /// ## What it does
    /// Flags `echo` arguments containing escape sequences such as `\n` or
    /// `\t` when `-e` is not given.
    ///
    /// ## Why is this bad?
    /// Whether `echo` expands escapes depends on the shell (dash does, bash
    /// does not). `printf` behaves the same everywhere.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo "a\tb" > /f
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN printf 'a\tb\n' > /f
    /// ```
    code: "SC2028",
    severity: Info,
    message: "echo may not expand escape sequences. Use printf.",
}

fn literal(parts: &[WordPart], quoted: bool, out: &mut String) {
    for p in parts {
        match &p.kind {
            WordPartKind::Literal(t) => out.push_str(t),
            WordPartKind::SingleQuoted(t) => out.push_str(t),
            WordPartKind::Escaped(c) => {
                if quoted {
                    out.push('\\');
                }
                out.push(*c);
            }
            WordPartKind::DoubleQuoted(inner) => literal(inner, true, out),
            _ => {}
        }
    }
}

fn has_escape(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        if c != b'\\' {
            return false;
        }
        match b.get(i + 1) {
            Some(n) if b"rntabefv\\'".contains(n) => true,
            Some(n) if (b'0'..=b'7').contains(n) => true,
            Some(b'x') => b.get(i + 2).is_some_and(|h| h.is_ascii_hexdigit()),
            _ => false,
        }
    })
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    if cx.dialect == Dialect::Dash {
        return;
    }
    for c in cx.commands("echo") {
        if c.has_flag("e") {
            continue;
        }
        for arg in c.args() {
            let mut s = String::new();
            literal(&arg.parts, false, &mut s);
            if has_escape(&s) {
                out.add(arg.span.start, &META);
            }
        }
    }
}
