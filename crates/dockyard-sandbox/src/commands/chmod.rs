//! `chmod` (octal and symbolic modes like `u+x,go-w`, `a=r`, `+x`; `-R`).

use super::{fail, getopt, usage};
use crate::registry::Ctx;

/// Applies a mode operand to `current` (`umask_allowed`: bits `+x` without a
/// who-part may set). `None`: not a valid mode.
pub(crate) fn parse_mode(spec: &str, current: u32, _dir: bool) -> Option<u32> {
    if !spec.is_empty() && spec.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return u32::from_str_radix(spec, 8).ok().filter(|m| *m <= 0o7777);
    }
    let mut mode = current;
    for clause in spec.split(',') {
        let bytes = clause.as_bytes();
        let mut i = 0;
        let mut who = 0u32;
        while i < bytes.len() && b"ugoa".contains(&bytes[i]) {
            who |= match bytes[i] {
                b'u' => 0o4700,
                b'g' => 0o2070,
                b'o' => 0o1007,
                _ => 0o7777,
            };
            i += 1;
        }
        let all = who == 0;
        if all {
            who = 0o7777;
        }
        if i >= bytes.len() {
            return None;
        }
        while i < bytes.len() {
            let op = bytes[i];
            if !b"+-=".contains(&op) {
                return None;
            }
            i += 1;
            let mut perm = 0u32;
            while i < bytes.len() && !b"+-=".contains(&bytes[i]) {
                perm |= match bytes[i] {
                    b'r' => 0o444,
                    b'w' => 0o222,
                    b'x' => 0o111,
                    b'X' => 0o111,
                    b's' => 0o6000,
                    b't' => 0o1000,
                    _ => return None,
                };
                i += 1;
            }
            let mut bits = perm & who;
            if all && op != b'-' {
                bits &= !0o022 | 0o7000 | 0o444 | 0o111;
            }
            match op {
                b'+' => mode |= bits,
                b'-' => mode &= !(perm & who),
                _ => mode = (mode & !(who & 0o777)) | bits,
            }
        }
    }
    Some(mode)
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let args: Vec<String> = argv[1..].to_vec();
    // A mode like `-x` or `-w` looks like an option: take it as the mode.
    let (mode_arg, rest): (Option<String>, Vec<String>) = match args.iter().position(|a| {
        a.starts_with('-') && a.len() > 1 && a[1..].bytes().all(|b| b"rwxXst".contains(&b))
    }) {
        Some(i) => {
            let mut rest = args.clone();
            let m = rest.remove(i);
            (Some(m), rest)
        }
        None => (None, args),
    };
    let Ok(opts) = getopt(
        ctx,
        "chmod",
        &rest,
        "Rvfc",
        &[("recursive", 'R'), ("verbose", 'v')],
        1,
    ) else {
        return 1;
    };
    let mut operands = opts.operands.clone();
    let mode = match mode_arg {
        Some(m) => m,
        None => {
            if operands.is_empty() {
                usage(ctx, "chmod", "missing operand");
                return 1;
            }
            operands.remove(0)
        }
    };
    if operands.is_empty() {
        usage(ctx, "chmod", &format!("missing operand after '{mode}'"));
        return 1;
    }
    let mut status = 0;
    for operand in &operands {
        if !apply(ctx, &mode, operand, opts.has('R'), 0) {
            status = 1;
        }
    }
    status
}

fn apply(ctx: &mut Ctx<'_>, mode: &str, operand: &str, recursive: bool, depth: usize) -> bool {
    let path = ctx.path(operand);
    let meta = match ctx.fs().stat(&path) {
        Ok(m) => m,
        Err(e) => {
            fail(ctx, "chmod", &format!("cannot access '{operand}': {e}"));
            return false;
        }
    };
    let Some(new) = parse_mode(mode, meta.mode, meta.is_dir()) else {
        fail(ctx, "chmod", &format!("invalid mode: '{mode}'"));
        return false;
    };
    if let Err(e) = ctx.vfs().set_mode(&path, new) {
        fail(
            ctx,
            "chmod",
            &format!("changing permissions of '{operand}': {e}"),
        );
        return false;
    }
    let mut ok = true;
    if recursive && meta.is_dir() && depth < 100 {
        for entry in ctx.fs().read_dir(&path).unwrap_or_default() {
            if entry.kind == dockyard_vfs::EntryKind::Symlink {
                continue;
            }
            let sub = format!("{}/{}", operand.trim_end_matches('/'), entry.name);
            ok &= apply(ctx, mode, &sub, true, depth + 1);
        }
    }
    ok
}
