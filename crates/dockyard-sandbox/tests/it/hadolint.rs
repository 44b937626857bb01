//! `hadolint` in the sandbox prints what hadolint 2.15.1 printed for the
//! same file and options (the recorded corpus of `dockyard-lint`).

use std::path::Path;

use dockyard_sandbox::{Session, SessionConfig};

fn fixtures() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../dockyard-lint/tests/fixtures/hadolint"
    ))
}

/// Runs `hadolint ARGS` on a case copied into the session's home.
fn hadolint(case: &str, args: &str) -> (String, String, i32) {
    let source =
        std::fs::read_to_string(fixtures().join(format!("cases/{case}.Dockerfile"))).unwrap();
    let mut session = Session::new(SessionConfig::default());
    let path = format!("{}/{case}.Dockerfile", session.cwd());
    session.vfs_mut().write(&path, source.as_bytes()).unwrap();
    let out = session.run(&format!("hadolint {args} {case}.Dockerfile"));
    (out.stdout, out.stderr, out.status)
}

#[test]
fn output_and_status_match_hadolint() {
    for (case, format) in [
        ("001-course-python-app", "tty-nocolor"),
        ("010-debian-apt-unpinned", "gnu"),
        ("010-debian-apt-unpinned", "json"),
        ("089-add-vs-copy", "checkstyle"),
        ("148-parse-error-unknown-instruction", "json"),
        ("004-course-fixed-pinned", "sarif"),
    ] {
        let args = match format {
            "tty-nocolor" => "--no-color".to_string(),
            f => format!("-f {f}"),
        };
        let expected =
            std::fs::read_to_string(fixtures().join(format!("formats/{case}.{format}.out")))
                .unwrap();
        let status: i32 =
            std::fs::read_to_string(fixtures().join(format!("formats/{case}.{format}.exit")))
                .unwrap()
                .trim()
                .parse()
                .unwrap();
        let (stdout, stderr, actual_status) = hadolint(case, &args);
        assert_eq!(stdout, expected, "{case} {format}");
        assert_eq!(
            (stderr.as_str(), actual_status),
            ("", status),
            "{case} {format}"
        );
    }
}

#[test]
fn reads_the_sessions_config_and_writes_its_reports_into_the_sandbox() {
    let mut session = Session::new(SessionConfig::default());
    session.run("printf 'FROM debian\\n' > Dockerfile");
    session.run("printf 'ignored: [DL3006]\\n' > .hadolint.yaml");
    let out = session.run("hadolint Dockerfile; echo status=$?");
    assert_eq!(out.merged, "status=0\n");
    let out = session.run(
        "rm .hadolint.yaml; hadolint --no-color -f json -o report.json Dockerfile; cat report.json",
    );
    assert!(
        out.stdout.starts_with("[{\"code\":\"DL3006\""),
        "{}",
        out.stdout
    );
    let out = session.run("hadolint missing");
    assert_eq!(out.status, 1);
    assert!(out.stderr.starts_with(
        "hadolint: missing: withBinaryFile: does not exist (No such file or directory)\n"
    ));
}
