//! `FsError`: errno numbers, names and glibc's strerror texts.

use dockyard_vfs::FsError;

/// `(errno, name, strerror)` as glibc prints them (checked with Python's `os.strerror`).
const GLIBC: &[(i32, &str, &str)] = &[
    (1, "EPERM", "Operation not permitted"),
    (2, "ENOENT", "No such file or directory"),
    (13, "EACCES", "Permission denied"),
    (16, "EBUSY", "Device or resource busy"),
    (17, "EEXIST", "File exists"),
    (20, "ENOTDIR", "Not a directory"),
    (21, "EISDIR", "Is a directory"),
    (22, "EINVAL", "Invalid argument"),
    (27, "EFBIG", "File too large"),
    (28, "ENOSPC", "No space left on device"),
    (30, "EROFS", "Read-only file system"),
    (36, "ENAMETOOLONG", "File name too long"),
    (39, "ENOTEMPTY", "Directory not empty"),
    (40, "ELOOP", "Too many levels of symbolic links"),
];

#[test]
fn every_kind_has_glibc_number_name_and_text() {
    assert_eq!(FsError::ALL.len(), GLIBC.len());
    for (err, (errno, name, text)) in FsError::ALL.iter().zip(GLIBC) {
        assert_eq!(
            (err.errno(), err.code(), err.strerror()),
            (*errno, *name, *text)
        );
        assert_eq!(err.to_string(), *text);
    }
}

#[test]
fn message_reads_like_coreutils() {
    let err = dockyard_vfs::Vfs::new().read("/x").unwrap_err();
    assert_eq!(
        format!("cat: x: {err}"),
        "cat: x: No such file or directory"
    );
}
