//! `mv` (`-f -n -v`): rename, or move into a directory.

use super::{fail, getopt, usage};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "mv",
        &argv[1..],
        "fniv",
        &[("force", 'f'), ("no-clobber", 'n'), ("verbose", 'v')],
        1,
    ) else {
        return 1;
    };
    let ops = &opts.operands;
    if ops.is_empty() {
        usage(ctx, "mv", "missing file operand");
        return 1;
    }
    if ops.len() == 1 {
        usage(
            ctx,
            "mv",
            &format!("missing destination file operand after '{}'", ops[0]),
        );
        return 1;
    }
    let (sources, dest) = ops.split_at(ops.len() - 1);
    let dest = &dest[0];
    let dest_is_dir = ctx.fs().is_dir(&ctx.path(dest));
    if sources.len() > 1 && !dest_is_dir {
        fail(ctx, "mv", &format!("target '{dest}' is not a directory"));
        return 1;
    }
    let mut status = 0;
    for source in sources {
        let from = ctx.path(source);
        if let Err(e) = ctx.fs().lstat(&from) {
            fail(ctx, "mv", &format!("cannot stat '{source}': {e}"));
            status = 1;
            continue;
        }
        let target = if dest_is_dir {
            let name = source
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or(source);
            format!("{}/{}", dest.trim_end_matches('/'), name)
        } else {
            dest.clone()
        };
        let to = ctx.path(&target);
        if opts.has('n') && ctx.fs().exists(&to) {
            continue;
        }
        match ctx.vfs().rename(&from, &to) {
            Ok(()) => {
                if opts.has('v') {
                    ctx.out(format!("renamed '{source}' -> '{target}'\n"));
                }
            }
            Err(dockyard_vfs::FsError::InvalidArgument) => {
                fail(
                    ctx,
                    "mv",
                    &format!("cannot move '{source}' to a subdirectory of itself, '{target}'"),
                );
                status = 1;
            }
            Err(e) => {
                fail(
                    ctx,
                    "mv",
                    &format!("cannot move '{source}' to '{target}': {e}"),
                );
                status = 1;
            }
        }
    }
    status
}
