//! SC2068: `$@` or `${array[@]}` without quotes.

use dockyard_shell::WordPartKind;

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `$@`, `${@...}` and `${name[@]}` outside double quotes where
    /// the shell splits words (not in assignments, `[[ ]]` or `case`).
    /// `${name[@]:+...}` is left alone.
    ///
    /// ## Why is this bad?
    /// Unquoted, each element is split again on spaces and globbed:
    /// `"a b"` becomes two arguments.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN set -- a "b c"; printf '%s\n' $@
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN set -- a "b c"; printf '%s\n' "$@"
    /// ```
    code: "SC2068",
    severity: Error,
    message: "Double quote array expansions to avoid re-splitting elements.",
}

/// The text of `${...}`/`$x` without the `$` and braces.
pub fn braced_text(text: &str) -> &str {
    let t = text.strip_prefix('$').unwrap_or(text);
    t.strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or(t)
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        if !p.word_level || p.strictly_quote_free {
            continue;
        }
        let WordPartKind::Parameter(_) = &p.part.kind else {
            continue;
        };
        let s = braced_text(cx.text(p.part.span));
        let array = s.starts_with('@') || (!s.starts_with('#') && s.contains("[@]"));
        if !array {
            continue;
        }
        // `${x[@]:+...}`, `${@+...}`: a quoted alternative.
        let name_len = s
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .count();
        let mut modifier = &s[name_len.max(if s.starts_with('@') { 1 } else { 0 })..];
        if let Some(rest) = modifier.strip_prefix("[@]") {
            modifier = rest;
        }
        if modifier.starts_with('+') || modifier.starts_with(":+") {
            continue;
        }
        out.add(p.part.span.start, &META);
    }
}
