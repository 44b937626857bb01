//! SC2034: a variable assigned but never read.

use std::collections::{BTreeMap, HashSet};

use super::vars::{is_variable_name, INTERNAL_VARIABLES};
use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags a variable that is assigned but never read anywhere in the
    /// `RUN`. Variables declared by `ARG` or `ENV`, exported ones, names
    /// starting with `_` and the shell's own variables (`PATH`, `HOME`,
    /// ...) are never flagged.
    ///
    /// ## Why is this bad?
    /// Each `RUN` is its own shell: a variable set in one `RUN` is gone in
    /// the next. An unused assignment is usually a typo in the name where
    /// it is read, a forgotten use, or a value meant for a later
    /// instruction (use `ENV` or `ARG` for that).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN url=https://example.com/tool.tgz; curl -fsSLO https://example.com/tool.tgz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN url=https://example.com/tool.tgz; curl -fsSLO "$url"
    /// ```
    code: "SC2034",
    severity: Warning,
    message: "x appears unused. Verify use (or export if used externally).",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    let read: HashSet<&str> = cx
        .flow
        .references
        .iter()
        .map(|r| r.name.as_str())
        .chain(INTERNAL_VARIABLES.iter().copied())
        .collect();
    // The last assignment of each name.
    let mut last: BTreeMap<&str, usize> = BTreeMap::new();
    for w in &cx.flow.written {
        if is_variable_name(&w.name) {
            last.insert(&w.name, w.pos);
        }
    }
    for (name, pos) in last {
        if read.contains(name) || name.starts_with('_') {
            continue;
        }
        out.add_msg(
            pos,
            &META,
            format!("{name} appears unused. Verify use (or export if used externally)."),
        );
    }
}
