//! `realpath` (`-e`, `-m`, `-s`).

use super::{fail, getopt};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "realpath",
        &argv[1..],
        "emsq",
        &[
            ("canonicalize-existing", 'e'),
            ("canonicalize-missing", 'm'),
            ("no-symlinks", 's'),
        ],
        1,
    ) else {
        return 1;
    };
    if opts.operands.is_empty() {
        super::usage(ctx, "realpath", "missing operand");
        return 1;
    }
    let mut status = 0;
    for operand in &opts.operands {
        let path = ctx.path(operand);
        if opts.has('s') || opts.has('m') {
            ctx.out(format!("{}\n", dockyard_vfs::resolve(ctx.cwd(), operand)));
            continue;
        }
        match ctx.fs().canonicalize(&path) {
            Ok(p) => {
                ctx.out(format!("{p}\n"));
            }
            Err(e) => {
                let normal = dockyard_vfs::resolve("/", &path);
                let parent = dockyard_vfs::parent(&normal).to_string();
                match ctx.fs().canonicalize(&parent) {
                    Ok(p) if !opts.has('e') && e == dockyard_vfs::FsError::NotFound => {
                        let name = dockyard_vfs::file_name(&normal);
                        ctx.out(format!("{}/{name}\n", p.trim_end_matches('/')));
                    }
                    _ => {
                        fail(ctx, "realpath", &format!("{operand}: {e}"));
                        status = 1;
                    }
                }
            }
        }
    }
    status
}
