//! `rename`: moves and Linux's rules for replacing what is at the target.

use crate::support::check;

#[test]
fn moves_files_directories_and_links() {
    check("mv /f /g; cat /g", "data");
    check("mv /f /g; exists /f", "false dir=false file=false");
    check("mv /d /e; cat /e/sub/g", "x");
    check("mv /d/sub /sub2; ls /d", "f:file up:link");
    check("mv /link /l2; readlink /l2", "/d");
    check("mv /link /l2; ls /d", "f:file sub:dir up:link");
    check("mv /empty /e2/; stat /e2", "dir 755 0:0 size=4096 nlink=2");
    check("mv /f /d/sub/f; usage", "bytes=56 nodes=16");
}

#[test]
fn replaces_by_linux_rules() {
    check("mv /f /d/f; cat /d/f", "data");
    check("mv /f /d/f; usage", "bytes=51 nodes=15");
    check("mv /d /empty; ls /empty", "f:file sub:dir up:link");
    check("mv /f /link; lstat /link", "file 644 0:0 size=4 nlink=1");
    check("mv /f /d", "EISDIR");
    check("mv /f /empty", "EISDIR");
    check("mv /d /f", "ENOTDIR");
    check("mv /d /link", "ENOTDIR");
    check("mv /empty /d", "ENOTEMPTY");
    check("mv /d/sub /d", "ENOTEMPTY");
}

#[test]
fn directory_into_itself_is_einval() {
    check("mv /d /d/x", "EINVAL");
    check("mv /d /d/sub/x", "EINVAL");
    check("mv /d /link/x", "EINVAL");
    check("mv /d/sub /d/sub/deeper", "EINVAL");
}

#[test]
fn same_path_is_a_no_op() {
    check("mv /d /d; ls /d", "f:file sub:dir up:link");
    check("mv /f /f; cat /f", "data");
    check("mv /d /link/../d; now", "15");
    check("mv /link/f /d/f; cat /d/f", "hello");
}

#[test]
fn errors() {
    check("mv /missing /x", "ENOENT");
    check("mv /f /missing/x", "ENOENT");
    check("mv /f /f/x", "ENOTDIR");
    check("mv /f/ /g", "ENOTDIR");
    check("mv /f /g/", "ENOTDIR");
    check("mv / /x", "EBUSY");
    check("mv /d/. /x", "EBUSY");
    check("mv /f /d/..", "EBUSY");
    check("mv /f /", "EBUSY");
}
