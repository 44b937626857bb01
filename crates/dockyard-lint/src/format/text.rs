//! The line-oriented formats: `tty` (the default) and `gnu`.

use crate::report::{FileReport, Outcome};
use crate::severity::Severity;

/// ANSI colour of each severity word in `tty` output.
fn colored(severity: Severity) -> String {
    let code = match severity {
        Severity::Error => "\x1b[1m\x1b[91m",
        Severity::Warning => "\x1b[1m\x1b[93m",
        Severity::Info => "\x1b[92m",
        Severity::Style => "\x1b[96m",
        Severity::Ignore => return severity.name().to_string(),
    };
    format!("{code}{}\x1b[0m", severity.name())
}

/// Newlines become spaces; the parser's message ends with one.
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// `FILE:LINE CODE level: message`, or `NAME:LINE:COL message` for a parse error.
pub fn tty(reports: &[FileReport], color: bool) -> String {
    let mut out = String::new();
    for report in reports {
        match &report.outcome {
            Outcome::ParseError(e) => {
                out += &one_line(&format!("{} {}\n", e.position(), e.message));
                out.push('\n');
            }
            Outcome::Findings(findings) => {
                for f in findings {
                    let level = if color {
                        colored(f.severity)
                    } else {
                        f.severity.name().to_string()
                    };
                    out += &format!(
                        "{}:{} {} {}: {}\n",
                        report.file, f.line, f.code, level, f.message
                    );
                }
            }
        }
    }
    out
}

/// `hadolint:FILE:LINE: CODE level: message`.
pub fn gnu(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        match &report.outcome {
            Outcome::ParseError(e) => {
                out += &format!(
                    "hadolint:{}\n",
                    one_line(&format!("{}: {}\n", e.position(), e.message))
                );
            }
            Outcome::Findings(findings) => {
                for f in findings {
                    out += &format!(
                        "hadolint:{}:{}: {} {}: {}\n",
                        report.file, f.line, f.code, f.severity, f.message
                    );
                }
            }
        }
    }
    out
}
