//! The `checkstyle` XML format.

use super::{xml_escape, RenderOptions};
use crate::report::{FileReport, Outcome};

pub fn checkstyle(reports: &[FileReport], options: &RenderOptions) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?><checkstyle version=\"4.3\">");
    for report in reports {
        let path = options.report_path(report);
        out += &format!("<file name=\"{}\">", xml_escape(path, false));
        match &report.outcome {
            Outcome::ParseError(e) => {
                out += &format!(
                    "<error column=\"{}\" line=\"{}\" message=\"{}\" severity=\"error\"/>",
                    e.column,
                    e.line,
                    xml_escape(&e.pretty(&report.file), false)
                );
            }
            Outcome::Findings(findings) => {
                for f in findings {
                    out += &format!(
                        "<error column=\"{}\" line=\"{}\" message=\"{}\" severity=\"{}\" source=\"{}\"/>",
                        f.column,
                        f.line,
                        xml_escape(&f.message, false),
                        f.severity,
                        xml_escape(&f.code, false)
                    );
                }
            }
        }
        out += "</file>";
    }
    out += "</checkstyle>";
    out
}
