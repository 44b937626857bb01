//! Reading the recorded hadolint corpus.

use std::path::{Path, PathBuf};

use dockyard_lint::{FileReport, Finding, Outcome, ParseError, Severity};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hadolint")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The Dockerfile of a case in `cases/`.
pub fn case_source(name: &str) -> String {
    read(&root().join("cases").join(format!("{name}.Dockerfile")))
}

/// Reports rebuilt from hadolint's JSON output, for the files of one
/// invocation: `(name as given, case source)` in order. hadolint's JSON
/// names a parse error read from stdin `/dev/stdin`.
pub fn reports_from_json(json: &str, files: &[(String, String)]) -> Vec<FileReport> {
    let rows: Vec<serde_json::Value> = serde_json::from_str(json).expect("hadolint JSON");
    files
        .iter()
        .enumerate()
        .map(|(index, (name, source))| {
            let mine = |row: &&serde_json::Value| {
                let file = row["file"].as_str().unwrap();
                file == name || (name == "-" && file == "/dev/stdin")
            };
            // A file given k times reports the same rows k times, one block each.
            let copies = files.iter().filter(|(n, _)| n == name).count();
            let nth = files[..index].iter().filter(|(n, _)| n == name).count();
            let all: Vec<&serde_json::Value> = rows.iter().filter(mine).collect();
            let block = all.len() / copies;
            let rows: Vec<&serde_json::Value> = all[nth * block..(nth + 1) * block].to_vec();
            let outcome = match rows.iter().find(|r| r["code"] == "DL1000") {
                Some(row) => {
                    let line = row["line"].as_u64().unwrap() as u32;
                    Outcome::ParseError(ParseError {
                        source_name: row["file"].as_str().unwrap().to_string(),
                        line,
                        column: row["column"].as_u64().unwrap() as u32,
                        message: row["message"].as_str().unwrap().to_string(),
                        source_line: source
                            .split('\n')
                            .nth(line as usize - 1)
                            .unwrap_or("")
                            .trim_end_matches('\r')
                            .to_string(),
                    })
                }
                None => Outcome::Findings(
                    rows.iter()
                        .map(|r| Finding {
                            code: r["code"].as_str().unwrap().to_string(),
                            severity: Severity::parse(r["level"].as_str().unwrap()).unwrap(),
                            message: r["message"].as_str().unwrap().to_string(),
                            line: r["line"].as_u64().unwrap() as u32,
                            column: r["column"].as_u64().unwrap() as u32,
                        })
                        .collect(),
                ),
            };
            FileReport {
                file: name.clone(),
                outcome,
            }
        })
        .collect()
}
