//! SC2164: `cd` whose failure is not handled.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `cd` (and `pushd`/`popd`) whose exit status is not checked,
    /// unless the script uses `set -e`.
    ///
    /// ## Why is this bad?
    /// If the directory does not exist, the following commands run in the
    /// wrong directory, which can be destructive (`cd /tmp/x; rm -rf *`).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN cd /tmp; make
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN cd /tmp && make
    /// ```
    code: "SC2164",
    severity: Warning,
    message: "Use 'cd ... || exit' or 'cd ... || return' in case cd fails.",
}

/// `.`, `..`, `/`, `../..` and the like: always there.
fn safe_dir(s: &str) -> bool {
    let s = s.trim_start_matches('/');
    let mut rest = s;
    loop {
        let seg_end = rest.find('/').unwrap_or(rest.len());
        let seg = &rest[..seg_end];
        if seg_end == rest.len() {
            return seg.is_empty() || seg == "." || seg == "..";
        }
        if seg != "." && seg != ".." {
            return false;
        }
        rest = rest[seg_end..].trim_start_matches('/');
        if rest.is_empty() {
            return true;
        }
    }
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    if cx.set_e {
        return;
    }
    for c in &cx.cmds {
        let Some(name) = c.name.as_deref() else {
            continue;
        };
        if !matches!(name, "cd" | "pushd" | "popd") || c.condition {
            continue;
        }
        if name != "cd" && c.has_flag("n") {
            continue;
        }
        if let [arg] = c.args() {
            if arg.literal_value().is_some_and(|a| safe_dir(&a)) {
                continue;
            }
        }
        out.add_msg(
            c.start(),
            &META,
            format!("Use '{name} ... || exit' or '{name} ... || return' in case {name} fails."),
        );
    }
}
