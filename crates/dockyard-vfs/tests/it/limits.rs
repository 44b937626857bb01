//! `Limits`: ENOSPC, EFBIG and ENAMETOOLONG on writes and creates; a failed write changes nothing.

use crate::support::check;
use dockyard_vfs::{FsError, Limits, Vfs};

#[test]
fn file_size() {
    check("limits file=4; write /x 12345", "EFBIG");
    check("limits file=4; write /x 1234", "ok");
    check("limits file=4; write /x 12; append /x 345", "EFBIG");
    check(
        "limits file=4; write /x 12; try append /x 345; cat /x",
        "12",
    );
    check("limits file=4; cp /d/f /x", "EFBIG");
}

#[test]
fn total_bytes() {
    // The sample tree holds 56 bytes.
    check("limits bytes=60; write /x 12345", "ENOSPC");
    check("limits bytes=60; write /x 1234", "ok");
    check("limits bytes=60; write /f 12345678", "ok");
    check("limits bytes=60; write /f 123456789", "ENOSPC");
    check("limits bytes=56; rm /f; write /x 1234", "ok");
    check("limits bytes=60; ln 12345 /x", "ENOSPC");
    check(
        "limits bytes=60; try write /x 12345; usage",
        "bytes=56 nodes=16",
    );
    check("limits bytes=10; write /f 1", "ok");
    check("limits bytes=10; rm /f", "ok");
}

#[test]
fn node_count() {
    // The sample tree has 16 nodes.
    check("limits nodes=16; write /x y", "ENOSPC");
    check("limits nodes=16; mkdir /x", "ENOSPC");
    check("limits nodes=16; ln a /x", "ENOSPC");
    check("limits nodes=16; touch /x", "ENOSPC");
    check("limits nodes=16; write /f new", "ok");
    check("limits nodes=16; mv /f /g", "ok");
    check("limits nodes=17; mkdirp /a/b", "ENOSPC");
    check(
        "limits nodes=17; try mkdirp /a/b; exists /a",
        "true dir=true file=false",
    );
}

#[test]
fn names_paths_and_depth() {
    check("limits name=8; write /123456789 x", "ENAMETOOLONG");
    check("limits name=8; write /12345678 x", "ok");
    check("limits name=8; stat /123456789", "ENAMETOOLONG");
    check("limits name=8; stat /123456789/x", "ENAMETOOLONG");
    check("limits name=8; mv /f /123456789", "ENAMETOOLONG");
    check("limits path=10; write /d/sub/xyz x", "ok");
    check("limits path=10; write /d/sub/wxyz x", "ENAMETOOLONG");
    check("limits path=10; stat /d/sub/wxyz", "ENAMETOOLONG");
    check("limits path=10; ln 12345678901 /x", "ENAMETOOLONG");
    // A short path through a link may name a long physical path.
    check(
        "limits path=10; ln /d/sub /s; write /s/abcd x",
        "ENAMETOOLONG",
    );
    check("limits depth=2; mkdir /d/sub/x", "ENAMETOOLONG");
    check("limits depth=2; mkdir /d/x", "ok");
    check(
        "limits depth=3; mkdirp /a/b/c; mv /a /d/sub/a",
        "ENAMETOOLONG",
    );
    check("limits depth=3; mkdirp /a/b/c; mv /a/b /d/b", "ok");
    check(
        "limits path=12; mkdirp /a/bbbbbb; mv /a /d/sub/a",
        "ENAMETOOLONG",
    );
    check("write /{255*n} x", "ok");
    check("write /{256*n} x", "ENAMETOOLONG");
    check("stat {4095*/}", "dir 755 0:0 size=4096 nlink=4");
    check("stat {4096*/}", "ENAMETOOLONG");
}

#[test]
fn defaults_suit_a_browser_sandbox() {
    let limits = Limits::default();
    assert_eq!(limits.max_total_bytes, 64 << 20);
    assert_eq!(limits.max_file_size, 16 << 20);
    assert_eq!(limits.max_nodes, 50_000);
    assert_eq!((limits.max_path_len, limits.max_name_len), (4095, 255));
    let mut vfs = Vfs::new();
    let big = vec![b'x'; 16 << 20];
    vfs.write("/big", &big).unwrap();
    assert_eq!(vfs.append("/big", b"!"), Err(FsError::FileTooLarge));
    for i in 1..4 {
        vfs.copy_file("/big", &format!("/big{i}")).unwrap();
    }
    assert_eq!(vfs.usage().bytes, 64 << 20);
    assert_eq!(vfs.write("/one-more", b"x"), Err(FsError::NoSpace));
}

#[test]
fn deep_trees_stop_at_max_depth() {
    let mut vfs = Vfs::new();
    let mut path = String::new();
    let mut result = Ok(());
    for _ in 0..200 {
        path.push_str("/d");
        result = vfs.create_dir(&path);
        if result.is_err() {
            break;
        }
    }
    assert_eq!(result, Err(FsError::NameTooLong));
    assert_eq!(path.len() / 2, Limits::default().max_depth + 1);
}
