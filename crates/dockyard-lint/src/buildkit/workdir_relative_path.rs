//! WorkdirRelativePath: a stage's first `WORKDIR` is relative.

use super::golang::quote;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags the first `WORKDIR` of a stage when its path, after variable
    /// expansion, is relative. Later `WORKDIR`s in the stage are not
    /// checked, nor are those of a stage built on a stage that set one
    /// (hadolint's DL3000 checks every relative `WORKDIR` as written).
    /// Variables only the base image defines expand to nothing here.
    ///
    /// ## Why is this bad?
    /// A relative path is resolved against the base image's working
    /// directory, which can change with the image.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12
    /// WORKDIR app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12
    /// WORKDIR /app
    /// ```
    name: "WorkdirRelativePath",
    experimental: false,
}

/// Whether BuildKit takes `path` as absolute on `os`.
fn is_absolute(path: &str, os: &str) -> bool {
    if os != "windows" {
        return path.starts_with('/');
    }
    let bytes = path.as_bytes();
    path.starts_with(['\\', '/'])
        || (bytes.len() >= 3
            && bytes[0].is_ascii_alphabetic()
            && bytes[1] == b':'
            && matches!(bytes[2], b'\\' | b'/'))
}

/// `path` is the expanded path.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    path: &str,
    workdir_set: bool,
    os: &str,
) {
    if !workdir_set && !is_absolute(path, os) {
        let message = format!(
            "Relative workdir {} can have unexpected results if the base image changes",
            quote(path)
        );
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{catches, passes, says};

    #[test]
    fn spec() {
        says(
            "WorkdirRelativePath",
            "FROM a\nWORKDIR app\nWORKDIR sub\n",
            &[(
                2,
                "Relative workdir \"app\" can have unexpected results if the base image changes",
            )],
        );
        passes("WorkdirRelativePath", "FROM a\nWORKDIR /app\nWORKDIR sub\n");
        // After expansion.
        catches(
            "WorkdirRelativePath",
            "FROM a\nARG D=src\nWORKDIR $D\n",
            &[3],
        );
        passes("WorkdirRelativePath", "FROM a\nARG D=/src\nWORKDIR $D\n");
        // Inherited from the base stage, per stage otherwise.
        passes(
            "WorkdirRelativePath",
            "FROM a AS b\nWORKDIR /x\nFROM b\nWORKDIR y\n",
        );
        catches(
            "WorkdirRelativePath",
            "FROM a AS b\nWORKDIR /x\nFROM a\nWORKDIR y\n",
            &[4],
        );
        passes(
            "WorkdirRelativePath",
            "FROM --platform=windows/amd64 a\nWORKDIR C:\\\\app\n",
        );
    }
}
