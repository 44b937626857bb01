//! Differential test against recorded dash output: for every input in `dash_errors.txt`
//! the parser must accept exactly what dash accepts and word its error exactly as dash does,
//! with dash's line number. `scripts/record-dash-errors.sh` re-records the file.

use dockyard_shell::parse;

/// Decodes the `printf %b` escapes used in the inputs file.
fn decode(input: &str) -> String {
    let mut out = String::new();
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[test]
fn errors_match_recorded_dash_output() {
    let recorded = include_str!("dash_errors.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in recorded.lines() {
        let (input, expected) = line.split_once('\t').unwrap_or((line, ""));
        count += 1;
        let script = parse(&decode(input));
        let actual = script
            .syntax_error()
            .map(|d| d.dash_format("sh"))
            .unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "  input:    {input}\n  dash:     {expected}\n  parser:   {actual}"
            ));
        }
    }
    assert!(count > 100);
    assert!(
        failures.is_empty(),
        "{} of {count} inputs differ from dash:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
