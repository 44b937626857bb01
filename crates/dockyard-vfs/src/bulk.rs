//! Bulk load and dump for the native CLI: `insert_entry` to load real files, `entries` to walk and write them back.

use std::collections::btree_map;
use std::sync::Arc;

use crate::error::FsError;
use crate::node::{Attributes, Content, EntryKind, Metadata, Node};
use crate::path::{child_path, resolve};
use crate::vfs::Vfs;

/// One node met by [`Vfs::entries`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    /// Absolute path (physical: below the walked directory, links are not followed).
    pub path: String,
    /// What `lstat` says about it.
    pub metadata: Metadata,
    /// A file's bytes, a link's target bytes, or nothing for a directory.
    pub data: &'a [u8],
}

/// Pre-order walk over a subtree: a directory comes before its entries, siblings in
/// name-byte order. Created by [`Vfs::entries`].
pub struct Entries<'a> {
    first: Option<(String, &'a Node)>,
    stack: Vec<(String, btree_map::Iter<'a, String, Arc<Node>>)>,
}

impl<'a> Entries<'a> {
    fn visit(&mut self, path: String, node: &'a Node) -> Entry<'a> {
        let data: &'a [u8] = match &node.content {
            Content::File(bytes) => bytes.as_slice(),
            Content::Symlink(target) => target.as_bytes(),
            Content::Dir(children) => {
                self.stack.push((path.clone(), children.iter()));
                &[]
            }
        };
        Entry {
            path,
            metadata: node.metadata(),
            data,
        }
    }
}

impl<'a> Iterator for Entries<'a> {
    type Item = Entry<'a>;

    fn next(&mut self) -> Option<Entry<'a>> {
        if let Some((path, node)) = self.first.take() {
            return Some(self.visit(path, node));
        }
        loop {
            let (dir, children) = self.stack.last_mut()?;
            match children.next() {
                Some((name, child)) => {
                    let path = child_path(dir, name);
                    return Some(self.visit(path, child));
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

impl Vfs {
    /// Walks `root` (links in `root` itself followed) and everything below it, `root` first.
    pub fn entries(&self, root: &str) -> Result<Entries<'_>, FsError> {
        let (names, node) = self.lookup(root, true)?;
        let path = crate::ops::names_to_path(&names);
        Ok(Entries {
            first: Some((path, node)),
            stack: Vec::new(),
        })
    }

    /// Puts a node at `path` as given, for loading a real directory: `data` is a file's
    /// content or a link's target (UTF-8, else `EINVAL`) and is ignored for a
    /// directory. Missing parent directories are created (mode 0755, the same mtime);
    /// an existing node is replaced, except that a directory over a directory keeps
    /// its entries and takes the new mode and mtime. `path` is normalised lexically
    /// and nothing on it is followed (a non-directory on the way is `ENOTDIR`).
    /// Permissions and read-only mode are bypassed, limits are not. The clock moves
    /// up to `mtime` if it was behind, so later writes stay newer. Owner: the acting user.
    pub fn insert_entry(
        &mut self,
        path: &str,
        kind: EntryKind,
        data: &[u8],
        mode: u32,
        mtime: u64,
    ) -> Result<(), FsError> {
        self.check_path_arg(path)?;
        let normal = resolve("/", path);
        let names: Vec<String> = normal
            .split('/')
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect();
        let Some((name, parents)) = names.split_last() else {
            return Err(FsError::AlreadyExists);
        };
        let content = match kind {
            EntryKind::File => Content::File(Arc::new(data.to_vec())),
            EntryKind::Dir => Content::Dir(Default::default()),
            EntryKind::Symlink => {
                let target = std::str::from_utf8(data).map_err(|_| FsError::InvalidArgument)?;
                if target.is_empty() {
                    return Err(FsError::NotFound);
                }
                Content::Symlink(target.to_string())
            }
        };
        let attrs = Attributes {
            mode: mode & 0o7777,
            uid: self.user.uid,
            gid: self.user.gid,
            mtime,
        };
        let new_node = Node { attrs, content };

        // Check everything before changing anything.
        let mut node: &Node = &self.root;
        let mut missing_parents = 0;
        for (depth, parent) in parents.iter().enumerate() {
            self.check_placement(&parents[..depth], parent, (0, 0))?;
            if missing_parents > 0 {
                missing_parents += 1;
                continue;
            }
            match node.children().and_then(|c| c.get(parent)) {
                Some(child) if child.kind() == EntryKind::Dir => node = child,
                Some(_) => return Err(FsError::NotADirectory),
                None => missing_parents = 1,
            }
        }
        self.check_placement(parents, name, (0, 0))?;
        let existing = if missing_parents == 0 {
            node.children().and_then(|c| c.get(name))
        } else {
            None
        };
        let merge_dirs =
            kind == EntryKind::Dir && existing.is_some_and(|e| e.kind() == EntryKind::Dir);
        let (old_bytes, old_nodes) = match existing {
            Some(_) if merge_dirs => (0, 1),
            Some(old) => old.subtree_usage(),
            None => (0, 0),
        };
        let new_bytes = new_node.own_bytes();
        if kind == EntryKind::File && new_bytes > self.limits.max_file_size {
            return Err(FsError::FileTooLarge);
        }
        self.check_bytes(new_bytes, old_bytes)?;
        let nodes_after = self.usage.nodes + missing_parents + 1 - old_nodes;
        if nodes_after > self.usage.nodes && nodes_after > self.limits.max_nodes {
            return Err(FsError::NoSpace);
        }

        let user = self.user;
        let mut dir = Arc::make_mut(&mut self.root);
        for parent in parents {
            let Content::Dir(children) = &mut dir.content else {
                return Err(FsError::NotADirectory);
            };
            let child = children.entry(parent.clone()).or_insert_with(|| {
                let attrs = Attributes {
                    mode: 0o755,
                    uid: user.uid,
                    gid: user.gid,
                    mtime,
                };
                Arc::new(Node {
                    attrs,
                    content: Content::Dir(Default::default()),
                })
            });
            dir = Arc::make_mut(child);
        }
        let Content::Dir(children) = &mut dir.content else {
            return Err(FsError::NotADirectory);
        };
        match children.get_mut(name) {
            Some(old) if merge_dirs => Arc::make_mut(old).attrs = new_node.attrs,
            _ => {
                children.insert(name.clone(), Arc::new(new_node));
            }
        }
        self.usage.nodes = nodes_after;
        self.usage.bytes = self.usage.bytes - old_bytes + new_bytes;
        self.clock = self.clock.max(mtime);
        Ok(())
    }
}
