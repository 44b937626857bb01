//! `diff`: Added / Modified / Deleted between snapshots, as `docker diff` lists them.

use crate::support::{run, sample_tree};
use dockyard_vfs::{diff, Vfs};

/// Runs `commands` on a clone of the sample tree and lists the changes as `docker diff` would.
#[track_caller]
fn check(commands: &str, root: &str, expected: &str) {
    let base = sample_tree();
    let mut other = base.clone();
    for command in commands.split("; ").filter(|c| !c.is_empty()) {
        run(&mut other, command).unwrap_or_else(|e| panic!("{command}: {}", e.code()));
    }
    let actual: Vec<String> = diff(&base, &other, root)
        .iter()
        .map(|c| format!("{} {}", c.kind.letter(), c.path))
        .collect();
    assert_eq!(actual.join(", "), expected, "after {commands}");
}

/// Like Docker, a directory with a change inside is itself listed as changed.
#[test]
fn lists_changes_sorted_by_path() {
    check("", "/", "");
    check("write /new x", "/", "A /new");
    check("write /d/f x", "/", "C /d, C /d/f");
    check("write /d/new x", "/", "C /d, A /d/new");
    check("rm /d/sub/g", "/", "C /d, C /d/sub, D /d/sub/g");
    check("rmrf /d", "/", "D /d");
    check("mkdirp /a/b; write /a/b/c x", "/", "A /a, A /a/b, A /a/b/c");
    check("mv /f /g", "/", "D /f, A /g");
    check("chmod 600 /f", "/", "C /f");
    check("chown 1:1 /f", "/", "C /f");
    check("touch /f", "/", "C /f");
    check("rm /link; ln /elsewhere /link", "/", "C /link");
    check("rm /f; mkdir /f; write /f/x y", "/", "C /f, A /f/x");
    check("rmrf /d; write /d x", "/", "C /d");
    check(
        "write /a-b x; write /d/sub/new x",
        "/",
        "A /a-b, C /d, C /d/sub, A /d/sub/new",
    );
}

#[test]
fn same_content_rewritten_is_still_a_change_of_mtime() {
    check("write /f data", "/", "C /f");
    check("setmtime /f 6", "/", "");
    check("write /f data; setmtime /f 6", "/", "");
}

#[test]
fn below_a_root() {
    check(
        "write /new x; write /d/sub/new x",
        "/d",
        "C /d/sub, A /d/sub/new",
    );
    check("write /d/f x", "/d/", "C /d/f");
    check("rmrf /d", "/d", "D /d");
    check("mkdir /n; write /n/x y", "/n", "A /n, A /n/x");
    check("", "/missing", "");
    check("write /f x", "/f", "C /f");
}

#[test]
fn diff_of_unrelated_trees_compares_content() {
    let mut a = Vfs::new();
    let mut b = Vfs::new();
    for vfs in [&mut a, &mut b] {
        vfs.write("/same", b"1").unwrap();
        vfs.write("/other", b"1").unwrap();
    }
    b.set_mtime("/other", 1).unwrap();
    b.set_mtime("/same", 1).unwrap();
    b.write("/other", b"2").unwrap();
    b.set_mtime("/other", 2).unwrap();
    let changes: Vec<String> = diff(&a, &b, "/")
        .iter()
        .map(|c| format!("{:?} {}", c.kind, c.path))
        .collect();
    assert_eq!(changes, ["Modified /other"]);
}
