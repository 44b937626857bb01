//! SC2016: an expansion inside single quotes.

use super::{declare_check, Analysis, Cmd, Comments};
use dockyard_shell::WordPartKind;

declare_check! {
    /// ## What it does
    /// Flags single-quoted text that looks like a `$variable`, `${...}`,
    /// `$(...)` or backtick expansion, except as the argument of commands
    /// that expect their own `$` syntax (`sed`, `awk`, `perl`, `sh -c`, …).
    ///
    /// ## Why is this bad?
    /// Nothing expands inside single quotes: `'$HOME'` is the five
    /// characters `$HOME`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo '$HOME' > /home.txt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo "$HOME" > /home.txt
    /// ```
    code: "SC2016",
    severity: Info,
    message: "Expressions don't expand in single quotes, use double quotes for that.",
}

const EXEMPT: &[&str] = &[
    "trap",
    "sh",
    "bash",
    "ksh",
    "zsh",
    "ssh",
    "eval",
    "xprop",
    "alias",
    "sudo",
    "doas",
    "run0",
    "docker",
    "podman",
    "oc",
    "dpkg-query",
    "jq",
    "rename",
    "rg",
    "unset",
    "git filter-branch",
    "mumps -run %XCMD",
    "mumps -run LOOP%XCMD",
];

fn looks_expanded(s: &str) -> bool {
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'$' {
            if let Some(&n) = b.get(i + 1) {
                if n == b'{' || n == b'(' || n.is_ascii_alphanumeric() || n == b'_' {
                    return true;
                }
            }
        }
        if c == b'`' {
            if let Some(end) = s[i + 1..].find('`') {
                if end > 0 {
                    return true;
                }
            }
        }
    }
    false
}

/// sed's own `$` uses: `$`, `${`, `$d`, `$p`, … followed by a non-letter.
fn sed_contra(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'$'
            && b.get(i + 1).is_some_and(|n| b"{dpsaic".contains(n))
            && b.get(i + 2).is_none_or(|n| !n.is_ascii_alphabetic())
    })
}

fn command_name(c: &Cmd<'_>) -> String {
    let Some(base) = c.basename() else {
        return String::new();
    };
    let words: Vec<Option<String>> = c.cmd.words.iter().map(|w| w.literal_value()).collect();
    match base {
        "find" => {
            let mut it = words.iter().skip_while(|w| {
                !matches!(w.as_deref(), Some("-exec" | "-execdir" | "-ok" | "-okdir"))
            });
            match (it.next(), it.next()) {
                (Some(_), Some(cmd)) => cmd.clone().unwrap_or_else(|| "find".into()),
                _ => "find".into(),
            }
        }
        "git" if words.get(1).cloned().flatten().as_deref() == Some("filter-branch") => {
            "git filter-branch".into()
        }
        _ => base.to_string(),
    }
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        let WordPartKind::SingleQuoted(s) = &p.part.kind else {
            continue;
        };
        if !looks_expanded(s) {
            continue;
        }
        let name = p.cmd.map(|i| command_name(&cx.cmds[i])).unwrap_or_default();
        let show = if name == "sed" {
            !sed_contra(s)
        } else {
            !(p.ok_assignment
                || EXEMPT.contains(&name.as_str())
                || name.ends_with("awk")
                || name.starts_with("perl"))
        };
        if show {
            out.add(p.part.span.start, &META);
        }
    }
}
