//! SC2045: a `for` loop over `ls` output.

use super::{declare_check, Analysis, Comments};
use crate::severity::Severity;
use dockyard_shell::{Word, WordPartKind};

declare_check! {
    /// ## What it does
    /// Flags `for f in $(ls ...)`.
    ///
    /// ## Why is this bad?
    /// `ls` output is split on blanks and globbed again; names with spaces
    /// or wildcards break the loop. A glob gives the names directly.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN for f in $(ls); do echo "$f"; done
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN for f in ./*; do echo "$f"; done
    /// ```
    code: "SC2045",
    severity: Error,
    message: "Iterating over ls output is fragile. Use globs.",
}

/// For each `for x in $(cmd)` (the list being exactly one substitution of
/// one statement): the substitution's position and the literal words of
/// its statement.
pub fn loops_over_output(cx: &Analysis<'_>) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    for l in &cx.for_loops {
        let Some([word]) = l.clause.words.as_deref() else {
            continue;
        };
        let [part] = word.parts.as_slice() else {
            continue;
        };
        let (WordPartKind::CommandSubstitution(list) | WordPartKind::Backquoted(list)) = &part.kind
        else {
            continue;
        };
        let [item] = list.items.as_slice() else {
            continue;
        };
        let mut words = Vec::new();
        for pipeline in
            std::iter::once(&item.and_or.first).chain(item.and_or.rest.iter().map(|(_, p)| p))
        {
            for command in &pipeline.commands {
                if let dockyard_shell::Command::Simple(s) = command {
                    words.extend(
                        s.words
                            .iter()
                            .map(|w: &Word| w.literal_value().unwrap_or_default()),
                    );
                }
            }
        }
        out.push((part.span.start, words));
    }
    out
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for (pos, words) in loops_over_output(cx) {
        if words.first().map(String::as_str) == Some("ls") {
            let severity = if words[1..].iter().any(|w| w.starts_with('-')) {
                Severity::Warning
            } else {
                Severity::Error
            };
            out.add_with(pos, &META, severity, META.message.to_string());
        }
    }
}
