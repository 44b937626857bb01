//! DL3042: `pip install` that keeps pip's cache directory.

use std::collections::HashMap;

use dockyard_dockerfile::{Args, KeyValues};

use crate::shell::{Command, ParsedShell};

use super::util::{has_cache_or_tmpfs_mount_with, image_name};
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `pip install` without `--no-cache-dir`, unless
    /// `PIP_NO_CACHE_DIR` is set to a true value (in the `RUN` itself, or
    /// by `ENV` in the stage or the stage it is built from), or the `RUN`
    /// mounts a cache or tmpfs over `.cache/pip`. `pipx` and `pipenv` are
    /// not checked.
    ///
    /// ## Why is this bad?
    /// pip keeps every wheel it downloads or builds in `~/.cache/pip`. In
    /// an image that cache is never used again, but it is saved in the
    /// layer and makes the image bigger.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12
    /// RUN pip install flask==3.0.3
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12
    /// RUN pip install --no-cache-dir flask==3.0.3
    /// ```
    pub struct PipCacheDir {
        /// hadolint's stage key: the alias, else the image name; `None`
        /// until the first `FROM` or a setting `ENV`.
        current: Option<Stage>,
        no_cache: HashMap<Stage, bool>,
    }
    code: "DL3042",
    severity: Warning,
    message: "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`",
}

/// A stage as hadolint names it here; `Unnamed` is the state before any
/// `FROM` (and inside `ONBUILD`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Stage {
    Named(String),
    Unnamed,
}

const TRUTHY: &[&str] = &[
    "1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES",
];

/// An `ENV` that sets `PIP_NO_CACHE_DIR` (its first occurrence) truthy.
fn env_disables_cache(env: &KeyValues) -> bool {
    env.pairs
        .iter()
        .find(|p| p.key == "PIP_NO_CACHE_DIR")
        .is_some_and(|p| TRUTHY.contains(&p.value.as_str()))
}

/// The RUN text says `PIP_NO_CACHE_DIR=` followed by a truthy word
/// (looking at the first occurrence only).
fn run_disables_cache(shell: &ParsedShell) -> bool {
    let Some(at) = shell.original.find("PIP_NO_CACHE_DIR=") else {
        return false;
    };
    let rest = &shell.original[at..];
    let value = rest.split_once('=').map_or("", |(_, v)| v);
    TRUTHY.iter().any(|t| value.starts_with(t))
}

fn is_wrapper(cmd: &Command) -> bool {
    ["pipx", "pipenv"].iter().any(|w| {
        cmd.name.contains(w)
            || (cmd.name.starts_with("python")
                && cmd
                    .args()
                    .collect::<Vec<_>>()
                    .windows(2)
                    .any(|p| p == ["-m", *w]))
    })
}

fn forgets_no_cache_dir(cmd: &Command) -> bool {
    cmd.is_pip_install() && !cmd.has_arg("--no-cache-dir") && !is_wrapper(cmd)
}

impl Rule for PipCacheDir {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        match item.args() {
            Some(Args::From(from)) => {
                let name = from.image.as_ref().map_or("", |i| image_name(&i.raw));
                let stage = Stage::Named(
                    from.alias
                        .as_ref()
                        .map_or(name.to_string(), |a| a.text.clone()),
                );
                if self.current.is_some() {
                    let parent = Stage::Named(name.to_string());
                    let inherited = self.no_cache.get(&parent).copied().unwrap_or(false);
                    self.no_cache.insert(stage.clone(), inherited);
                }
                self.current = Some(stage);
            }
            Some(Args::Env(env)) if env_disables_cache(env) => {
                let stage = self.current.get_or_insert(Stage::Unnamed).clone();
                self.no_cache.insert(stage, true);
            }
            _ => {}
        }
        let Some((inst, shell)) = item.run_with_flags() else {
            return;
        };
        let stage_disables = self
            .current
            .as_ref()
            .and_then(|s| self.no_cache.get(s))
            .copied()
            .unwrap_or(false);
        if stage_disables
            || run_disables_cache(shell)
            || !shell.any_command(forgets_no_cache_dir)
            || has_cache_or_tmpfs_mount_with(inst, ".cache/pip")
        {
            return;
        }
        out.fail(item.line());
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3042", "FROM a:1\nRUN pip install x==1\n", &[2]);
        catches("DL3042", "FROM a:1\nRUN python -m pip install x==1\n", &[2]);
        catches(
            "DL3042",
            "FROM a:1\nENV PIP_NO_CACHE_DIR=0\nRUN pip install x\n",
            &[3],
        );
        catches("DL3042", "FROM a:1\nONBUILD RUN pip install x\n", &[2]);
        catches(
            "DL3042",
            "FROM a:1 AS b\nENV PIP_NO_CACHE_DIR=1\nFROM c:1\nRUN pip install x\n",
            &[4],
        );
        passes("DL3042", "FROM a:1\nRUN pip install --no-cache-dir x\n");
        passes("DL3042", "FROM a:1\nRUN PIP_NO_CACHE_DIR=1 pip install x\n");
        passes(
            "DL3042",
            "FROM a:1\nENV PIP_NO_CACHE_DIR=true\nRUN pip install x\n",
        );
        passes(
            "DL3042",
            "FROM a:1 AS b\nENV PIP_NO_CACHE_DIR=yes\nFROM b\nRUN pip install x\n",
        );
        // Without an alias the stage is known by its image name.
        passes(
            "DL3042",
            "FROM py:3\nENV PIP_NO_CACHE_DIR=1\nFROM py:4\nRUN pip install x\n",
        );
        passes(
            "DL3042",
            "FROM a:1\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n",
        );
        passes("DL3042", "FROM a:1\nRUN pipx install x\n");
        passes("DL3042", "FROM a:1\nRUN python -m pipenv install x\n");
        passes(
            "DL3042",
            "FROM a:1\nONBUILD ENV PIP_NO_CACHE_DIR=1\nONBUILD RUN pip install x\n",
        );
    }
}
