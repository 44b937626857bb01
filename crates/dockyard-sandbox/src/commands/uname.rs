//! `uname` (`-a -s -n -r -v -m -o`): a fixed Debian 12 x86-64 kernel.

use super::getopt;
use crate::registry::Ctx;

const KERNEL: &str = "Linux";
const NODE: &str = "sandbox";
const RELEASE: &str = "6.1.0-28-amd64";
const VERSION: &str = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)";
const MACHINE: &str = "x86_64";

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "uname",
        &argv[1..],
        "asnrvmpio",
        &[
            ("all", 'a'),
            ("kernel-name", 's'),
            ("nodename", 'n'),
            ("kernel-release", 'r'),
            ("machine", 'm'),
        ],
        1,
    ) else {
        return 1;
    };
    if let Some(extra) = opts.operands.first() {
        super::usage(ctx, "uname", &format!("extra operand '{extra}'"));
        return 1;
    }
    let all = opts.has('a');
    let mut parts = Vec::new();
    if all || opts.has('s') || opts.flags.is_empty() {
        parts.push(KERNEL);
    }
    if all || opts.has('n') {
        parts.push(NODE);
    }
    if all || opts.has('r') {
        parts.push(RELEASE);
    }
    if all || opts.has('v') {
        parts.push(VERSION);
    }
    if all || opts.has('m') {
        parts.push(MACHINE);
    }
    if opts.has('p') || opts.has('i') {
        parts.push("unknown");
    }
    if all || opts.has('o') {
        parts.push("GNU/Linux");
    }
    ctx.out(format!("{}\n", parts.join(" ")));
    0
}
