//! `FsError`: the errno-like failure kinds of every filesystem operation, with glibc's `strerror` texts.

use std::fmt;

/// Why a filesystem operation failed, named after the Linux errno it stands for.
///
/// `Display` prints glibc's `strerror` text, so a caller can write
/// `format!("cat: {path}: {err}")` and get exactly what coreutils prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FsError {
    /// `EPERM`: the caller is not the owner (chmod, chown, utimes).
    OperationNotPermitted,
    /// `ENOENT`: a path component does not exist.
    NotFound,
    /// `EACCES`: the permission bits forbid the access.
    PermissionDenied,
    /// `EBUSY`: the operation would touch the root directory itself.
    Busy,
    /// `EEXIST`: the path to create already exists.
    AlreadyExists,
    /// `ENOTDIR`: a component used as a directory is not one.
    NotADirectory,
    /// `EISDIR`: a directory was used where a file was expected.
    IsADirectory,
    /// `EINVAL`: for example a directory renamed into itself, or `read_link` on a non-link.
    InvalidArgument,
    /// `EFBIG`: a file would exceed [`crate::Limits::max_file_size`].
    FileTooLarge,
    /// `ENOSPC`: the total size or node count would exceed the limits.
    NoSpace,
    /// `EROFS`: the filesystem was made read-only.
    ReadOnlyFilesystem,
    /// `ENAMETOOLONG`: a path, a name or a depth exceeds the limits.
    NameTooLong,
    /// `ENOTEMPTY`: a directory that must be empty is not.
    DirectoryNotEmpty,
    /// `ELOOP`: more than [`crate::MAX_SYMLINK_FOLLOWS`] symbolic links in one lookup.
    TooManySymlinks,
}

impl FsError {
    /// Every kind, in errno order (useful for tests and tables).
    pub const ALL: [FsError; 14] = [
        FsError::OperationNotPermitted,
        FsError::NotFound,
        FsError::PermissionDenied,
        FsError::Busy,
        FsError::AlreadyExists,
        FsError::NotADirectory,
        FsError::IsADirectory,
        FsError::InvalidArgument,
        FsError::FileTooLarge,
        FsError::NoSpace,
        FsError::ReadOnlyFilesystem,
        FsError::NameTooLong,
        FsError::DirectoryNotEmpty,
        FsError::TooManySymlinks,
    ];

    /// The Linux errno number (x86-64 / generic values).
    pub fn errno(self) -> i32 {
        match self {
            FsError::OperationNotPermitted => 1,
            FsError::NotFound => 2,
            FsError::PermissionDenied => 13,
            FsError::Busy => 16,
            FsError::AlreadyExists => 17,
            FsError::NotADirectory => 20,
            FsError::IsADirectory => 21,
            FsError::InvalidArgument => 22,
            FsError::FileTooLarge => 27,
            FsError::NoSpace => 28,
            FsError::ReadOnlyFilesystem => 30,
            FsError::NameTooLong => 36,
            FsError::DirectoryNotEmpty => 39,
            FsError::TooManySymlinks => 40,
        }
    }

    /// The symbolic errno name, e.g. `"ENOENT"`.
    pub fn code(self) -> &'static str {
        match self {
            FsError::OperationNotPermitted => "EPERM",
            FsError::NotFound => "ENOENT",
            FsError::PermissionDenied => "EACCES",
            FsError::Busy => "EBUSY",
            FsError::AlreadyExists => "EEXIST",
            FsError::NotADirectory => "ENOTDIR",
            FsError::IsADirectory => "EISDIR",
            FsError::InvalidArgument => "EINVAL",
            FsError::FileTooLarge => "EFBIG",
            FsError::NoSpace => "ENOSPC",
            FsError::ReadOnlyFilesystem => "EROFS",
            FsError::NameTooLong => "ENAMETOOLONG",
            FsError::DirectoryNotEmpty => "ENOTEMPTY",
            FsError::TooManySymlinks => "ELOOP",
        }
    }

    /// glibc's `strerror` text, e.g. `"No such file or directory"`.
    pub fn strerror(self) -> &'static str {
        match self {
            FsError::OperationNotPermitted => "Operation not permitted",
            FsError::NotFound => "No such file or directory",
            FsError::PermissionDenied => "Permission denied",
            FsError::Busy => "Device or resource busy",
            FsError::AlreadyExists => "File exists",
            FsError::NotADirectory => "Not a directory",
            FsError::IsADirectory => "Is a directory",
            FsError::InvalidArgument => "Invalid argument",
            FsError::FileTooLarge => "File too large",
            FsError::NoSpace => "No space left on device",
            FsError::ReadOnlyFilesystem => "Read-only file system",
            FsError::NameTooLong => "File name too long",
            FsError::DirectoryNotEmpty => "Directory not empty",
            FsError::TooManySymlinks => "Too many levels of symbolic links",
        }
    }
}

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.strerror())
    }
}

impl std::error::Error for FsError {}
