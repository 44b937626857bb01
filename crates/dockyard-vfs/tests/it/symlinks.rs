//! Symbolic links: following, loops (`ELOOP` after 40), trailing slashes, physical `..`.

use crate::support::{check, check_on, sample_tree};

#[test]
fn links_are_followed_in_the_middle_and_at_the_end() {
    check("stat /link/sub/g", "file 644 0:0 size=1 nlink=1");
    check("cat /rel/g", "x");
    check("ln /link /l2; cat /l2/sub/g", "x");
    check("ln ../../link /d/sub/l3; cat /d/sub/l3/f", "hello");
    check(
        "ln /d/sub /d/sub/back; realpath /d/sub/back/back/back/g",
        "/d/sub/g",
    );
}

#[test]
fn dot_dot_after_a_link_is_physical() {
    // /rel -> d/sub, so /rel/.. is /d, not / as the lexical path suggests.
    check("cat /rel/../f", "hello");
    check("realpath /rel/..", "/d");
}

#[test]
fn loops_give_eloop() {
    check("cat /loop1", "ELOOP");
    check("cat /self", "ELOOP");
    check("stat /loop1/x", "ELOOP");
    check("stat /self/", "ELOOP");
    check("write /loop2 x", "ELOOP");
    check("lstat /loop1", "link 777 0:0 size=6 nlink=1");
    check("mkdir /loop1/x", "ELOOP");
}

#[test]
fn forty_links_are_followed_and_forty_one_are_not() {
    let mut vfs = sample_tree();
    vfs.symlink("/f", "/l0").unwrap();
    for i in 1..=40 {
        vfs.symlink(&format!("/l{}", i - 1), &format!("/l{i}"))
            .unwrap();
    }
    // /l39 needs 40 follows, /l40 needs 41.
    check_on(vfs.clone(), "cat /l39", "data");
    check_on(vfs.clone(), "cat /l40", "ELOOP");
    check_on(vfs.clone(), "lstat /l40", "link 777 0:0 size=4 nlink=1");
    check_on(vfs, "readlink /l40", "/l39");
}

#[test]
fn dangling_links() {
    check("stat /dangling", "ENOENT");
    check("lstat /dangling", "link 777 0:0 size=8 nlink=1");
    check("stat /dangling/", "ENOENT");
    check("mkdir /dangling/x", "ENOENT");
    check(
        "mkdir /nowhere; stat /dangling",
        "dir 755 0:0 size=4096 nlink=2",
    );
}

#[test]
fn trailing_slash_follows_even_for_lstat() {
    check("lstat /link/", "dir 755 0:0 size=4096 nlink=3");
    check("lstat /flink/", "ENOTDIR");
    check("stat /flink/", "ENOTDIR");
    check("cat /flink/", "ENOTDIR");
}
