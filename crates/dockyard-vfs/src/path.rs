//! Lexical path helpers: `resolve` (normalise without touching the tree) and `join` (keep a path as typed).

/// Turns `path`, relative to the directory `cwd`, into a normalised absolute path,
/// without looking at any filesystem: `.` and empty components vanish, `..` removes
/// the previous component (and stays at `/` above the root), and the result has no
/// trailing slash (except `/` itself).
///
/// This is the *logical* view a shell's `cd` and `pwd` keep. Operations on a
/// [`crate::Vfs`] instead resolve `..` physically, after following symbolic links, as
/// Linux does; hand them [`join`]`(cwd, path)` to keep that behaviour and the meaning
/// of a trailing slash. A relative `cwd` is taken relative to `/`; an empty `path`
/// gives the normalised `cwd`.
pub fn resolve(cwd: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let start = if path.starts_with('/') { "" } else { cwd };
    for component in start.split('/').chain(path.split('/')) {
        match component {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            name => parts.push(name),
        }
    }
    let mut out = String::with_capacity(cwd.len() + path.len() + 1);
    for part in &parts {
        out.push('/');
        out.push_str(part);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// Prefixes a relative `path` with `cwd` and a slash, leaving everything else as typed
/// (dots, repeated and trailing slashes), so a [`crate::Vfs`] operation sees the same
/// path Linux would. Absolute and empty paths come back unchanged (an empty path is
/// `ENOENT` for every operation, like on Linux).
pub fn join(cwd: &str, path: &str) -> String {
    if path.is_empty() || path.starts_with('/') {
        return path.to_string();
    }
    let mut out = String::with_capacity(cwd.len() + path.len() + 1);
    out.push_str(cwd);
    if !cwd.ends_with('/') {
        out.push('/');
    }
    out.push_str(path);
    out
}

/// The last component of a normalised absolute path (`""` for `/`).
pub fn file_name(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(slash) => &trimmed[slash + 1..],
        None => trimmed,
    }
}

/// The directory part of a normalised absolute path (`/` for `/a` and for `/`).
pub fn parent(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(0) | None => "/",
        Some(slash) => &trimmed[..slash],
    }
}

/// Joins a normalised absolute directory path and a name.
pub(crate) fn child_path(dir: &str, name: &str) -> String {
    let mut out = String::with_capacity(dir.len() + name.len() + 1);
    out.push_str(dir);
    if !dir.ends_with('/') {
        out.push('/');
    }
    out.push_str(name);
    out
}
