//! The `checkstyle` XML format: one `<file>` per file, one `<error>` per
//! finding, attributes in name order as hadolint's XML writer puts them.

use super::{xml_attr, RenderOptions};
use crate::report::{FileReport, Outcome};

pub fn checkstyle(reports: &[FileReport], options: &RenderOptions) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?><checkstyle version=\"4.3\">");
    for report in reports {
        let name = xml_attr(options.report_path(report));
        let mut errors = String::new();
        match &report.outcome {
            Outcome::ParseError(e) => {
                errors += &format!(
                    "<error column=\"{}\" line=\"{}\" message=\"{}\" severity=\"error\"/>",
                    e.column,
                    e.line,
                    xml_attr(&e.pretty())
                );
            }
            Outcome::Findings(findings) => {
                for f in findings {
                    errors += &format!(
                        "<error column=\"1\" line=\"{}\" message=\"{}\" severity=\"{}\" source=\"{}\"/>",
                        f.line,
                        xml_attr(&f.message),
                        f.severity,
                        xml_attr(&f.code)
                    );
                }
            }
        }
        if errors.is_empty() {
            out += &format!("<file name=\"{name}\"/>");
        } else {
            out += &format!("<file name=\"{name}\">{errors}</file>");
        }
    }
    out += "</checkstyle>";
    out
}
