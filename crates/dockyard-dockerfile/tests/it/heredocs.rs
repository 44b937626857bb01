//! Heredocs: markers, bodies, delimiters, and what follows them.

use crate::support::check;

#[test]
fn heredoc_basic() {
    check(
        "FROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-5
          shell "<<EOF"
          heredoc EOF L3-5 "apt-get update\napt-get install -y curl\n"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn heredoc_chomp_strips_tabs() {
    check(
        "FROM a\nRUN <<-EOF\n\techo hi\n\t\tindented\n\tEOF\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-5
          shell "<<-EOF"
          heredoc EOF chomp L3-5 "echo hi\nindented\n"
        stage 0 a instructions 0..2
        HadolintParseError 3:9 "unexpected 'e'\nexpecting '#', '\\', ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR, a pragma, at least one space, or end of input"
        "#,
    );
}

#[test]
fn heredoc_quoted_delimiters() {
    check(
        "FROM a\nRUN <<\"EOF\"\necho $HOME\nEOF\nRUN <<'X'\necho $HOME\nX\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-4
          shell "<<\"EOF\""
          heredoc EOF quoted L3-4 "echo $HOME\n"
        RUN L5-7
          shell "<<'X'"
          heredoc X quoted L6-7 "echo $HOME\n"
        stage 0 a instructions 0..3
        HadolintParseError 5:1 "unexpected 'R'\nexpecting a new line followed by the next instruction"
        "#,
    );
}

#[test]
fn heredoc_two_on_one_line() {
    check(
        "FROM a\nRUN <<A <<B\nfirst\nA\nsecond\nB\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-6
          shell "<<A <<B"
          heredoc A L3-4 "first\n"
          heredoc B L5-6 "second\n"
        stage 0 a instructions 0..2
        HadolintParseError 5:1 "unexpected 's'\nexpecting a new line followed by the next instruction"
        "#,
    );
}

#[test]
fn heredoc_copy_with_destination() {
    check(
        "FROM a\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        COPY L2-4
          sources ["<<EOF"] dest Some("/etc/app.conf")
          heredoc EOF L3-4 "key=value\n"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn heredoc_program_and_redirect() {
    check(
        "FROM a\nRUN python3 <<EOF > /out\nprint(1)\nEOF\nRUN cat 3<<EOF3\nx\nEOF3\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-4
          shell "python3 <<EOF > /out"
          heredoc EOF L3-4 "print(1)\n"
        RUN L5-7
          shell "cat 3<<EOF3"
          heredoc EOF3 L6-7 "x\n"
        stage 0 a instructions 0..3
        HadolintParseError 5:1 "unexpected 'R'\nexpecting a new line followed by the next instruction"
        "#,
    );
}

#[test]
fn heredoc_followed_by_instructions() {
    check(
        "FROM a\nRUN <<EOF\necho hi\nEOF\nRUN echo next\n# comment\nCMD [\"x\"]\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-4
          shell "<<EOF"
          heredoc EOF L3-4 "echo hi\n"
        RUN L5
          shell "echo next"
        CMD L7
          exec ["x"]
        comment 6 " comment"
        stage 0 a instructions 0..4
        HadolintParseError 5:1 "unexpected 'R'\nexpecting a new line followed by the next instruction"
        "#,
    );
}

#[test]
fn heredoc_unterminated() {
    check(
        "FROM a\nRUN <<EOF\necho hi\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-3
          shell "<<EOF"
          heredoc EOF unterminated L3-3 "echo hi\n"
        stage 0 a instructions 0..2
        DockerError 2:5 "unterminated heredoc"
        HadolintParseError 3:1 "unexpected 'e'\nexpecting '#', '\\', ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR, a pragma, at least one space, or end of input"
        "#,
    );
}

#[test]
fn heredoc_at_end_without_newline() {
    check(
        "FROM a\nRUN <<EOF\necho hi\nEOF",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-4
          shell "<<EOF"
          heredoc EOF L3-4 "echo hi\n"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn heredoc_empty_body() {
    check(
        "FROM a\nRUN <<EOF\nEOF\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-3
          shell "<<EOF"
          heredoc EOF L3-3 ""
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn heredoc_onbuild() {
    check(
        "FROM a\nONBUILD RUN <<EOF\nmake\nEOF\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        ONBUILD L2-4
          RUN L2-4
            shell "<<EOF"
          heredoc EOF L3-4 "make\n"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn heredoc_not_in_exec_form_or_cmd() {
    check(
        "FROM a\nRUN [\"cat\", \"<<EOF\"]\nCMD cat <<EOF\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          exec ["cat", "<<EOF"]
        CMD L3
          shell "cat <<EOF"
        stage 0 a instructions 0..3
        "#,
    );
}

#[test]
fn heredoc_here_string_is_not_heredoc() {
    check(
        "FROM a\nRUN cat <<<\"x\"\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          shell "cat <<<\"x\""
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn heredoc_after_continuation() {
    check(
        "FROM a\nRUN cat \\\n  <<EOF\nbody\nEOF\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-5
          shell "cat   <<EOF"
          heredoc EOF L4-5 "body\n"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn heredoc_crlf() {
    check(
        "FROM a\r\nRUN <<EOF\r\necho hi\r\nEOF\r\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-4
          shell "<<EOF"
          heredoc EOF L3-4 "echo hi\r\n"
        stage 0 a instructions 0..2
        "#,
    );
}
