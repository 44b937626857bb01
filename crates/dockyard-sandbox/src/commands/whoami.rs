//! `whoami`.

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, _argv: &[String]) -> i32 {
    let name = ctx.current_user();
    ctx.out(format!("{name}\n"));
    0
}
