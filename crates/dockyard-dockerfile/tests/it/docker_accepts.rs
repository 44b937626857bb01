//! Files Docker (BuildKit) builds but hadolint 2.15.1 rejects with DL1000 or
//! reads differently: we parse them as Docker does and say what hadolint does.

use dockyard_dockerfile::{parse, DiagnosticKind};

/// Docker accepts `input` (no Docker error); hadolint fails at `line:column`.
#[track_caller]
fn check_hadolint_only_rejection(input: &str, line: u32, column: u32) {
    let file = parse(input);
    let docker_errors: Vec<_> = file.docker_errors().collect();
    assert!(
        docker_errors.is_empty(),
        "Docker should accept {input:?}: {docker_errors:?}"
    );
    let rejection = file
        .hadolint_rejects()
        .unwrap_or_else(|| panic!("hadolint should reject {input:?}"));
    assert_eq!(
        (rejection.line, rejection.column),
        (line, column),
        "{input:?}: {rejection:?}"
    );
}

#[test]
fn instruction_right_after_heredoc() {
    let input = "FROM debian:12\nRUN <<EOF\necho hi\nEOF\nRUN echo x\n";
    check_hadolint_only_rejection(input, 5, 1);
    let file = parse(input);
    assert_eq!(
        file.instructions.len(),
        3,
        "Docker sees the RUN after the heredoc"
    );
    assert_eq!(file.instructions[2].start_line, 5);
}

#[test]
fn comment_right_after_heredoc() {
    check_hadolint_only_rejection("FROM debian:12\nRUN <<EOF\necho hi\nEOF\n# c\n", 5, 1);
}

#[test]
fn chomped_heredoc_with_indented_terminator() {
    check_hadolint_only_rejection("FROM debian:12\nRUN <<-EOF\n\techo hi\n\tEOF\n", 3, 9);
}

#[test]
fn two_heredocs_on_one_run() {
    check_hadolint_only_rejection("FROM debian:12\nRUN <<A <<B\na\nA\nb\nB\n", 5, 1);
}

#[test]
fn add_with_heredoc() {
    check_hadolint_only_rejection("FROM debian:12\nADD <<EOF /x\nhi\nEOF\n", 3, 1);
}

#[test]
fn heredoc_with_backslash_quoted_delimiter() {
    let input = "FROM debian:12\nCOPY <<-\\EOT /x\nhi\nEOT\n";
    check_hadolint_only_rejection(input, 3, 1);
    let heredoc = &parse(input).instructions[1].heredocs[0];
    assert!(heredoc.quoted && heredoc.chomp);
    assert_eq!(heredoc.name, "EOT");
}

#[test]
fn exec_form_followed_by_text_is_shell_form_for_docker() {
    check_hadolint_only_rejection("FROM debian:12\nRUN [\"a\", \"b\"] c\n", 2, 16);
}

#[test]
fn blank_line_with_spaces_inside_continuation() {
    let input = "FROM debian:12\nRUN a \\\n   \n  b\n";
    check_hadolint_only_rejection(input, 4, 3);
    let file = parse(input);
    assert_eq!(file.instructions[1].empty_continuation_lines, vec![3]);
    assert!(file
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::DockerWarning));
}

#[test]
fn escape_directive_after_check_directive() {
    check_hadolint_only_rejection(
        "# check=skip=all\n# escape=`\nFROM debian:12\nRUN a `\n  b\n",
        5,
        3,
    );
}

#[test]
fn lowercase_healthcheck_none() {
    check_hadolint_only_rejection("FROM debian:12\nhealthcheck none\n", 2, 13);
}

#[test]
fn run_device_after_another_flag() {
    check_hadolint_only_rejection(
        "FROM debian:12\nRUN --mount=type=cache,target=/x --device=/dev/fuse x\n",
        2,
        34,
    );
}

#[test]
fn expose_with_host_mapping_is_only_a_buildkit_warning() {
    // BuildKit reports ExposeInvalidFormat as a build check, not an error.
    check_hadolint_only_rejection("FROM debian:12\nEXPOSE 80:80\n", 2, 10);
}

#[test]
fn run_device_as_first_flag_is_misread_not_rejected() {
    let file = parse("FROM debian:12\nRUN --device=/dev/fuse echo hi\n");
    assert!(file.hadolint_rejects().is_none());
    let misread = file
        .diagnostics
        .iter()
        .find(|d| d.kind == DiagnosticKind::HadolintMisreads)
        .expect("a misread note");
    assert_eq!((misread.line, misread.column), (2, 5));
    assert_eq!(
        file.instructions[1]
            .flag("device")
            .and_then(|f| f.value.as_deref()),
        Some("/dev/fuse")
    );
}

#[test]
fn expose_uppercase_protocol_is_accepted_by_both() {
    // Recorded with hadolint 2.15.1: `EXPOSE 80/TCP` parses (no DL1000).
    let file = parse("FROM debian:12\nEXPOSE 80/TCP\n");
    assert!(file.hadolint_rejects().is_none());
    assert!(file.diagnostics.is_empty());
}

#[test]
fn unknown_escape_case_is_misread() {
    let file = parse("# ESCAPE=`\nFROM a\n");
    assert_eq!(file.escape, '`');
    assert!(file
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::HadolintMisreads));
}
