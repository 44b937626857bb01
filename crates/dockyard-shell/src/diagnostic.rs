//! Diagnostics: syntax errors worded like dash's, budget overruns and warnings, with positions.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Parsing stopped here; dash would print the message and not run the line.
    Error,
    /// Accepted by dash, but probably a mistake.
    Warning,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// A grammar error; the message is dash's text.
    Syntax,
    /// Nesting depth or input size exceeded the parser's budget.
    Budget,
    /// A here-document ended at end of file instead of at its delimiter line.
    UnterminatedHereDoc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: DiagnosticKind,
    /// For syntax errors exactly what dash prints after `sh: LINE: `,
    /// e.g. `Syntax error: "fi" unexpected`.
    pub message: String,
    /// The offending token (empty at end of file).
    pub span: Span,
    /// The line number dash reports: dash counts the newlines read so far, which
    /// includes the whole offending token.
    pub dash_line: usize,
}

impl Diagnostic {
    /// The line as dash prints it: `sh: 3: Syntax error: ...` with `program = "sh"`.
    pub fn dash_format(&self, program: &str) -> String {
        format!("{program}: {}: {}", self.dash_line, self.message)
    }
}
