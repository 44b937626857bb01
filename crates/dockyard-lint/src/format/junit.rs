//! The `junit` XML format: one test case per finding.

use super::json_formats::HADOLINT_VERSION;
use super::{xml_escape, RenderOptions};
use crate::report::{FileReport, Outcome};

pub fn junit(reports: &[FileReport], options: &RenderOptions) -> String {
    let t = options.now;
    let mut cases = String::new();
    let mut failures = 0;
    for report in reports {
        let path = options.report_path(report);
        let rows: Vec<(String, &str, String, u32)> = match &report.outcome {
            Outcome::ParseError(e) => {
                vec![("DL1000".to_string(), "error", e.message.clone(), e.line)]
            }
            Outcome::Findings(findings) => findings
                .iter()
                .map(|f| (f.code.clone(), f.severity.name(), f.message.clone(), f.line))
                .collect(),
        };
        for (code, level, message, line) in rows {
            failures += 1;
            cases += &format!(
                "<testcase id=\"hadolint.rule.{code}\" time=\"0.001\"><failure id=\"{code}\" message=\"{}\" type=\"{level}\">File: {path}\nLine: {line}\nCategory: Hadolint - Dockerfile Static Analysis\n{level}: {}\n</failure></testcase>",
                xml_escape(&message, false),
                xml_escape(&message, true),
            );
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><testsuites id=\"{:04}{:02}{:02}_{:02}{:02}{:02}\" name=\"Hadolint run at {:04}-{:02}-{:02} {:02}:{:02}:{:02}\" time=\"0.001\"><testsuite errors=\"0\" failures=\"{failures}\" id=\"hadolint\" name=\"Hadolint {HADOLINT_VERSION}\" time=\"0.001\">{cases}</testsuite></testsuites>",
        t.year, t.month, t.day, t.hour, t.minute, t.second, t.year, t.month, t.day, t.hour, t.minute, t.second,
    )
}
