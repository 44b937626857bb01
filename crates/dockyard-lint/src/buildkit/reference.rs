//! Whether a base image name is a valid image reference, as
//! `reference.ParseNormalizedNamed` (distribution/reference) decides:
//! `[domain/]path[:tag][@digest]`, lower-case path components, a name of
//! at most 255 characters.

fn is_alnum_lower(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
fn is_path_component(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let run = |i: &mut usize| {
        let start = *i;
        while *i < chars.len() && is_alnum_lower(chars[*i]) {
            *i += 1;
        }
        *i > start
    };
    if !run(&mut i) {
        return false;
    }
    while i < chars.len() {
        match chars[i] {
            '.' => i += 1,
            '_' => {
                i += 1;
                if chars.get(i) == Some(&'_') {
                    i += 1;
                }
            }
            '-' => {
                while chars.get(i) == Some(&'-') {
                    i += 1;
                }
            }
            _ => return false,
        }
        if !run(&mut i) {
            return false;
        }
    }
    true
}

/// `host[:port]`: dotted labels of letters, digits and inner dashes, or
/// a bracketed IPv6 address.
fn is_domain(s: &str) -> bool {
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let Some((inside, after)) = rest.split_once(']') else {
            return false;
        };
        if inside.is_empty() || !inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return false;
        }
        match after {
            "" => return true,
            _ => match after.strip_prefix(':') {
                Some(port) => ("x", Some(port)),
                None => return false,
            },
        }
    } else {
        match s.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (s, None),
        }
    };
    let label = |l: &str| {
        !l.is_empty()
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    host.split('.').all(label)
        && port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn is_tag(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric() || c == '_')
        && s.len() <= 128
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn is_digest(s: &str) -> bool {
    let Some((algorithm, hex)) = s.split_once(':') else {
        return false;
    };
    let want = match algorithm {
        "sha256" => 64,
        "sha384" => 96,
        "sha512" => 128,
        _ => return false,
    };
    hex.len() == want
        && hex
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

/// Whether BuildKit accepts `name` as a base image reference.
pub fn is_valid(name: &str) -> bool {
    if name.len() == 64
        && name
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    {
        return false;
    }
    // Split off the domain the way Docker normalizes names.
    let (domain, remainder) = match name.split_once('/') {
        Some((first, rest))
            if first.contains(['.', ':'])
                || first == "localhost"
                || first.to_lowercase() != first =>
        {
            (Some(first), rest)
        }
        _ => (None, name),
    };
    let (without_digest, digest) = match remainder.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (remainder, None),
    };
    let (path, tag) = match without_digest.rsplit_once(':') {
        Some((p, t)) if !t.contains('/') => (p, Some(t)),
        _ => (without_digest, None),
    };
    if domain.is_some_and(|d| !is_domain(d)) {
        return false;
    }
    if path.is_empty() || !path.split('/').all(is_path_component) {
        return false;
    }
    let full_len = domain.map_or("docker.io".len(), str::len) + 1 + path.len();
    let library = if domain.is_none() && !path.contains('/') {
        8
    } else {
        0
    };
    if full_len + library > 255 {
        return false;
    }
    tag.is_none_or(is_tag) && digest.is_none_or(is_digest)
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn valid_references() {
        for name in [
            "busybox",
            "busybox:1.36",
            "library/busybox:latest",
            "ghcr.io/owner/app:v1.2_3",
            "localhost:5000/app",
            "registry.example.com:443/a/b/c",
            "[::1]:5000/app",
            "my_app__x-y--z",
            "scratch",
            "alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        ] {
            assert!(is_valid(name), "{name}");
        }
    }

    #[test]
    fn invalid_references() {
        for name in [
            "",
            "busybox:",
            ":1.0",
            "Alpine",
            "alpine:tag with space",
            "a//b",
            "-app",
            "app-",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "alpine@sha256:abc",
            "alpine:-tag",
        ] {
            assert!(!is_valid(name), "{name}");
        }
    }
}
