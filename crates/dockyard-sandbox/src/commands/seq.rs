//! `seq [FIRST [INCREMENT]] LAST` (integers and decimals; `-s SEP`, `-w`).

use super::{fail, usage};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let mut sep = "\n".to_string();
    let mut width = false;
    let mut nums = Vec::new();
    let mut i = 1;
    while i < argv.len() {
        let a = &argv[i];
        if a == "-s" {
            i += 1;
            sep = argv.get(i).cloned().unwrap_or_default();
        } else if let Some(s) = a.strip_prefix("-s") {
            sep = s.to_string();
        } else if a == "-w" {
            width = true;
        } else {
            nums.push(a.clone());
        }
        i += 1;
    }
    if nums.is_empty() {
        usage(ctx, "seq", "missing operand");
        return 1;
    }
    if nums.len() > 3 {
        usage(ctx, "seq", &format!("extra operand '{}'", nums[3]));
        return 1;
    }
    let mut values = Vec::new();
    for n in &nums {
        match n.parse::<f64>() {
            Ok(v) if v.is_finite() => values.push(v),
            _ => {
                usage(
                    ctx,
                    "seq",
                    &format!("invalid floating point argument: '{n}'"),
                );
                return 1;
            }
        }
    }
    let decimals = nums
        .iter()
        .map(|n| n.split_once('.').map_or(0, |(_, d)| d.len()))
        .max()
        .unwrap_or(0);
    let (first, step, last) = match values.len() {
        1 => (1.0, 1.0, values[0]),
        2 => (values[0], 1.0, values[1]),
        _ => (values[0], values[1], values[2]),
    };
    if step == 0.0 {
        fail(
            ctx,
            "seq",
            &format!("invalid Zero increment value: '{}'", nums[1]),
        );
        return 1;
    }
    let fmt = |v: f64| format!("{v:.decimals$}");
    let pad = if width {
        fmt(first).len().max(fmt(last).len())
    } else {
        0
    };
    let mut out = String::new();
    let mut k = 0u64;
    loop {
        let v = first + step * k as f64;
        if (step > 0.0 && v > last + 1e-9) || (step < 0.0 && v < last - 1e-9) {
            break;
        }
        if k > 0 {
            out.push_str(&sep);
        }
        let text = fmt(v);
        out.push_str(&format!("{text:0>pad$}"));
        k += 1;
        if out.len() > 64 * 1024 && !ctx.out(std::mem::take(&mut out)) {
            return 1;
        }
    }
    if k > 0 {
        out.push('\n');
    }
    ctx.out(out);
    0
}
