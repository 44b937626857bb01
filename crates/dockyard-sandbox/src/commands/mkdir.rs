//! `mkdir` (`-p`, `-m MODE`, `-v`).

use super::{fail, getopt, usage};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "mkdir",
        &argv[1..],
        "pm:v",
        &[("parents", 'p'), ("mode", 'm'), ("verbose", 'v')],
        1,
    ) else {
        return 1;
    };
    if opts.operands.is_empty() {
        usage(ctx, "mkdir", "missing operand");
        return 1;
    }
    let mode = match opts.value('m') {
        Some(m) => match super::chmod::parse_mode(m, 0o777 & !ctx.fs().umask(), true) {
            Some(mode) => Some(mode),
            None => {
                fail(ctx, "mkdir", &format!("invalid mode '{m}'"));
                return 1;
            }
        },
        None => None,
    };
    let mut status = 0;
    for operand in &opts.operands {
        let path = ctx.path(operand);
        let result = if opts.has('p') {
            ctx.vfs().create_dir_all(&path)
        } else {
            ctx.vfs().create_dir(&path)
        };
        match result {
            Ok(()) => {
                if let Some(mode) = mode {
                    let _ = ctx.vfs().set_mode(&path, mode);
                }
                if opts.has('v') {
                    ctx.out(format!("mkdir: created directory '{operand}'\n"));
                }
            }
            Err(e) => {
                fail(
                    ctx,
                    "mkdir",
                    &format!("cannot create directory '{operand}': {e}"),
                );
                status = 1;
            }
        }
    }
    status
}
