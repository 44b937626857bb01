//! DL3062: `go install`, `go get` or `go run` of a package without a version.

use crate::shell::ParsedShell;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `go install`, `go get` or `go run` of a package without an
    /// `@version`, or pinned only to `@latest` or `@none`. Local paths
    /// (`.`, `./...`, `/...`) are fine. When a `RUN` has a `go run`, only
    /// the package it runs is checked.
    ///
    /// ## Why is this bad?
    /// Without a version, Go fetches whatever the module's newest version
    /// is today, so two builds of the same Dockerfile can differ and a new
    /// release can break the image without any change to it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.22
    /// RUN go install golang.org/x/tools/gopls@latest
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.22
    /// RUN go install golang.org/x/tools/gopls@v0.16.1
    /// ```
    pub struct GoUnpinned {}
    code: "DL3062",
    severity: Warning,
    message: "Pin versions in go. Instead of `go install <package>` use `go install <package>@<version>`",
}

/// The package of each `go run` (the first word after `run`; what follows
/// is the program's arguments).
fn run_packages(shell: &ParsedShell) -> Vec<&str> {
    shell
        .commands
        .iter()
        .filter(|c| c.has_args("go", &["run"]))
        .flat_map(|c| {
            c.args_no_flags()
                .into_iter()
                .take(2)
                .filter(|a| *a != "run")
        })
        .collect()
}

/// The packages of each `go install` or `go get`.
fn installed_packages(shell: &ParsedShell) -> Vec<&str> {
    shell
        .commands
        .iter()
        .filter(|c| c.has_args("go", &["install", "get"]))
        .flat_map(|c| c.args_no_flags())
        .filter(|a| !["install", "get", "tool"].contains(a))
        .collect()
}

fn version_fixed(package: &str) -> bool {
    let local = package == "." || package.starts_with('/') || package.starts_with('.');
    let floating = package.ends_with("@latest") || package.ends_with("@none");
    local || (package.contains('@') && !floating)
}

impl Rule for GoUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let run = run_packages(shell);
        let packages = if run.is_empty() {
            installed_packages(shell)
        } else {
            run
        };
        if !packages.into_iter().all(version_fixed) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3062", "FROM a:1\nRUN go install example.com/x\n", &[2]);
        catches(
            "DL3062",
            "FROM a:1\nRUN go install example.com/x@latest\n",
            &[2],
        );
        catches("DL3062", "FROM a:1\nRUN go get example.com/x@none\n", &[2]);
        catches("DL3062", "FROM a:1\nRUN go run example.com/x arg\n", &[2]);
        catches(
            "DL3062",
            "FROM a:1\nONBUILD RUN go install example.com/x\n",
            &[2],
        );
        passes("DL3062", "FROM a:1\nRUN go install example.com/x@v1.2.3\n");
        passes("DL3062", "FROM a:1\nRUN go install ./cmd/... .\n");
        passes(
            "DL3062",
            "FROM a:1\nRUN go run example.com/x@v1 unpinned/arg\n",
        );
        // A `go run` hides the `go install`s of the same RUN.
        passes(
            "DL3062",
            "FROM a:1\nRUN go run . && go install example.com/x\n",
        );
        passes("DL3062", "FROM a:1\nRUN go build ./...\n");
    }
}
