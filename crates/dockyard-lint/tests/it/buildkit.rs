//! `--buildkit`: Docker's build checks join hadolint's findings, sorted
//! with them, and change nothing when not asked for. (The expected
//! BuildKit findings come from reading BuildKit's source: no Docker engine
//! is available to record them.)

use dockyard_lint::config::Config;
use dockyard_lint::lint::lint;
use dockyard_lint::FileReport;
use dockyard_lint::{render, Format, Outcome, RenderOptions, Timestamp};

const SOURCE: &str =
    "FROM debian:12 as Builder\nMAINTAINER ada\nENV LANG C.UTF-8\nWORKDIR app\nCMD run\n";

fn tty(config: &Config) -> String {
    let report = FileReport {
        file: "Dockerfile".into(),
        outcome: lint(SOURCE, "Dockerfile", config),
    };
    let options = RenderOptions {
        color: false,
        file_path_in_report: None,
        now: Timestamp::default(),
    };
    render(Format::Tty, &[report], &options)
}

#[test]
fn off_by_default() {
    let out = tty(&Config::default());
    assert!(!out.contains("StageNameCasing"), "{out}");
    assert!(out.contains("DL4000"), "{out}");
}

#[test]
fn on_with_buildkit_and_sorted_by_line() {
    let config = Config {
        buildkit: true,
        ..Config::default()
    };
    let out = tty(&config);
    let lines: Vec<&str> = out.lines().collect();
    for expected in [
        "Dockerfile:1 StageNameCasing warning: Stage name 'Builder' should be lowercase",
        "Dockerfile:1 FromAsCasing warning: 'as' and 'FROM' keywords' casing do not match",
        "Dockerfile:2 MaintainerDeprecated warning: Maintainer instruction is deprecated in favor of using label",
        "Dockerfile:3 LegacyKeyValueFormat warning: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format",
        "Dockerfile:4 WorkdirRelativePath warning: Relative workdir \"app\" can have unexpected results if the base image changes",
        "Dockerfile:5 JSONArgsRecommended warning: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals",
    ] {
        assert!(lines.contains(&expected), "missing {expected:?} in:\n{out}");
    }
    let line_numbers: Vec<u32> = lines
        .iter()
        .map(|l| {
            l.split(':')
                .nth(1)
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(line_numbers.windows(2).all(|w| w[0] <= w[1]), "{out}");
}

/// `--ignore` and severity options apply to check names; hadolint's
/// pragmas only take DL/SC codes (as hadolint parses them), so a check is
/// silenced in the file with BuildKit's own `# check=skip=` comment.
#[test]
fn ignore_options_and_check_comments_apply() {
    let config = Config {
        buildkit: true,
        ignored: vec!["StageNameCasing".into()],
        ..Config::default()
    };
    let Outcome::Findings(findings) = lint(
        "# check=skip=FromAsCasing\nFROM a:1 as B\n",
        "Dockerfile",
        &config,
    ) else {
        panic!("parse error");
    };
    assert!(findings
        .iter()
        .all(|f| f.code != "StageNameCasing" && f.code != "FromAsCasing"));
    let config = Config {
        buildkit: true,
        override_error: vec!["FromAsCasing".into()],
        ..Config::default()
    };
    let Outcome::Findings(findings) = lint("FROM a:1 as b\n", "Dockerfile", &config) else {
        panic!("parse error");
    };
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].severity, dockyard_lint::Severity::Error);
}
