//! The `junit` XML format: a test suite per file, a test case per finding.

use super::json_formats::HADOLINT_VERSION;
use super::{xml_attr, xml_text, RenderOptions};
use crate::report::{FileReport, Outcome};

pub fn junit(reports: &[FileReport], options: &RenderOptions) -> String {
    let t = options.now;
    let mut suites = String::new();
    for report in reports {
        let file = options.report_path(report);
        let (cases, failures, errors) = match &report.outcome {
            Outcome::ParseError(e) => {
                let body = format!(
                    "Parse Error in {file}\nLine: {}\nColumn: {}\nParse Error: {}\n",
                    e.line,
                    e.column,
                    e.pretty()
                );
                let case = format!(
                    "<testcase id=\"hadolint.error\" name=\"DL1000\" time=\"0.001\"><failure message=\"parse error at line {}, column {}\" type=\"error\">{}</failure></testcase>",
                    e.line,
                    e.column,
                    xml_text(&body)
                );
                (case, 1, 1)
            }
            Outcome::Findings(findings) => {
                let mut cases = String::new();
                for f in findings {
                    let body = format!(
                        "File: {file}\nLine: {}\nCategory: Hadolint - Dockerfile Static Analysis\n{}: {}\n",
                        f.line, f.severity, f.message
                    );
                    cases += &format!(
                        "<testcase id=\"hadolint.rule.{code}\" time=\"0.001\"><failure id=\"{code}\" message=\"{}\" type=\"{}\">{}</failure></testcase>",
                        xml_attr(&f.message),
                        f.severity,
                        xml_text(&body),
                        code = xml_attr(&f.code),
                    );
                }
                (cases, findings.len(), 0)
            }
        };
        let attrs = format!(
            "errors=\"{errors}\" failures=\"{failures}\" id=\"hadolint\" name=\"Hadolint {HADOLINT_VERSION}\" time=\"0.001\""
        );
        if cases.is_empty() {
            suites += &format!("<testsuite {attrs}/>");
        } else {
            suites += &format!("<testsuite {attrs}>{cases}</testsuite>");
        }
    }
    let id = format!(
        "{:04}{:02}{:02}_{:02}{:02}{:02}",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    );
    let name = format!(
        "Hadolint run at {:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    );
    if suites.is_empty() {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><testsuites id=\"{id}\" name=\"{name}\" time=\"0.001\"/>")
    } else {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><testsuites id=\"{id}\" name=\"{name}\" time=\"0.001\">{suites}</testsuites>")
    }
}
