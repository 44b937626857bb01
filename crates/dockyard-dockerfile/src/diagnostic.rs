//! Diagnostics: what Docker would refuse, and where hadolint's parser disagrees.

use crate::span::Span;

/// Who would complain, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiagnosticKind {
    /// Docker (BuildKit) would refuse to build this.
    DockerError,
    /// Docker accepts this but warns (e.g. an empty continuation line).
    DockerWarning,
    /// hadolint 2.15.1 fails here with DL1000; `line`, `column` and `message`
    /// are exactly what it prints. Only the first one is recorded, as
    /// hadolint stops at the first parse error.
    HadolintParseError,
    /// hadolint parses this without error but differently from Docker.
    HadolintMisreads,
    /// An input budget was exceeded; the rest was kept but not fully parsed.
    LimitExceeded,
}

/// A message anchored at a position in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    /// 1-based line.
    pub line: u32,
    /// 1-based column: characters for most kinds, megaparsec columns (tab
    /// stops of 8) for [`DiagnosticKind::HadolintParseError`].
    pub column: u32,
    pub span: Span,
    pub message: String,
}
