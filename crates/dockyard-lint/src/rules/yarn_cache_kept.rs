//! DL3060: `yarn install` without `yarn cache clean`.

use crate::shell::Command;

use super::kept_stages::KeptStages;
use super::util::has_cache_or_tmpfs_mount_with;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` with `yarn install` and no `yarn cache clean`, unless
    /// it mounts a cache or tmpfs over `.cache/yarn`, and a `RUN` that
    /// cleans the cache before installing. Only stages that end up in the
    /// image are reported: the last one, and those a later `FROM` builds
    /// on.
    ///
    /// ## Why is this bad?
    /// yarn keeps a copy of every package it installs in its global cache.
    /// Unless that cache is cleaned in the same `RUN`, it is saved in the
    /// layer next to `node_modules` and roughly doubles what the
    /// dependencies cost in image size.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20
    /// RUN yarn install --frozen-lockfile
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20
    /// RUN yarn install --frozen-lockfile && yarn cache clean
    /// ```
    pub struct YarnCacheKept {
        stages: KeptStages,
    }
    code: "DL3060",
    severity: Info,
    message: "`yarn cache clean` missing after `yarn install` was run.",
}

fn is_install(c: &Command) -> bool {
    c.has_args("yarn", &["install"])
}

/// `yarn` with `cache` or `clean`.
fn is_clean(c: &Command) -> bool {
    c.has_args("yarn", &["cache", "clean"])
}

impl Rule for YarnCacheKept {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        self.stages.observe(item);
        let Some((inst, shell)) = item.run_with_flags() else {
            return;
        };
        let Some(install) = shell.find_command_index(is_install) else {
            return;
        };
        let missing = match shell.find_command_index(is_clean) {
            None => !has_cache_or_tmpfs_mount_with(inst, ".cache/yarn"),
            Some(clean) => clean < install,
        };
        if missing {
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
        catches("DL3060", "FROM a:1\nRUN yarn install\n", &[2]);
        catches(
            "DL3060",
            "FROM a:1\nRUN yarn cache clean && yarn install\n",
            &[2],
        );
        catches("DL3060", "FROM a:1\nONBUILD RUN yarn install\n", &[2]);
        catches(
            "DL3060",
            "FROM a:1 AS deps\nRUN yarn install\nFROM deps\nRUN echo\n",
            &[2],
        );
        passes("DL3060", "FROM a:1\nRUN yarn install && yarn cache clean\n");
        passes(
            "DL3060",
            "FROM a:1\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n",
        );
        passes(
            "DL3060",
            "FROM a:1 AS deps\nRUN yarn install\nFROM b:1\nCOPY --from=deps /x /x\n",
        );
        passes("DL3060", "FROM a:1\nRUN yarn build\n");
    }
}
