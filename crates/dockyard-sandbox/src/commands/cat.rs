//! `cat` (`-n`, `-b`, `-E`, `-A` in part): concatenate files and standard input.

use super::{getopt, lines, read_or_report};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "cat",
        &argv[1..],
        "nbEAsTuv",
        &[
            ("number", 'n'),
            ("number-nonblank", 'b'),
            ("show-ends", 'E'),
            ("squeeze-blank", 's'),
        ],
        1,
    ) else {
        return 1;
    };
    let number = opts.has('n') || opts.has('b');
    let nonblank = opts.has('b');
    let ends = opts.has('E') || opts.has('A');
    let mut operands = opts.operands.clone();
    if operands.is_empty() {
        operands.push("-".into());
    }
    let mut status = 0;
    let mut n = 0;
    for operand in &operands {
        if operand != "-" && ctx.fs().is_dir(&ctx.path(operand)) {
            super::fail(ctx, "cat", &format!("{operand}: Is a directory"));
            status = 1;
            continue;
        }
        let Some(data) = read_or_report(ctx, "cat", operand) else {
            status = 1;
            continue;
        };
        if !number && !ends {
            if !ctx.out(&data) {
                return 1;
            }
            continue;
        }
        let mut out = Vec::new();
        for line in lines(&data) {
            let blank = line == b"\n";
            if number && !(nonblank && blank) {
                n += 1;
                out.extend_from_slice(format!("{n:>6}\t").as_bytes());
            }
            if ends && line.ends_with(b"\n") {
                out.extend_from_slice(&line[..line.len() - 1]);
                out.extend_from_slice(b"$\n");
            } else {
                out.extend_from_slice(line);
            }
        }
        if !ctx.out(out) {
            return 1;
        }
    }
    status
}
