//! `dockyard sh` against dash: the expectations below were printed by
//! Debian's `/bin/sh` (dash 0.5.12) for the same command in the same folder.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `dockyard sh ARGS` in a fresh folder holding `f.txt`.
fn sh(args: &[&str]) -> (i32, String, String, String) {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("dockyard-sh-test-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("f.txt"), "a\nb\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_dockyard"))
        .arg("sh")
        .args(args)
        .current_dir(&dir)
        .output()
        .expect("the dockyard binary runs");
    let left = std::fs::read_to_string(dir.join("f.txt")).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    (
        output.status.code().expect("exited normally"),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        left,
    )
}

#[test]
fn runs_like_dash_on_a_copy_of_the_folder() {
    // sh -c 'cat f.txt nofile; echo "n=$#"; exit 3' sh x y
    let (status, stdout, stderr, _) = sh(&[
        "-c",
        "cat f.txt nofile; echo \"n=$#\"; exit 3",
        "sh",
        "x",
        "y",
    ]);
    assert_eq!(status, 3);
    assert_eq!(stdout, "a\nb\nn=2\n");
    assert_eq!(stderr, "cat: nofile: No such file or directory\n");
}

#[test]
fn real_files_are_never_changed() {
    let (status, stdout, _, left) = sh(&["-c", "echo changed > f.txt; rm -f f.txt; ls"]);
    assert_eq!((status, stdout.as_str()), (0, ""));
    assert_eq!(left, "a\nb\n");
}

#[test]
fn usage_errors() {
    let (status, _, stderr, _) = sh(&["--seed", "x"]);
    assert_eq!(status, 2);
    assert!(
        stderr.starts_with("dockyard sh: --seed needs a number"),
        "{stderr}"
    );
}
