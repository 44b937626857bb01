//! CopyIgnoredFile: `COPY`/`ADD` of a file `.dockerignore` excludes.

use super::dockerignore::Ignore;
use super::golang::{clean_path, quote};
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// With a `.dockerignore` given, flags a `COPY` (without `--from`) or
    /// `ADD` source from the build context that the ignore patterns
    /// exclude, the source or one of its parent directories. As in
    /// BuildKit, nothing is checked when the file re-includes anything
    /// with `!`; `.` is only flagged when everything is ignored (`*`,
    /// `**`). URLs and Git sources of `ADD` are not context files.
    ///
    /// ## Why is this bad?
    /// The file is not sent to the builder, so the build fails or copies
    /// something else than intended.
    ///
    /// ## Example
    /// ```dockerignore
    /// *.md
    /// ```
    /// ```dockerfile
    /// FROM alpine
    /// COPY README.md /docs/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// COPY LICENSE /docs/
    /// ```
    name: "CopyIgnoredFile",
    experimental: false,
}

fn is_remote(source: &str) -> bool {
    ["http://", "https://", "git@", "git://", "ssh://"]
        .iter()
        .any(|p| source.starts_with(p))
}

/// `source` is the expanded source path.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    is_add: bool,
    source: &str,
    ignore: &Ignore,
) {
    if is_add && is_remote(source) {
        return;
    }
    let path = clean_path(source);
    if (path == "." || path == "/") && !ignore.ignores_root() {
        return;
    }
    if ignore.excludes(&path) {
        let verb = if is_add { "Add" } else { "Copy" };
        let message = format!(
            "Attempting to {verb} file {} that is excluded by .dockerignore",
            quote(&path)
        );
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::findings_with;

    fn says(ignore: &str, dockerfile: &str, expected: &[(u32, &str)]) {
        let got: Vec<(u32, String)> = findings_with("CopyIgnoredFile", dockerfile, Some(ignore))
            .into_iter()
            .map(|f| (f.line, f.message))
            .collect();
        let expected: Vec<(u32, String)> =
            expected.iter().map(|(l, m)| (*l, m.to_string())).collect();
        assert_eq!(got, expected, "{dockerfile}");
    }

    #[test]
    fn spec() {
        says(
            "Dockerfile\nsecrets/\n",
            "FROM a\nCOPY Dockerfile .\nADD ./secrets/../secrets/k /k\nCOPY ok.txt .\n",
            &[
                (
                    2,
                    "Attempting to Copy file \"Dockerfile\" that is excluded by .dockerignore",
                ),
                (
                    3,
                    "Attempting to Add file \"secrets/k\" that is excluded by .dockerignore",
                ),
            ],
        );
        // `--from` copies from a stage, not the context.
        says(
            "Dockerfile\n",
            "FROM a AS b\nFROM a\nCOPY --from=b Dockerfile .\n",
            &[],
        );
        // Re-inclusions switch the check off.
        says("*.md\n!README.md\n", "FROM a\nCOPY NOTES.md .\n", &[]);
        // The context root only when everything is ignored.
        says("node_modules\n", "FROM a\nCOPY . .\n", &[]);
        says(
            "*\n",
            "FROM a\nCOPY . .\n",
            &[(
                2,
                "Attempting to Copy file \".\" that is excluded by .dockerignore",
            )],
        );
        says("x\n", "FROM a\nADD https://example.com/x /x\n", &[]);
        // After expansion.
        says(
            "build\n",
            "FROM a\nARG DIR=build\nCOPY $DIR/app /app\n",
            &[(
                3,
                "Attempting to Copy file \"build/app\" that is excluded by .dockerignore",
            )],
        );
        // Without a .dockerignore, nothing.
        assert!(findings_with("CopyIgnoredFile", "FROM a\nCOPY x .\n", None).is_empty());
    }
}
