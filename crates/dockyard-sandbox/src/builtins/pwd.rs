//! `pwd` (`-L` logical, the default; `-P` physical).

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let physical = argv[1..].iter().any(|a| a == "-P");
    let cwd = ctx.cwd().to_string();
    let dir = if physical {
        ctx.fs().canonicalize(&cwd).unwrap_or(cwd)
    } else {
        cwd
    };
    ctx.out(format!("{dir}\n"));
    0
}
