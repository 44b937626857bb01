//! DL3009: `apt-get update` without removing `/var/lib/apt/lists`.

use crate::shell::{Command, ParsedShell};

use super::kept_stages::KeptStages;
use super::util::has_cache_or_tmpfs_mount_with;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` with `apt-get update` (or `apt update`, `aptitude
    /// update`) that does not `rm -rf /var/lib/apt/lists/*`, unless it
    /// mounts a cache or tmpfs over `/var/lib/apt/lists` (or over both
    /// `/var/lib/apt` and `/var/cache/apt`). Only stages that end up in
    /// the image are reported: the last one, and those a later `FROM`
    /// builds on.
    ///
    /// ## Why is this bad?
    /// `apt-get update` downloads the package lists, tens of megabytes that
    /// the image never needs again. Unless they are removed in the same
    /// `RUN`, they are saved in the layer; removing them later does not
    /// shrink the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
    /// ```
    pub struct AptListsKept {
        stages: KeptStages,
    }
    code: "DL3009",
    severity: Info,
    message: "Delete the apt lists (/var/lib/apt/lists) after installing something",
}

fn is_update(c: &Command) -> bool {
    ["apt", "apt-get", "aptitude"]
        .iter()
        .any(|n| c.has_args(n, &["update"]))
}

/// `rm` with `-rf` or the lists glob counts as the clean-up.
fn is_cleanup(c: &Command) -> bool {
    c.has_args("rm", &["-rf", "/var/lib/apt/lists/*"])
}

fn forgets_cleanup(shell: &ParsedShell) -> bool {
    shell.any_command(is_update) && !shell.any_command(is_cleanup)
}

impl Rule for AptListsKept {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.stages.observe(item);
        let Some((inst, shell)) = item.run_with_flags() else {
            return;
        };
        let mounted = has_cache_or_tmpfs_mount_with(inst, "/var/lib/apt/lists")
            || (has_cache_or_tmpfs_mount_with(inst, "/var/lib/apt")
                && has_cache_or_tmpfs_mount_with(inst, "/var/cache/apt"));
        if forgets_cleanup(shell) && !mounted {
            self.stages.note(item.line());
        }
    }

    fn finish(&mut self, out: &mut Out) {
        self.stages.report(out);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3009", "FROM a:1\nRUN apt-get update\n", &[2]);
        catches(
            "DL3009",
            "FROM a:1\nRUN apt update && apt install x\n",
            &[2],
        );
        catches("DL3009", "FROM a:1\nONBUILD RUN apt-get update\n", &[2]);
        catches("DL3009", "RUN apt-get update\n", &[1]);
        // Removing docker-clean does not excuse it.
        catches(
            "DL3009",
            "FROM a:1\nRUN rm /etc/apt/apt.conf.d/docker-clean\nRUN apt-get update\n",
            &[3],
        );
        // A stage that a later FROM builds on is kept.
        catches(
            "DL3009",
            "FROM a:1 AS base\nRUN apt-get update\nFROM base\nRUN echo\n",
            &[2],
        );
        // An earlier stage written like the last one counts as the last.
        catches(
            "DL3009",
            "FROM a:1\nRUN apt-get update\nFROM a:1\nRUN echo\n",
            &[2],
        );
        passes(
            "DL3009",
            "FROM a:1\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\n",
        );
        passes("DL3009", "FROM a:1\nRUN apt-get install x\n");
        // Stages only copied from are not reported.
        passes(
            "DL3009",
            "FROM a:1 AS build\nRUN apt-get update\nFROM b:1\nCOPY --from=build /x /x\n",
        );
        passes(
            "DL3009",
            "FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n",
        );
        passes(
            "DL3009",
            "FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update\n",
        );
        catches(
            "DL3009",
            "FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n",
            &[2],
        );
    }
}
