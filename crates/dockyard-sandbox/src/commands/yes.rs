//! `yes [STRING]`: repeats until the output budget (or the reader) stops it.

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let line = if argv.len() > 1 {
        argv[1..].join(" ")
    } else {
        "y".into()
    };
    let chunk = format!("{line}\n").repeat(1024);
    loop {
        if !ctx.step() || !ctx.out(&chunk) {
            return 1;
        }
    }
}
