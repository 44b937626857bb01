//! Bulk load and dump: `insert_entry` and `entries`, as the native CLI uses them.

use dockyard_vfs::{diff, EntryKind, FsError, Limits, Vfs};

#[test]
fn insert_entry_builds_a_tree_with_given_metadata() {
    let mut vfs = Vfs::new();
    vfs.insert_entry(
        "/w/src/main.py",
        EntryKind::File,
        b"print(1)\n",
        0o644,
        1_000,
    )
    .unwrap();
    vfs.insert_entry("/w/run.sh", EntryKind::File, b"#!/bin/sh\n", 0o755, 2_000)
        .unwrap();
    vfs.insert_entry(
        "/w/latest",
        EntryKind::Symlink,
        b"src/main.py",
        0o777,
        3_000,
    )
    .unwrap();
    vfs.insert_entry("/w/empty", EntryKind::Dir, b"", 0o700, 500)
        .unwrap();
    assert_eq!(vfs.read_to_string("/w/latest").unwrap(), "print(1)\n");
    let run = vfs.stat("/w/run.sh").unwrap();
    assert_eq!((run.mode, run.mtime, run.size), (0o755, 2_000, 10));
    assert_eq!(vfs.stat("/w/src").unwrap().mtime, 1_000);
    assert_eq!(vfs.stat("/w/empty").unwrap().mode, 0o700);
    assert_eq!(vfs.now(), 3_000, "the clock catches up with loaded mtimes");
    vfs.write("/w/new", b"").unwrap();
    assert!(vfs.stat("/w/new").unwrap().mtime > 3_000);
    assert_eq!(vfs.usage().nodes, 8);
    assert_eq!(vfs.usage().bytes, 9 + 10 + 11);
}

#[test]
fn insert_entry_replaces_and_merges() {
    let mut vfs = Vfs::new();
    vfs.insert_entry("/a/b", EntryKind::File, b"12345", 0o644, 1)
        .unwrap();
    vfs.insert_entry("/a/b", EntryKind::File, b"1", 0o600, 2)
        .unwrap();
    assert_eq!(vfs.read("/a/b").unwrap(), b"1");
    assert_eq!(vfs.usage().bytes, 1);
    vfs.insert_entry("/a", EntryKind::Dir, b"", 0o700, 3)
        .unwrap();
    assert_eq!(
        vfs.read("/a/b").unwrap(),
        b"1",
        "a directory over a directory keeps its entries"
    );
    assert_eq!(vfs.stat("/a").unwrap().mode, 0o700);
    vfs.insert_entry("/a", EntryKind::File, b"xy", 0o644, 4)
        .unwrap();
    assert!(vfs.is_file("/a"));
    assert_eq!((vfs.usage().bytes, vfs.usage().nodes), (2, 2));
}

#[test]
fn insert_entry_errors() {
    let mut vfs = Vfs::with_limits(Limits {
        max_nodes: 4,
        max_file_size: 8,
        ..Limits::default()
    });
    vfs.insert_entry("/f", EntryKind::File, b"x", 0o644, 1)
        .unwrap();
    vfs.set_read_only(true);
    let cases: [(&str, EntryKind, &[u8], FsError); 7] = [
        ("/f/x", EntryKind::File, b"", FsError::NotADirectory),
        ("/", EntryKind::Dir, b"", FsError::AlreadyExists),
        ("", EntryKind::Dir, b"", FsError::NotFound),
        ("/l", EntryKind::Symlink, &[0xff], FsError::InvalidArgument),
        ("/l", EntryKind::Symlink, b"", FsError::NotFound),
        ("/big", EntryKind::File, b"123456789", FsError::FileTooLarge),
        ("/a/b/c/d", EntryKind::File, b"", FsError::NoSpace),
    ];
    for (path, kind, data, expected) in cases {
        assert_eq!(
            vfs.insert_entry(path, kind, data, 0o644, 1),
            Err(expected),
            "{path}"
        );
    }
    assert_eq!((vfs.usage().nodes, vfs.usage().bytes), (2, 1));
    vfs.insert_entry("/a/b", EntryKind::File, b"", 0o644, 1)
        .unwrap();
    assert_eq!(vfs.usage().nodes, 4);
}

#[test]
fn entries_walk_in_pre_order_by_name() {
    let mut vfs = crate::support::sample_tree();
    vfs.write("/d/a-b", b"").unwrap();
    let paths: Vec<String> = vfs.entries("/d").unwrap().map(|e| e.path).collect();
    assert_eq!(
        paths,
        ["/d", "/d/a-b", "/d/f", "/d/sub", "/d/sub/g", "/d/up"]
    );
    let via_link: Vec<String> = vfs.entries("/link").unwrap().map(|e| e.path).collect();
    assert_eq!(via_link, paths);
    let up = vfs
        .entries("/d")
        .unwrap()
        .find(|e| e.path == "/d/up")
        .unwrap();
    assert_eq!(
        (up.metadata.kind, up.data),
        (EntryKind::Symlink, &b"../f"[..])
    );
    assert_eq!(vfs.entries("/missing").err(), Some(FsError::NotFound));
    assert_eq!(vfs.entries("/f").unwrap().count(), 1);
}

#[test]
fn dump_and_reload_gives_the_same_tree() {
    let original = crate::support::sample_tree();
    let mut copy = Vfs::new();
    for entry in original.entries("/").unwrap().filter(|e| e.path != "/") {
        let m = entry.metadata;
        copy.insert_entry(&entry.path, m.kind, entry.data, m.mode, m.mtime)
            .unwrap();
    }
    copy.set_mtime("/", original.stat("/").unwrap().mtime)
        .unwrap();
    assert_eq!(diff(&original, &copy, "/"), []);
    assert_eq!(copy.usage(), original.usage());
}
