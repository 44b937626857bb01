//! `sort` (`-r -n -u -f -k N[,M] -t SEP -o FILE`) in the C locale (byte order).

use std::cmp::Ordering;

use super::{fail, getopt, lines};
use crate::registry::Ctx;

fn numeric_prefix(s: &str) -> f64 {
    let t = s.trim_start();
    let mut end = 0;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() || c == '.' || (i == 0 && c == '-') {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    t[..end].parse().unwrap_or(0.0)
}

fn key(line: &str, spec: Option<(usize, Option<usize>)>, sep: Option<char>) -> &str {
    let Some((start, end)) = spec else {
        return line;
    };
    let fields: Vec<(usize, usize)> = match sep {
        Some(c) => {
            let mut v = Vec::new();
            let mut s = 0;
            for (i, ch) in line.char_indices() {
                if ch == c {
                    v.push((s, i));
                    s = i + ch.len_utf8();
                }
            }
            v.push((s, line.len()));
            v
        }
        None => {
            // Blank-separated: each field includes its leading blanks.
            let mut v = Vec::new();
            let b = line.as_bytes();
            let mut i = 0;
            while i < b.len() {
                let s = i;
                while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                    i += 1;
                }
                while i < b.len() && b[i] != b' ' && b[i] != b'\t' {
                    i += 1;
                }
                v.push((s, i));
            }
            v
        }
    };
    if start == 0 || start > fields.len() {
        return "";
    }
    let from = fields[start - 1].0;
    let to = match end {
        Some(e) if e >= start && e <= fields.len() => fields[e - 1].1,
        Some(_) => fields.get(start - 1).map_or(line.len(), |f| f.1),
        None => line.len(),
    };
    &line[from..to.max(from)]
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "sort",
        &argv[1..],
        "rnufbk:t:o:hV",
        &[
            ("reverse", 'r'),
            ("numeric-sort", 'n'),
            ("unique", 'u'),
            ("ignore-case", 'f'),
            ("key", 'k'),
            ("field-separator", 't'),
            ("output", 'o'),
        ],
        2,
    ) else {
        return 2;
    };
    let numeric = opts.has('n') || opts.has('h');
    let fold = opts.has('f');
    let sep = opts.value('t').and_then(|t| t.chars().next());
    let spec = match opts.value('k') {
        Some(k) => {
            let k: String = k
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == ',')
                .collect();
            let mut parts = k.split(',');
            let start = parts.next().and_then(|s| s.parse().ok());
            let end = parts.next().and_then(|s| s.parse().ok());
            match start {
                Some(s) => Some((s, end)),
                None => {
                    fail(
                        ctx,
                        "sort",
                        "invalid number at field start: invalid count at start of ''",
                    );
                    return 2;
                }
            }
        }
        None => None,
    };
    let mut operands = opts.operands.clone();
    if operands.is_empty() {
        operands.push("-".into());
    }
    let mut all = Vec::new();
    for operand in &operands {
        match ctx.read_operand(operand) {
            Ok(d) => all.extend(d),
            Err(e) => {
                fail(ctx, "sort", &format!("cannot read: {operand}: {e}"));
                return 2;
            }
        }
        if !all.is_empty() && !all.ends_with(b"\n") {
            all.push(b'\n');
        }
    }
    let text = String::from_utf8_lossy(&all).into_owned();
    let mut items: Vec<&str> = lines(text.as_bytes())
        .iter()
        .map(|l| {
            let s = std::str::from_utf8(l).unwrap_or("");
            s.strip_suffix('\n').unwrap_or(s)
        })
        .collect();
    let compare = |a: &&str, b: &&str| -> Ordering {
        let ka = key(a, spec, sep);
        let kb = key(b, spec, sep);
        if numeric {
            numeric_prefix(ka)
                .partial_cmp(&numeric_prefix(kb))
                .unwrap_or(Ordering::Equal)
        } else if fold {
            ka.to_ascii_uppercase().cmp(&kb.to_ascii_uppercase())
        } else {
            ka.as_bytes().cmp(kb.as_bytes())
        }
    };
    let reverse = opts.has('r');
    items.sort_by(|a, b| {
        let primary = compare(a, b);
        let ord = if primary == Ordering::Equal && !opts.has('u') {
            a.as_bytes().cmp(b.as_bytes())
        } else {
            primary
        };
        if reverse {
            ord.reverse()
        } else {
            ord
        }
    });
    if opts.has('u') {
        items.dedup_by(|a, b| compare(a, b) == Ordering::Equal);
    }
    let mut out = String::new();
    for item in items {
        out.push_str(item);
        out.push('\n');
    }
    if let Some(file) = opts.value('o') {
        let path = ctx.path(file);
        if let Err(e) = ctx.vfs().write(&path, out.as_bytes()) {
            fail(ctx, "sort", &format!("open failed: {file}: {e}"));
            return 2;
        }
        return 0;
    }
    ctx.out(out);
    0
}
