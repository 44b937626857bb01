//! The JSON-shaped formats: json, codeclimate, gitlab_codeclimate, codacy,
//! sonarqube and sarif.

use super::RenderOptions;
use crate::json::Json;
use crate::report::{FileReport, Outcome};
use crate::severity::Severity;

/// hadolint's version, as the formats that name the tool print it.
pub const HADOLINT_VERSION: &str = "2.15.1";
const PARSE_ERROR_CODE: &str = "DL1000";

/// One row of any report: a finding or a parse error, flattened.
struct Row<'a> {
    file: &'a str,
    code: &'a str,
    severity: Severity,
    message: &'a str,
    line: u32,
    column: u32,
    parse_error: bool,
}

fn rows(reports: &[FileReport]) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    for report in reports {
        match &report.outcome {
            Outcome::ParseError(e) => rows.push(Row {
                file: &e.source_name,
                code: PARSE_ERROR_CODE,
                severity: Severity::Error,
                message: &e.message,
                line: e.line,
                column: e.column,
                parse_error: true,
            }),
            Outcome::Findings(findings) => rows.extend(findings.iter().map(|f| Row {
                file: &report.file,
                code: &f.code,
                severity: f.severity,
                message: &f.message,
                line: f.line,
                column: f.column,
                parse_error: false,
            })),
        }
    }
    rows
}

fn int(n: u32) -> Json {
    Json::Int(i64::from(n))
}

/// `[{code,column,file,level,line,message}, ...]`
pub fn json(reports: &[FileReport]) -> String {
    let items = rows(reports)
        .into_iter()
        .map(|r| {
            Json::object([
                ("code", Json::str(r.code)),
                ("column", int(r.column)),
                ("file", Json::str(r.file)),
                ("level", Json::str(r.severity.name())),
                ("line", int(r.line)),
                ("message", Json::str(r.message)),
            ])
        })
        .collect();
    Json::Array(items).encode()
}

fn codeclimate_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "blocker",
        Severity::Warning => "major",
        Severity::Info => "info",
        Severity::Style | Severity::Ignore => "minor",
    }
}

/// One Code Climate issue; parse errors carry the long message and a
/// begin/end position instead of a line range.
fn codeclimate_issue(report: &FileReport, options: &RenderOptions) -> Vec<Json> {
    let path = options.report_path(report);
    match &report.outcome {
        Outcome::ParseError(e) => {
            let position = Json::object([("column", int(e.column)), ("line", int(e.line))]);
            vec![Json::object([
                ("categories", Json::Array(vec![Json::str("Bug Risk")])),
                ("check_name", Json::str(PARSE_ERROR_CODE)),
                ("description", Json::str(e.pretty())),
                (
                    "location",
                    Json::object([
                        ("path", Json::str(&e.source_name)),
                        (
                            "positions",
                            Json::object([("begin", position.clone()), ("end", position)]),
                        ),
                    ]),
                ),
                ("severity", Json::str("blocker")),
                ("type", Json::str("issue")),
            ])]
        }
        Outcome::Findings(findings) => findings
            .iter()
            .map(|f| {
                Json::object([
                    ("categories", Json::Array(vec![Json::str("Bug Risk")])),
                    ("check_name", Json::str(&f.code)),
                    ("description", Json::str(&f.message)),
                    (
                        "location",
                        Json::object([
                            (
                                "lines",
                                Json::object([("begin", int(f.line)), ("end", int(f.line))]),
                            ),
                            ("path", Json::str(path)),
                        ]),
                    ),
                    ("severity", Json::str(codeclimate_severity(f.severity))),
                    ("type", Json::str("issue")),
                ])
            })
            .collect(),
    }
}

/// Code Climate issues, each followed by a NUL byte.
pub fn codeclimate(reports: &[FileReport], options: &RenderOptions) -> String {
    let mut out = String::new();
    for report in reports {
        for issue in codeclimate_issue(report, options) {
            out += &issue.encode();
            out.push('\0');
        }
    }
    out
}

/// A JSON array of Code Climate issues, each with a `fingerprint`: the SHA-1
/// of the issue's own encoding.
pub fn gitlab_codeclimate(reports: &[FileReport], options: &RenderOptions) -> String {
    let mut issues = Vec::new();
    for report in reports {
        for issue in codeclimate_issue(report, options) {
            let fingerprint = sha1_smol::Sha1::from(issue.encode()).digest().to_string();
            let Json::Object(mut map) = issue else {
                unreachable!("issues are objects")
            };
            map.insert("fingerprint".into(), Json::str(fingerprint));
            issues.push(Json::Object(map));
        }
    }
    Json::Array(issues).encode()
}

/// Concatenated `{filename,line,message,patternId}` objects; a parse
/// error carries its long form.
pub fn codacy(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let pretty = match &report.outcome {
            Outcome::ParseError(e) => Some(e.pretty()),
            Outcome::Findings(_) => None,
        };
        for r in rows(std::slice::from_ref(report)) {
            let message = match (&pretty, r.parse_error) {
                (Some(p), true) => p.as_str(),
                _ => r.message,
            };
            out += &Json::object([
                ("filename", Json::str(r.file)),
                ("line", int(r.line)),
                ("message", Json::str(message)),
                ("patternId", Json::str(r.code)),
            ])
            .encode();
        }
    }
    out
}

/// `{"issues":[...]}` in SonarQube's generic issue format.
pub fn sonarqube(reports: &[FileReport], options: &RenderOptions) -> String {
    let mut issues = Vec::new();
    for report in reports {
        let path = options.report_path(report);
        let rows = rows(std::slice::from_ref(report));
        for r in rows {
            // Findings span columns 0 to 1; a parse error sits at its column.
            let start_column = if r.parse_error { r.column } else { 0 };
            let (severity, kind) = if r.parse_error {
                ("BLOCKER", "BUG")
            } else {
                match r.severity {
                    Severity::Error => ("CRITICAL", "BUG"),
                    Severity::Warning => ("MAJOR", "CODE_SMELL"),
                    Severity::Info => ("MINOR", "CODE_SMELL"),
                    Severity::Style | Severity::Ignore => ("INFO", "CODE_SMELL"),
                }
            };
            issues.push(Json::object([
                ("engineId", Json::str("Hadolint")),
                (
                    "primaryLocation",
                    Json::object([
                        ("filePath", Json::str(path)),
                        ("message", Json::str(r.message)),
                        (
                            "textRange",
                            Json::object([
                                ("endColumn", int(r.column)),
                                ("endLine", int(r.line)),
                                ("startColumn", int(start_column)),
                                ("startLine", int(r.line)),
                            ]),
                        ),
                    ]),
                ),
                ("ruleId", Json::str(r.code)),
                ("severity", Json::str(severity)),
                ("type", Json::str(kind)),
            ]));
        }
    }
    Json::object([("issues", Json::Array(issues))]).encode()
}

/// SARIF 2.1.0 with one run.
pub fn sarif(reports: &[FileReport]) -> String {
    let results = rows(reports)
        .into_iter()
        .map(|r| {
            // DL rules are about the Dockerfile, ShellCheck's about shell.
            let language = if r.parse_error || r.code.starts_with("DL") {
                "dockerfile"
            } else {
                "sh"
            };
            let level = match r.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Style | Severity::Ignore => "note",
            };
            Json::object([
                ("level", Json::str(level)),
                (
                    "locations",
                    Json::Array(vec![Json::object([(
                        "physicalLocation",
                        Json::object([
                            (
                                "artifactLocation",
                                Json::object([("uri", Json::str(r.file))]),
                            ),
                            (
                                "region",
                                Json::object([
                                    ("endColumn", int(r.column)),
                                    ("endLine", int(r.line)),
                                    ("sourceLanguage", Json::str(language)),
                                    ("startColumn", int(r.column)),
                                    ("startLine", int(r.line)),
                                ]),
                            ),
                        ]),
                    )])]),
                ),
                ("message", Json::object([("text", Json::str(r.message))])),
                ("ruleId", Json::str(r.code)),
            ])
        })
        .collect();
    let driver = Json::object([
        (
            "downloadUri",
            Json::str("https://github.com/hadolint/hadolint"),
        ),
        ("fullName", Json::str("Haskell Dockerfile Linter")),
        ("name", Json::str("Hadolint")),
        (
            "shortDescription",
            Json::object([(
                "text",
                Json::str("Dockerfile linter, validate inline bash, written in Haskell"),
            )]),
        ),
        ("version", Json::str(HADOLINT_VERSION)),
    ]);
    Json::object([
        (
            "$schema",
            Json::str("http://json.schemastore.org/sarif-2.1.0"),
        ),
        (
            "runs",
            Json::Array(vec![Json::object([
                ("defaultSourceLanguage", Json::str("dockerfile")),
                ("results", Json::Array(results)),
                ("tool", Json::object([("driver", driver)])),
            ])]),
        ),
        ("version", Json::str("2.1.0")),
    ])
    .encode()
}
