//! Differential test against recorded hadolint 2.15.1 output
//! (`tests/fixtures/dl1000`, re-record with `tests/fixtures/record.sh`).

use dockyard_dockerfile::parse;
use std::path::Path;

/// The DL1000 entry of a hadolint JSON report: (line, column, message).
fn recorded_parse_error(json: &str) -> Option<(u32, u32, String)> {
    let entry = &json[json.find("\"code\":\"DL1000\"")?..];
    let number = |key: &str| -> u32 {
        let at = entry.find(key).expect("key present") + key.len();
        entry[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("a number")
    };
    let message_at = entry.find("\"message\":\"")? + "\"message\":\"".len();
    Some((
        number("\"line\":"),
        number("\"column\":"),
        json_string(&entry[message_at..]),
    ))
}

/// Decodes a JSON string body up to its closing quote.
fn json_string(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(
                        char::from_u32(u32::from_str_radix(&hex, 16).unwrap_or(0xfffd))
                            .unwrap_or('\u{fffd}'),
                    );
                }
                Some(other) => out.push(other),
                None => break,
            },
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn parse_errors_match_recorded_hadolint_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dl1000");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".Dockerfile"))
                .map(String::from)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 100,
        "expected the full fixture set, found {}",
        names.len()
    );
    let mut failures = Vec::new();
    for name in &names {
        let source =
            std::fs::read_to_string(dir.join(format!("{name}.Dockerfile"))).expect("fixture");
        let json = std::fs::read_to_string(dir.join(format!("{name}.hadolint.json")))
            .expect("recorded output");
        let expected = recorded_parse_error(&json);
        let file = parse(&source);
        let actual = file
            .hadolint_rejects()
            .map(|d| (d.line, d.column, d.message.clone()));
        if actual != expected {
            failures.push(format!(
                "{name}:\n  hadolint: {expected:?}\n  ours:     {actual:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
