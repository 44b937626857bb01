//! ConsistentInstructionCasing: an instruction keyword cased unlike the
//! file's majority.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Counts the instructions of all stages written all in lower case and
    /// all in upper case, and flags every keyword that does not match the
    /// majority (upper case on a tie), including mixed-case ones like
    /// `Run`. `ARG`s before the first `FROM` are neither counted nor
    /// checked, nor is the instruction inside an `ONBUILD`.
    ///
    /// ## Why is this bad?
    /// Keywords are case-insensitive, but one casing throughout makes a
    /// Dockerfile easier to read.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// RUN echo hello
    /// copy . /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// RUN echo hello
    /// COPY . /app
    /// ```
    name: "ConsistentInstructionCasing",
    experimental: false,
}

/// `keywords`: every stage's `FROM` and instructions, as written.
pub(super) fn check(lint: &mut Lint, config: &CheckConfig, keywords: &[(u32, &str)]) {
    let is_lower = |k: &str| k == k.to_lowercase();
    let is_upper = |k: &str| k == k.to_uppercase();
    let lower = keywords.iter().filter(|(_, k)| is_lower(k)).count();
    let upper = keywords
        .iter()
        .filter(|(_, k)| is_upper(k) && !is_lower(k))
        .count();
    let majority_lower = lower > upper;
    for &(line, keyword) in keywords {
        let casing = match (majority_lower, is_lower(keyword), is_upper(keyword)) {
            (true, false, _) => "lowercase",
            (false, _, false) => "uppercase",
            _ => continue,
        };
        let message =
            format!("Command '{keyword}' should match the case of the command majority ({casing})");
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "ConsistentInstructionCasing",
            "from a\nrun x\nRUN y\nEntrypoint z\n",
            &[
                (3, "Command 'RUN' should match the case of the command majority (lowercase)"),
                (4, "Command 'Entrypoint' should match the case of the command majority (lowercase)"),
            ],
        );
        // A tie goes to upper case.
        says(
            "ConsistentInstructionCasing",
            "FROM a\nrun x\n",
            &[(
                2,
                "Command 'run' should match the case of the command majority (uppercase)",
            )],
        );
        passes(
            "ConsistentInstructionCasing",
            "FROM a\nRUN x\nONBUILD run y\n",
        );
        // Global ARGs do not count.
        passes(
            "ConsistentInstructionCasing",
            "arg A\narg B\nFROM a\nRUN x\n",
        );
    }
}
