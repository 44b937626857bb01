//! Losslessness, positions, budgets and linear behaviour.

use crate::support::assert_lossless;
use dockyard_dockerfile::{
    parse, parse_with_limit, Args, Command, DiagnosticKind, SegmentKind, MAX_ONBUILD_DEPTH,
};
use std::path::Path;

const TRICKY_INPUTS: &[&str] = &[
    "",
    "\n",
    "\n\n\n",
    "   ",
    "\\",
    "\\\n",
    "#",
    "# escape=`",
    "\u{feff}",
    "\u{feff}FROM a",
    "FROM a",
    "FROM a\n",
    "FROM a\r\n\r\n",
    "RUN a \\",
    "RUN a \\\n\n\n",
    "RUN a \\\n# c\n# d\n",
    "RUN <<EOF",
    "RUN <<EOF\n",
    "RUN <<EOF\nbody",
    "RUN <<A <<B\nA\n",
    "COPY <<EOF /x\r\nhi\r\nEOF\r\n",
    "ONBUILD ONBUILD ONBUILD RUN x",
    "\tRUN\t\u{e9}\u{1F600} \\\r\n\t x",
    "CMD [\"\\u00e9\", \"\\ud83d\\ude00\"]",
    "ENV a=\"unterminated",
    "LABEL 'x",
    "FROM a AS b AS c\nRUN \\\n",
    "\r",
    "\r\r\n",
    "RUN a\rb\n",
];

#[test]
fn tricky_inputs_are_reproduced_exactly() {
    for input in TRICKY_INPUTS {
        assert_lossless(input, &parse(input));
    }
}

#[test]
fn fixtures_are_reproduced_exactly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dl1000");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) == Some("Dockerfile") {
            let source = std::fs::read_to_string(&path).expect("readable");
            assert_lossless(&source, &parse(&source));
            count += 1;
        }
    }
    assert!(count > 100);
}

#[test]
fn positions_of_keywords_flags_and_words() {
    let source = "FROM a\n\tRUN --mount=type=cache,target=/x \\\n    echo \\\n  hi\n";
    let file = parse(source);
    let run = &file.instructions[1];
    assert_eq!(run.keyword_span.text(source), "RUN");
    assert_eq!(
        file.position(source, run.keyword_span.start),
        dockyard_dockerfile::Position { line: 2, column: 2 }
    );
    assert_eq!((run.start_line, run.end_line), (2, 4));
    assert_eq!(
        run.flags[0].span.text(source),
        "--mount=type=cache,target=/x"
    );
    let Args::Run(Some(Command::Shell(shell))) = &run.args else {
        panic!("shell form expected");
    };
    assert_eq!(shell.text, "echo   hi");
    // "hi" in the logical text maps back to line 4.
    let hi = shell.logical.start + shell.text.find("hi").expect("hi");
    assert_eq!(file.line(run.source_offset(hi)), 4);
    assert_eq!(shell.span.text(source), "echo \\\n  hi");
}

#[test]
fn comments_inside_continuations_are_kept() {
    let source = "RUN a \\\n  # note\n  b\n";
    let file = parse(source);
    assert_eq!(file.comments.len(), 1);
    assert!(file.comments[0].in_instruction);
    assert_eq!(file.comments[0].span.text(source), "# note");
    assert_eq!(file.instructions[0].logical.text, "RUN a   b");
}

#[test]
fn onbuild_nesting_is_bounded() {
    let source = format!("{}RUN x\n", "ONBUILD ".repeat(50));
    let file = parse(&source);
    assert_lossless(&source, &file);
    let mut depth = 0;
    let mut current = &file.instructions[0];
    while let Args::Onbuild(Some(inner)) = &current.args {
        current = inner;
        depth += 1;
    }
    assert_eq!(depth, MAX_ONBUILD_DEPTH);
    assert!(file
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::LimitExceeded));
}

#[test]
fn input_size_is_bounded() {
    let source = "RUN a\n".repeat(100);
    let file = parse_with_limit(&source, 60);
    assert_lossless(&source, &file);
    assert_eq!(file.instructions.len(), 10);
    assert!(matches!(
        file.segments.last().map(|s| s.kind),
        Some(SegmentKind::Unparsed)
    ));
    assert!(file
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::LimitExceeded));
}

#[test]
fn ten_thousand_instructions_parse_in_one_pass() {
    let mut source = String::new();
    for i in 0..2_000 {
        source.push_str(&format!("FROM img{i}:1 AS s{i}\nENV K{i}=v{i}\nRUN echo {i} \\\n  && true\nCOPY --from=s{i} /a /b\nRUN <<EOF\nline {i}\nEOF\n\n"));
    }
    let file = parse(&source);
    assert_eq!(file.instructions.len(), 10_000);
    assert_eq!(file.stages.len(), 2_000);
    assert!(file.hadolint_rejects().is_none());
    assert_lossless(&source, &file);
}

#[test]
fn many_unterminated_heredoc_markers_stay_linear() {
    // Every line opens a heredoc hadolint would search for; the lookup is indexed.
    let source = "RUN cat <<X\n".repeat(5_000) + "\nRUN <<A\n".repeat(5_000).as_str();
    let file = parse(&source);
    assert_lossless(&source, &file);
}
