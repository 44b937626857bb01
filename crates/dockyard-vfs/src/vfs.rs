//! The `Vfs` value: the tree, its logical clock, limits, usage, acting user, and how paths are looked up.

use std::sync::Arc;

use crate::error::FsError;
use crate::limits::{Limits, Usage};
use crate::node::{Attributes, Content, EntryKind, Node};

/// How many symbolic links one lookup may follow before failing with `ELOOP` (Linux's value).
pub const MAX_SYMLINK_FOLLOWS: u32 = 40;

/// The user operations act as: new nodes get these ids, and permission bits are
/// checked against them. Uid 0 (root) passes every check except executing a file
/// that has no execute bit at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Credentials {
    /// User id.
    pub uid: u32,
    /// Group id.
    pub gid: u32,
}

/// An access to check with [`Vfs::access`], like `access(2)`'s `R_OK`/`W_OK`/`X_OK`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Read a file or list a directory.
    Read,
    /// Write a file or add and remove a directory's entries.
    Write,
    /// Execute a file or search a directory.
    Execute,
}

impl Access {
    pub(crate) fn bit(self) -> u32 {
        match self {
            Access::Read => 4,
            Access::Write => 2,
            Access::Execute => 1,
        }
    }
}

/// An in-memory filesystem with a logical clock.
///
/// * **Paths** given to operations are absolute (a relative one is taken relative to
///   `/`); build them with [`crate::join`]. They are resolved like Linux does:
///   physically, following symbolic links (at most [`MAX_SYMLINK_FOLLOWS`]), with a
///   trailing slash demanding a directory.
/// * **Clock**: the filesystem owns a `u64` counter. Every modification advances it
///   by one and stamps the nodes it changes (the node and, when entries are added or
///   removed, its directory) with the new value, so mtimes strictly increase.
///   [`Vfs::now`], [`Vfs::set_now`] and [`Vfs::advance`] read and move it (for
///   `date` and `sleep`); [`Vfs::set_mtime`] stamps a node with any value.
/// * **Snapshots**: `clone()` is O(1). Nodes are shared through `Arc` and copied on
///   write, so a write after a clone copies only the directories on its path.
/// * **Failures** are [`FsError`]s with Linux's errno; a failed operation changes nothing.
#[derive(Clone, Debug)]
pub struct Vfs {
    pub(crate) root: Arc<Node>,
    pub(crate) clock: u64,
    pub(crate) limits: Limits,
    pub(crate) usage: Usage,
    pub(crate) user: Credentials,
    pub(crate) umask: u32,
    pub(crate) read_only: bool,
}

impl Default for Vfs {
    fn default() -> Self {
        Vfs::new()
    }
}

impl Vfs {
    /// An empty filesystem: just `/` (mode 0755, owned by root), clock at 0, default limits,
    /// acting as root with umask 022.
    pub fn new() -> Vfs {
        Vfs::with_limits(Limits::default())
    }

    /// An empty filesystem with the given limits.
    pub fn with_limits(limits: Limits) -> Vfs {
        let root = Node {
            attrs: Attributes {
                mode: 0o755,
                uid: 0,
                gid: 0,
                mtime: 0,
            },
            content: Content::Dir(Default::default()),
        };
        Vfs {
            root: Arc::new(root),
            clock: 0,
            limits,
            usage: Usage { bytes: 0, nodes: 1 },
            user: Credentials::default(),
            umask: 0o022,
            read_only: false,
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Replaces the limits. Content already stored stays even if it exceeds them;
    /// only later writes are refused.
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    /// Bytes and nodes in use (O(1)).
    pub fn usage(&self) -> Usage {
        self.usage
    }

    /// The logical clock's current value: the mtime of the latest modification.
    pub fn now(&self) -> u64 {
        self.clock
    }

    /// Sets the logical clock (for tests, or to start from a wall-clock value).
    /// The next modification is stamped `t + 1`.
    pub fn set_now(&mut self, t: u64) {
        self.clock = t;
    }

    /// Moves the clock forward by `delta` (saturating), as `sleep` would, and returns it.
    pub fn advance(&mut self, delta: u64) -> u64 {
        self.clock = self.clock.saturating_add(delta);
        self.clock
    }

    /// Advances the clock by one and returns the new value: the stamp of one modification.
    pub fn tick(&mut self) -> u64 {
        self.advance(1)
    }

    /// The user operations act as.
    pub fn user(&self) -> Credentials {
        self.user
    }

    /// Acts as another user from now on (Docker's `USER`, `su`).
    pub fn set_user(&mut self, user: Credentials) {
        self.user = user;
    }

    /// The umask applied to the modes of new files (0666) and directories (0777).
    pub fn umask(&self) -> u32 {
        self.umask
    }

    /// Sets the umask (only the `0o777` bits count).
    pub fn set_umask(&mut self, umask: u32) {
        self.umask = umask & 0o777;
    }

    /// Whether every modification fails with `EROFS`.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Makes every later modification fail with `EROFS` (`docker run --read-only`), or undoes that.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// Whether the acting user may access `node` that way (root reads and writes anything,
    /// searches any directory, and executes a file with at least one execute bit).
    pub(crate) fn permits(&self, node: &Node, access: Access) -> bool {
        let mode = node.attrs.mode;
        if self.user.uid == 0 {
            return access != Access::Execute || node.kind() == EntryKind::Dir || mode & 0o111 != 0;
        }
        let shift = if node.attrs.uid == self.user.uid {
            6
        } else if node.attrs.gid == self.user.gid {
            3
        } else {
            0
        };
        (mode >> shift) & access.bit() != 0
    }

    pub(crate) fn check_access(&self, node: &Node, access: Access) -> Result<(), FsError> {
        if self.permits(node, access) {
            Ok(())
        } else {
            Err(FsError::PermissionDenied)
        }
    }

    pub(crate) fn check_writable_fs(&self) -> Result<(), FsError> {
        if self.read_only {
            Err(FsError::ReadOnlyFilesystem)
        } else {
            Ok(())
        }
    }

    /// The node at a physical path (names from the root), if it exists.
    pub(crate) fn node_at(&self, names: &[String]) -> Option<&Node> {
        let mut node: &Node = &self.root;
        for name in names {
            node = node.children()?.get(name)?;
        }
        Some(node)
    }

    /// The node at a physical path, made unique (copied if shared) along the way.
    pub(crate) fn node_at_mut(&mut self, names: &[String]) -> Option<&mut Node> {
        let mut node = Arc::make_mut(&mut self.root);
        for name in names {
            let Content::Dir(children) = &mut node.content else {
                return None;
            };
            node = Arc::make_mut(children.get_mut(name)?);
        }
        Some(node)
    }

    /// The directory at a physical path, made unique, with its children.
    pub(crate) fn dir_at_mut(
        &mut self,
        names: &[String],
    ) -> Result<
        (
            &mut Attributes,
            &mut std::collections::BTreeMap<String, Arc<Node>>,
        ),
        FsError,
    > {
        let node = self.node_at_mut(names).ok_or(FsError::NotFound)?;
        match &mut node.content {
            Content::Dir(children) => Ok((&mut node.attrs, children)),
            _ => Err(FsError::NotADirectory),
        }
    }

    /// Refuses a path argument longer than `max_path_len`.
    pub(crate) fn check_path_arg(&self, path: &str) -> Result<(), FsError> {
        if path.is_empty() {
            return Err(FsError::NotFound);
        }
        if path.len() > self.limits.max_path_len {
            return Err(FsError::NameTooLong);
        }
        Ok(())
    }

    /// Refuses a new node named `name` in the directory at `parent`, if it would break a limit.
    pub(crate) fn check_new_node(&self, parent: &[String], name: &str) -> Result<(), FsError> {
        self.check_placement(parent, name, (0, 0))?;
        if self.usage.nodes + 1 > self.limits.max_nodes {
            return Err(FsError::NoSpace);
        }
        Ok(())
    }

    /// Refuses to place a subtree of the given extent (levels below it, longest path below it)
    /// as `name` in the directory at `parent`, if a path in it would break a path limit.
    pub(crate) fn check_placement(
        &self,
        parent: &[String],
        name: &str,
        extent: (usize, usize),
    ) -> Result<(), FsError> {
        if name.len() > self.limits.max_name_len {
            return Err(FsError::NameTooLong);
        }
        let depth = parent.len() + 1 + extent.0;
        let len: usize = parent.iter().map(|n| n.len() + 1).sum::<usize>() + name.len() + 1;
        if depth > self.limits.max_depth || len + extent.1 > self.limits.max_path_len {
            return Err(FsError::NameTooLong);
        }
        Ok(())
    }

    /// Refuses a change of the total byte count by `+added - removed`.
    pub(crate) fn check_bytes(&self, added: u64, removed: u64) -> Result<(), FsError> {
        let total = self
            .usage
            .bytes
            .saturating_sub(removed)
            .saturating_add(added);
        if added > removed && total > self.limits.max_total_bytes {
            return Err(FsError::NoSpace);
        }
        Ok(())
    }
}

/// The last component of a path, after the others were walked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Last {
    /// The path names the root itself (`/`, `//`).
    Root,
    /// The path ends in `.`.
    Dot,
    /// The path ends in `..`.
    DotDot,
    /// The path ends in a name.
    Name(String),
}

/// A lookup in progress: the physical path walked so far and the nodes on it.
///
/// `nodes[0]` is the root and `nodes[i]` the node at `names[..i]`; every node but
/// possibly the last is a directory.
pub(crate) struct Walker<'a> {
    vfs: &'a Vfs,
    pub names: Vec<String>,
    pub nodes: Vec<&'a Node>,
    links: u32,
}

impl<'a> Walker<'a> {
    pub fn new(vfs: &'a Vfs) -> Walker<'a> {
        Walker {
            vfs,
            names: Vec::new(),
            nodes: vec![&vfs.root],
            links: 0,
        }
    }

    /// The node reached so far.
    pub fn current(&self) -> &'a Node {
        self.nodes[self.nodes.len() - 1]
    }

    fn restart_at_root(&mut self) {
        self.names.clear();
        self.nodes.truncate(1);
    }

    fn pop(&mut self) {
        if self.nodes.len() > 1 {
            self.names.pop();
            self.nodes.pop();
        }
    }

    /// Walks every component of `path` but the last (all must be directories, links
    /// followed) and returns the last, plus whether the path ends in a slash.
    pub fn walk_to_last(&mut self, path: &str) -> Result<(Last, bool), FsError> {
        if path.is_empty() {
            return Err(FsError::NotFound);
        }
        if path.starts_with('/') {
            self.restart_at_root();
        }
        let trimmed = path.trim_end_matches('/');
        let trailing_slash = trimmed.len() != path.len();
        let (init, last) = match trimmed.rfind('/') {
            Some(slash) => (&trimmed[..slash], &trimmed[slash + 1..]),
            None => ("", trimmed),
        };
        for component in init.split('/') {
            self.enter(component)?;
        }
        let last = match last {
            "" => Last::Root,
            "." => Last::Dot,
            ".." => Last::DotDot,
            name => {
                self.check_name(name)?;
                Last::Name(name.to_string())
            }
        };
        Ok((last, trailing_slash))
    }

    fn check_name(&self, name: &str) -> Result<(), FsError> {
        if name.len() > self.vfs.limits.max_name_len {
            Err(FsError::NameTooLong)
        } else {
            Ok(())
        }
    }

    /// Moves into one component, which must be (or link to) a directory.
    fn enter(&mut self, component: &str) -> Result<(), FsError> {
        match component {
            "" | "." => Ok(()),
            ".." => {
                self.vfs.check_access(self.current(), Access::Execute)?;
                self.pop();
                Ok(())
            }
            name => {
                self.check_name(name)?;
                let child = self.child(name)?.ok_or(FsError::NotFound)?;
                match &child.content {
                    Content::Dir(_) => {
                        self.names.push(name.to_string());
                        self.nodes.push(child);
                        Ok(())
                    }
                    Content::File(_) => Err(FsError::NotADirectory),
                    Content::Symlink(target) => {
                        self.follow(target)?;
                        if self.current().kind() == EntryKind::Dir {
                            Ok(())
                        } else {
                            Err(FsError::NotADirectory)
                        }
                    }
                }
            }
        }
    }

    /// Looks `name` up in the current directory (which must be searchable).
    pub fn child(&self, name: &str) -> Result<Option<&'a Node>, FsError> {
        let dir = self.current();
        self.vfs.check_access(dir, Access::Execute)?;
        Ok(dir.children().and_then(|c| c.get(name)).map(|n| &**n))
    }

    /// Counts one more followed link, failing with `ELOOP` past the limit.
    pub fn count_link(&mut self) -> Result<(), FsError> {
        self.links += 1;
        if self.links > MAX_SYMLINK_FOLLOWS {
            Err(FsError::TooManySymlinks)
        } else {
            Ok(())
        }
    }

    /// Follows a link whose target is `target`, seen from the current directory,
    /// to the node it finally names (following links all the way).
    fn follow(&mut self, target: &str) -> Result<(), FsError> {
        self.count_link()?;
        let (last, trailing_slash) = self.walk_to_last(target)?;
        self.finish(last, true, trailing_slash)
    }

    /// Moves onto the last component, following it if it is a link and `follow` (or a
    /// trailing slash) asks for it. Afterwards `names`/`nodes` end at that node.
    pub fn finish(
        &mut self,
        last: Last,
        follow: bool,
        trailing_slash: bool,
    ) -> Result<(), FsError> {
        match last {
            Last::Root => {}
            Last::Dot => self.vfs.check_access(self.current(), Access::Execute)?,
            Last::DotDot => self.enter("..")?,
            Last::Name(name) => {
                let child = self.child(&name)?.ok_or(FsError::NotFound)?;
                match &child.content {
                    Content::Symlink(target) if follow || trailing_slash => self.follow(target)?,
                    _ => {
                        self.names.push(name);
                        self.nodes.push(child);
                    }
                }
            }
        }
        if trailing_slash && self.current().kind() != EntryKind::Dir {
            return Err(FsError::NotADirectory);
        }
        Ok(())
    }
}

impl Vfs {
    /// Resolves `path` to an existing node: its physical path and the node.
    pub(crate) fn lookup(&self, path: &str, follow: bool) -> Result<(Vec<String>, &Node), FsError> {
        self.check_path_arg(path)?;
        let mut walker = Walker::new(self);
        let (last, trailing_slash) = walker.walk_to_last(path)?;
        walker.finish(last, follow, trailing_slash)?;
        let node = walker.current();
        Ok((walker.names, node))
    }

    /// Resolves all but the last component of `path`: the parent directory's physical path.
    pub(crate) fn lookup_parent(&self, path: &str) -> Result<(Walker<'_>, Last, bool), FsError> {
        self.check_path_arg(path)?;
        let mut walker = Walker::new(self);
        let (last, trailing_slash) = walker.walk_to_last(path)?;
        Ok((walker, last, trailing_slash))
    }
}
