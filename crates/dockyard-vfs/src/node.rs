//! The tree's nodes (shared with `Arc` for copy-on-write) and the public `Metadata` a `stat` returns.

use std::collections::BTreeMap;
use std::sync::Arc;

/// What kind of thing a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// A regular file.
    File,
    /// A directory.
    Dir,
    /// A symbolic link.
    Symlink,
}

impl EntryKind {
    /// The `S_IFMT` bits of `st_mode` for this kind.
    pub fn file_type_bits(self) -> u32 {
        match self {
            EntryKind::File => 0o100000,
            EntryKind::Dir => 0o040000,
            EntryKind::Symlink => 0o120000,
        }
    }
}

/// What `stat`/`lstat` report about one node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metadata {
    /// File, directory or symbolic link.
    pub kind: EntryKind,
    /// Permission bits, including set-uid, set-gid and sticky (`0o7777` at most).
    pub mode: u32,
    /// Owner's user id.
    pub uid: u32,
    /// Owner's group id.
    pub gid: u32,
    /// Bytes of content for a file, target length for a link, 4096 for a directory (as ext4 shows).
    pub size: u64,
    /// Last modification, in ticks of the filesystem's logical clock.
    pub mtime: u64,
    /// Link count: 1 for files and links, 2 plus the number of subdirectories for a directory.
    pub nlink: u64,
}

impl Metadata {
    /// `st_mode`: the file type bits and the permission bits together.
    pub fn st_mode(&self) -> u32 {
        self.kind.file_type_bits() | self.mode
    }
    /// Whether this is a directory.
    pub fn is_dir(&self) -> bool {
        self.kind == EntryKind::Dir
    }
    /// Whether this is a regular file.
    pub fn is_file(&self) -> bool {
        self.kind == EntryKind::File
    }
    /// Whether this is a symbolic link (only `lstat` can say so).
    pub fn is_symlink(&self) -> bool {
        self.kind == EntryKind::Symlink
    }
    /// Whether any execute bit is set.
    pub fn is_executable(&self) -> bool {
        self.mode & 0o111 != 0
    }
}

/// One entry of [`crate::Vfs::read_dir`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirEntry {
    /// The entry's name within its directory.
    pub name: String,
    /// What the entry is (symbolic links are not followed).
    pub kind: EntryKind,
}

/// Owner, permissions and time of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attributes {
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub mtime: u64,
}

/// A node's content. File bytes sit behind their own `Arc`, so metadata changes never copy them.
#[derive(Clone, Debug)]
pub(crate) enum Content {
    File(Arc<Vec<u8>>),
    Dir(BTreeMap<String, Arc<Node>>),
    Symlink(String),
}

/// One file, directory or link. Directories hold their children by `Arc`, so cloning
/// a tree is O(1) and `Arc::make_mut` copies only the directories on a written path.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub attrs: Attributes,
    pub content: Content,
}

impl Node {
    pub fn kind(&self) -> EntryKind {
        match self.content {
            Content::File(_) => EntryKind::File,
            Content::Dir(_) => EntryKind::Dir,
            Content::Symlink(_) => EntryKind::Symlink,
        }
    }

    pub fn children(&self) -> Option<&BTreeMap<String, Arc<Node>>> {
        match &self.content {
            Content::Dir(children) => Some(children),
            _ => None,
        }
    }

    /// Bytes this node alone counts towards [`crate::Usage::bytes`].
    pub fn own_bytes(&self) -> u64 {
        match &self.content {
            Content::File(data) => data.len() as u64,
            Content::Dir(_) => 0,
            Content::Symlink(target) => target.len() as u64,
        }
    }

    pub fn metadata(&self) -> Metadata {
        let (size, nlink) = match &self.content {
            Content::File(data) => (data.len() as u64, 1),
            Content::Symlink(target) => (target.len() as u64, 1),
            Content::Dir(children) => {
                let subdirs = children
                    .values()
                    .filter(|c| c.kind() == EntryKind::Dir)
                    .count();
                (4096, 2 + subdirs as u64)
            }
        };
        Metadata {
            kind: self.kind(),
            mode: self.attrs.mode,
            uid: self.attrs.uid,
            gid: self.attrs.gid,
            size,
            mtime: self.attrs.mtime,
            nlink,
        }
    }

    /// (bytes, nodes) of this node and everything below it.
    pub fn subtree_usage(&self) -> (u64, u64) {
        let mut bytes = self.own_bytes();
        let mut nodes = 1;
        if let Content::Dir(children) = &self.content {
            for child in children.values() {
                let (b, n) = child.subtree_usage();
                bytes += b;
                nodes += n;
            }
        }
        (bytes, nodes)
    }

    /// (levels below this node, longest path below it in bytes, counting each `/`).
    pub fn subtree_extent(&self) -> (usize, usize) {
        let mut depth = 0;
        let mut len = 0;
        if let Content::Dir(children) = &self.content {
            for (name, child) in children {
                let (d, l) = child.subtree_extent();
                depth = depth.max(d + 1);
                len = len.max(l + name.len() + 1);
            }
        }
        (depth, len)
    }
}
