//! `tee` (`-a`): copy standard input to files and standard output.

use super::{fail, getopt};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(ctx, "tee", &argv[1..], "ai", &[("append", 'a')], 1) else {
        return 1;
    };
    let data = ctx.stdin();
    let mut status = 0;
    for operand in &opts.operands {
        let path = ctx.path(operand);
        if dockyard_vfs::resolve("/", &path) == "/dev/null" {
            continue;
        }
        let result = if opts.has('a') {
            ctx.vfs().append(&path, &data)
        } else {
            ctx.vfs().write(&path, &data)
        };
        if let Err(e) = result {
            fail(ctx, "tee", &format!("{operand}: {e}"));
            status = 1;
        }
    }
    ctx.out(data);
    status
}
