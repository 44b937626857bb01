//! `tr` (`-d`, `-s`, `-c`; ranges `a-z`, classes `[:upper:]`, escapes `\n`).

use super::{getopt, usage};
use crate::registry::Ctx;

fn expand(set: &str) -> Vec<char> {
    let chars: Vec<char> = set.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '[' && chars.get(i + 1) == Some(&':') {
            let rest: String = chars[i + 2..].iter().collect();
            if let Some(end) = rest.find(":]") {
                let name = &rest[..end];
                let members: Vec<char> = (0u8..128)
                    .map(char::from)
                    .filter(|c| match name {
                        "upper" => c.is_ascii_uppercase(),
                        "lower" => c.is_ascii_lowercase(),
                        "alpha" => c.is_ascii_alphabetic(),
                        "digit" => c.is_ascii_digit(),
                        "alnum" => c.is_ascii_alphanumeric(),
                        "space" => c.is_ascii_whitespace() || *c == '\x0b',
                        "blank" => *c == ' ' || *c == '\t',
                        "punct" => c.is_ascii_punctuation(),
                        "cntrl" => c.is_ascii_control(),
                        "print" => c.is_ascii_graphic() || *c == ' ',
                        "graph" => c.is_ascii_graphic(),
                        "xdigit" => c.is_ascii_hexdigit(),
                        _ => false,
                    })
                    .collect();
                out.extend(members);
                i += 2 + end + 2;
                continue;
            }
        }
        let c = if chars[i] == '\\' && i + 1 < chars.len() {
            i += 1;
            match chars[i] {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '\\' => '\\',
                other => other,
            }
        } else {
            chars[i]
        };
        if chars.get(i + 1) == Some(&'-') && i + 2 < chars.len() {
            let hi = chars[i + 2];
            if hi >= c {
                out.extend((c..=hi).collect::<Vec<char>>());
            }
            i += 3;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "tr",
        &argv[1..],
        "dscC",
        &[
            ("delete", 'd'),
            ("squeeze-repeats", 's'),
            ("complement", 'c'),
        ],
        1,
    ) else {
        return 1;
    };
    let ops = &opts.operands;
    let delete = opts.has('d');
    let squeeze = opts.has('s');
    let complement = opts.has('c') || opts.has('C');
    if ops.is_empty() {
        usage(ctx, "tr", "missing operand");
        return 1;
    }
    if !delete && !squeeze && ops.len() < 2 {
        usage(
            ctx,
            "tr",
            &format!(
                "missing operand after '{}'\nTwo strings must be given when translating.",
                ops[0]
            ),
        );
        return 1;
    }
    let set1 = expand(&ops[0]);
    let set2 = ops.get(1).map(|s| expand(s)).unwrap_or_default();
    let in1 = |c: char| set1.contains(&c) != complement;
    let input = String::from_utf8_lossy(&ctx.stdin()).into_owned();
    let mut out = String::new();
    let mut last: Option<char> = None;
    for c in input.chars() {
        if delete && in1(c) {
            continue;
        }
        let mapped = if !delete && !set2.is_empty() && in1(c) {
            if complement {
                *set2.last().unwrap_or(&c)
            } else {
                let idx = set1.iter().position(|x| *x == c).unwrap_or(0);
                *set2.get(idx).unwrap_or(set2.last().unwrap_or(&c))
            }
        } else {
            c
        };
        let squeeze_set: &dyn Fn(char) -> bool = if delete || set2.is_empty() {
            &in1
        } else {
            &|x: char| set2.contains(&x)
        };
        if squeeze && last == Some(mapped) && squeeze_set(mapped) {
            continue;
        }
        out.push(mapped);
        last = Some(mapped);
    }
    ctx.out(out);
    0
}
