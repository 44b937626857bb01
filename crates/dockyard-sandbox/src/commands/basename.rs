//! `basename NAME [SUFFIX]` and `-a`/`-s SUFFIX`.

use super::{getopt, usage};
use crate::registry::Ctx;

pub(crate) fn base(name: &str) -> String {
    let trimmed = name.trim_end_matches('/');
    if trimmed.is_empty() {
        return if name.is_empty() {
            String::new()
        } else {
            "/".into()
        };
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed).to_string()
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "basename",
        &argv[1..],
        "as:z",
        &[("multiple", 'a'), ("suffix", 's')],
        1,
    ) else {
        return 1;
    };
    let ops = &opts.operands;
    if ops.is_empty() {
        usage(ctx, "basename", "missing operand");
        return 1;
    }
    let multiple = opts.has('a') || opts.has('s');
    let (names, suffix): (Vec<&String>, Option<String>) = if multiple {
        (ops.iter().collect(), opts.value('s').map(str::to_string))
    } else {
        if ops.len() > 2 {
            usage(ctx, "basename", &format!("extra operand '{}'", ops[2]));
            return 1;
        }
        (vec![&ops[0]], ops.get(1).cloned())
    };
    let mut out = String::new();
    for name in names {
        let mut b = base(name);
        if let Some(s) = &suffix {
            if b.len() > s.len() && b.ends_with(s.as_str()) {
                b.truncate(b.len() - s.len());
            }
        }
        out.push_str(&b);
        out.push('\n');
    }
    ctx.out(out);
    0
}
