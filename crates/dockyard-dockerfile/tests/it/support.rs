//! Shared helpers: the `check` comparison and the lossless-reconstruction assertion.

use dockyard_dockerfile::{dump, parse, Dockerfile, PartKind, SegmentKind};

/// Parses `input` and compares the dump with `expected` (leading/trailing
/// blank lines and common indentation in `expected` are ignored).
#[track_caller]
pub fn check(input: &str, expected: &str) {
    let file = parse(input);
    assert_lossless(input, &file);
    let actual = dump(&file, input);
    let expected = unindent(expected);
    if actual.trim_end() != expected.trim_end() {
        panic!("input:\n{input}\n--- expected:\n{expected}\n--- actual:\n{actual}");
    }
}

/// Removes the common leading indentation of the non-empty lines.
pub fn unindent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().skip_while(|l| l.trim().is_empty()).collect();
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The segments tile the input, and each instruction's parts tile its span.
#[track_caller]
pub fn assert_lossless(input: &str, file: &Dockerfile) {
    let mut rebuilt = String::new();
    let mut at = 0;
    for segment in &file.segments {
        assert_eq!(
            segment.span.start, at,
            "segments must be contiguous in {input:?}"
        );
        rebuilt.push_str(&input[segment.span.start..segment.span.end]);
        at = segment.span.end;
        if let SegmentKind::Instruction(index) = segment.kind {
            let instruction = &file.instructions[index];
            assert_eq!(instruction.span, segment.span);
            let mut part_at = instruction.span.start;
            let mut logical = String::new();
            for part in &instruction.parts {
                assert_eq!(
                    part.span.start, part_at,
                    "parts must be contiguous in {input:?}"
                );
                part_at = part.span.end;
                if part.kind == PartKind::Text {
                    logical.push_str(&input[part.span.start..part.span.end]);
                }
            }
            assert_eq!(
                part_at, instruction.span.end,
                "parts must cover the instruction in {input:?}"
            );
            assert_eq!(
                logical, instruction.logical.text,
                "text parts must form the logical line"
            );
        }
    }
    assert_eq!(rebuilt, input, "segments must reproduce the input");
}
