//! SC3045: flags POSIX does not give `read`, `cd`, `export`, … under `/bin/sh`.

use super::{declare_check, Analysis, Comments, Dialect};

declare_check! {
    /// ## What it does
    /// Flags options of builtins that POSIX sh does not define, such as
    /// `read -p`, `export -n` or `ulimit -u`, when the shell is `sh`.
    ///
    /// ## Why is this bad?
    /// dash rejects them ("read: Illegal option -p") and the `RUN` fails or
    /// behaves differently from bash.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN read -p x y < /etc/hostname && echo "$y"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN read -r y < /etc/hostname && echo "$y"
    /// ```
    code: "SC3045",
    severity: Warning,
    message: "In POSIX sh, read -p is undefined.",
}

fn allowed(name: &str, dash: bool) -> Option<&'static [&'static str]> {
    Some(match name {
        "cd" => &["L", "P"],
        "exec" => &[],
        "export" => &["p"],
        "hash" => {
            if dash {
                &["r", "v"]
            } else {
                &["r"]
            }
        }
        "jobs" => &["l", "p"],
        "printf" => &[],
        "read" => {
            if dash {
                &["r", "p"]
            } else {
                &["r"]
            }
        }
        "readonly" => &["p"],
        "trap" => &[],
        "type" => &[],
        "ulimit" => {
            if dash {
                &[
                    "H", "S", "a", "c", "d", "f", "l", "m", "n", "p", "r", "s", "t", "v", "w",
                ]
            } else {
                &["H", "S", "a", "c", "d", "f", "n", "s", "t", "v"]
            }
        }
        "umask" => &["S"],
        "unset" => &["f", "v"],
        "wait" => &[],
        _ => return None,
    })
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    if !cx.is_sh() {
        return;
    }
    let dash = cx.dialect == Dialect::Dash;
    for c in &cx.cmds {
        let Some(name) = c.name.as_deref() else {
            continue;
        };
        let Some(allowed) = allowed(name, dash) else {
            continue;
        };
        // Leading flags, BSD style: up to the first non-flag or `--`.
        'words: for w in c.args() {
            let Some(v) = w.literal_value() else { break };
            if v == "--" || !v.starts_with('-') {
                break;
            }
            let flags: Vec<String> = match v.strip_prefix("--") {
                Some(long) => vec![long.split('=').next().unwrap_or("").to_string()],
                None => v[1..].chars().map(|ch| ch.to_string()).collect(),
            };
            for f in flags {
                if !f.is_empty() && !allowed.contains(&f.as_str()) {
                    out.bashism(cx, w.span.start, &META, &format!("{name} -{f} is"));
                    break 'words;
                }
            }
        }
    }
}
