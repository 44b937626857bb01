//! `dirname NAME...`.

use super::usage;
use crate::registry::Ctx;

fn dir(name: &str) -> String {
    let trimmed = name.trim_end_matches('/');
    if trimmed.is_empty() {
        return if name.starts_with('/') {
            "/".into()
        } else {
            ".".into()
        };
    }
    match trimmed.rfind('/') {
        None => ".".into(),
        Some(i) => {
            let d = trimmed[..i].trim_end_matches('/');
            if d.is_empty() {
                "/".into()
            } else {
                d.to_string()
            }
        }
    }
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    if argv.len() < 2 {
        usage(ctx, "dirname", "missing operand");
        return 1;
    }
    let text: String = argv[1..].iter().map(|a| format!("{}\n", dir(a))).collect();
    ctx.out(text);
    0
}
