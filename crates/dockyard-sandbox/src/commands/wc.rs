//! `wc` (`-l -w -c -m`) with GNU's column widths: the width of the largest count (at
//! least 7 when standard input is read alone), counts in line-word-byte order.

use super::{fail, getopt};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "wc",
        &argv[1..],
        "lwcmL",
        &[
            ("lines", 'l'),
            ("words", 'w'),
            ("bytes", 'c'),
            ("chars", 'm'),
        ],
        1,
    ) else {
        return 1;
    };
    let mut which: Vec<char> = ['l', 'w', 'm', 'c']
        .into_iter()
        .filter(|c| opts.has(*c))
        .collect();
    if which.is_empty() {
        which = vec!['l', 'w', 'c'];
    }
    let stdin_only = opts.operands.is_empty();
    let operands = if stdin_only {
        vec!["-".to_string()]
    } else {
        opts.operands.clone()
    };
    let mut rows: Vec<(Vec<u64>, Option<String>)> = Vec::new();
    let mut totals = vec![0u64; which.len()];
    let mut status = 0;
    let mut failed_any = false;
    for operand in &operands {
        let data = if operand != "-" && ctx.fs().is_dir(&ctx.path(operand)) {
            fail(ctx, "wc", &format!("{operand}: Is a directory"));
            status = 1;
            failed_any = true;
            rows.push((vec![0; which.len()], Some(operand.clone())));
            continue;
        } else {
            match ctx.read_operand(operand) {
                Ok(d) => d,
                Err(e) => {
                    fail(ctx, "wc", &format!("{operand}: {e}"));
                    status = 1;
                    failed_any = true;
                    continue;
                }
            }
        };
        let text = String::from_utf8_lossy(&data);
        let counts: Vec<u64> = which
            .iter()
            .map(|c| match c {
                'l' => data.iter().filter(|&&b| b == b'\n').count() as u64,
                'w' => text.split_ascii_whitespace().count() as u64,
                'm' => text.chars().count() as u64,
                _ => data.len() as u64,
            })
            .collect();
        for (t, c) in totals.iter_mut().zip(&counts) {
            *t += c;
        }
        let name = if stdin_only {
            None
        } else {
            Some(operand.clone())
        };
        rows.push((counts, name));
    }
    let show_total = operands.len() > 1;
    let mut width = 1;
    if which.len() != 1 || operands.len() != 1 {
        let mut minimum = 1;
        let mut regular_total = 0u64;
        let first_failed = rows.first().is_none_or(|(_, n)| n.is_none() && !stdin_only);
        for operand in &operands {
            if operand == "-" {
                minimum = 7;
            } else if let Ok(meta) = ctx.fs().stat(&ctx.path(operand)) {
                if meta.is_file() {
                    regular_total += meta.size;
                } else {
                    minimum = 7;
                }
            }
        }
        if !first_failed {
            width = regular_total.to_string().len().max(minimum);
        }
    }
    let _ = failed_any;
    let mut out = String::new();
    let mut emit = |counts: &[u64], name: Option<&str>| {
        let cols: Vec<String> = counts.iter().map(|c| format!("{c:>width$}")).collect();
        out.push_str(&cols.join(" "));
        if let Some(name) = name {
            out.push(' ');
            out.push_str(name);
        }
        out.push('\n');
    };
    for (counts, name) in &rows {
        emit(counts, name.as_deref());
    }
    if show_total {
        emit(&totals, Some("total"));
    }
    ctx.out(out);
    status
}
