//! SC1086: `for $name in ...`.

use super::{declare_check, Analysis, Comment, Comments};

declare_check! {
    /// ## What it does
    /// Flags a `$` before the variable name of a `for` loop. ShellCheck
    /// reads on as if it were not there, so the other checks still apply.
    ///
    /// ## Why is this bad?
    /// The loop names the variable to assign, not its value:
    /// `/bin/sh` stops with "Bad for loop variable".
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN for $f in a b; do echo "$f"; done
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN for f in a b; do echo "$f"; done
    /// ```
    code: "SC1086",
    severity: Error,
    message: "Don't use $ on the iterator name in for loops.",
}

/// When `script` has `for $name`: the script with that `$` blanked out and
/// the comment at it.
pub fn repair(script: &str) -> Option<(String, Comment)> {
    let bytes = script.as_bytes();
    let mut from = 0;
    while let Some(k) = script[from..].find("for") {
        let i = from + k;
        from = i + 3;
        let at_start = i == 0 || b" \t\n;&|(){}".contains(&bytes[i - 1]);
        let mut j = i + 3;
        let spaced = j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t');
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
            j += 1;
        }
        let named = bytes.get(j) == Some(&b'$')
            && bytes
                .get(j + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_');
        if at_start && spaced && named {
            let mut fixed = script.to_string();
            fixed.replace_range(j..j + 1, " ");
            let comment = Comment {
                pos: j,
                code: META.code,
                severity: META.severity,
                message: META.message.to_string(),
            };
            return Some((fixed, comment));
        }
    }
    None
}

/// Nothing to look for in a script that parsed: [`repair`] reports SC1086
/// when [`super::comments`] meets the syntax error.
pub fn check(_: &Analysis<'_>, _: &mut Comments) {}
