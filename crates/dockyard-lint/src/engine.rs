//! The last steps of a lint, as hadolint takes them: severity overrides,
//! ignored rules, and the order of the printed findings.

use crate::config::Config;
use crate::order::hadolint_order;
use crate::report::Finding;
use crate::severity::Severity;

/// Turns findings in rule-collection order (already filtered by pragmas)
/// into what is printed: overrides applied, ignored codes and `ignore`
/// severities dropped, sorted as hadolint sorts.
pub fn finish(collected: Vec<Finding>, config: &Config) -> Vec<Finding> {
    let kept: Vec<Finding> = collected
        .into_iter()
        .map(|mut f| {
            if let Some(severity) = config.overridden_severity(&f.code) {
                f.severity = severity;
            }
            f
        })
        .filter(|f| f.severity != Severity::Ignore && !config.is_ignored(&f.code))
        .collect();
    let lines: Vec<u32> = kept.iter().map(|f| f.line).collect();
    let mut slots: Vec<Option<Finding>> = kept.into_iter().map(Some).collect();
    hadolint_order(&lines)
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::finish;
    use crate::config::Config;
    use crate::report::Finding;
    use crate::severity::Severity;

    fn finding(code: &str, severity: Severity, line: u32) -> Finding {
        Finding {
            code: code.into(),
            severity,
            message: String::new(),
            line,
            column: 1,
        }
    }

    fn codes(findings: &[Finding]) -> Vec<(&str, Severity)> {
        findings
            .iter()
            .map(|f| (f.code.as_str(), f.severity))
            .collect()
    }

    // The expected order is what hadolint 2.15.1 printed for `FROM debian`,
    // `RUN cd /tmp && apt-get install -y curl`, `CMD echo $HOME` with
    // `--error DL3015 --info DL3057 --ignore DL3025`.
    #[test]
    fn overrides_ignores_and_order() {
        let collected = vec![
            finding("DL3003", Severity::Warning, 2),
            finding("DL3006", Severity::Warning, 1),
            finding("DL3008", Severity::Warning, 2),
            finding("DL3015", Severity::Info, 2),
            finding("DL3057", Severity::Ignore, 1),
            finding("DL3025", Severity::Warning, 3),
        ];
        let config = Config {
            override_error: vec!["DL3015".into()],
            override_info: vec!["DL3057".into()],
            ignored: vec!["DL3025".into()],
            ..Config::default()
        };
        assert_eq!(
            codes(&finish(collected, &config)),
            [
                ("DL3006", Severity::Warning),
                ("DL3057", Severity::Info),
                ("DL3015", Severity::Error),
                ("DL3003", Severity::Warning),
                ("DL3008", Severity::Warning),
            ]
        );
    }
}
