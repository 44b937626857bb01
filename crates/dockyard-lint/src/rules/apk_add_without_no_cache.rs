//! DL3019: `apk add` without `--no-cache`.

use super::util::has_cache_or_tmpfs_mount_with;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `apk add` without `--no-cache`, unless the `RUN` mounts a
    /// cache or tmpfs over `/var/cache/apk`.
    ///
    /// ## Why is this bad?
    /// Without `--no-cache`, `apk` keeps the package index it downloaded in
    /// `/var/cache/apk`, and that index stays in the layer. `--no-cache`
    /// fetches the index, uses it and leaves nothing behind, so there is no
    /// need for `--update` and a separate `rm -rf /var/cache/apk/*`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add curl=8.9.1-r2
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// RUN apk add --no-cache curl=8.9.1-r2
    /// ```
    pub struct ApkAddWithoutNoCache {}
    code: "DL3019",
    severity: Info,
    message: "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages",
}

impl Rule for ApkAddWithoutNoCache {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some((inst, shell)) = item.run_with_flags() else {
            return;
        };
        if has_cache_or_tmpfs_mount_with(inst, "/var/cache/apk") {
            return;
        }
        if shell.any_command(|c| c.has_args("apk", &["add"]) && !c.has_flag("no-cache")) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3019", "FROM a:1\nRUN apk add curl\n", &[2]);
        catches(
            "DL3019",
            "FROM a:1\nRUN apk update && apk add --virtual x curl\n",
            &[2],
        );
        catches("DL3019", "FROM a:1\nONBUILD RUN apk add curl\n", &[2]);
        catches(
            "DL3019",
            "FROM a:1\nRUN --mount=type=bind,target=/var/cache/apk apk add curl\n",
            &[2],
        );
        passes("DL3019", "FROM a:1\nRUN apk add --no-cache curl\n");
        passes(
            "DL3019",
            "FROM a:1\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
        );
        passes(
            "DL3019",
            "FROM a:1\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n",
        );
        passes("DL3019", "FROM a:1\nRUN apk del curl\n");
    }
}
