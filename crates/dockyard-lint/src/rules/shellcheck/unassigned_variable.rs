//! SC2154: a lowercase variable read but never assigned.

use super::vars::{best_match, unassigned, COMMON_COMMANDS};
use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags a variable with a lowercase letter in its name that is read
    /// but assigned nowhere in the `RUN`. Variables declared by `ARG` or
    /// `ENV` (and the proxy variables) count as assigned; `${x:-default}`,
    /// `${x:?}` and `${x:+...}` are not flagged. All-uppercase names are
    /// taken to come from the environment (see SC2153).
    ///
    /// ## Why is this bad?
    /// The variable expands to nothing: usually a typo, a variable set in
    /// an earlier `RUN` (each `RUN` is a new shell), or a build argument
    /// that was never declared with `ARG`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLO "https://example.com/tool-$version.tgz"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ARG version=1.2
    /// RUN curl -fsSLO "https://example.com/tool-$version.tgz"
    /// ```
    code: "SC2154",
    severity: Warning,
    message: "x is referenced but not assigned.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for r in unassigned(&cx.flow) {
        if !r.name.chars().any(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let tip = if COMMON_COMMANDS.contains(&r.name.as_str()) {
            format!(" (for output from commands, use \"$({} ...)\" )", r.name)
        } else if let Some(m) = best_match(&cx.flow, &r.name) {
            format!(" (did you mean '{m}'?)")
        } else {
            String::new()
        };
        out.add_msg(
            r.pos,
            &META,
            format!("{} is referenced but not assigned{tip}.", r.name),
        );
    }
}
