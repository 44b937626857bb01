//! `history`: the lines run in this session, numbered like bash prints them.

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, _argv: &[String]) -> i32 {
    let text: String = ctx
        .history()
        .iter()
        .enumerate()
        .map(|(i, line)| format!("{:>5}  {line}\n", i + 1))
        .collect();
    ctx.out(text);
    0
}
