//! `readlink` (`-f`, `-e`, `-m`, `-n`).

use super::getopt;
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "readlink",
        &argv[1..],
        "fenmqsv",
        &[("canonicalize", 'f')],
        1,
    ) else {
        return 1;
    };
    let mut status = 0;
    for operand in &opts.operands {
        let path = ctx.path(operand);
        let result = if opts.has('f') || opts.has('e') || opts.has('m') {
            ctx.fs().canonicalize(&path).ok().or_else(|| {
                if opts.has('e') {
                    return None;
                }
                let parent = dockyard_vfs::parent(&dockyard_vfs::resolve("/", &path)).to_string();
                let name = dockyard_vfs::file_name(&dockyard_vfs::resolve("/", &path)).to_string();
                ctx.fs().canonicalize(&parent).ok().map(|p| {
                    if p == "/" {
                        format!("/{name}")
                    } else {
                        format!("{p}/{name}")
                    }
                })
            })
        } else {
            ctx.fs().read_link(&path).ok()
        };
        match result {
            Some(r) => {
                ctx.out(if opts.has('n') { r } else { format!("{r}\n") });
            }
            None => status = 1,
        }
    }
    status
}
