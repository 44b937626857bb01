//! SC2043: a `for` loop over one fixed word.

use super::{declare_check, Analysis, Comments};
use dockyard_shell::WordPartKind;

declare_check! {
    /// ## What it does
    /// Flags `for x in word` where the single word cannot expand into
    /// several.
    ///
    /// ## Why is this bad?
    /// The loop runs exactly once: usually a quoted list (`"a b"`) or a
    /// forgotten `$`, glob or `$(...)`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN for f in a; do echo "$f"; done
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN for f in a b; do echo "$f"; done
    /// ```
    code: "SC2043",
    severity: Warning,
    message: "This loop will only ever run once. Bad quoting or missing glob/expansion?",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for l in &cx.for_loops {
        let Some([word]) = l.clause.words.as_deref() else {
            continue;
        };
        // Single-quoted words and commas have their own codes.
        if matches!(word.parts.as_slice(), [p] if matches!(p.kind, WordPartKind::SingleQuoted(_))) {
            continue;
        }
        let unquoted_comma = word
            .parts
            .iter()
            .any(|p| matches!(&p.kind, WordPartKind::Literal(t) if t.contains(',')));
        if unquoted_comma {
            continue;
        }
        let may_split = word.parts.iter().any(|p| match &p.kind {
            WordPartKind::Literal(_)
            | WordPartKind::SingleQuoted(_)
            | WordPartKind::Escaped(_)
            | WordPartKind::Tilde(_)
            | WordPartKind::DollarSingleQuoted(_) => false,
            WordPartKind::DoubleQuoted(inner) => inner.iter().any(|i| {
                matches!(&i.kind, WordPartKind::Parameter(param) if param.name == "@" || param.name.starts_with('!'))
            }),
            _ => true,
        });
        if !may_split {
            out.add(word.span.start, &META);
        }
    }
}
