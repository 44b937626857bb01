//! Fields as hadolint's parser (language-docker) reads them, where that
//! differs from Docker's reading: flag values and names as written (quotes
//! kept), image names split its way, `ARG` with one name only.

use dockyard_dockerfile::{Args, Instruction, KeyValues, PartKind};

/// The value of `--name=...` exactly as written (quotes kept).
pub fn flag_value<'a>(inst: &'a Instruction, name: &str) -> Option<&'a str> {
    let flag = inst.flag(name)?;
    flag.value.as_ref()?;
    flag.raw.split_once('=').map(|(_, value)| value)
}

/// `COPY --from=...` as written.
pub fn copy_from(inst: &Instruction) -> Option<&str> {
    match inst.args {
        Args::Copy(_) => flag_value(inst, "from"),
        _ => None,
    }
}

/// `FROM --platform=...` as written.
pub fn platform(inst: &Instruction) -> Option<&str> {
    match inst.args {
        Args::From(_) => flag_value(inst, "platform"),
        _ => None,
    }
}

/// The name of an `ARG` as written: language-docker reads one name and
/// drops the rest of the line.
pub fn arg_name(inst: &Instruction) -> Option<&str> {
    match &inst.args {
        Args::Arg(decls) => decls.first().map(|d| match d.raw.split_once('=') {
            Some((name, _)) => name,
            None => d.raw.as_str(),
        }),
        _ => None,
    }
}

/// The `(key, value)` pairs of an `ENV` or `LABEL` as language-docker
/// reads them: a value that runs straight into a line continuation
/// (`A=1\` then an indented `B=2`) swallows the next pairs, joined by a
/// space (`A` is `1 B=2`).
pub fn pairs(inst: &Instruction, kvs: &KeyValues) -> Vec<(String, String)> {
    let runs_on = |end: usize| {
        inst.parts
            .iter()
            .any(|p| p.kind == PartKind::Continuation && p.span.start == end)
    };
    let mut out: Vec<(String, String)> = Vec::new();
    let mut joined = false;
    for kv in &kvs.pairs {
        match out.last_mut() {
            Some((_, value)) if joined => {
                value.push(' ');
                value.push_str(&kv.key);
                value.push('=');
                value.push_str(&kv.value);
            }
            _ => out.push((kv.key.clone(), kv.value.clone())),
        }
        joined = !kvs.legacy_form && runs_on(kv.span.end);
    }
    out
}

/// The arguments up to the end of the line, trailing blanks included
/// (language-docker's `untilEol`, as `USER` reads it).
pub fn rest_of_line(inst: &Instruction) -> &str {
    inst.logical
        .text
        .get(inst.args_range.start..)
        .unwrap_or("")
        .trim_end_matches(['\n', '\r'])
}

/// An image reference the way language-docker's `FROM` parser splits it:
/// a registry only when the text has a `.` before a later `/`; the name
/// runs to the first `:` or `@` (a `${...}` is opaque).
pub fn image_name(raw: &str) -> (Option<&str>, &str) {
    let mut registry = None;
    let mut rest = raw;
    if let Some(dot) = find_outside_braces(raw, |c| c == '.') {
        let after = &raw[dot + 1..];
        if let Some(slash) = find_outside_braces(after, |c| c == '/') {
            if dot > 0 && slash > 0 {
                registry = Some(&raw[..dot + 1 + slash]);
                rest = &after[slash + 1..];
            }
        }
    }
    let end = find_outside_braces(rest, |c| c == ':' || c == '@').unwrap_or(rest.len());
    (registry, &rest[..end])
}

/// language-docker's `fromString` for an image given as plain text (the
/// `--from` of `COPY` and of mounts): a registry when the part before the
/// first `/` contains a `.`.
pub fn image_from_text(text: &str) -> (Option<&str>, String) {
    match text.split_once('/') {
        Some((first, rest)) if first.contains('.') => (
            Some(first),
            rest.strip_suffix('/').unwrap_or(rest).to_string(),
        ),
        _ => (None, text.to_string()),
    }
}

/// Byte index of the first char matching `want` outside `${...}`.
fn find_outside_braces(text: &str, want: impl Fn(char) -> bool) -> Option<usize> {
    let mut depth = 0usize;
    let mut prev_dollar = false;
    for (i, c) in text.char_indices() {
        if c == '{' && prev_dollar {
            depth += 1;
        } else if c == '}' && depth > 0 {
            depth -= 1;
        } else if depth == 0 && want(c) {
            return Some(i);
        }
        prev_dollar = c == '$';
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_split_as_language_docker_does() {
        assert_eq!(image_name("debian:12"), (None, "debian"));
        assert_eq!(
            image_name("docker.io/library/debian:12"),
            (Some("docker.io"), "library/debian")
        );
        assert_eq!(
            image_name("registry.example.com:5000/app@sha256:x"),
            (Some("registry.example.com:5000"), "app")
        );
        assert_eq!(image_name("foo.bar"), (None, "foo.bar"));
        assert_eq!(image_name("${REG}/app:1"), (None, "${REG}/app"));
        assert_eq!(
            image_from_text("gcr.io/a/b"),
            (Some("gcr.io"), "a/b".into())
        );
        assert_eq!(image_from_text("builder"), (None, "builder".into()));
    }
}
