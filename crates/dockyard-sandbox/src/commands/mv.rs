//! `mv` (`-f -n -v`): rename, or move into a directory.

use super::{fail, getopt, sources_to_targets};
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
    let Some(moves) = sources_to_targets(ctx, "mv", &opts.operands) else {
        return 1;
    };
    let mut status = 0;
    for (source, target) in &moves {
        let from = ctx.path(source);
        if let Err(e) = ctx.fs().lstat(&from) {
            fail(ctx, "mv", &format!("cannot stat '{source}': {e}"));
            status = 1;
            continue;
        }
        let to = ctx.path(target);
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
