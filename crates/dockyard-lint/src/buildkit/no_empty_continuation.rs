//! NoEmptyContinuation: a blank line inside a continued instruction.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags an instruction continued with the escape character across a
    /// blank line. Comment lines inside the instruction are fine. The
    /// finding is on the instruction's last line, where BuildKit puts it.
    ///
    /// ## Why is this bad?
    /// Docker drops the blank line and keeps joining, so the next line
    /// silently becomes part of the instruction. Empty continuation lines
    /// will become errors in a future release.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// RUN apk add \
    ///
    ///     curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// RUN apk add \
    ///     curl
    /// ```
    name: "NoEmptyContinuation",
    experimental: false,
}

pub(super) fn check(lint: &mut Lint, config: &CheckConfig, line: u32) {
    lint.report(config, &META, line, "Empty continuation line".to_string());
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("NoEmptyContinuation", "FROM a\nRUN a \\\n\n  b\n", &[4]);
        // Two blank lines, one finding; at the last line of the
        // instruction, not at the blank line.
        catches(
            "NoEmptyContinuation",
            "FROM a\nRUN a \\\n\n\n  b \\\n  c\nRUN d\n",
            &[6],
        );
        // Before a here-document: the line of the instruction's own text.
        catches(
            "NoEmptyContinuation",
            "FROM a\nRUN \\\n\n cat <<EOF\nx\nEOF\n",
            &[4],
        );
        passes("NoEmptyContinuation", "FROM a\nRUN a \\\n# note\n  b\n");
        passes("NoEmptyContinuation", "FROM a\nRUN a\n\nRUN b\n");
        // The file's `# check=` directive applies.
        passes(
            "NoEmptyContinuation",
            "# check=skip=NoEmptyContinuation\nFROM a\nRUN a \\\n\n  b\n",
        );
    }
}
