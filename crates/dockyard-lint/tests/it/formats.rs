//! Every output format, byte for byte against hadolint: reports are rebuilt
//! from hadolint's own JSON for an invocation, rendered in each format, and
//! compared with what hadolint printed in that format.

use std::path::Path;

use dockyard_lint::{render, Format, RenderOptions, Timestamp};

use crate::fixtures::{case_source, read, reports_from_json, root};

/// One recorded invocation: its label and its files (name, source).
struct Invocation {
    label: String,
    files: Vec<(String, String)>,
}

fn invocations() -> Vec<Invocation> {
    let dir = root().join("formats");
    let listed = |file: &str| -> Vec<String> {
        read(&dir.join(file))
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut all = Vec::new();
    for name in listed("CASES") {
        all.push(Invocation {
            label: name.clone(),
            files: vec![(format!("{name}.Dockerfile"), case_source(&name))],
        });
    }
    for line in listed("MULTI") {
        let (label, files) = line.split_once(':').unwrap();
        let files = files
            .split_whitespace()
            .map(|f| {
                (
                    f.to_string(),
                    case_source(f.trim_end_matches(".Dockerfile")),
                )
            })
            .collect();
        all.push(Invocation {
            label: label.to_string(),
            files,
        });
    }
    for line in listed("STDIN") {
        let (name, _) = line.split_once(':').unwrap();
        all.push(Invocation {
            label: format!("{name}.stdin"),
            files: vec![("-".to_string(), case_source(name))],
        });
    }
    all
}

/// The variants recorded under `formats/`, with how to render each.
fn variants() -> Vec<(&'static str, Format, bool)> {
    let mut v: Vec<(&'static str, Format, bool)> =
        Format::ALL.iter().map(|f| (f.name(), *f, true)).collect();
    v.push(("tty-nocolor", Format::Tty, false));
    v
}

#[test]
fn formats_are_byte_identical_to_hadolint() {
    let dir = root().join("formats");
    let mut checked = 0;
    let mut failures = Vec::new();
    for inv in invocations() {
        let json = read(&dir.join(format!("{}.json.out", inv.label)));
        let reports = reports_from_json(&json, &inv.files);
        for (suffix, format, color) in variants() {
            let path = dir.join(format!("{}.{suffix}.out", inv.label));
            if !Path::new(&path).exists() {
                continue;
            }
            let expected = read(&path);
            let options = RenderOptions {
                color,
                file_path_in_report: None,
                now: Timestamp::default(),
            };
            let actual = render(format, &reports, &options);
            checked += 1;
            if actual != expected {
                let at = actual
                    .bytes()
                    .zip(expected.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                let from = at.saturating_sub(60);
                let window = |s: &str| {
                    s.get(from..(at + 80).min(s.len()))
                        .unwrap_or("")
                        .to_string()
                };
                failures.push(format!(
                    "{}.{suffix} (byte {at}):\n  expected: {:?}\n  actual:   {:?}",
                    inv.label,
                    window(&expected),
                    window(&actual)
                ));
            }
        }
    }
    assert!(checked > 250, "only {checked} recorded outputs found");
    assert!(
        failures.is_empty(),
        "{} of {checked} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
