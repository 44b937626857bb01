//! SC2153: an uppercase variable never assigned, close to one that is.

use super::vars::{best_match, unassigned};
use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags an all-uppercase variable that is read but never assigned in
    /// the `RUN` when its name is one or two letters away from a variable
    /// that is assigned (or declared by `ARG`/`ENV`).
    ///
    /// ## Why is this bad?
    /// Uppercase variables may come from the environment, but one that
    /// nearly matches a declared name is most likely a typo and expands
    /// to nothing.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// ARG APP_VERSION=1.2
    /// RUN echo "$APP_VERSON"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ARG APP_VERSION=1.2
    /// RUN echo "$APP_VERSION"
    /// ```
    code: "SC2153",
    severity: Info,
    message: "Possible misspelling: X may not be assigned. Did you mean Y?",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for r in unassigned(&cx.flow) {
        if r.name.chars().any(|c| c.is_ascii_lowercase()) {
            continue;
        }
        if let Some(m) = best_match(&cx.flow, &r.name) {
            out.add_msg(
                r.pos,
                &META,
                format!(
                    "Possible misspelling: {} may not be assigned. Did you mean {m}?",
                    r.name
                ),
            );
        }
    }
}
