//! SC2048: `$*` or `${array[*]}` without quotes.

use dockyard_shell::WordPartKind;

use super::unquoted_array::braced_text;
use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags a word that is just `$*`, `${*...}` or `${name[*]...}` outside
    /// double quotes where the shell splits words.
    ///
    /// ## Why is this bad?
    /// Unquoted, the arguments are joined and split again on spaces, so
    /// `"a b"` becomes two arguments. `"$@"` keeps each one intact.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN set -- a "b c"; for x in $*; do echo "$x"; done
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN set -- a "b c"; for x in "$@"; do echo "$x"; done
    /// ```
    code: "SC2048",
    severity: Warning,
    message: "Use \"$@\" (with quotes) to prevent whitespace problems.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        if !p.word_level || p.strictly_quote_free {
            continue;
        }
        let WordPartKind::Parameter(_) = &p.part.kind else {
            continue;
        };
        // The whole word must be this expansion.
        let before = cx.src[..p.part.span.start].chars().last();
        let after = cx.src[p.part.span.end..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| " \t\n;&|()<>".contains(c));
        if !edge(before) || !edge(after) {
            continue;
        }
        let s = braced_text(cx.text(p.part.span));
        if s.starts_with('*') {
            out.add(p.part.span.start, &META);
        }
        let name_len = s
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .count();
        if name_len > 0 && s[name_len..].starts_with("[*]") {
            out.add_msg(
                p.part.span.start,
                &META,
                "Use \"${array[@]}\" (with quotes) to prevent whitespace problems.".to_string(),
            );
        }
    }
}
