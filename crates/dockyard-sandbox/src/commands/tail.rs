//! `tail` (`-n N`, `-n +N`, `-c N`, `-N`, headers for several files; no `-f`).

use super::head::{modernize, parse_count, print_each};
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
    let n = n as usize;
    print_each(ctx, "tail", &opts, |data| {
        if bytes_mode {
            let start = if from_start {
                n.saturating_sub(1).min(data.len())
            } else {
                data.len().saturating_sub(n)
            };
            data[start..].to_vec()
        } else {
            let ls = lines(data);
            let start = if from_start {
                n.saturating_sub(1).min(ls.len())
            } else {
                ls.len().saturating_sub(n)
            };
            ls[start..].concat()
        }
    })
}
