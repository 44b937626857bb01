//! DL3059: consecutive `RUN`s that could be one.

use std::collections::BTreeSet;

use dockyard_dockerfile::{Instruction, Mount};

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` that directly follows another `RUN` (comments in
    /// between allowed) with the same `--mount`, `--network` and
    /// `--security` flags, when both run a single simple command. A `RUN`
    /// that chains commands (`&&`, `;`, pipes) is taken as a deliberate
    /// split and never counts.
    ///
    /// ## Why is this bad?
    /// Every `RUN` adds a layer. Steps that belong together are smaller
    /// and faster to pull as one layer, and cleanup in the same `RUN`
    /// actually shrinks the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN mkdir -p /srv/app
    /// RUN chown nobody /srv/app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN mkdir -p /srv/app && chown nobody /srv/app
    /// ```
    pub struct ConsecutiveRuns {
        /// The flags and command count of the `RUN` just before.
        previous: Option<(RunFlags, usize)>,
    }
    code: "DL3059",
    severity: Info,
    message: "Multiple consecutive `RUN` instructions. Consider consolidation.",
}

/// A `RUN`'s flags as hadolint compares them: a set of mounts (options in
/// any order, spelling variants merged) and the first network and security
/// modes.
#[derive(Debug, PartialEq, Eq)]
struct RunFlags {
    mounts: BTreeSet<String>,
    network: Option<String>,
    security: Option<String>,
}

/// One mount, written canonically.
fn canonical_mount(mount: &Mount) -> String {
    let mut options: BTreeSet<String> = BTreeSet::new();
    for option in &mount.options {
        let value = option.value.as_deref();
        let (key, value) = match (option.key.as_str(), value) {
            ("type", _) => continue,
            ("src", v) => ("source", v.unwrap_or("").to_string()),
            ("dst" | "destination", v) => ("target", v.unwrap_or("").to_string()),
            ("ro" | "readonly", None) => ("ro", "true".to_string()),
            ("rw" | "readwrite", None) => ("ro", "false".to_string()),
            ("ro" | "readonly", Some(v)) => ("ro", v.eq_ignore_ascii_case("true").to_string()),
            ("rw" | "readwrite", Some(v)) => ("ro", (!v.eq_ignore_ascii_case("true")).to_string()),
            ("required", v) => ("required", v.unwrap_or("true").to_ascii_lowercase()),
            ("z", None) => ("relabel", "shared".to_string()),
            (key, v) => (key, v.unwrap_or("").to_string()),
        };
        options.insert(format!("{key}={value}"));
    }
    let options: Vec<String> = options.into_iter().collect();
    format!("{}:{}", mount.mount_type(), options.join(","))
}

impl RunFlags {
    fn of(inst: &Instruction) -> RunFlags {
        let first = |name: &str| inst.flag(name).and_then(|f| f.value.clone());
        RunFlags {
            mounts: inst
                .flags
                .iter()
                .filter_map(|f| f.mount.as_ref())
                .map(canonical_mount)
                .collect(),
            network: first("network"),
            security: first("security"),
        }
    }
}

/// Whether a comment is one hadolint's parser reads as a parser directive
/// (`# escape=` or `# syntax=`), wherever it stands.
fn is_directive(text: &str) -> bool {
    let blanks = [' ', '\t'];
    let value = |key: &str| {
        text.trim_start_matches(blanks)
            .strip_prefix(key)
            .and_then(|r| r.trim_start_matches(blanks).strip_prefix('='))
            .map(|r| r.trim_matches(blanks))
    };
    value("escape").is_some_and(|v| v.chars().count() == 1)
        || value("syntax").is_some_and(|v| !v.is_empty())
}

impl Rule for ConsecutiveRuns {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        match item {
            Item::Comment { text, .. } if !is_directive(text) => {}
            _ => match item.run_with_flags() {
                Some((inst, shell)) => {
                    let flags = RunFlags::of(inst);
                    let count = shell.commands.len();
                    match &self.previous {
                        Some((previous, previous_count))
                            if *previous == flags && count <= 2 && *previous_count <= 2 =>
                        {
                            out.fail(item.line());
                        }
                        _ => self.previous = Some((flags, count)),
                    }
                }
                None => self.previous = None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3059", "FROM a:1\nRUN a\nRUN b\n", &[3]);
        catches(
            "DL3059",
            "FROM a:1\nRUN a\n# note\n\nRUN b\nRUN c\n",
            &[5, 6],
        );
        catches(
            "DL3059",
            "FROM a:1\nRUN --mount=type=cache,target=/c a\nRUN --mount=target=/c,type=cache b\n",
            &[3],
        );
        catches("DL3059", "FROM a:1\nRUN [\"a\"]\nRUN b > /x\n", &[3]);
        passes("DL3059", "FROM a:1\nRUN a && b\nRUN c\n");
        passes("DL3059", "FROM a:1\nRUN a\nRUN b; c\n");
        passes("DL3059", "FROM a:1\nRUN a\nENV X=1\nRUN b\n");
        passes("DL3059", "FROM a:1\nRUN a\nRUN --network=none b\n");
        passes("DL3059", "FROM a:1\nRUN a\n# syntax=x\nRUN b\n");
        passes("DL3059", "FROM a:1\nRUN a\nONBUILD RUN b\n");
    }
}
