//! SC1007: `name= value`, a space after `=`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags an empty assignment followed by more words on the line, as in
    /// `VAR= value` (except `IFS= ...`, which is a common idiom).
    ///
    /// ## Why is this bad?
    /// The shell sets `VAR` to the empty string for a command named
    /// `value`, which was rarely the intent.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN VERSION= 1.2; echo "$VERSION"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN VERSION=1.2; echo "$VERSION"
    /// ```
    code: "SC1007",
    severity: Warning,
    message: "Remove space after = if trying to assign a value (for empty string, use var='' ... ).",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        let cmd = c.cmd;
        for (k, a) in cmd.assignments.iter().enumerate() {
            if a.name == "IFS" || !a.value.parts.is_empty() || a.append {
                continue;
            }
            let end = a.span.end;
            let followed = cmd.assignments.get(k + 1).is_some()
                || !cmd.words.is_empty()
                || cmd.redirects.iter().any(|r| r.span.start >= end);
            let next = cx.src[end..].chars().next();
            if followed && next.is_some_and(|c| c == ' ' || c == '\t') {
                out.add(end, &META);
            }
        }
    }
}
