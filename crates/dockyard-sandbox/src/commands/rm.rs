//! `rm` (`-r -R -f -i -d -v`); refuses `/`, `.` and `..`, and answers no to `-i`
//! (the sandbox has no prompt to ask on).

use dockyard_vfs::FsError;

use super::{fail, getopt, usage};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "rm",
        &argv[1..],
        "rRfidv",
        &[
            ("recursive", 'r'),
            ("force", 'f'),
            ("interactive", 'i'),
            ("dir", 'd'),
            ("verbose", 'v'),
        ],
        1,
    ) else {
        return 1;
    };
    let recursive = opts.has('r') || opts.has('R');
    let mut force = false;
    let mut interactive = false;
    for (f, _) in &opts.flags {
        match f {
            'f' => {
                force = true;
                interactive = false;
            }
            'i' => {
                interactive = true;
                force = false;
            }
            _ => {}
        }
    }
    if opts.operands.is_empty() {
        if force {
            return 0;
        }
        usage(ctx, "rm", "missing operand");
        return 1;
    }
    let mut status = 0;
    for operand in &opts.operands {
        let base = operand
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("");
        if base == "." || base == ".." {
            fail(
                ctx,
                "rm",
                &format!("refusing to remove '.' or '..' directory: skipping '{operand}'"),
            );
            status = 1;
            continue;
        }
        let path = ctx.path(operand);
        if dockyard_vfs::resolve("/", &path) == "/" && recursive {
            fail(ctx, "rm", "it is dangerous to operate recursively on '/'");
            fail(
                ctx,
                "rm",
                "use --no-preserve-root to override this failsafe",
            );
            status = 1;
            continue;
        }
        let meta = match ctx.fs().lstat(&path) {
            Ok(m) => m,
            Err(e) => {
                if !(force && e == FsError::NotFound) {
                    fail(ctx, "rm", &format!("cannot remove '{operand}': {e}"));
                    status = 1;
                }
                continue;
            }
        };
        if interactive {
            let kind = if meta.is_dir() {
                "directory"
            } else if meta.size == 0 {
                "regular empty file"
            } else {
                "regular file"
            };
            ctx.err(format!("rm: remove {kind} '{operand}'? "));
            ctx.err("\n");
            continue;
        }
        let result = if meta.is_dir() {
            if recursive {
                ctx.vfs().remove_dir_all(&path)
            } else if opts.has('d') {
                ctx.vfs().remove_dir(&path)
            } else {
                Err(FsError::IsADirectory)
            }
        } else {
            ctx.vfs().remove_file(&path)
        };
        match result {
            Ok(()) => {
                if opts.has('v') {
                    let what = if meta.is_dir() {
                        "removed directory"
                    } else {
                        "removed"
                    };
                    ctx.out(format!("{what} '{operand}'\n"));
                }
            }
            Err(e) => {
                fail(ctx, "rm", &format!("cannot remove '{operand}': {e}"));
                status = 1;
            }
        }
    }
    status
}
