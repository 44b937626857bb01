//! `grep` (GNU grep 3.8's messages and statuses): `-E -F -G -i -v -n -c -q -s -r -R -l
//! -L -o -H -h -w -x -e`, over files, directories (`-r`) and standard input, with the
//! crate's own POSIX regex engine.

use super::{fail, getopt, lines};
use crate::regex::{Regex, Syntax};
use crate::registry::Ctx;

struct Grep {
    regexes: Vec<Regex>,
    invert: bool,
    number: bool,
    count: bool,
    quiet: bool,
    silent: bool,
    list: bool,
    list_missing: bool,
    only: bool,
    word: bool,
    line: bool,
    names: bool,
}

impl Grep {
    fn matches_at(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start <= text.len() {
            let best = self
                .regexes
                .iter()
                .filter_map(|r| self.find(r, text, start))
                .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let Some((s, e)) = best else { break };
            out.push((s, e));
            start = if e > s {
                e
            } else {
                e + text[e..].chars().next().map_or(1, char::len_utf8)
            };
            if !self.only {
                break;
            }
        }
        out
    }

    fn find(&self, regex: &Regex, text: &str, from: usize) -> Option<(usize, usize)> {
        let mut start = from;
        while start <= text.len() {
            let m = regex.find_at(text, start)?;
            let ok = if self.line {
                m.start == 0 && m.end == text.len()
            } else if self.word {
                let before = text[..m.start].chars().next_back();
                let after = text[m.end..].chars().next();
                let w = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !w(before) && !w(after) && m.end > m.start
            } else {
                true
            };
            if ok {
                return Some((m.start, m.end));
            }
            start = m.start + text[m.start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }

    fn selected(&self, text: &str) -> bool {
        let hit = if self.line || self.word {
            !self.matches_at(text).is_empty()
        } else {
            self.regexes.iter().any(|r| r.is_match(text))
        };
        hit != self.invert
    }
}

pub fn run_egrep(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let mut args = vec!["grep".to_string(), "-E".to_string()];
    args.extend(argv[1..].iter().cloned());
    run(ctx, &args)
}

pub fn run_fgrep(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let mut args = vec!["grep".to_string(), "-F".to_string()];
    args.extend(argv[1..].iter().cloned());
    run(ctx, &args)
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let long = [
        ("extended-regexp", 'E'),
        ("fixed-strings", 'F'),
        ("basic-regexp", 'G'),
        ("ignore-case", 'i'),
        ("invert-match", 'v'),
        ("line-number", 'n'),
        ("count", 'c'),
        ("quiet", 'q'),
        ("silent", 'q'),
        ("no-messages", 's'),
        ("recursive", 'r'),
        ("dereference-recursive", 'R'),
        ("files-with-matches", 'l'),
        ("files-without-match", 'L'),
        ("only-matching", 'o'),
        ("with-filename", 'H'),
        ("no-filename", 'h'),
        ("word-regexp", 'w'),
        ("line-regexp", 'x'),
        ("regexp", 'e'),
    ];
    let Ok(opts) = getopt(ctx, "grep", &argv[1..], "EFGivncqsrRlLoHhwxe:", &long, 2) else {
        return 2;
    };
    let mut syntax = Syntax::Basic;
    for (f, _) in &opts.flags {
        match f {
            'E' => syntax = Syntax::Extended,
            'F' => syntax = Syntax::Fixed,
            'G' => syntax = Syntax::Basic,
            _ => {}
        }
    }
    let mut operands = opts.operands.clone();
    let mut patterns: Vec<String> = opts
        .flags
        .iter()
        .filter(|(f, _)| *f == 'e')
        .filter_map(|(_, v)| v.clone())
        .collect();
    if patterns.is_empty() {
        if operands.is_empty() {
            ctx.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            return 2;
        }
        patterns.push(operands.remove(0));
    }
    let mut regexes = Vec::new();
    for pattern in patterns.iter().flat_map(|p| p.split('\n')) {
        match Regex::new(pattern, syntax, opts.has('i')) {
            Ok(r) => regexes.push(r),
            Err(e) => {
                fail(ctx, "grep", &e.0);
                return 2;
            }
        }
    }
    let recursive = opts.has('r') || opts.has('R');
    if operands.is_empty() {
        operands.push(if recursive { ".".into() } else { "-".into() });
    }
    let mut names = (operands.len() > 1 || recursive) && !opts.has('h');
    if opts.has('H') {
        names = true;
    }
    let grep = Grep {
        regexes,
        invert: opts.has('v'),
        number: opts.has('n'),
        count: opts.has('c'),
        quiet: opts.has('q'),
        silent: opts.has('s'),
        list: opts.has('l'),
        list_missing: opts.has('L'),
        only: opts.has('o'),
        word: opts.has('w'),
        line: opts.has('x'),
        names,
    };
    let mut any = false;
    let mut error = false;
    for operand in &operands {
        if grep.quiet && any {
            break;
        }
        visit(ctx, &grep, operand, recursive, &mut any, &mut error, 0);
    }
    if grep.quiet && any {
        return 0;
    }
    if error {
        2
    } else if any {
        0
    } else {
        1
    }
}

fn visit(
    ctx: &mut Ctx<'_>,
    grep: &Grep,
    operand: &str,
    recursive: bool,
    any: &mut bool,
    error: &mut bool,
    depth: usize,
) {
    if operand != "-" && ctx.fs().is_dir(&ctx.path(operand)) {
        if !recursive {
            if !grep.silent {
                fail(ctx, "grep", &format!("{operand}: Is a directory"));
            }
            *error = true;
            return;
        }
        if depth > 100 || !ctx.step() {
            return;
        }
        let path = ctx.path(operand);
        for entry in ctx.fs().read_dir(&path).unwrap_or_default() {
            if depth > 0 && entry.kind == dockyard_vfs::EntryKind::Symlink {
                continue;
            }
            let sub = if operand.ends_with('/') {
                format!("{operand}{}", entry.name)
            } else {
                format!("{operand}/{}", entry.name)
            };
            visit(ctx, grep, &sub, recursive, any, error, depth + 1);
        }
        return;
    }
    let data = match ctx.read_operand(operand) {
        Ok(d) => d,
        Err(e) => {
            if !grep.silent {
                fail(ctx, "grep", &format!("{operand}: {e}"));
            }
            *error = true;
            return;
        }
    };
    let label = if operand == "-" {
        "(standard input)"
    } else {
        operand
    };
    let binary = data.contains(&0);
    let text = String::from_utf8_lossy(&data).into_owned();
    let mut count = 0;
    let mut out = String::new();
    for (i, line) in lines(text.as_bytes()).iter().enumerate() {
        let line = std::str::from_utf8(line).unwrap_or("");
        let line = line.strip_suffix('\n').unwrap_or(line);
        if !grep.selected(line) {
            continue;
        }
        count += 1;
        *any = true;
        if grep.quiet || grep.list || grep.list_missing {
            break;
        }
        if grep.count || binary {
            continue;
        }
        let prefix = {
            let mut p = String::new();
            if grep.names {
                p.push_str(label);
                p.push(':');
            }
            if grep.number {
                p.push_str(&(i + 1).to_string());
                p.push(':');
            }
            p
        };
        if grep.only && !grep.invert {
            for (s, e) in grep.matches_at(line) {
                if e > s {
                    out.push_str(&prefix);
                    out.push_str(&line[s..e]);
                    out.push('\n');
                }
            }
        } else if !grep.only {
            out.push_str(&prefix);
            out.push_str(line);
            out.push('\n');
        }
    }
    if grep.quiet {
        return;
    }
    if grep.list {
        if count > 0 {
            out = format!("{label}\n");
        }
    } else if grep.list_missing {
        out = if count == 0 {
            format!("{label}\n")
        } else {
            String::new()
        };
    } else if grep.count {
        out = if grep.names {
            format!("{label}:{count}\n")
        } else {
            format!("{count}\n")
        };
    } else if binary && count > 0 {
        out = format!("grep: {label}: binary file matches\n");
    }
    ctx.out(out);
}
