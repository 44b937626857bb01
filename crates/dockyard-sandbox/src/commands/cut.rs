//! `cut` (`-b`/`-c LIST`, `-f LIST` with `-d DELIM` and `-s`).

use super::{fail, getopt, lines, usage};
use crate::registry::Ctx;

fn parse_list(list: &str) -> Option<Vec<(usize, usize)>> {
    let mut ranges = Vec::new();
    for part in list.split(',') {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (
                if a.is_empty() { 1 } else { a.parse().ok()? },
                if b.is_empty() {
                    usize::MAX
                } else {
                    b.parse().ok()?
                },
            ),
            None => {
                let n = part.parse().ok()?;
                (n, n)
            }
        };
        if a == 0 {
            return None;
        }
        ranges.push((a, b));
    }
    Some(ranges)
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "cut",
        &argv[1..],
        "b:c:f:d:s",
        &[
            ("bytes", 'b'),
            ("characters", 'c'),
            ("fields", 'f'),
            ("delimiter", 'd'),
            ("only-delimited", 's'),
        ],
        1,
    ) else {
        return 1;
    };
    let (mode, list) = match (opts.value('b'), opts.value('c'), opts.value('f')) {
        (Some(l), _, _) => ('c', l),
        (_, Some(l), _) => ('c', l),
        (_, _, Some(l)) => ('f', l),
        _ => {
            usage(
                ctx,
                "cut",
                "you must specify a list of bytes, characters, or fields",
            );
            return 1;
        }
    };
    let Some(ranges) = parse_list(list) else {
        usage(ctx, "cut", "fields and positions are numbered from 1");
        return 1;
    };
    let delim = opts
        .value('d')
        .map_or('\t', |d| d.chars().next().unwrap_or('\t'));
    let selected = |i: usize| ranges.iter().any(|(a, b)| *a <= i && i <= *b);
    let mut operands = opts.operands.clone();
    if operands.is_empty() {
        operands.push("-".into());
    }
    let mut status = 0;
    let mut out = String::new();
    for operand in &operands {
        let data = match ctx.read_operand(operand) {
            Ok(d) => d,
            Err(e) => {
                fail(ctx, "cut", &format!("{operand}: {e}"));
                status = 1;
                continue;
            }
        };
        let text = String::from_utf8_lossy(&data).into_owned();
        for line in lines(text.as_bytes()) {
            let line = std::str::from_utf8(line).unwrap_or("");
            let line = line.strip_suffix('\n').unwrap_or(line);
            if mode == 'c' {
                out.extend(
                    line.chars()
                        .enumerate()
                        .filter(|(i, _)| selected(i + 1))
                        .map(|(_, c)| c),
                );
            } else {
                if !line.contains(delim) {
                    if !opts.has('s') {
                        out.push_str(line);
                        out.push('\n');
                    }
                    continue;
                }
                let fields: Vec<&str> = line
                    .split(delim)
                    .enumerate()
                    .filter(|(i, _)| selected(i + 1))
                    .map(|(_, f)| f)
                    .collect();
                out.push_str(&fields.join(&delim.to_string()));
            }
            out.push('\n');
        }
    }
    ctx.out(out);
    status
}
