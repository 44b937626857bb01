//! Instruction payloads, one `check` per feature: the expected value is the
//! tree dump (`dockyard_dockerfile::dump`), so adding a case is one call.

use crate::support::check;

#[test]
fn from_image_references() {
    check(
        "FROM ubuntu:22.04 AS base\nFROM base\nFROM localhost:5000/team/app:v1\nFROM ghcr.io/o/r@sha256:deadbeef\nFROM ${IMAGE:-debian}:${TAG}\nFROM scratch\nfrom --platform=$BUILDPLATFORM golang AS Build\n",
        r#"
        FROM L1
          image registry=- name=ubuntu tag=22.04 digest=-
          alias base
        FROM L2
          image registry=- name=base tag=- digest=-
        FROM L3
          image registry=localhost:5000 name=team/app tag=v1 digest=-
        FROM L4
          image registry=ghcr.io name=o/r tag=- digest=sha256:deadbeef
        FROM L5
          image registry=- name=${IMAGE:-debian} tag=${TAG} digest=-
        FROM L6
          image registry=- name=scratch tag=- digest=-
        FROM L7
          flag platform="$BUILDPLATFORM"
          image registry=- name=golang tag=- digest=-
          alias Build
          platform $BUILDPLATFORM
        stage 0 ubuntu:22.04 as base instructions 0..1
        stage 1 base instructions 1..2
        stage 2 localhost:5000/team/app:v1 instructions 2..3
        stage 3 ghcr.io/o/r@sha256:deadbeef instructions 3..4
        stage 4 ${IMAGE:-debian}:${TAG} instructions 4..5
        stage 5 scratch instructions 5..6
        stage 6 golang as Build instructions 6..7
        HadolintParseError 3:29 "unexpected ':'\nexpecting '@', '\\', a new line followed by the next instruction, or the image tag"
        "#,
    );
}

#[test]
fn from_wrong_argument_count() {
    check(
        "FROM a b\nFROM\nFROM a AS 1x\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        FROM L2
        FROM L3
          image registry=- name=a tag=- digest=-
          alias 1x
        stage 0 a instructions 0..1
        stage 1  instructions 1..2
        stage 2 a as 1x instructions 2..3
        DockerError 1:6 "FROM requires either one or three arguments"
        DockerError 2:1 "FROM requires either one or three arguments"
        DockerError 3:11 "invalid name for build stage: \"1x\", name can't start with a number or contain symbols"
        HadolintParseError 1:8 "unexpected 'b'\nexpecting '#', '\\', ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR, a pragma, at least one space, or end of input"
        "#,
    );
}

#[test]
fn commands_exec_and_shell_form() {
    check(
        "FROM a\nRUN echo hi\nRUN [\"/bin/sh\", \"-c\", \"echo \\\"x\\\"\"]\nCMD [\"a\", \nENTRYPOINT exec \"$@\"\nSHELL [\"pwsh\", \"-c\"]\nCMD []\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          shell "echo hi"
        RUN L3
          exec ["/bin/sh", "-c", "echo \"x\""]
        CMD L4
          shell "[\"a\","
        ENTRYPOINT L5
          shell "exec \"$@\""
        SHELL L6
          exec ["pwsh", "-c"]
        CMD L7
          exec []
        stage 0 a instructions 0..7
        "#,
    );
}

#[test]
fn command_json_with_non_strings() {
    check(
        "FROM a\nCMD [1, \"a\"]\nRUN [\"a\"] trailing\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        CMD L2
          shell "[1, \"a\"]"
        RUN L3
          shell "[\"a\"] trailing"
        stage 0 a instructions 0..3
        DockerError 2:5 "when using JSON array syntax, arrays must be comprised of strings only"
        HadolintParseError 3:11 "unexpected 't'\nexpecting '\\', a new line followed by the next instruction, or at least one space"
        "#,
    );
}

#[test]
fn shell_requires_json() {
    check(
        "FROM a\nSHELL /bin/bash -c\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        SHELL L2
          shell "/bin/bash -c"
        stage 0 a instructions 0..2
        DockerError 2:7 "SHELL requires the arguments to be in JSON form"
        "#,
    );
}

#[test]
fn env_label_arg_pairs() {
    check(
        "FROM a\nENV a=b c=\"d e\" f=g\\ h\nENV PATH /usr/local/bin:$PATH\nLABEL \"com.example.x\"=\"v 1\" single='q'\nARG VERSION\nARG A=1 B=\"two\"\nENV e=\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        ENV L2
          "a"="b"
          "c"="d e"
          "f"="g h"
        ENV L3
          legacy
          "PATH"="/usr/local/bin:$PATH"
        LABEL L4
          "com.example.x"="v 1"
          "single"="q"
        ARG L5
          arg VERSION
        ARG L6
          arg A="1"
          arg B="two"
        ENV L7
          "e"=""
        stage 0 a instructions 0..7
        "#,
    );
}

#[test]
fn env_errors() {
    check(
        "FROM a\nENV a=b c\nENV lonely\nENV =x\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        ENV L2
          "a"="b"
        ENV L3
          legacy
        ENV L4
          ""="x"
        stage 0 a instructions 0..4
        DockerError 2:9 "Syntax error - can't find = in \"c\". Must be of the form: name=value"
        DockerError 3:5 "ENV must have two arguments"
        DockerError 4:5 "ENV names can not be blank"
        HadolintParseError 2:10 "missing whitespace"
        "#,
    );
}

#[test]
fn label_quotes_and_escapes() {
    check(
        "FROM a\nLABEL description=\"say \\\"hi\\\"\" path='C:\\dir' multi=\"a \\\n  b\"\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        LABEL L2-3
          "description"="say \"hi\""
          "path"="C:\\dir"
          "multi"="a   b"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn expose_ports() {
    check(
        "FROM a\nEXPOSE 80 443/tcp 53/UDP 8000-8010 $PORT ${P}/udp 70000\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        EXPOSE L2
          port 80 number=80 end=- protocol=-
          port 443/tcp number=443 end=- protocol=tcp
          port 53/UDP number=53 end=- protocol=UDP
          port 8000-8010 number=8000 end=8010 protocol=-
          port $PORT number=- end=- protocol=-
          port ${P}/udp number=- end=- protocol=udp
          port 70000 number=70000 end=- protocol=-
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn copy_and_add() {
    check(
        "FROM a\nCOPY --from=build --chown=app:app --chmod=755 --link /src /dst/\nCOPY [\"a b\", \"/c d/\"]\nADD --checksum=sha256:abc https://example.com/x.tar.gz /x\nADD --keep-git-dir=true git@github.com:o/r.git /r\nCOPY --parents --exclude=*.md ./a ./b /out/\nCOPY one\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        COPY L2
          flag from="build"
          flag chown="app:app"
          flag chmod="755"
          flag link
          sources ["/src"] dest Some("/dst/")
        COPY L3
          sources ["a b"] dest Some("/c d/") json
        ADD L4
          flag checksum="sha256:abc"
          sources ["https://example.com/x.tar.gz"] dest Some("/x")
        ADD L5
          flag keep-git-dir="true"
          sources ["git@github.com:o/r.git"] dest Some("/r")
        COPY L6
          flag parents
          flag exclude="*.md"
          sources ["./a", "./b"] dest Some("/out/")
        COPY L7
          sources ["one"] dest None
        stage 0 a instructions 0..7
        DockerError 7:1 "COPY requires at least two arguments"
        HadolintParseError 7:9 "unexpected end of line. At least two arguments are required for COPY"
        "#,
    );
}

#[test]
fn single_value_instructions() {
    check(
        "FROM a\nWORKDIR /app\nUSER app:staff\nUSER 1000\nVOLUME [\"/data\", \"/logs\"]\nVOLUME /a /b\nSTOPSIGNAL SIGTERM\nMAINTAINER Jane <j@example.com>\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        WORKDIR L2
          "/app"
        USER L3
          user "app" group Some("staff")
        USER L4
          user "1000" group None
        VOLUME L5
          paths ["/data", "/logs"] json
        VOLUME L6
          paths ["/a", "/b"]
        STOPSIGNAL L7
          "SIGTERM"
        MAINTAINER L8
          "Jane <j@example.com>"
        stage 0 a instructions 0..8
        "#,
    );
}

#[test]
fn healthcheck_forms() {
    check(
        "FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD curl -f http://localhost/ || exit 1\nhealthcheck cmd [\"/bin/check\"]\nHEALTHCHECK FOO\nHEALTHCHECK NONE extra\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        HEALTHCHECK L2
          healthcheck None
        HEALTHCHECK L3
          flag interval="30s"
          flag timeout="3s"
          flag start-period="5s"
          flag start-interval="1s"
          flag retries="3"
          healthcheck Cmd
          shell "curl -f http://localhost/ || exit 1"
        HEALTHCHECK L4
          healthcheck Cmd
          exec ["/bin/check"]
        HEALTHCHECK L5
          healthcheck Invalid
        HEALTHCHECK L6
          healthcheck None
        stage 0 a instructions 0..6
        DockerError 5:13 "Unknown type \"FOO\" in HEALTHCHECK (try CMD)"
        DockerError 6:18 "HEALTHCHECK NONE takes no arguments"
        HadolintParseError 5:13 "unexpected \"FOO<newline>\"\nexpecting \"NONE\", '\\', --interval, --retries, --start-interval, --start-period, --timeout, CMD, at least one space, or no flags"
        "#,
    );
}

#[test]
fn onbuild_nesting() {
    check(
        "FROM a\nONBUILD RUN make\nONBUILD COPY . /src\nONBUILD ONBUILD RUN x\nONBUILD FROM b\nONBUILD\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        ONBUILD L2
          RUN L2
            shell "make"
        ONBUILD L3
          COPY L3
            sources ["."] dest Some("/src")
        ONBUILD L4
          ONBUILD L4
            RUN L4
              shell "x"
        ONBUILD L5
          FROM L5
            image registry=- name=b tag=- digest=-
        ONBUILD L6
        stage 0 a instructions 0..6
        DockerError 4:9 "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
        DockerError 5:9 "FROM isn't allowed as an ONBUILD trigger"
        DockerError 6:1 "ONBUILD requires at least one argument"
        HadolintParseError 6:8 "missing whitespace"
        "#,
    );
}

#[test]
fn run_flags_and_mounts() {
    check(
        "FROM a\nRUN --mount=type=cache,target=/root/.cache,sharing=locked --mount=type=secret,id=npmrc,target=/root/.npmrc --network=none --security=insecure npm ci\nRUN --mount=type=bind,source=.,target=/src,ro make\nRUN --device=/dev/fuse echo hi\nRUN --mount=\"type=bind,target=/a,source=x\" true\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          flag mount="type=cache,target=/root/.cache,sharing=locked"
            mount type=cache target=/root/.cache sharing=locked
          flag mount="type=secret,id=npmrc,target=/root/.npmrc"
            mount type=secret id=npmrc target=/root/.npmrc
          flag network="none"
          flag security="insecure"
          shell "npm ci"
        RUN L3
          flag mount="type=bind,source=.,target=/src,ro"
            mount type=bind source=. target=/src ro
          shell "make"
        RUN L4
          flag device="/dev/fuse"
          shell "echo hi"
        RUN L5
          flag mount="type=bind,target=/a,source=x"
            mount type=bind target=/a source=x
          shell "true"
        stage 0 a instructions 0..5
        HadolintMisreads 4:5 "hadolint 2.15.1 does not know the RUN flag --device and reads it as part of the command"
        HadolintParseError 5:13 "unexpected \"\"type=bind,tar\"\nexpecting \"env=\", \"from=\", \"gid=\", \"id=\", \"mode=\", \"readonly\", \"readonly=\", \"readwrite\", \"readwrite=\", \"relabel=\", \"required\", \"required=False\", \"required=True\", \"required=false\", \"required=true\", \"ro\", \"ro=\", \"rw\", \"rw=\", \"sharing=\", \"size=\", \"type=\", \"uid=\", 'Z', 'z', source=, or target="
        "#,
    );
}

#[test]
fn unknown_flags_and_instructions() {
    check(
        "FROM a\nENV --foo=bar x=y\nCMD --help\nFOO bar baz\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        ENV L2
          flag foo="bar"
          "x"="y"
        CMD L3
          flag help
        FOO L4
          text "bar baz"
        stage 0 a instructions 0..4
        DockerError 2:5 "unknown flag: --foo"
        DockerError 3:5 "unknown flag: --help"
        DockerError 4:1 "unknown instruction: FOO"
        HadolintParseError 4:1 "unexpected 'F'\nexpecting '#', '\\', ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR, a pragma, at least one space, or end of input"
        "#,
    );
}

#[test]
fn keywords_are_case_insensitive() {
    check(
        "from a\nRun echo\nworkDir /x\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          shell "echo"
        WORKDIR L3
          "/x"
        stage 0 a instructions 0..3
        "#,
    );
}

#[test]
fn empty_file() {
    check(
        "",
        r#"

        "#,
    );
}

#[test]
fn only_comments_and_blank_lines() {
    check(
        "# one\n\n   # two\n\n",
        r#"
        comment 1 " one"
        comment 3 " two"
        "#,
    );
}

#[test]
fn parser_directives() {
    check(
        "# syntax=docker/dockerfile:1.7\n# ESCAPE = `\n# check=skip=JSONArgsRecommended\n# escape=\\\nFROM a\n",
        r#"
        escape `
        directive syntax=docker/dockerfile:1.7 (line 1)
        directive escape=` (line 2)
        directive check=skip=JSONArgsRecommended (line 3)
        FROM L5
          image registry=- name=a tag=- digest=-
        stage 0 a instructions 0..1
        DockerError 4:1 "only one escape parser directive can be used"
        HadolintMisreads 1:1 "hadolint 2.15.1 uses '\\' as the escape character, Docker uses '`'"
        "#,
    );
}

#[test]
fn directives_end_at_first_non_directive() {
    check(
        "# hello\n# escape=`\nFROM a\nRUN a \\\n  b\n",
        r#"
        FROM L3
          image registry=- name=a tag=- digest=-
        RUN L4-5
          shell "a   b"
        comment 1 " hello"
        comment 2 " escape=`"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn directive_errors() {
    check(
        "# escape=x\n# syntax=a\n# syntax=b\nFROM a\n",
        r#"
        directive syntax=a (line 2)
        directive escape=x (line 1)
        FROM L4
          image registry=- name=a tag=- digest=-
        stage 0 a instructions 0..1
        DockerError 1:1 "invalid escape token 'x' does not match ` or \\"
        DockerError 3:1 "only one syntax parser directive can be used"
        HadolintMisreads 1:1 "hadolint 2.15.1 uses 'x' as the escape character, Docker uses '\\'"
        "#,
    );
}

#[test]
fn backtick_escape_windows_paths() {
    check(
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nCOPY . C:\\app\\\nRUN powershell -Command `\n    Write-Host hi ; `\n    Write-Host bye\n",
        r#"
        escape `
        directive escape=` (line 1)
        FROM L2
          image registry=mcr.microsoft.com name=windows/servercore tag=ltsc2022 digest=-
        WORKDIR L3
          "C:\\app"
        COPY L4
          sources ["."] dest Some("C:\\app\\")
        RUN L5-7
          shell "powershell -Command     Write-Host hi ;     Write-Host bye"
        stage 0 mcr.microsoft.com/windows/servercore:ltsc2022 instructions 0..4
        "#,
    );
}

#[test]
fn continuation_with_comments_and_blank_lines() {
    check(
        "FROM a\nRUN apt-get update \\\n  # install things\n  && apt-get install -y curl \\\n\n  && rm -rf /var/lib/apt/lists/*\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-6
          shell "apt-get update   && apt-get install -y curl   && rm -rf /var/lib/apt/lists/*"
        comment 3 " install things" (in instruction)
        stage 0 a instructions 0..2
        DockerWarning 5:1 "Empty continuation line"
        "#,
    );
}

#[test]
fn continuation_with_trailing_whitespace() {
    check(
        "FROM a\nRUN echo a \\  \n  b \\\t\n  c\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-4
          shell "echo a   b   c"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn continuation_at_end_of_file() {
    check(
        "FROM a\nRUN echo a \\\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          shell "echo a"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn crlf_line_endings() {
    check(
        "FROM a\r\nRUN echo a \\\r\n  b\r\nENV x=1\r\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2-3
          shell "echo a   b"
        ENV L4
          "x"="1"
        stage 0 a instructions 0..3
        "#,
    );
}

#[test]
fn byte_order_mark() {
    check(
        "\u{feff}FROM a\nRUN true\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          shell "true"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn tabs_and_indentation() {
    check(
        "\tFROM\ta\n  RUN\techo\thi\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          shell "echo\thi"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn comment_after_instruction_is_text() {
    check(
        "FROM a\nRUN echo hi # not a comment\n",
        r#"
        FROM L1
          image registry=- name=a tag=- digest=-
        RUN L2
          shell "echo hi # not a comment"
        stage 0 a instructions 0..2
        "#,
    );
}

#[test]
fn stages_and_aliases() {
    check(
        "ARG BASE=debian:12\nFROM $BASE AS deps\nRUN a\nFROM deps AS build\nRUN b\nFROM scratch\nCOPY --from=build /x /x\n",
        r#"
        ARG L1
          arg BASE="debian:12"
        FROM L2
          image registry=- name=$BASE tag=- digest=-
          alias deps
        RUN L3
          shell "a"
        FROM L4
          image registry=- name=deps tag=- digest=-
          alias build
        RUN L5
          shell "b"
        FROM L6
          image registry=- name=scratch tag=- digest=-
        COPY L7
          flag from="build"
          sources ["/x"] dest Some("/x")
        stage 0 $BASE as deps instructions 1..3
        stage 1 deps as build instructions 3..5
        stage 2 scratch instructions 5..7
        "#,
    );
}

/// BuildKit refuses a repeated flag (bflag.go: "duplicate flag specified"),
/// except its list-valued ones.
#[test]
fn repeated_flags() {
    let errors = |src: &str| -> Vec<String> {
        dockyard_dockerfile::parse(src)
            .docker_errors()
            .map(|d| d.message.clone())
            .collect()
    };
    assert_eq!(
        errors("FROM a\nCOPY --chown=a --chown=b x /y\n"),
        ["duplicate flag specified: --chown"]
    );
    assert_eq!(
        errors("FROM a\nRUN --mount=type=cache,target=/a --mount=type=tmpfs,target=/b x\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        errors("FROM a\nCOPY --exclude=*.md --exclude=*.txt . /y\n"),
        Vec::<String>::new()
    );
}

/// Found by the fuzzer: a multi-byte character where hadolint's reader
/// looks at three bytes (`CMD`, `tcp`) must not split it.
#[test]
fn multibyte_characters_where_keywords_are_expected() {
    for src in [
        "FROM a\nHEALTHCHECK CMéD [\"curl\"]\n",
        "FROM a\nHEALTHCHECK --interval=5s Cé\n",
        "FROM a\nEXPOSE 80/té\n",
        "FROM a\nEXPOSE 80/é\n",
    ] {
        let file = dockyard_dockerfile::parse(src);
        assert_eq!(file.instructions.len(), 2, "{src:?}");
    }
}
