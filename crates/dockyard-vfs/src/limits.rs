//! `Limits` (what one sandbox filesystem may hold) and `Usage` (what it holds now).

/// Upper bounds enforced on every write and create.
///
/// Exceeding `max_total_bytes` or `max_nodes` gives [`crate::FsError::NoSpace`],
/// `max_file_size` gives [`crate::FsError::FileTooLarge`], and the path limits give
/// [`crate::FsError::NameTooLong`]. Lookups also reject over-long paths and names,
/// as Linux does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Sum of all file contents and symlink targets, in bytes.
    pub max_total_bytes: u64,
    /// Size of one regular file, in bytes.
    pub max_file_size: u64,
    /// Number of nodes (files, directories, symlinks, the root included).
    pub max_nodes: u64,
    /// Length in bytes of a path argument, and of the absolute path of every node.
    pub max_path_len: usize,
    /// Length in bytes of one name (a path component).
    pub max_name_len: usize,
    /// Number of components in the absolute path of a node (`/a/b` has depth 2).
    /// Tree walks recurse this deep, so keep it in the hundreds.
    pub max_depth: usize,
}

impl Default for Limits {
    /// Sized for a browser tab: 64 MiB in all, 16 MiB per file, 50,000 nodes,
    /// Linux's `PATH_MAX` (4096) and `NAME_MAX` (255), and 128 levels.
    fn default() -> Self {
        Limits {
            max_total_bytes: 64 * 1024 * 1024,
            max_file_size: 16 * 1024 * 1024,
            max_nodes: 50_000,
            max_path_len: 4095,
            max_name_len: 255,
            max_depth: 128,
        }
    }
}

/// What the filesystem holds now; kept up to date on every change, so reading it is O(1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Sum of the sizes of all regular files and the lengths of all symlink targets.
    pub bytes: u64,
    /// Number of nodes, the root included.
    pub nodes: u64,
}
