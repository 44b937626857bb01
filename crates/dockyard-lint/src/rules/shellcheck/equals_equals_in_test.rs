//! SC3014: `==` in a test under `/bin/sh`.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::{Word, WordPartKind};

declare_check! {
    /// ## What it does
    /// Flags `==` as a comparison in `[ ]`, `test` or `[[ ]]` when the
    /// shell is `sh`.
    ///
    /// ## Why is this bad?
    /// POSIX `test` compares strings with `=`; dash's `[` fails with
    /// "unexpected operator" on `==`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN [ "$(uname -m)" == x86_64 ] && echo y
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN [ "$(uname -m)" = x86_64 ] && echo y
    /// ```
    code: "SC3014",
    severity: Warning,
    message: "In POSIX sh, == in place of = is undefined.",
}

fn is_eqeq(w: &Word) -> bool {
    matches!(w.parts.as_slice(), [p] if matches!(&p.kind, WordPartKind::Literal(t) if t == "=="))
}

/// The `==` operators of a test expression's operands (between other words).
fn operators(words: &[Word]) -> Vec<usize> {
    let inner = words.get(1..words.len().saturating_sub(1)).unwrap_or(&[]);
    inner
        .iter()
        .filter(|w| is_eqeq(w))
        .map(|w| w.span.start)
        .collect()
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        match c.name.as_deref() {
            Some("[") => {
                let args = c.args();
                let inner = match args.last().and_then(|w| w.literal_value()).as_deref() {
                    Some("]") => &args[..args.len() - 1],
                    _ => args,
                };
                for pos in operators(inner) {
                    out.bashism(cx, pos, &META, "== in place of = is");
                }
            }
            Some("test") => {
                let args = c.args();
                if args.len() == 3 && is_eqeq(&args[1]) {
                    out.bashism(cx, c.start(), &META, "== in place of = is");
                }
            }
            _ => {}
        }
    }
    for (_, words) in &cx.double_brackets {
        for pos in operators(words) {
            out.bashism(cx, pos, &META, "== in place of = is");
        }
    }
}
