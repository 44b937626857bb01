//! `ln -s` (symbolic links; `-f`, `-n`, `-v`). Hard links are not simulated.

use super::{fail, getopt, usage};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "ln",
        &argv[1..],
        "sfnvT",
        &[("symbolic", 's'), ("force", 'f'), ("verbose", 'v')],
        1,
    ) else {
        return 1;
    };
    let ops = &opts.operands;
    if ops.is_empty() {
        usage(ctx, "ln", "missing file operand");
        return 1;
    }
    if !opts.has('s') {
        fail(
            ctx,
            "ln",
            "hard links are not supported in this sandbox; use ln -s",
        );
        return 1;
    }
    let (target, link) = if ops.len() == 1 {
        let name = ops[0]
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(&ops[0])
            .to_string();
        (ops[0].clone(), name)
    } else {
        let link = &ops[ops.len() - 1];
        let link = if ctx.fs().is_dir(&ctx.path(link)) && !opts.has('n') && !opts.has('T') {
            let name = ops[0]
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or(&ops[0]);
            format!("{}/{}", link.trim_end_matches('/'), name)
        } else {
            link.clone()
        };
        (ops[0].clone(), link)
    };
    let path = ctx.path(&link);
    if opts.has('f') && ctx.fs().lstat(&path).is_ok_and(|m| !m.is_dir()) {
        let _ = ctx.vfs().remove_file(&path);
    }
    match ctx.vfs().symlink(&target, &path) {
        Ok(()) => {
            if opts.has('v') {
                ctx.out(format!("'{link}' -> '{target}'\n"));
            }
            0
        }
        Err(e) => {
            fail(
                ctx,
                "ln",
                &format!("failed to create symbolic link '{link}': {e}"),
            );
            1
        }
    }
}
