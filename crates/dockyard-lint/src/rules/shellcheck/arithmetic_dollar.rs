//! SC2004: `$x` inside `$(( ))`.

use dockyard_shell::{WordPart, WordPartKind};

use super::unquoted_array::braced_text;
use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags a plain `$name` or `${name}` standing alone as an operand in
    /// `$(( ))`. Special and positional parameters, `${...}` with an
    /// operator, and `$x` glued to other text (`10#$x`) are left alone.
    ///
    /// ## Why is this bad?
    /// Arithmetic reads variable names directly; the `$` only adds noise
    /// (and expands before parsing, so an empty variable breaks the
    /// expression).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN n=3; echo "$(($n + 1))"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN n=3; echo "$((n + 1))"
    /// ```
    code: "SC2004",
    severity: Style,
    message: "$/${} is unnecessary on arithmetic variables.",
}

/// Characters that end an arithmetic operand.
fn separates(c: char) -> bool {
    c.is_whitespace() || "+-*/%()<>=!&|^~?:,[]".contains(c)
}

fn standalone(parts: &[WordPart], i: usize) -> bool {
    let before_ok = match i.checked_sub(1).map(|k| &parts[k].kind) {
        None => true,
        Some(WordPartKind::Literal(t)) => t.chars().last().is_none_or(separates),
        Some(_) => false,
    };
    let after_ok = match parts.get(i + 1).map(|p| &p.kind) {
        None => true,
        Some(WordPartKind::Literal(t)) => t.chars().next().is_none_or(separates),
        Some(_) => false,
    };
    before_ok && after_ok
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        let WordPartKind::Arithmetic(inner) = &p.part.kind else {
            continue;
        };
        for (i, part) in inner.iter().enumerate() {
            if !matches!(part.kind, WordPartKind::Parameter(_)) || !standalone(inner, i) {
                continue;
            }
            let s = braced_text(cx.text(part.span));
            let exception = s.is_empty()
                || s.starts_with(|c: char| c.is_ascii_digit())
                || s.chars().any(|c| "/.:#%?*@$-!+=^,".contains(c));
            if !exception {
                out.add(part.span.start, &META);
            }
        }
    }
}
