//! Image references: `[registry/]name[:tag][@digest]`, with `${...}` kept opaque.

use crate::span::Span;
use crate::syntax::ImageRef;

/// Splits an image reference the way Docker's reference grammar does:
/// the first path component is a registry when it contains `.` or `:` or
/// is `localhost`; the tag follows the last `:` after the last `/`.
pub(crate) fn parse_image_ref(raw: &str, span: Span) -> ImageRef {
    let (name_part, digest) = match find_outside_braces(raw, |c| c == '@', false) {
        Some(at) => (&raw[..at], Some(raw[at + 1..].to_string())),
        None => (raw, None),
    };
    let last_slash = find_outside_braces(name_part, |c| c == '/', true);
    let tag_from = last_slash.map_or(0, |s| s + 1);
    let (path, tag) = match find_outside_braces(&name_part[tag_from..], |c| c == ':', true) {
        Some(at) => (
            &name_part[..tag_from + at],
            Some(name_part[tag_from + at + 1..].to_string()),
        ),
        None => (name_part, None),
    };
    let (registry, name) = match find_outside_braces(path, |c| c == '/', false) {
        Some(slash) => {
            let first = &path[..slash];
            if first.contains('.') || first.contains(':') || first == "localhost" {
                (Some(first.to_string()), path[slash + 1..].to_string())
            } else {
                (None, path.to_string())
            }
        }
        None => (None, path.to_string()),
    };
    ImageRef {
        raw: raw.to_string(),
        span,
        registry,
        name,
        tag,
        digest,
    }
}

/// Byte index of the first (or last) char matching `want` outside `${...}`.
fn find_outside_braces(text: &str, want: impl Fn(char) -> bool, last: bool) -> Option<usize> {
    let mut depth = 0usize;
    let mut found = None;
    let mut prev_dollar = false;
    for (i, c) in text.char_indices() {
        if c == '{' && prev_dollar {
            depth += 1;
        } else if c == '}' && depth > 0 {
            depth -= 1;
        } else if depth == 0 && want(c) {
            found = Some(i);
            if !last {
                return found;
            }
        }
        prev_dollar = c == '$';
    }
    found
}
