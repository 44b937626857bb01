//! `date` on the logical clock (UTC): `+FORMAT`, `-d DATE`, `-u`, `-r FILE`, `-I`, `-R`.

use super::{fail, getopt, time};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "date",
        &argv[1..],
        "ud:r:IR",
        &[
            ("utc", 'u'),
            ("date", 'd'),
            ("reference", 'r'),
            ("iso-8601", 'I'),
            ("rfc-email", 'R'),
        ],
        1,
    ) else {
        return 1;
    };
    let now = ctx.now() as i64;
    let mut t = now;
    if let Some(d) = opts.value('d') {
        match time::parse_date(d, now) {
            Some(v) => t = v,
            None => {
                fail(ctx, "date", &format!("invalid date '{d}'"));
                return 1;
            }
        }
    }
    if let Some(r) = opts.value('r') {
        match ctx.fs().stat(&ctx.path(r)) {
            Ok(m) => t = m.mtime as i64,
            Err(e) => {
                fail(ctx, "date", &format!("{r}: {e}"));
                return 1;
            }
        }
    }
    let mut format = "%a %b %e %H:%M:%S %Z %Y".to_string();
    if opts.has('I') {
        format = "%Y-%m-%d".into();
    }
    if opts.has('R') {
        format = "%a, %d %b %Y %H:%M:%S +0000".into();
    }
    for operand in &opts.operands {
        match operand.strip_prefix('+') {
            Some(f) => format = f.to_string(),
            None => {
                fail(ctx, "date", &format!("invalid date '{operand}'"));
                return 1;
            }
        }
    }
    ctx.out(format!("{}\n", time::strftime(&format, t)));
    0
}
