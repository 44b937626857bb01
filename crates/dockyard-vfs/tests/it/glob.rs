//! Globbing compared with real dash (fixture in `tests/fixtures/glob`, re-recorded by its `record.sh`), plus cwd and absolute cases.

use dockyard_vfs::{unescape, EntryKind, Vfs};

const FILES: &str = include_str!("../fixtures/glob/files.txt");
const CASES: &str = include_str!("../fixtures/glob/cases.txt");
const EXPECTED: &str = include_str!("../fixtures/glob/expected.txt");

/// The fixture tree of `files.txt`, placed under `/fixture`.
fn fixture_tree() -> Vfs {
    let mut vfs = Vfs::new();
    vfs.create_dir("/fixture").unwrap();
    for line in FILES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let words: Vec<&str> = line.split(' ').collect();
        let path = format!("/fixture/{}", words[1]);
        match words[0] {
            "d" => vfs.create_dir(&path).unwrap(),
            "f" => vfs.write(&path, b"").unwrap(),
            "l" => vfs.symlink(words[2], &path).unwrap(),
            other => panic!("bad fixture line kind {other}"),
        }
    }
    vfs
}

/// What dash prints for each pattern: the words after its `> PATTERN` line.
fn recorded() -> Vec<(String, Vec<String>)> {
    let mut cases: Vec<(String, Vec<String>)> = Vec::new();
    for line in EXPECTED.lines() {
        match line.strip_prefix("> ") {
            Some(pattern) => cases.push((pattern.to_string(), Vec::new())),
            None => cases
                .last_mut()
                .expect("a pattern first")
                .1
                .push(line.to_string()),
        }
    }
    cases
}

/// The words the shell would produce: the matches, or the unescaped word when none.
fn shell_words(vfs: &Vfs, cwd: &str, pattern: &str) -> Vec<String> {
    let found = vfs.glob(cwd, pattern);
    if found.is_empty() {
        vec![unescape(pattern)]
    } else {
        found
    }
}

#[test]
fn matches_what_dash_expands() {
    let vfs = fixture_tree();
    let recorded = recorded();
    let patterns: Vec<&str> = CASES.lines().collect();
    assert_eq!(
        recorded.len(),
        patterns.len(),
        "expected.txt is stale: run record.sh"
    );
    let mut mismatches = Vec::new();
    for ((pattern, expected), case) in recorded.iter().zip(&patterns) {
        assert_eq!(pattern, case, "expected.txt is stale: run record.sh");
        let actual = shell_words(&vfs, "/fixture", pattern);
        if &actual != expected {
            mismatches.push(format!(
                "{pattern}\n  dash: {expected:?}\n  vfs:  {actual:?}"
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[track_caller]
fn check(cwd: &str, pattern: &str, expected: &[&str]) {
    let vfs = fixture_tree();
    assert_eq!(
        vfs.glob(cwd, pattern),
        expected,
        "glob({cwd:?}, {pattern:?})"
    );
}

#[test]
fn relative_absolute_and_parent_patterns() {
    check("/fixture", "src/app/m*", &["src/app/main.py"]);
    check(
        "/",
        "/fixture/src/*/test_*.py",
        &[
            "/fixture/src/app/test_main.py",
            "/fixture/src/lib/test_util.py",
        ],
    );
    check("/fixture/src", "../*.md", &["../README.md", "../c.md"]);
    check(
        "/fixture/src/app",
        "../../[ab].txt",
        &["../../a.txt", "../../b.txt"],
    );
    check("/fixture/src", "*", &["app", "lib"]);
    check("/", "/fix*/e*", &["/fixture/empty"]);
    check("/", "//fixture//c*", &["//fixture//c.md"]);
    check(
        "/fixture",
        "/fixture/src/app/main.py",
        &["/fixture/src/app/main.py"],
    );
    check("/fixture", "missing.py", &[]);
    check("/fixture", "", &[]);
    check("/nowhere", "*", &[]);
}

#[test]
fn unreadable_directories_are_skipped() {
    let mut vfs = fixture_tree();
    vfs.set_mode("/fixture/src/lib", 0o311).unwrap();
    vfs.set_user(dockyard_vfs::Credentials {
        uid: 1000,
        gid: 1000,
    });
    assert_eq!(
        vfs.glob("/fixture", "src/*/*.py"),
        ["src/app/main.py", "src/app/test_main.py"]
    );
}

#[test]
fn exponential_patterns_stop_at_the_budget() {
    let mut vfs = Vfs::new();
    vfs.insert_entry("/a/b/c/d/e/f/g/h", EntryKind::Dir, b"", 0o755, 0)
        .unwrap();
    let pattern = ".*/".repeat(40);
    let found = vfs.glob("/a/b/c/d/e/f/g/h", &pattern);
    assert!(found.len() <= dockyard_vfs::GLOB_MAX_STEPS);
}
