//! `head` (`-n N`, `-c N`, `-N`, negative counts, headers for several files).

use super::{fail, getopt, lines, Opts};
use crate::registry::Ctx;

/// Turns the obsolete `-N` form into `-n N`.
pub(crate) fn modernize(args: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        if i == 0
            && arg.len() > 1
            && arg.starts_with('-')
            && arg[1..].bytes().all(|b| b.is_ascii_digit())
        {
            out.push("-n".into());
            out.push(arg[1..].to_string());
        } else {
            out.push(arg.clone());
        }
    }
    out
}

pub(crate) fn parse_count(s: &str) -> Option<(bool, u64)> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (digits, mult) = match digits.char_indices().last() {
        Some((i, 'k')) | Some((i, 'K')) => (&digits[..i], 1024),
        Some((i, 'M')) => (&digits[..i], 1024 * 1024),
        Some((i, 'b')) => (&digits[..i], 512),
        _ => (digits, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .map(|n| (neg, n.saturating_mul(mult)))
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let args = modernize(&argv[1..]);
    let Ok(opts) = getopt(
        ctx,
        "head",
        &args,
        "n:c:qv",
        &[
            ("lines", 'n'),
            ("bytes", 'c'),
            ("quiet", 'q'),
            ("verbose", 'v'),
        ],
        1,
    ) else {
        return 1;
    };
    let mut bytes_mode = false;
    let mut count = (false, 10u64);
    for (flag, value) in &opts.flags {
        if let Some(v) = value {
            match parse_count(v) {
                Some(c) => count = c,
                None => {
                    let what = if *flag == 'c' { "bytes" } else { "lines" };
                    fail(ctx, "head", &format!("invalid number of {what}: '{v}'"));
                    return 1;
                }
            }
            bytes_mode = *flag == 'c';
        }
    }
    let (neg, n) = count;
    let n = n as usize;
    print_each(ctx, "head", &opts, |data| {
        if bytes_mode {
            let end = if neg {
                data.len().saturating_sub(n)
            } else {
                n.min(data.len())
            };
            data[..end].to_vec()
        } else {
            let ls = lines(data);
            let end = if neg {
                ls.len().saturating_sub(n)
            } else {
                n.min(ls.len())
            };
            ls[..end].concat()
        }
    })
}

/// Prints `pick(contents)` for each operand (standard input when there is
/// none), with `==> name <==` headers when several are shown (or `-v`,
/// unless `-q`), as GNU head and tail do. Returns the exit status.
pub(super) fn print_each(
    ctx: &mut Ctx<'_>,
    program: &str,
    opts: &Opts,
    pick: impl Fn(&[u8]) -> Vec<u8>,
) -> i32 {
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
                    program,
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
        if !ctx.out(pick(&data)) {
            return 1;
        }
    }
    status
}
