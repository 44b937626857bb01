//! What linting one file produces: findings, or the parse error that
//! stopped it; and the exit status a set of reports leads to.

use crate::severity::Severity;

/// One finding of a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `DL3006`, `SC2086`, or a Docker build check's name.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    /// 1-based line of the instruction (or comment) the finding is about.
    pub line: u32,
    /// Always 1 for hadolint's rules: they point at whole instructions.
    pub column: u32,
}

/// A file that does not parse (hadolint's `DL1000`). Nothing else is
/// reported for such a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The name the parser knows the input by: the path as given, or
    /// `/dev/stdin` for standard input. Some formats print it instead of
    /// the report's file name.
    pub source_name: String,
    pub line: u32,
    pub column: u32,
    /// The parser's message: `unexpected ...` and `expecting ...` lines.
    pub message: String,
    /// The text of the offending source line, for the excerpt some formats
    /// print under the position.
    pub source_line: String,
}

impl ParseError {
    /// `name:line:column`, as the parser prints positions.
    pub fn position(&self) -> String {
        format!("{}:{}:{}", self.source_name, self.line, self.column)
    }

    /// The long form, as several formats print it: position, an excerpt
    /// with a caret, then the message.
    pub fn pretty(&self) -> String {
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        let caret = format!("{}^", " ".repeat(self.column.saturating_sub(1) as usize));
        format!(
            "{file}:{line}:{column}:\n{pad} |\n{number} | {text}\n{pad} | {caret}\n{message}\n",
            file = self.source_name,
            line = self.line,
            column = self.column,
            text = self.source_line,
            message = self.message,
        )
    }
}

/// The result of linting one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// The name the reports use: the path as given, or `-` for stdin.
    pub file: String,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Findings that are printed, in hadolint's order.
    Findings(Vec<Finding>),
    ParseError(ParseError),
}

impl FileReport {
    pub fn findings(&self) -> &[Finding] {
        match &self.outcome {
            Outcome::Findings(findings) => findings,
            Outcome::ParseError(_) => &[],
        }
    }
}

/// What decides the exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitPolicy {
    /// Fail when a finding is at least this severe (`ignore`/`none`: any).
    pub failure_threshold: Severity,
    pub no_fail: bool,
    /// `codeclimate` and `codacy` always exit 0 in hadolint.
    pub always_succeeds: bool,
}

/// hadolint's exit status: 1 for a parse error anywhere or a finding at or
/// above the threshold, else 0; always 0 with `no_fail` or a format that
/// always succeeds.
pub fn exit_status(reports: &[FileReport], policy: ExitPolicy) -> i32 {
    if policy.no_fail || policy.always_succeeds {
        return 0;
    }
    let fails = reports.iter().any(|report| match &report.outcome {
        Outcome::ParseError(_) => true,
        Outcome::Findings(findings) => findings
            .iter()
            .any(|f| f.severity != Severity::Ignore && f.severity >= policy.failure_threshold),
    });
    i32::from(fails)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(severity: Severity) -> Finding {
        Finding {
            code: "DL0000".into(),
            severity,
            message: String::new(),
            line: 1,
            column: 1,
        }
    }

    fn report(findings: Vec<Finding>) -> FileReport {
        FileReport {
            file: "Dockerfile".into(),
            outcome: Outcome::Findings(findings),
        }
    }

    fn policy(threshold: Severity) -> ExitPolicy {
        ExitPolicy {
            failure_threshold: threshold,
            no_fail: false,
            always_succeeds: false,
        }
    }

    #[test]
    fn threshold_decides_the_status() {
        let style_only = [report(vec![finding(Severity::Style)])];
        assert_eq!(exit_status(&style_only, policy(Severity::Info)), 0);
        assert_eq!(exit_status(&style_only, policy(Severity::Style)), 1);
        assert_eq!(exit_status(&style_only, policy(Severity::Ignore)), 1);
        let warning = [report(vec![
            finding(Severity::Warning),
            finding(Severity::Info),
        ])];
        assert_eq!(exit_status(&warning, policy(Severity::Error)), 0);
        assert_eq!(exit_status(&warning, policy(Severity::Warning)), 1);
        assert_eq!(exit_status(&[report(vec![])], policy(Severity::Ignore)), 0);
    }

    #[test]
    fn parse_errors_fail_unless_told_not_to() {
        let broken = [FileReport {
            file: "bad".into(),
            outcome: Outcome::ParseError(ParseError {
                source_name: "bad".into(),
                line: 2,
                column: 1,
                message: "unexpected 'F'".into(),
                source_line: "FOO bar".into(),
            }),
        }];
        assert_eq!(exit_status(&broken, policy(Severity::Error)), 1);
        let no_fail = ExitPolicy {
            no_fail: true,
            ..policy(Severity::Error)
        };
        assert_eq!(exit_status(&broken, no_fail), 0);
    }

    #[test]
    fn pretty_parse_error_has_an_excerpt() {
        let error = ParseError {
            source_name: "bad.Dockerfile".into(),
            line: 2,
            column: 1,
            message: "unexpected 'F'\nexpecting '#'".into(),
            source_line: "FOO bar".into(),
        };
        assert_eq!(
            error.pretty(),
            "bad.Dockerfile:2:1:\n  |\n2 | FOO bar\n  | ^\nunexpected 'F'\nexpecting '#'\n"
        );
    }
}
