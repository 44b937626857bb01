//! Pathname expansion (`*.py`, `src/*/test_*.py`) over a `Vfs`, following dash's rules.

use crate::fnmatch::{MatchOptions, Pattern};
use crate::path::join;
use crate::vfs::Vfs;

/// How many candidate names one [`Vfs::glob`] call may examine before it stops
/// (patterns like `.*/.*/.*/…` grow exponentially through `.` and `..`).
pub const GLOB_MAX_STEPS: usize = 200_000;

/// One path component of a glob pattern and the slashes that follow it, as typed.
struct Segment<'p> {
    text: &'p str,
    slashes: &'p str,
    pattern: Pattern,
}

struct Expansion<'v> {
    vfs: &'v Vfs,
    cwd: &'v str,
    steps: usize,
    found: Vec<String>,
}

impl Vfs {
    /// Expands a shell glob `pattern` relative to the directory `cwd`, like dash.
    ///
    /// Components with `*`, `?` or `[...]` are matched against directory entries
    /// (links followed when listing); other components are taken as typed and the
    /// final path must exist (`lstat`). A name starting with `.` is matched only by a
    /// component starting with a literal `.` (which then also matches `.` and `..`, as
    /// in dash). A trailing slash keeps only directories. Relative patterns give
    /// relative results, absolute ones absolute results; slashes stay as typed.
    /// Results are sorted by bytes (the C locale); no match gives an empty list (the
    /// shell then keeps the word). A pattern without special characters gives itself,
    /// backslashes removed, if it exists. Unreadable directories are skipped, and
    /// the walk stops after [`GLOB_MAX_STEPS`] candidates.
    pub fn glob(&self, cwd: &str, pattern: &str) -> Vec<String> {
        if pattern.is_empty() || pattern.len() > self.limits.max_path_len {
            return Vec::new();
        }
        let root_len = pattern.len() - pattern.trim_start_matches('/').len();
        let (prefix, rest) = pattern.split_at(root_len);
        let mut segments = Vec::new();
        let mut remaining = rest;
        while !remaining.is_empty() {
            let end = remaining.find('/').unwrap_or(remaining.len());
            let (text, after) = remaining.split_at(end);
            let slashes_len = after.len() - after.trim_start_matches('/').len();
            let (slashes, next) = after.split_at(slashes_len);
            segments.push(Segment {
                text,
                slashes,
                pattern: Pattern::parse(text),
            });
            remaining = next;
        }
        let wildcard_segments = segments
            .iter()
            .filter(|s| s.pattern.has_wildcards())
            .count();
        if wildcard_segments > self.limits.max_depth {
            return Vec::new();
        }
        let mut expansion = Expansion {
            vfs: self,
            cwd,
            steps: 0,
            found: Vec::new(),
        };
        expansion.expand(prefix.to_string(), &segments);
        expansion.found.sort();
        expansion.found
    }
}

impl Expansion<'_> {
    /// Expands `segments` below the already expanded prefix `built`; recursion happens
    /// only at wildcard segments, so its depth is bounded by their count.
    fn expand(&mut self, mut built: String, mut segments: &[Segment<'_>]) {
        while let Some(first) = segments.first().filter(|s| !s.pattern.has_wildcards()) {
            built.push_str(&crate::fnmatch::unescape(first.text));
            built.push_str(first.slashes);
            segments = &segments[1..];
        }
        let Some((first, rest)) = segments.split_first() else {
            if self.vfs.lstat(&self.fs_path(&built)).is_ok() {
                self.found.push(built);
            }
            return;
        };
        let dir = if built.is_empty() {
            self.cwd.to_string()
        } else {
            self.fs_path(&built)
        };
        let Ok(entries) = self.vfs.read_dir(&dir) else {
            return;
        };
        let dotted = first.pattern.starts_with_dot();
        let dots = if dotted {
            [".", ".."].as_slice()
        } else {
            [].as_slice()
        };
        let names = dots
            .iter()
            .copied()
            .chain(entries.iter().map(|e| e.name.as_str()));
        for name in names {
            self.steps += 1;
            if self.steps > GLOB_MAX_STEPS {
                return;
            }
            if name.starts_with('.') && !dotted {
                continue;
            }
            if !first.pattern.matches_with(name, MatchOptions::default()) {
                continue;
            }
            let mut next = String::with_capacity(built.len() + name.len() + first.slashes.len());
            next.push_str(&built);
            next.push_str(name);
            next.push_str(first.slashes);
            if next.len() > self.vfs.limits.max_path_len {
                continue;
            }
            if rest.is_empty() && first.slashes.is_empty() {
                self.found.push(next);
            } else {
                self.expand(next, rest);
            }
        }
    }

    fn fs_path(&self, built: &str) -> String {
        join(self.cwd, built)
    }
}
