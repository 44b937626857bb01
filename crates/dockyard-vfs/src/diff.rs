//! `diff`: what changed between two snapshots of a `Vfs`, for image layers and `docker diff`.

use std::sync::Arc;

use crate::node::{Content, Node};
use crate::path::{child_path, resolve};
use crate::vfs::Vfs;

/// How a path differs between the base and the other snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Only in the other snapshot (`docker diff`'s `A`).
    Added,
    /// In both, but different (`C`).
    Modified,
    /// Only in the base (`D`).
    Deleted,
}

impl ChangeKind {
    /// The letter `docker diff` prints: `A`, `C` or `D`.
    pub fn letter(self) -> char {
        match self {
            ChangeKind::Added => 'A',
            ChangeKind::Modified => 'C',
            ChangeKind::Deleted => 'D',
        }
    }
}

/// One changed path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Change {
    /// Absolute path.
    pub path: String,
    /// Added, modified or deleted.
    pub kind: ChangeKind,
}

/// The changes that turn `base` into `other` at and below `root`, sorted by path bytes.
///
/// Like Docker's layer diff: a node is *Modified* when its kind, mode, owner, mtime,
/// content or link target differ, and a directory also when anything below it changed
/// (`root` itself is never reported Modified). An added directory is listed with
/// everything inside it; a deleted one only by itself (as a whiteout would be).
/// `root` is normalised lexically and not followed. Shared subtrees are skipped
/// without looking inside, so diffing a snapshot against its own descendant costs
/// only what changed.
pub fn diff(base: &Vfs, other: &Vfs, root: &str) -> Vec<Change> {
    let root = resolve("/", root);
    let mut changes = Vec::new();
    match (node_at_path(base, &root), node_at_path(other, &root)) {
        (None, None) => {}
        (Some(_), None) => changes.push(Change {
            path: root,
            kind: ChangeKind::Deleted,
        }),
        (None, Some(added)) => push_added(&root, added, &mut changes),
        (Some(old), Some(new)) => {
            if old.children().is_some() && new.children().is_some() {
                compare_children(&root, old, new, &mut changes);
            } else {
                compare(&root, old, new, &mut changes);
            }
        }
    }
    changes.sort();
    changes
}

fn node_at_path<'v>(vfs: &'v Vfs, path: &str) -> Option<&'v Node> {
    let names: Vec<String> = path
        .split('/')
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect();
    vfs.node_at(&names)
}

fn push_added(path: &str, node: &Node, changes: &mut Vec<Change>) {
    changes.push(Change {
        path: path.to_string(),
        kind: ChangeKind::Added,
    });
    for (name, child) in node.children().into_iter().flatten() {
        push_added(&child_path(path, name), child, changes);
    }
}

/// Compares one path present in both; returns whether anything at or below it changed.
fn compare(path: &str, old: &Node, new: &Node, changes: &mut Vec<Change>) -> bool {
    let same_content = match (&old.content, &new.content) {
        (Content::File(a), Content::File(b)) => Arc::ptr_eq(a, b) || a == b,
        (Content::Symlink(a), Content::Symlink(b)) => a == b,
        (Content::Dir(_), Content::Dir(_)) => true,
        _ => false,
    };
    let inner = match (old.children(), new.children()) {
        (Some(_), Some(_)) => compare_children(path, old, new, changes),
        (None, Some(children)) => {
            for (name, child) in children {
                push_added(&child_path(path, name), child, changes);
            }
            !children.is_empty()
        }
        _ => false,
    };
    let changed = inner || !same_content || old.attrs != new.attrs;
    if changed {
        changes.push(Change {
            path: path.to_string(),
            kind: ChangeKind::Modified,
        });
    }
    changed
}

/// Compares the entries of two directories; returns whether any differ.
fn compare_children(path: &str, old: &Node, new: &Node, changes: &mut Vec<Change>) -> bool {
    let (Some(old_children), Some(new_children)) = (old.children(), new.children()) else {
        return false;
    };
    let mut changed = false;
    for (name, old_child) in old_children {
        let child = child_path(path, name);
        match new_children.get(name) {
            None => {
                changes.push(Change {
                    path: child,
                    kind: ChangeKind::Deleted,
                });
                changed = true;
            }
            Some(new_child) if Arc::ptr_eq(old_child, new_child) => {}
            Some(new_child) => changed |= compare(&child, old_child, new_child, changes),
        }
    }
    for (name, new_child) in new_children {
        if !old_children.contains_key(name) {
            push_added(&child_path(path, name), new_child, changes);
            changed = true;
        }
    }
    changed
}
