//! Data-driven tests: every `tests/it/fixtures/*.txt` file holds inputs and expected dumps.
//!
//! A case is either `> one-line input` or a `>>>` line, input lines and a `---` line,
//! followed by the expected dump lines up to a blank line. Lines starting with `#`
//! between cases are comments. `UPDATE_FIXTURES=1 cargo test` re-records every expectation.

use dockyard_shell::{dump, parse_with, Dialect, ParseOptions};
use std::fmt::Write;
use std::path::{Path, PathBuf};

enum Entry {
    Comment(String),
    Case {
        input: String,
        multi_line: bool,
        expected: String,
    },
}

fn read_entries(text: &str) -> Vec<Entry> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut entries = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if let Some(input) = line.strip_prefix("> ") {
            let (expected, next) = read_expected(&lines, i);
            i = next;
            entries.push(Entry::Case {
                input: input.to_string(),
                multi_line: false,
                expected,
            });
        } else if line == ">>>" {
            let mut input_lines = Vec::new();
            while i < lines.len() && lines[i] != "---" {
                input_lines.push(lines[i]);
                i += 1;
            }
            i += 1;
            let (expected, next) = read_expected(&lines, i);
            i = next;
            entries.push(Entry::Case {
                input: input_lines.join("\n"),
                multi_line: true,
                expected,
            });
        } else if line.starts_with('#') {
            entries.push(Entry::Comment(line.to_string()));
        }
    }
    entries
}

fn read_expected(lines: &[&str], mut i: usize) -> (String, usize) {
    let mut expected = Vec::new();
    while i < lines.len() && !lines[i].is_empty() {
        expected.push(lines[i]);
        i += 1;
    }
    (expected.join("\n"), i)
}

fn render(entries: &[Entry]) -> String {
    let mut out = String::new();
    let mut previous_was_comment = false;
    for entry in entries {
        match entry {
            Entry::Comment(text) => {
                if !previous_was_comment && !out.is_empty() {
                    out.push('\n');
                }
                let _ = writeln!(out, "{text}");
                previous_was_comment = true;
            }
            Entry::Case {
                input,
                multi_line,
                expected,
            } => {
                if !previous_was_comment && !out.is_empty() {
                    out.push('\n');
                }
                if *multi_line {
                    let _ = writeln!(out, ">>>\n{input}\n---");
                } else {
                    let _ = writeln!(out, "> {input}");
                }
                let _ = writeln!(out, "{expected}");
                previous_was_comment = false;
            }
        }
    }
    out
}

fn fixture_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures directory")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Files named `bash_*.txt` are parsed with the bash dialect.
fn options_for(path: &Path) -> ParseOptions {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    ParseOptions {
        dialect: if name.starts_with("bash") {
            Dialect::Bash
        } else {
            Dialect::Dash
        },
        ..ParseOptions::default()
    }
}

#[test]
fn fixtures_match_their_expected_dumps() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in fixture_files() {
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let mut entries = read_entries(&text);
        let options = options_for(&path);
        for entry in &mut entries {
            if let Entry::Case {
                input, expected, ..
            } = entry
            {
                count += 1;
                let actual = dump(&parse_with(input, &options));
                if actual != *expected {
                    if update {
                        *expected = actual;
                    } else {
                        failures.push(format!(
                            "{}:\n  input:    {input:?}\n  expected: {expected}\n  actual:   {actual}",
                            path.file_name().unwrap().to_string_lossy()
                        ));
                    }
                }
            }
        }
        if update {
            std::fs::write(&path, render(&entries)).expect("write fixture");
        }
    }
    assert!(count > 0, "no fixture cases found");
    assert!(
        failures.is_empty(),
        "{} of {count} fixture cases differ (UPDATE_FIXTURES=1 re-records):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
