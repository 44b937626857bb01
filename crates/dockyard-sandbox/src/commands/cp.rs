//! `cp` (`-r -R -a -p -f -n -v`): files, into directories, and whole trees.

use super::{fail, getopt, sources_to_targets};
use crate::registry::Ctx;

struct Flags {
    recursive: bool,
    preserve: bool,
    no_clobber: bool,
    verbose: bool,
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "cp",
        &argv[1..],
        "rRapfnvi",
        &[
            ("recursive", 'r'),
            ("archive", 'a'),
            ("force", 'f'),
            ("no-clobber", 'n'),
            ("verbose", 'v'),
        ],
        1,
    ) else {
        return 1;
    };
    let flags = Flags {
        recursive: opts.has('r') || opts.has('R') || opts.has('a'),
        preserve: opts.has('p') || opts.has('a'),
        no_clobber: opts.has('n'),
        verbose: opts.has('v'),
    };
    let Some(moves) = sources_to_targets(ctx, "cp", &opts.operands) else {
        return 1;
    };
    let mut status = 0;
    for (source, target) in &moves {
        if !copy(ctx, source, target, &flags, 0) {
            status = 1;
        }
    }
    status
}

fn copy(ctx: &mut Ctx<'_>, source: &str, target: &str, flags: &Flags, depth: usize) -> bool {
    let from = ctx.path(source);
    let to = ctx.path(target);
    let meta = match ctx.fs().stat(&from) {
        Ok(m) => m,
        Err(e) => {
            fail(ctx, "cp", &format!("cannot stat '{source}': {e}"));
            return false;
        }
    };
    if meta.is_dir() {
        if !flags.recursive {
            fail(
                ctx,
                "cp",
                &format!("-r not specified; omitting directory '{source}'"),
            );
            return false;
        }
        let canon_from = ctx.fs().canonicalize(&from).unwrap_or(from.clone());
        let parent = dockyard_vfs::resolve("/", &to);
        if parent == canon_from || parent.starts_with(&format!("{canon_from}/")) {
            fail(
                ctx,
                "cp",
                &format!("cannot copy a directory, '{source}', into itself, '{target}'"),
            );
            return false;
        }
        if depth > 100 || !ctx.step() {
            return false;
        }
        if !ctx.fs().is_dir(&to) {
            if let Err(e) = ctx.vfs().create_dir(&to) {
                fail(
                    ctx,
                    "cp",
                    &format!("cannot create directory '{target}': {e}"),
                );
                return false;
            }
        }
        let entries = ctx.fs().read_dir(&from).unwrap_or_default();
        let mut ok = true;
        for entry in entries {
            let s = format!("{}/{}", source.trim_end_matches('/'), entry.name);
            let t = format!("{}/{}", target.trim_end_matches('/'), entry.name);
            ok &= copy(ctx, &s, &t, flags, depth + 1);
        }
        if flags.preserve {
            let _ = ctx.vfs().set_mode(&to, meta.mode);
            let _ = ctx.vfs().set_mtime(&to, meta.mtime);
        }
        return ok;
    }
    if let (Ok(a), Ok(b)) = (ctx.fs().canonicalize(&from), ctx.fs().canonicalize(&to)) {
        if a == b {
            fail(
                ctx,
                "cp",
                &format!("'{source}' and '{target}' are the same file"),
            );
            return false;
        }
    }
    if flags.no_clobber && ctx.fs().exists(&to) {
        return true;
    }
    if ctx.fs().is_dir(&to) {
        fail(
            ctx,
            "cp",
            &format!("cannot overwrite directory '{target}' with non-directory"),
        );
        return false;
    }
    if let Err(e) = ctx.vfs().copy_file(&from, &to) {
        fail(
            ctx,
            "cp",
            &format!("cannot create regular file '{target}': {e}"),
        );
        return false;
    }
    if flags.preserve {
        let _ = ctx.vfs().set_mode(&to, meta.mode);
        let _ = ctx.vfs().set_mtime(&to, meta.mtime);
    }
    if flags.verbose {
        ctx.out(format!("'{source}' -> '{target}'\n"));
    }
    true
}
