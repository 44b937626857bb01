//! SC1065: `f(a b) { ... }`, parameters declared in a function definition.

use super::{declare_check, Analysis, Comment, Comments};

declare_check! {
    /// ## What it does
    /// Flags names between the parentheses of a function definition, as
    /// in `f(name) { ...; }`. ShellCheck reads on as if the parentheses
    /// were empty, so the other checks still apply to the function.
    ///
    /// ## Why is this bad?
    /// Shell functions take no declared parameters: this is a syntax
    /// error, and `/bin/sh` stops with "Syntax error: word unexpected".
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN greet(name) { echo "hi"; }; greet you
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN greet() { echo "hi $1"; }; greet you
    /// ```
    code: "SC1065",
    severity: Error,
    message: "Trying to declare parameters? Don't. Use () and refer to params as $1, $2..",
}

/// When `script` has a function definition with parameters: the script
/// with them blanked out (same length, so positions still hold) and the
/// comment at the first of them.
pub fn repair(script: &str) -> Option<(String, Comment)> {
    let bytes = script.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let at_word_start = i == 0 || b" \t\n;&|(){}".contains(&bytes[i - 1]);
        let c = bytes[i];
        if !(at_word_start && (c.is_ascii_alphabetic() || c == b'_')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || b"_-:.".contains(&bytes[i])) {
            i += 1;
        }
        let name = &script[start..i];
        let mut j = i;
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
            j += 1;
        }
        if name == "time" || bytes.get(j) != Some(&b'(') {
            continue;
        }
        let mut k = j + 1;
        while k < bytes.len() && (bytes[k] == b' ' || bytes[k] == b'\t') {
            k += 1;
        }
        let params_start = k;
        while k < bytes.len() && !b"\n){".contains(&bytes[k]) {
            k += 1;
        }
        if k == params_start || bytes.get(k) != Some(&b')') {
            continue;
        }
        // A function body must follow.
        let body = script[k + 1..].trim_start();
        if !body.starts_with(['{', '(']) {
            continue;
        }
        let mut fixed = script.as_bytes().to_vec();
        for b in &mut fixed[params_start..k] {
            *b = b' ';
        }
        let fixed = String::from_utf8(fixed).ok()?;
        let comment = Comment {
            pos: params_start,
            code: META.code,
            severity: META.severity,
            message: META.message.to_string(),
        };
        return Some((fixed, comment));
    }
    None
}

/// Nothing to look for in a script that parsed: [`repair`] reports SC1065
/// when [`super::comments`] meets the syntax error.
pub fn check(_: &Analysis<'_>, _: &mut Comments) {}
