//! `sed`, a subset: `-n -e -f -i -E -r -s`, addresses (`N`, `$`, `/re/`, `a,b`, `!`),
//! and the commands `s///` (flags `g p N i I`), `p d q = y a i c`. Other commands
//! say they are not supported in this sandbox.

use super::{fail, getopt, lines};
use crate::regex::{Regex, Syntax};
use crate::registry::Ctx;

#[derive(Debug, Clone)]
enum Addr {
    Line(usize),
    Last,
    Re(Regex),
}

#[derive(Debug, Clone)]
enum Cmd {
    Subst {
        re: Regex,
        replacement: String,
        global: bool,
        nth: usize,
        print: bool,
    },
    Print,
    Delete,
    Quit,
    LineNumber,
    Translate(Vec<char>, Vec<char>),
    Append(String),
    Insert(String),
    Change(String),
}

#[derive(Debug, Clone)]
struct Rule {
    start: Option<Addr>,
    end: Option<Addr>,
    negate: bool,
    cmd: Cmd,
    active: bool,
}

fn parse_regex(chars: &[char], i: &mut usize, delim: char) -> Option<String> {
    let mut out = String::new();
    while *i < chars.len() {
        let c = chars[*i];
        if c == '\\' && *i + 1 < chars.len() {
            let n = chars[*i + 1];
            if n == delim {
                out.push(n);
            } else if n == 'n' {
                out.push('\n');
            } else {
                out.push('\\');
                out.push(n);
            }
            *i += 2;
            continue;
        }
        if c == delim {
            *i += 1;
            return Some(out);
        }
        out.push(c);
        *i += 1;
    }
    None
}

fn parse_script(script: &str, syntax: Syntax) -> Result<Vec<Rule>, String> {
    let chars: Vec<char> = script.chars().collect();
    let mut i = 0;
    let mut rules = Vec::new();
    let err = |i: usize, m: &str| format!("-e expression #1, char {}: {m}", i);
    let compile =
        |re: &str, icase: bool, i: usize| Regex::new(re, syntax, icase).map_err(|e| err(i, &e.0));
    loop {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == ';') {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let addr = |i: &mut usize| -> Result<Option<Addr>, String> {
            if *i < chars.len() && chars[*i].is_ascii_digit() {
                let s = *i;
                while *i < chars.len() && chars[*i].is_ascii_digit() {
                    *i += 1;
                }
                let n: String = chars[s..*i].iter().collect();
                return Ok(Some(Addr::Line(n.parse().unwrap_or(0))));
            }
            if *i < chars.len() && chars[*i] == '$' {
                *i += 1;
                return Ok(Some(Addr::Last));
            }
            if *i < chars.len() && (chars[*i] == '/' || chars[*i] == '\\') {
                let delim = if chars[*i] == '\\' {
                    *i += 1;
                    chars.get(*i).copied().unwrap_or('/')
                } else {
                    '/'
                };
                *i += 1;
                let re = parse_regex(&chars, i, delim)
                    .ok_or_else(|| err(*i, "unterminated address regex"))?;
                let icase = *i < chars.len() && chars[*i] == 'I';
                if icase {
                    *i += 1;
                }
                return Ok(Some(Addr::Re(compile(&re, icase, *i)?)));
            }
            Ok(None)
        };
        let start = addr(&mut i)?;
        let mut end = None;
        if start.is_some() && i < chars.len() && chars[i] == ',' {
            i += 1;
            end = addr(&mut i)?;
            if end.is_none() {
                return Err(err(i, "unexpected `,'"));
            }
        }
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let mut negate = false;
        if i < chars.len() && chars[i] == '!' {
            negate = true;
            i += 1;
        }
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let Some(&c) = chars.get(i) else {
            return Err(err(i, "missing command"));
        };
        i += 1;
        let text_arg = |i: &mut usize| -> String {
            while *i < chars.len() && (chars[*i] == ' ' || chars[*i] == '\\') {
                *i += 1;
                if *i < chars.len() && chars[*i - 1] == '\\' && chars[*i] == '\n' {
                    *i += 1;
                    break;
                }
            }
            let s = *i;
            while *i < chars.len() && chars[*i] != '\n' {
                *i += 1;
            }
            chars[s..*i].iter().collect()
        };
        let cmd = match c {
            's' => {
                let Some(&delim) = chars.get(i) else {
                    return Err(err(i, "unterminated `s' command"));
                };
                i += 1;
                let re = parse_regex(&chars, &mut i, delim)
                    .ok_or_else(|| err(i, "unterminated `s' command"))?;
                let mut replacement = String::new();
                let mut closed = false;
                while i < chars.len() {
                    let ch = chars[i];
                    if ch == '\\' && i + 1 < chars.len() {
                        if chars[i + 1] == delim {
                            replacement.push(delim);
                        } else {
                            replacement.push('\\');
                            replacement.push(chars[i + 1]);
                        }
                        i += 2;
                        continue;
                    }
                    i += 1;
                    if ch == delim {
                        closed = true;
                        break;
                    }
                    replacement.push(ch);
                }
                if !closed {
                    return Err(err(i, "unterminated `s' command"));
                }
                let (mut global, mut nth, mut print, mut icase) = (false, 1, false, false);
                while i < chars.len() && !matches!(chars[i], ';' | '\n' | '}' | ' ') {
                    match chars[i] {
                        'g' => global = true,
                        'p' => print = true,
                        'i' | 'I' => icase = true,
                        d if d.is_ascii_digit() => nth = d.to_digit(10).unwrap_or(1) as usize,
                        _ => return Err(err(i + 1, "unknown option to `s'")),
                    }
                    i += 1;
                }
                Cmd::Subst {
                    re: compile(&re, icase, i)?,
                    replacement,
                    global,
                    nth,
                    print,
                }
            }
            'p' => Cmd::Print,
            'd' => Cmd::Delete,
            'q' => Cmd::Quit,
            '=' => Cmd::LineNumber,
            'a' => Cmd::Append(text_arg(&mut i)),
            'i' => Cmd::Insert(text_arg(&mut i)),
            'c' => Cmd::Change(text_arg(&mut i)),
            'y' => {
                let delim = chars.get(i).copied().unwrap_or('/');
                i += 1;
                let a = parse_regex(&chars, &mut i, delim)
                    .ok_or_else(|| err(i, "unterminated `y' command"))?;
                let b = parse_regex(&chars, &mut i, delim)
                    .ok_or_else(|| err(i, "unterminated `y' command"))?;
                let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                if a.len() != b.len() {
                    return Err(err(i, "strings for `y' command are different lengths"));
                }
                Cmd::Translate(a, b)
            }
            'n' | 'N' | 'D' | 'P' | 'h' | 'H' | 'g' | 'G' | 'x' | 'b' | 't' | 'T' | ':' | 'l'
            | 'r' | 'w' | '{' | '}' | 'z' | 'e' | 'F' | 'Q' | 'R' | 'W' | 'v' => {
                return Err(format!("command `{c}' is not supported in this sandbox"));
            }
            other => return Err(err(i, &format!("unknown command: `{other}'"))),
        };
        rules.push(Rule {
            start,
            end,
            negate,
            cmd,
            active: false,
        });
    }
    Ok(rules)
}

fn substitute(
    re: &Regex,
    replacement: &str,
    line: &str,
    global: bool,
    nth: usize,
) -> Option<String> {
    let mut out = String::new();
    let mut pos = 0;
    let mut count = 0;
    let mut changed = false;
    let mut previous_end: Option<usize> = None;
    while pos <= line.len() {
        let Some(m) = re.find_at(line, pos) else {
            break;
        };
        if m.start == m.end && previous_end == Some(m.start) {
            // An empty match right after a match does not count (GNU sed).
            match line[m.start..].chars().next() {
                Some(c) => {
                    out.push(c);
                    pos = m.start + c.len_utf8();
                    continue;
                }
                None => break,
            }
        }
        previous_end = Some(m.end);
        count += 1;
        if count >= nth {
            out.push_str(&line[pos..m.start]);
            let mut chars = replacement.chars();
            while let Some(c) = chars.next() {
                match c {
                    '&' => out.push_str(&line[m.start..m.end]),
                    '\\' => match chars.next() {
                        Some(d @ '1'..='9') => {
                            let g = d as usize - '0' as usize;
                            if let Some(Some((s, e))) = m.groups.get(g) {
                                out.push_str(&line[*s..*e]);
                            }
                        }
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some(o) => out.push(o),
                        None => out.push('\\'),
                    },
                    _ => out.push(c),
                }
            }
            changed = true;
        } else {
            out.push_str(&line[pos..m.end]);
        }
        if m.end == m.start {
            if let Some(c) = line[m.end..].chars().next() {
                out.push(c);
                pos = m.end + c.len_utf8();
            } else {
                pos = line.len() + 1;
            }
        } else {
            pos = m.end;
        }
        if changed && !global {
            break;
        }
    }
    if !changed {
        return None;
    }
    if pos <= line.len() {
        out.push_str(&line[pos..]);
    }
    Some(out)
}

fn addr_matches(addr: &Addr, line: &str, n: usize, last: bool) -> bool {
    match addr {
        Addr::Line(k) => *k == n,
        Addr::Last => last,
        Addr::Re(re) => re.is_match(line),
    }
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "sed",
        &argv[1..],
        "ne:f:i::Ers",
        &[
            ("quiet", 'n'),
            ("silent", 'n'),
            ("expression", 'e'),
            ("file", 'f'),
            ("in-place", 'i'),
            ("regexp-extended", 'E'),
        ],
        1,
    ) else {
        return 1;
    };
    let mut operands = opts.operands.clone();
    let mut script = String::new();
    for (f, v) in &opts.flags {
        match f {
            'e' => {
                script.push_str(v.as_deref().unwrap_or(""));
                script.push('\n');
            }
            'f' => {
                let name = v.clone().unwrap_or_default();
                match ctx.read_operand(&name) {
                    Ok(d) => script.push_str(&String::from_utf8_lossy(&d)),
                    Err(e) => {
                        fail(ctx, "sed", &format!("couldn't open file {name}: {e}"));
                        return 1;
                    }
                }
            }
            _ => {}
        }
    }
    if !opts.has('e') && !opts.has('f') {
        if operands.is_empty() {
            ctx.err("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
            return 1;
        }
        script = operands.remove(0);
    }
    let syntax = if opts.has('E') || opts.has('r') {
        Syntax::Extended
    } else {
        Syntax::Basic
    };
    let mut rules = match parse_script(&script, syntax) {
        Ok(r) => r,
        Err(e) => {
            fail(ctx, "sed", &e);
            return 1;
        }
    };
    let in_place = opts.has('i');
    if operands.is_empty() {
        if in_place {
            fail(ctx, "sed", "no input files");
            return 1;
        }
        operands.push("-".into());
    }
    let quiet = opts.has('n');
    let mut status = 0;
    let groups: Vec<Vec<String>> = if in_place || opts.has('s') {
        operands.iter().map(|o| vec![o.clone()]).collect()
    } else {
        vec![operands.clone()]
    };
    for group in groups {
        let mut input = Vec::new();
        for operand in &group {
            match ctx.read_operand(operand) {
                Ok(d) => {
                    input.extend(d);
                }
                Err(e) => {
                    fail(ctx, "sed", &format!("can't read {operand}: {e}"));
                    status = 2;
                }
            }
        }
        let text = String::from_utf8_lossy(&input).into_owned();
        let all: Vec<&[u8]> = lines(text.as_bytes());
        let mut out = String::new();
        for rule in rules.iter_mut() {
            rule.active = false;
        }
        let total = all.len();
        'lines: for (idx, raw) in all.iter().enumerate() {
            let raw = std::str::from_utf8(raw).unwrap_or("");
            let had_newline = raw.ends_with('\n');
            let mut line = raw.strip_suffix('\n').unwrap_or(raw).to_string();
            let n = idx + 1;
            let last = n == total;
            let mut appended = String::new();
            let mut deleted = false;
            let mut quit = false;
            for rule in rules.iter_mut() {
                let selected = match (&rule.start, &rule.end) {
                    (None, _) => true,
                    (Some(s), None) => addr_matches(s, &line, n, last),
                    (Some(s), Some(e)) => {
                        if rule.active {
                            if addr_matches(e, &line, n, last)
                                || matches!(e, Addr::Line(k) if *k <= n)
                            {
                                rule.active = false;
                            }
                            true
                        } else if addr_matches(s, &line, n, last) {
                            rule.active = !matches!(e, Addr::Line(k) if *k <= n);
                            true
                        } else {
                            false
                        }
                    }
                };
                if selected == rule.negate {
                    continue;
                }
                match &rule.cmd {
                    Cmd::Subst {
                        re,
                        replacement,
                        global,
                        nth,
                        print,
                    } => {
                        if let Some(new) = substitute(re, replacement, &line, *global, *nth) {
                            line = new;
                            if *print {
                                out.push_str(&line);
                                out.push('\n');
                            }
                        }
                    }
                    Cmd::Print => {
                        out.push_str(&line);
                        out.push('\n');
                    }
                    Cmd::Delete => {
                        deleted = true;
                        break;
                    }
                    Cmd::Quit => {
                        quit = true;
                        break;
                    }
                    Cmd::LineNumber => out.push_str(&format!("{n}\n")),
                    Cmd::Translate(a, b) => {
                        line = line
                            .chars()
                            .map(|c| a.iter().position(|x| *x == c).map_or(c, |i| b[i]))
                            .collect();
                    }
                    Cmd::Append(t) => {
                        appended.push_str(t);
                        appended.push('\n');
                    }
                    Cmd::Insert(t) => {
                        out.push_str(t);
                        out.push('\n');
                    }
                    Cmd::Change(t) => {
                        out.push_str(t);
                        out.push('\n');
                        deleted = true;
                        break;
                    }
                }
            }
            if !deleted && !quiet {
                out.push_str(&line);
                if had_newline || !last {
                    out.push('\n');
                }
            }
            out.push_str(&appended);
            if quit {
                break 'lines;
            }
        }
        if in_place {
            let path = ctx.path(&group[0]);
            if let Err(e) = ctx.vfs().write(&path, out.as_bytes()) {
                fail(
                    ctx,
                    "sed",
                    &format!("couldn't open temporary file {}: {e}", group[0]),
                );
                status = 4;
            }
        } else if !ctx.out(out) {
            return 4;
        }
    }
    status
}
