//! `xargs` (`-n N`, `-I STR`, `-0`, `-r`): builds command lines from standard input.

use super::getopt;
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    // Options stop at the command.
    let mut split = 1;
    while split < argv.len() && argv[split].starts_with('-') {
        if matches!(argv[split].as_str(), "-n" | "-I" | "-d") {
            split += 1;
        }
        split += 1;
    }
    let split = split.min(argv.len());
    let Ok(opts) = getopt(
        ctx,
        "xargs",
        &argv[1..split],
        "n:I:0rtd:",
        &[("max-args", 'n'), ("null", '0'), ("no-run-if-empty", 'r')],
        1,
    ) else {
        return 1;
    };
    let mut command: Vec<String> = argv[split..].to_vec();
    if command.is_empty() {
        command.push("echo".into());
    }
    let input = String::from_utf8_lossy(&ctx.stdin()).into_owned();
    let items: Vec<String> = if opts.has('0') {
        input
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    } else if opts.value('I').is_some() {
        input
            .lines()
            .map(|l| l.trim_start().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        split_words(&input)
    };
    let mut status = 0;
    let mut run_one = |ctx: &mut Ctx<'_>, argv: Vec<String>| {
        if opts.has('t') {
            ctx.err(format!("{}\n", argv.join(" ")));
        }
        let s = ctx.exec(&argv);
        if s == 127 || s == 126 {
            return Err(s);
        }
        if s != 0 {
            status = 123;
        }
        Ok(())
    };
    if let Some(marker) = opts.value('I') {
        for item in items {
            let line: Vec<String> = command.iter().map(|a| a.replace(marker, &item)).collect();
            if let Err(s) = run_one(ctx, line) {
                return s;
            }
        }
        return status;
    }
    if items.is_empty() {
        if opts.has('r') {
            return 0;
        }
        if let Err(s) = run_one(ctx, command.clone()) {
            return s;
        }
        return status;
    }
    let per = opts
        .value('n')
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(usize::MAX);
    for chunk in items.chunks(per.min(items.len())) {
        let mut line = command.clone();
        line.extend(chunk.iter().cloned());
        if let Err(s) = run_one(ctx, line) {
            return s;
        }
    }
    status
}

fn split_words(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut has = false;
    let mut quote: Option<char> = None;
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                has = true;
            }
            (None, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                    has = true;
                }
            }
            (None, c) if c.is_whitespace() => {
                if has || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            (None, c) => cur.push(c),
        }
    }
    if has || !cur.is_empty() {
        out.push(cur);
    }
    out
}
