//! `rmdir` (`-p`).

use super::{fail, getopt, usage};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "rmdir",
        &argv[1..],
        "pv",
        &[("parents", 'p'), ("verbose", 'v')],
        1,
    ) else {
        return 1;
    };
    if opts.operands.is_empty() {
        usage(ctx, "rmdir", "missing operand");
        return 1;
    }
    let mut status = 0;
    for operand in &opts.operands {
        let mut current = operand.trim_end_matches('/').to_string();
        loop {
            let path = ctx.path(&current);
            if let Err(e) = ctx.vfs().remove_dir(&path) {
                fail(ctx, "rmdir", &format!("failed to remove '{current}': {e}"));
                status = 1;
                break;
            }
            if !opts.has('p') {
                break;
            }
            match current.rfind('/') {
                Some(i) if i > 0 => current.truncate(i),
                _ => break,
            }
        }
    }
    status
}
