//! Severities, from `error` down to `ignore`, as hadolint names them.

use std::fmt;

/// How serious a finding is. Ordered: `Error > Warning > Info > Style > Ignore`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Never printed: the rule is switched off.
    Ignore,
    Style,
    Info,
    Warning,
    Error,
}

impl Severity {
    /// Every printable severity, most severe first.
    pub const ALL: [Severity; 5] = [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Style,
        Severity::Ignore,
    ];

    /// The word used in reports: `error`, `warning`, `info`, `style`, `ignore`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Style => "style",
            Severity::Ignore => "ignore",
        }
    }

    /// Parses a severity word as hadolint's options and config do. `none`
    /// is accepted as another name for `ignore` (a threshold that fails on
    /// any finding).
    pub fn parse(word: &str) -> Option<Severity> {
        match word {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "style" => Some(Severity::Style),
            "ignore" | "none" => Some(Severity::Ignore),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Severity;

    #[test]
    fn names_round_trip_and_order() {
        for s in Severity::ALL {
            assert_eq!(Severity::parse(s.name()), Some(s));
        }
        assert_eq!(Severity::parse("none"), Some(Severity::Ignore));
        assert_eq!(Severity::parse("Error"), None);
        assert!(Severity::Error > Severity::Warning);
        assert!(Severity::Style > Severity::Ignore);
    }
}
