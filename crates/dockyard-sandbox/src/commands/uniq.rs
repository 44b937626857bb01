//! `uniq` (`-c -d -u -i`).

use super::{fail, getopt, lines};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "uniq",
        &argv[1..],
        "cdui",
        &[
            ("count", 'c'),
            ("repeated", 'd'),
            ("unique", 'u'),
            ("ignore-case", 'i'),
        ],
        1,
    ) else {
        return 1;
    };
    let input = opts.operands.first().cloned().unwrap_or_else(|| "-".into());
    let data = match ctx.read_operand(&input) {
        Ok(d) => d,
        Err(e) => {
            fail(ctx, "uniq", &format!("{input}: {e}"));
            return 1;
        }
    };
    let text = String::from_utf8_lossy(&data).into_owned();
    let items: Vec<&str> = lines(text.as_bytes())
        .iter()
        .map(|l| {
            let s = std::str::from_utf8(l).unwrap_or("");
            s.strip_suffix('\n').unwrap_or(s)
        })
        .collect();
    let same = |a: &str, b: &str| {
        if opts.has('i') {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    let mut out = String::new();
    let mut i = 0;
    while i < items.len() {
        let mut j = i + 1;
        while j < items.len() && same(items[i], items[j]) {
            j += 1;
        }
        let count = j - i;
        let show = (!opts.has('d') || count > 1) && (!opts.has('u') || count == 1);
        if show {
            if opts.has('c') {
                out.push_str(&format!("{count:>7} "));
            }
            out.push_str(items[i]);
            out.push('\n');
        }
        i = j;
    }
    if let Some(output) = opts.operands.get(1) {
        let path = ctx.path(output);
        let _ = ctx.vfs().write(&path, out.as_bytes());
        return 0;
    }
    ctx.out(out);
    0
}
