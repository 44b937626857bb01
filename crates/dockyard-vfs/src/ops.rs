//! The POSIX-like operations on a `Vfs`: stat, read, write, mkdir, remove, rename, links, modes.

use std::sync::Arc;

use crate::error::FsError;
use crate::node::{Attributes, Content, DirEntry, EntryKind, Metadata, Node};
use crate::vfs::{Access, Last, Vfs};

/// How [`Vfs::store`] changes a regular file's content.
enum Store<'d> {
    /// Replace the content (`>`, `write`, `cp`), creating the file with `mode` if missing.
    Replace { data: Arc<Vec<u8>>, mode: u32 },
    /// Add to the end (`>>`), creating the file if missing.
    Append(&'d [u8]),
    /// Only stamp the mtime (`touch`), creating an empty file if missing.
    Touch,
}

/// Where a write lands once links are followed: the directory, the name, and what is there.
struct WriteTarget {
    parent: Vec<String>,
    name: String,
    existing: Option<Existing>,
}

/// The facts about an existing node that a write needs, copied out of the tree.
struct Existing {
    kind: EntryKind,
    size: u64,
    writable: bool,
}

impl Vfs {
    /// Metadata of the node `path` names, following symbolic links (`stat(2)`).
    pub fn stat(&self, path: &str) -> Result<Metadata, FsError> {
        Ok(self.lookup(path, true)?.1.metadata())
    }

    /// Metadata of the node `path` names, not following a final symbolic link (`lstat(2)`).
    /// A trailing slash still follows it, as on Linux.
    pub fn lstat(&self, path: &str) -> Result<Metadata, FsError> {
        Ok(self.lookup(path, false)?.1.metadata())
    }

    /// Whether `path` names something, following links (a dangling link does not exist).
    pub fn exists(&self, path: &str) -> bool {
        self.stat(path).is_ok()
    }

    /// Whether `path` is (or links to) a directory.
    pub fn is_dir(&self, path: &str) -> bool {
        self.stat(path).is_ok_and(|m| m.is_dir())
    }

    /// Whether `path` is (or links to) a regular file.
    pub fn is_file(&self, path: &str) -> bool {
        self.stat(path).is_ok_and(|m| m.is_file())
    }

    /// The physical absolute path of what `path` names, all links resolved (`realpath`).
    pub fn canonicalize(&self, path: &str) -> Result<String, FsError> {
        let (names, _) = self.lookup(path, true)?;
        Ok(names_to_path(&names))
    }

    /// Checks that the acting user may access `path` that way (`access(2)`).
    pub fn access(&self, path: &str, access: Access) -> Result<(), FsError> {
        let (_, node) = self.lookup(path, true)?;
        self.check_access(node, access)
    }

    /// The bytes of a regular file. A directory gives `EISDIR`.
    pub fn read(&self, path: &str) -> Result<Vec<u8>, FsError> {
        Ok(self.read_shared(path)?.as_ref().clone())
    }

    /// The bytes of a regular file, shared with the tree (no copy).
    pub fn read_shared(&self, path: &str) -> Result<Arc<Vec<u8>>, FsError> {
        let (_, node) = self.lookup(path, true)?;
        self.check_access(node, Access::Read)?;
        match &node.content {
            Content::File(data) => Ok(Arc::clone(data)),
            Content::Dir(_) => Err(FsError::IsADirectory),
            Content::Symlink(_) => Err(FsError::InvalidArgument),
        }
    }

    /// A regular file's content as text; bytes that are not UTF-8 become U+FFFD.
    pub fn read_to_string(&self, path: &str) -> Result<String, FsError> {
        let data = self.read_shared(path)?;
        Ok(String::from_utf8_lossy(&data).into_owned())
    }

    /// Creates or truncates the file and stores `data` (`open(O_WRONLY|O_CREAT|O_TRUNC)`
    /// plus `write`). A final symbolic link is followed, even a dangling one.
    pub fn write(&mut self, path: &str, data: &[u8]) -> Result<(), FsError> {
        let mode = 0o666 & !self.umask;
        self.store(
            path,
            Store::Replace {
                data: Arc::new(data.to_vec()),
                mode,
            },
        )
    }

    /// Appends `data` to the file, creating it if missing (`>>`).
    pub fn append(&mut self, path: &str, data: &[u8]) -> Result<(), FsError> {
        self.store(path, Store::Append(data))
    }

    /// Stamps the file with a new tick of the clock, creating it empty if missing (`touch`).
    pub fn touch(&mut self, path: &str) -> Result<(), FsError> {
        self.store(path, Store::Touch)
    }

    /// Copies a regular file's content to `to` (created with `from`'s permission bits
    /// less the umask, or truncated keeping its own mode) and returns the byte count.
    /// The content is shared, not duplicated, until one side is written.
    pub fn copy_file(&mut self, from: &str, to: &str) -> Result<u64, FsError> {
        let (_, node) = self.lookup(from, true)?;
        self.check_access(node, Access::Read)?;
        let data = match &node.content {
            Content::File(data) => Arc::clone(data),
            Content::Dir(_) => return Err(FsError::IsADirectory),
            Content::Symlink(_) => return Err(FsError::InvalidArgument),
        };
        let mode = node.attrs.mode & 0o777 & !self.umask;
        let len = data.len() as u64;
        self.store(to, Store::Replace { data, mode })?;
        Ok(len)
    }

    /// Resolves `path` for opening with `O_CREAT`: final links are followed, and a
    /// trailing slash or a `.`/`..` ending is `EISDIR`.
    fn write_target(&self, path: &str) -> Result<WriteTarget, FsError> {
        let (mut walker, mut last, trailing_slash) = self.lookup_parent(path)?;
        if trailing_slash {
            return Err(FsError::IsADirectory);
        }
        loop {
            let Last::Name(name) = last else {
                return Err(FsError::IsADirectory);
            };
            let Some(node) = walker.child(&name)? else {
                let parent_dir = walker.current();
                self.check_access(parent_dir, Access::Write)?;
                return Ok(WriteTarget {
                    parent: walker.names,
                    name,
                    existing: None,
                });
            };
            if let Content::Symlink(target) = &node.content {
                walker.count_link()?;
                let (next, target_slash) = walker.walk_to_last(target)?;
                if target_slash {
                    walker.finish(next, true, true)?;
                    return Err(FsError::IsADirectory);
                }
                last = next;
                continue;
            }
            let existing = Existing {
                kind: node.kind(),
                size: node.own_bytes(),
                writable: self.permits(node, Access::Write),
            };
            return Ok(WriteTarget {
                parent: walker.names,
                name,
                existing: Some(existing),
            });
        }
    }

    fn store(&mut self, path: &str, store: Store<'_>) -> Result<(), FsError> {
        let target = self.write_target(path)?;
        let old_size = match &target.existing {
            Some(existing) if existing.kind == EntryKind::Dir => return Err(FsError::IsADirectory),
            Some(existing) if !existing.writable => return Err(FsError::PermissionDenied),
            Some(existing) => existing.size,
            None => 0,
        };
        self.check_writable_fs()?;
        if target.existing.is_none() {
            self.check_new_node(&target.parent, &target.name)?;
        }
        let new_size = match &store {
            Store::Replace { data, .. } => data.len() as u64,
            Store::Append(data) => old_size.saturating_add(data.len() as u64),
            Store::Touch => old_size,
        };
        if new_size > self.limits.max_file_size {
            return Err(FsError::FileTooLarge);
        }
        self.check_bytes(new_size, old_size)?;

        let now = self.tick();
        let user = self.user;
        let umask = self.umask;
        let (dir_attrs, children) = self.dir_at_mut(&target.parent)?;
        match children.get_mut(&target.name) {
            Some(existing) => {
                let node = Arc::make_mut(existing);
                node.attrs.mtime = now;
                if let Content::File(content) = &mut node.content {
                    match store {
                        Store::Replace { data, .. } => *content = data,
                        Store::Append(data) => Arc::make_mut(content).extend_from_slice(data),
                        Store::Touch => {}
                    }
                }
            }
            None => {
                let (data, mode) = match store {
                    Store::Replace { data, mode } => (data, mode),
                    Store::Append(data) => (Arc::new(data.to_vec()), 0o666 & !umask),
                    Store::Touch => (Arc::new(Vec::new()), 0o666 & !umask),
                };
                let attrs = Attributes {
                    mode,
                    uid: user.uid,
                    gid: user.gid,
                    mtime: now,
                };
                children.insert(
                    target.name,
                    Arc::new(Node {
                        attrs,
                        content: Content::File(data),
                    }),
                );
                dir_attrs.mtime = now;
                self.usage.nodes += 1;
            }
        }
        self.usage.bytes = self.usage.bytes - old_size + new_size;
        Ok(())
    }

    /// Inserts a new node named `name` into the directory at `parent`, after all checks passed.
    fn insert_new(
        &mut self,
        parent: &[String],
        name: String,
        mode: u32,
        content: Content,
    ) -> Result<(), FsError> {
        let now = self.tick();
        let user = self.user;
        let attrs = Attributes {
            mode,
            uid: user.uid,
            gid: user.gid,
            mtime: now,
        };
        let node = Node { attrs, content };
        let bytes = node.own_bytes();
        let (dir_attrs, children) = self.dir_at_mut(parent)?;
        children.insert(name, Arc::new(node));
        dir_attrs.mtime = now;
        self.usage.nodes += 1;
        self.usage.bytes += bytes;
        Ok(())
    }

    /// Creates one directory (`mkdir(2)`): mode 0777 less the umask. The parent must exist,
    /// and anything already at the path, even a dangling link, is `EEXIST`.
    pub fn create_dir(&mut self, path: &str) -> Result<(), FsError> {
        let (walker, last, _) = self.lookup_parent(path)?;
        let Last::Name(name) = last else {
            return Err(FsError::AlreadyExists);
        };
        if walker.child(&name)?.is_some() {
            return Err(FsError::AlreadyExists);
        }
        self.check_access(walker.current(), Access::Write)?;
        let parent = walker.names;
        self.check_writable_fs()?;
        self.check_new_node(&parent, &name)?;
        let mode = 0o777 & !self.umask;
        self.insert_new(&parent, name, mode, Content::Dir(Default::default()))
    }

    /// Creates a directory and any missing parents (`mkdir -p`). Existing directories
    /// (or links to them) are fine; an existing non-directory at the end is `EEXIST`,
    /// and one on the way makes the next step `ENOTDIR`.
    pub fn create_dir_all(&mut self, path: &str) -> Result<(), FsError> {
        self.check_path_arg(path)?;
        let mut end = 0;
        for component in path.split('/') {
            let start = end;
            end = start + component.len() + 1;
            if matches!(component, "" | "." | "..") {
                continue;
            }
            let prefix = &path[..start + component.len()];
            match self.create_dir(prefix) {
                Ok(()) | Err(FsError::AlreadyExists) => {}
                Err(err) => return Err(err),
            }
        }
        let meta = self.stat(path)?;
        if meta.is_dir() {
            Ok(())
        } else {
            Err(FsError::AlreadyExists)
        }
    }

    /// Creates a symbolic link at `link` pointing to `target`, stored as given (`symlink(2)`).
    pub fn symlink(&mut self, target: &str, link: &str) -> Result<(), FsError> {
        if target.is_empty() {
            return Err(FsError::NotFound);
        }
        if target.len() > self.limits.max_path_len {
            return Err(FsError::NameTooLong);
        }
        let (walker, last, trailing_slash) = self.lookup_parent(link)?;
        let Last::Name(name) = last else {
            return Err(FsError::AlreadyExists);
        };
        if walker.child(&name)?.is_some() {
            return Err(FsError::AlreadyExists);
        }
        if trailing_slash {
            return Err(FsError::NotFound);
        }
        self.check_access(walker.current(), Access::Write)?;
        let parent = walker.names;
        self.check_writable_fs()?;
        self.check_new_node(&parent, &name)?;
        self.check_bytes(target.len() as u64, 0)?;
        self.insert_new(&parent, name, 0o777, Content::Symlink(target.to_string()))
    }

    /// The target stored in a symbolic link; `EINVAL` for anything else.
    pub fn read_link(&self, path: &str) -> Result<String, FsError> {
        match &self.lookup(path, false)?.1.content {
            Content::Symlink(target) => Ok(target.clone()),
            _ => Err(FsError::InvalidArgument),
        }
    }

    /// The entries of a directory (without `.` and `..`), sorted by name bytes.
    pub fn read_dir(&self, path: &str) -> Result<Vec<DirEntry>, FsError> {
        let (_, node) = self.lookup(path, true)?;
        let children = node.children().ok_or(FsError::NotADirectory)?;
        self.check_access(node, Access::Read)?;
        Ok(children
            .iter()
            .map(|(name, child)| DirEntry {
                name: name.clone(),
                kind: child.kind(),
            })
            .collect())
    }

    /// Removes a file or a symbolic link (`unlink(2)`); a directory is `EISDIR`.
    pub fn remove_file(&mut self, path: &str) -> Result<(), FsError> {
        let (walker, last, trailing_slash) = self.lookup_parent(path)?;
        let Last::Name(name) = last else {
            return Err(FsError::IsADirectory);
        };
        let node = walker.child(&name)?.ok_or(FsError::NotFound)?;
        let kind = node.kind();
        if trailing_slash && kind != EntryKind::Dir {
            return Err(FsError::NotADirectory);
        }
        self.check_access(walker.current(), Access::Write)?;
        if kind == EntryKind::Dir {
            return Err(FsError::IsADirectory);
        }
        let parent = walker.names;
        self.check_writable_fs()?;
        self.detach(&parent, &name)
    }

    /// Removes an empty directory (`rmdir(2)`).
    pub fn remove_dir(&mut self, path: &str) -> Result<(), FsError> {
        let (walker, last, _) = self.lookup_parent(path)?;
        let name = match last {
            Last::Name(name) => name,
            Last::Root => return Err(FsError::Busy),
            Last::Dot => return Err(FsError::InvalidArgument),
            Last::DotDot => return Err(FsError::DirectoryNotEmpty),
        };
        let node = walker.child(&name)?.ok_or(FsError::NotFound)?;
        self.check_access(walker.current(), Access::Write)?;
        match node.children() {
            None => return Err(FsError::NotADirectory),
            Some(children) if !children.is_empty() => return Err(FsError::DirectoryNotEmpty),
            Some(_) => {}
        }
        let parent = walker.names;
        self.check_writable_fs()?;
        self.detach(&parent, &name)
    }

    /// Removes a directory and everything in it (`rm -r`). A symbolic link is removed
    /// itself, not followed; a regular file is `ENOTDIR`. For a user other than root
    /// every directory inside must be readable, writable and searchable, else nothing
    /// is removed and the result is `EACCES`.
    pub fn remove_dir_all(&mut self, path: &str) -> Result<(), FsError> {
        let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        if matches!(last, "." | "..") {
            return Err(FsError::InvalidArgument);
        }
        let (names, node) = self.lookup(path, false)?;
        let Some((name, parent)) = names.split_last() else {
            return Err(FsError::Busy);
        };
        if node.kind() == EntryKind::File {
            return Err(FsError::NotADirectory);
        }
        let parent_node = self.node_at(parent).ok_or(FsError::NotFound)?;
        self.check_access(parent_node, Access::Write)?;
        if self.user.uid != 0 && !self.may_empty(node) {
            return Err(FsError::PermissionDenied);
        }
        self.check_writable_fs()?;
        let (parent, name) = (parent.to_vec(), name.clone());
        self.detach(&parent, &name)
    }

    /// Whether the acting user may delete everything below `node`.
    fn may_empty(&self, node: &Node) -> bool {
        match node.children() {
            None => true,
            Some(children) => {
                [Access::Read, Access::Write, Access::Execute]
                    .iter()
                    .all(|a| self.permits(node, *a))
                    && children.values().all(|child| self.may_empty(child))
            }
        }
    }

    /// Takes the entry `name` out of the directory at `parent`, updating usage and mtimes.
    fn detach(&mut self, parent: &[String], name: &str) -> Result<(), FsError> {
        let now = self.tick();
        let (dir_attrs, children) = self.dir_at_mut(parent)?;
        let removed = children.remove(name).ok_or(FsError::NotFound)?;
        dir_attrs.mtime = now;
        let (bytes, nodes) = removed.subtree_usage();
        self.usage.bytes -= bytes;
        self.usage.nodes -= nodes;
        Ok(())
    }

    /// Moves `from` to `to` (`rename(2)`), replacing what is there by Linux's rules:
    /// a directory may replace only an empty directory (else `ENOTEMPTY`, and
    /// `ENOTDIR` over a non-directory), a non-directory may not replace a directory
    /// (`EISDIR`), and a directory may not move into itself (`EINVAL`). Links are
    /// moved, not followed. Renaming a path onto itself does nothing.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), FsError> {
        let (src_walker, src_last, src_slash) = self.lookup_parent(from)?;
        let Last::Name(src_name) = src_last else {
            return Err(FsError::Busy);
        };
        let src = src_walker.child(&src_name)?.ok_or(FsError::NotFound)?;
        let (dst_walker, dst_last, dst_slash) = self.lookup_parent(to)?;
        let Last::Name(dst_name) = dst_last else {
            return Err(FsError::Busy);
        };
        let src_is_dir = src.kind() == EntryKind::Dir;
        if (src_slash || dst_slash) && !src_is_dir {
            return Err(FsError::NotADirectory);
        }
        let dst = dst_walker.child(&dst_name)?;
        let mut src_path = src_walker.names.clone();
        src_path.push(src_name.clone());
        let mut dst_path = dst_walker.names.clone();
        dst_path.push(dst_name.clone());
        if src_path == dst_path {
            return Ok(());
        }
        if src_is_dir && dst_path.starts_with(&src_path) {
            return Err(FsError::InvalidArgument);
        }
        if let Some(dst) = dst {
            match (src_is_dir, dst.children()) {
                (true, None) => return Err(FsError::NotADirectory),
                (true, Some(children)) if !children.is_empty() => {
                    return Err(FsError::DirectoryNotEmpty)
                }
                (false, Some(_)) => return Err(FsError::IsADirectory),
                _ => {}
            }
        }
        self.check_access(src_walker.current(), Access::Write)?;
        self.check_access(dst_walker.current(), Access::Write)?;
        self.check_writable_fs()?;
        let src_parent = src_walker.names;
        let dst_parent = dst_walker.names;
        self.check_placement(&dst_parent, &dst_name, src.subtree_extent())?;

        let now = self.tick();
        let (src_attrs, src_children) = self.dir_at_mut(&src_parent)?;
        let moved = src_children.remove(&src_name).ok_or(FsError::NotFound)?;
        src_attrs.mtime = now;
        let (dst_attrs, dst_children) = self.dir_at_mut(&dst_parent)?;
        dst_attrs.mtime = now;
        if let Some(replaced) = dst_children.insert(dst_name, moved) {
            let (bytes, nodes) = replaced.subtree_usage();
            self.usage.bytes -= bytes;
            self.usage.nodes -= nodes;
        }
        Ok(())
    }

    /// Sets the permission bits (`chmod`, `& 0o7777`), following links. Only the owner or root may.
    pub fn set_mode(&mut self, path: &str, mode: u32) -> Result<(), FsError> {
        self.change_attrs(path, true, |attrs| attrs.mode = mode & 0o7777)
    }

    /// Sets owner and group (`chown`), following links. Only root may.
    pub fn set_owner(&mut self, path: &str, uid: u32, gid: u32) -> Result<(), FsError> {
        if self.user.uid != 0 {
            self.lookup(path, true)?;
            self.check_writable_fs()?;
            return Err(FsError::OperationNotPermitted);
        }
        self.change_attrs(path, true, |attrs| {
            attrs.uid = uid;
            attrs.gid = gid;
        })
    }

    /// Stamps a node with the mtime `t` (`touch -d`), following links, without moving
    /// the clock. Only the owner or root may.
    pub fn set_mtime(&mut self, path: &str, t: u64) -> Result<(), FsError> {
        self.change_attrs(path, true, |attrs| attrs.mtime = t)
    }

    fn change_attrs(
        &mut self,
        path: &str,
        follow: bool,
        change: impl FnOnce(&mut Attributes),
    ) -> Result<(), FsError> {
        let (names, node) = self.lookup(path, follow)?;
        self.check_writable_fs()?;
        if self.user.uid != 0 && self.user.uid != node.attrs.uid {
            return Err(FsError::OperationNotPermitted);
        }
        let node = self.node_at_mut(&names).ok_or(FsError::NotFound)?;
        change(&mut node.attrs);
        Ok(())
    }

    /// Bytes of file content and link targets at and below `path` (the link itself, not
    /// followed), like `du --apparent-size -sb`.
    pub fn disk_usage(&self, path: &str) -> Result<u64, FsError> {
        Ok(self.lookup(path, false)?.1.subtree_usage().0)
    }
}

/// `/a/b` from `["a", "b"]`, `/` from `[]`.
pub(crate) fn names_to_path(names: &[String]) -> String {
    if names.is_empty() {
        return "/".to_string();
    }
    let mut out = String::new();
    for name in names {
        out.push('/');
        out.push_str(name);
    }
    out
}
