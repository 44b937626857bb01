//! `tail` (`-n N`, `-n +N`, `-c N`, `-N`, headers for several files; no `-f`).

use super::head::{modernize, parse_count};
use super::{fail, getopt, lines};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let args = modernize(&argv[1..]);
    let Ok(opts) = getopt(
        ctx,
        "tail",
        &args,
        "n:c:qvf",
        &[
            ("lines", 'n'),
            ("bytes", 'c'),
            ("quiet", 'q'),
            ("verbose", 'v'),
            ("follow", 'f'),
        ],
        1,
    ) else {
        return 1;
    };
    let mut bytes_mode = false;
    let mut from_start = false;
    let mut n = 10u64;
    for (flag, value) in &opts.flags {
        if let Some(v) = value {
            match parse_count(v) {
                Some((_, c)) => {
                    n = c;
                    from_start = v.starts_with('+');
                }
                None => {
                    let what = if *flag == 'c' { "bytes" } else { "lines" };
                    fail(ctx, "tail", &format!("invalid number of {what}: '{v}'"));
                    return 1;
                }
            }
            bytes_mode = *flag == 'c';
        }
    }
    let mut operands = opts.operands.clone();
    if operands.is_empty() {
        operands.push("-".into());
    }
    let headers = (operands.len() > 1 || opts.has('v')) && !opts.has('q');
    let mut status = 0;
    let mut first = true;
    for operand in &operands {
        let data = match ctx.read_operand(operand) {
            Ok(d) => d,
            Err(e) => {
                fail(
                    ctx,
                    "tail",
                    &format!("cannot open '{operand}' for reading: {e}"),
                );
                status = 1;
                continue;
            }
        };
        if headers {
            let name = if operand == "-" {
                "standard input"
            } else {
                operand
            };
            ctx.out(format!("{}==> {name} <==\n", if first { "" } else { "\n" }));
        }
        first = false;
        let n = n as usize;
        let out: Vec<u8> = if bytes_mode {
            let start = if from_start {
                n.saturating_sub(1).min(data.len())
            } else {
                data.len().saturating_sub(n)
            };
            data[start..].to_vec()
        } else {
            let ls = lines(&data);
            let start = if from_start {
                n.saturating_sub(1).min(ls.len())
            } else {
                ls.len().saturating_sub(n)
            };
            ls[start..].concat()
        };
        if !ctx.out(out) {
            return 1;
        }
    }
    status
}
