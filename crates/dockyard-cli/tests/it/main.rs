//! The built `dockyard` binary, run as a user runs it.

mod lint;
mod sh;

use std::process::Command;

fn dockyard(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_dockyard"))
        .args(args)
        .output()
        .expect("the dockyard binary runs");
    (
        output.status.code().expect("exited normally"),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn version_goes_to_stdout_with_status_0() {
    let (status, stdout, stderr) = dockyard(&["--version"]);
    assert_eq!((status, stderr.as_str()), (0, ""));
    assert_eq!(stdout, format!("dockyard {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_goes_to_stdout_with_status_0() {
    let (status, stdout, _) = dockyard(&["--help"]);
    assert_eq!(status, 0);
    assert!(
        stdout.starts_with("Dockyard's sandbox simulators"),
        "{stdout}"
    );
    assert!(stdout.contains("Usage: dockyard [OPTIONS] <COMMAND> [ARGS]..."));
}

#[test]
fn unknown_command_fails_with_status_2_on_stderr() {
    let (status, stdout, stderr) = dockyard(&["nope"]);
    assert_eq!((status, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("dockyard: unknown command 'nope'"),
        "{stderr}"
    );
}
