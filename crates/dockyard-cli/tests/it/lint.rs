//! `dockyard lint` against hadolint 2.15.1's recorded runs
//! (`dockyard-lint/tests/fixtures/hadolint/config/`): the built binary runs
//! in a copy of the case directory with the recorded environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What the recording left in a case directory besides its inputs.
const OUTPUTS: &[&str] = &["stdout", "stderr", "exit", "created"];

fn case_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../dockyard-lint/tests/fixtures/hadolint/config")
        .join(name)
}

fn copy_inputs(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        if OUTPUTS.contains(&name.as_str()) && from.join("args").exists() {
            continue;
        }
        if entry.path().is_dir() {
            copy_inputs(&entry.path(), &to.join(&name));
        } else {
            std::fs::copy(entry.path(), to.join(&name)).unwrap();
        }
    }
}

/// Runs the case with the binary and compares everything hadolint produced.
fn check_case(name: &str) {
    let case = case_dir(name);
    let run = std::env::temp_dir().join(format!("dockyard-cli-lint-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&run);
    copy_inputs(&case, &run);
    let home = run.join(".empty-home");
    std::fs::create_dir_all(&home).unwrap();

    let args: Vec<String> = std::fs::read_to_string(case.join("args"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let mut command = Command::new(env!("CARGO_BIN_EXE_dockyard"));
    command
        .arg("lint")
        .args(&args)
        .current_dir(&run)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("LANG", "C.UTF-8")
        .env("HOME", &home);
    if let Ok(env) = std::fs::read_to_string(case.join("env")) {
        for line in env.lines().filter(|l| !l.is_empty()) {
            let line = line.replace("@CASEDIR@", &run.to_string_lossy());
            let (key, value) = line.split_once('=').unwrap();
            command.env(key, value);
        }
    }
    let stdin = case.join("stdin");
    command.stdin(if stdin.exists() {
        Stdio::from(std::fs::File::open(stdin).unwrap())
    } else {
        Stdio::null()
    });
    let output = command.output().expect("the dockyard binary runs");

    let expected = |file: &str| std::fs::read_to_string(case.join(file)).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        expected("stdout"),
        "{name}: stdout"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        expected("stderr"),
        "{name}: stderr"
    );
    assert_eq!(
        output.status.code(),
        expected("exit").trim().parse::<i32>().ok(),
        "{name}: exit"
    );
    if let Ok(created) = std::fs::read_dir(case.join("created")) {
        for file in created {
            let file = file.unwrap();
            let written = std::fs::read_to_string(run.join(file.file_name()))
                .unwrap_or_else(|e| panic!("{name}: {:?} not written: {e}", file.file_name()));
            assert_eq!(
                written,
                std::fs::read_to_string(file.path()).unwrap(),
                "{name}: {:?}",
                file.file_name()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&run);
}

#[test]
fn label_schema_from_the_config_file() {
    check_case("label-schema-config");
    check_case("label-schema-stage-inheritance");
}

#[test]
fn labels_required_from_the_environment() {
    check_case("require-label-env");
}

#[test]
fn threshold_and_colour_options() {
    check_case("threshold-cli-error-style-only");
}

#[test]
fn usage_errors_and_help() {
    check_case("unknown-flag");
    check_case("help-short");
    check_case("version-long");
}

#[test]
fn missing_files_and_strict_labels() {
    check_case("config-flag-missing-file");
    check_case("strict-labels-without-schema");
}

/// `--buildkit` is accepted (Docker's own checks are not added yet).
#[test]
fn buildkit_flag_is_accepted() {
    let dir = std::env::temp_dir().join(format!("dockyard-cli-buildkit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("Dockerfile"), "FROM debian\n").unwrap();
    let lint = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_dockyard"))
            .arg("lint")
            .args(extra)
            .args(["--no-color", "Dockerfile"])
            .current_dir(&dir)
            .env_clear()
            .env("HOME", &dir)
            .output()
            .unwrap()
    };
    let (plain, buildkit) = (lint(&[]), lint(&["--buildkit"]));
    assert_eq!(buildkit.stdout, plain.stdout);
    assert_eq!(buildkit.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&plain.stdout),
        "Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
