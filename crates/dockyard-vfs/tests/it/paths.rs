//! Lexical path helpers: `resolve`, `join`, `file_name`, `parent`.

use dockyard_vfs::{file_name, join, parent, resolve};

#[track_caller]
fn check_resolve(cwd: &str, path: &str, expected: &str) {
    assert_eq!(resolve(cwd, path), expected, "resolve({cwd:?}, {path:?})");
}

#[test]
fn resolve_normalises_without_the_tree() {
    check_resolve("/home/me", "x", "/home/me/x");
    check_resolve("/home/me", "/etc", "/etc");
    check_resolve("/home/me", ".", "/home/me");
    check_resolve("/home/me", "..", "/home");
    check_resolve("/home/me", "../..", "/");
    check_resolve("/home/me", "../../../..", "/");
    check_resolve("/", "..", "/");
    check_resolve("/home/me", "a//b///c/", "/home/me/a/b/c");
    check_resolve("/home/me", "./a/./b/.", "/home/me/a/b");
    check_resolve("/home/me", "a/../b", "/home/me/b");
    check_resolve("/home/me", "//x//", "/x");
    check_resolve("/home/me", "", "/home/me");
    check_resolve("/home/me/", "x", "/home/me/x");
    check_resolve("relative/cwd", "x", "/relative/cwd/x");
    check_resolve("/", "/../../a", "/a");
    check_resolve("/a", "...", "/a/...");
}

#[test]
fn join_keeps_the_path_as_typed() {
    for (cwd, path, expected) in [
        ("/home", "x/", "/home/x/"),
        ("/home", "/abs/./y", "/abs/./y"),
        ("/", "x", "/x"),
        ("/home/", "../x", "/home/../x"),
        ("/home", "", ""),
    ] {
        assert_eq!(join(cwd, path), expected, "join({cwd:?}, {path:?})");
    }
}

#[test]
fn file_name_and_parent() {
    for (path, name, dir) in [
        ("/a/b", "b", "/a"),
        ("/a", "a", "/"),
        ("/", "", "/"),
        ("/a/b/", "b", "/a"),
    ] {
        assert_eq!((file_name(path), parent(path)), (name, dir), "{path}");
    }
}
