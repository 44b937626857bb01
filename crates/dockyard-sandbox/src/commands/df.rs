//! `df`: a fixed report for the sandbox's one filesystem (`-h` for human sizes).

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let usage = ctx.fs().usage();
    let limits = ctx.fs().limits();
    let used_k = usage.bytes.div_ceil(1024);
    let total_k = limits.max_total_bytes / 1024;
    let avail_k = total_k.saturating_sub(used_k);
    let pct = if total_k == 0 {
        0
    } else {
        (used_k * 100).div_ceil(total_k)
    };
    let human = argv[1..].iter().any(|a| a == "-h");
    let text = if human {
        let h = |k: u64| {
            if k >= 1024 {
                format!("{}M", k.div_ceil(1024))
            } else {
                format!("{k}K")
            }
        };
        format!("Filesystem      Size  Used Avail Use% Mounted on\nsandbox {:>10} {:>5} {:>5} {:>3}% /\n", h(total_k), h(used_k), h(avail_k), pct)
    } else {
        format!("Filesystem     1K-blocks  Used Available Use% Mounted on\nsandbox {:>17} {:>5} {:>9} {:>3}% /\n", total_k, used_k, avail_k, pct)
    };
    ctx.out(text);
    0
}
