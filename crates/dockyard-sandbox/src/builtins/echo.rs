//! `echo` as dash has it: backslash escapes always interpreted, only `-n` as an option.

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let mut args = &argv[1..];
    let mut newline = true;
    if args.first().is_some_and(|a| a == "-n") {
        newline = false;
        args = &args[1..];
    }
    let mut out = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        if super::printf::escape_b(arg, &mut out) {
            ctx.out(out);
            return 0;
        }
    }
    if newline {
        out.push(b'\n');
    }
    ctx.out(out);
    0
}
