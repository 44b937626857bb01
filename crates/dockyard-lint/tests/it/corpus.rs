//! The rules against hadolint on the recorded corpus (`cases/`): for every
//! rule implemented, the same findings on the same lines, and for files
//! hadolint cannot parse, the same DL1000 — except where Docker itself
//! builds the file and hadolint rejects or misreads it: there Dockyard
//! follows Docker, and this test lists each such file and checks it was
//! linted rather than rejected.

use std::collections::BTreeMap;

use dockyard_dockerfile::{Args, Command, DiagnosticKind, Keyword};
use dockyard_lint::config::Config;
use dockyard_lint::rules::{implemented, registry};
use dockyard_lint::{Outcome, Severity};

use crate::fixtures::{read, root};

/// `(line, code, severity, message)`, sorted: hadolint's order of findings
/// on one line is checked by the format tests; here we compare sets.
type Row = (u32, String, String, String);

fn expected_rows(json: &str) -> Vec<Row> {
    let rows: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    let mut rows: Vec<Row> = rows
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap() as u32,
                r["code"].as_str().unwrap().to_string(),
                r["level"].as_str().unwrap().to_string(),
                r["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// The rows of an outcome, sorted.
fn rows_of(outcome: &Outcome) -> Vec<Row> {
    let mut rows: Vec<Row> = match outcome {
        Outcome::ParseError(e) => {
            vec![(e.line, "DL1000".into(), "error".into(), e.message.clone())]
        }
        Outcome::Findings(findings) => findings
            .iter()
            .map(|f| {
                (
                    f.line,
                    f.code.clone(),
                    f.severity.name().to_string(),
                    f.message.clone(),
                )
            })
            .collect(),
    };
    rows.sort();
    rows
}

#[test]
fn rules_agree_with_hadolint_on_the_corpus() {
    let rules = registry().len();
    let dir = root().join("cases");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".Dockerfile").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 150, "only {} cases", names.len());

    let mut disagreements = Vec::new();
    let mut identical_files = 0;
    let mut per_code: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // SC findings per shell-form RUN line: (agreeing, all).
    let mut sc_runs = (0, 0);
    let mut sc_disagreements = Vec::new();
    let mut docker_cases = Vec::new();
    for name in &names {
        let source = read(&dir.join(format!("{name}.Dockerfile")));
        let expected = expected_rows(&read(&dir.join(format!("{name}.hadolint.json"))));
        let file = format!("{name}.Dockerfile");
        let outcome = dockyard_lint::lint::lint(&source, &file, &Config::default());
        // Docker builds it, hadolint rejects or misreads it: we follow Docker.
        let parsed = dockyard_dockerfile::parse(&source);
        if dockyard_lint::lint::docker_accepts(&parsed) {
            let why = parsed
                .hadolint_rejects()
                .map(|d| d.message.clone())
                .or_else(|| {
                    parsed
                        .diagnostics
                        .iter()
                        .find(|d| d.kind == DiagnosticKind::HadolintMisreads)
                        .map(|d| d.message.clone())
                });
            if let Some(why) = why {
                let rejected = parsed.hadolint_rejects().is_some();
                assert!(
                    !matches!(outcome, Outcome::ParseError(_)),
                    "{name}: Docker builds this file, yet it was rejected"
                );
                if rejected || expected != rows_of(&outcome) {
                    docker_cases.push(format!("{name}: {}", why.lines().next().unwrap_or("")));
                    continue;
                }
            }
        }
        let actual: Vec<Row> = match outcome {
            Outcome::ParseError(e) => {
                vec![(e.line, "DL1000".into(), "error".into(), e.message)]
            }
            Outcome::Findings(findings) => {
                let mut rows: Vec<Row> = findings
                    .into_iter()
                    .map(|f| (f.line, f.code, f.severity.name().to_string(), f.message))
                    .collect();
                rows.sort();
                rows
            }
        };
        if actual == expected {
            identical_files += 1;
        }
        // Compare only what is implemented (and parse errors).
        let relevant = |r: &&Row| r.1 == "DL1000" || implemented(&r.1);
        if !expected.iter().any(|r| r.1 == "DL1000") {
            for line in shellchecked_run_lines(&source) {
                let sc = |rows: &[Row]| -> Vec<Row> {
                    rows.iter()
                        .filter(|r| r.0 == line && r.1.starts_with("SC"))
                        .cloned()
                        .collect()
                };
                let (want, got) = (sc(&expected), sc(&actual));
                sc_runs.1 += 1;
                if want == got {
                    sc_runs.0 += 1;
                } else if want.iter().any(|r| implemented(&r.1))
                    || got.iter().any(|r| !want.iter().any(|w| w.1 == r.1))
                {
                    sc_disagreements.push(format!(
                        "{name}:{line}: hadolint {want:?}, dockyard {got:?}"
                    ));
                }
            }
        }
        let want: Vec<&Row> = expected.iter().filter(relevant).collect();
        let got: Vec<&Row> = actual.iter().filter(relevant).collect();
        for row in &want {
            per_code.entry(row.1.clone()).or_default().0 += 1;
        }
        if want != got {
            disagreements.push(format!(
                "{name}:\n  hadolint: {want:?}\n  dockyard: {got:?}"
            ));
        } else {
            for row in &want {
                per_code.entry(row.1.clone()).or_default().1 += 1;
            }
        }
    }
    eprintln!(
        "{identical_files} of {} files identical to hadolint; {rules} rules implemented",
        names.len(),
    );
    eprintln!(
        "{} files that Docker builds but hadolint rejects or misreads, linted as Docker reads them:\n  {}",
        docker_cases.len(),
        docker_cases.join("\n  ")
    );
    eprintln!(
        "ShellCheck: {} of {} shell-form RUN lines agree with hadolint (same SC code and message, or both none)",
        sc_runs.0, sc_runs.1
    );
    assert!(
        sc_disagreements.is_empty(),
        "{} RUN lines disagree on implemented SC codes:\n{}",
        sc_disagreements.len(),
        sc_disagreements.join("\n")
    );
    let _ = Severity::Error;
    assert!(
        disagreements.is_empty(),
        "{} files disagree on implemented rules:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// The lines of the shell-form `RUN`s (including `ONBUILD RUN`), which
/// hadolint hands to ShellCheck.
fn shellchecked_run_lines(source: &str) -> Vec<u32> {
    let file = dockyard_dockerfile::parse(source);
    let mut lines: Vec<u32> = file
        .instructions
        .iter()
        .filter(|inst| {
            let inner = inst.effective();
            inner.keyword == Keyword::Run
                && matches!(&inner.args, Args::Run(Some(Command::Shell(_))))
        })
        .map(|inst| inst.start_line)
        .collect();
    lines.dedup();
    lines
}
