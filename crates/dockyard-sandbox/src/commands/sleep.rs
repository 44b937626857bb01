//! `sleep`: advances the logical clock instead of waiting (`1.5`, `2m`, `1h`, `1d`).

use super::usage;
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    if argv.len() < 2 {
        usage(ctx, "sleep", "missing operand");
        return 1;
    }
    let mut total = 0.0f64;
    for arg in &argv[1..] {
        let (number, mult) = match arg.chars().last() {
            Some('s') => (&arg[..arg.len() - 1], 1.0),
            Some('m') => (&arg[..arg.len() - 1], 60.0),
            Some('h') => (&arg[..arg.len() - 1], 3600.0),
            Some('d') => (&arg[..arg.len() - 1], 86400.0),
            _ => (arg.as_str(), 1.0),
        };
        match number.parse::<f64>() {
            Ok(v) if v >= 0.0 && !number.starts_with('+') && !number.is_empty() => {
                total += v * mult
            }
            _ => {
                usage(ctx, "sleep", &format!("invalid time interval '{arg}'"));
                return 1;
            }
        }
    }
    let whole = total.ceil().min(1e15) as u64;
    ctx.vfs().advance(whole);
    0
}
