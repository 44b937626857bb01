//! `printf` as dash has it: `%b %c %s %d %i %o %u %x %X %e %E %f %F %g %G %%`, flags,
//! widths and precisions (also `*`), the format reused for extra arguments, dash's errors.

use crate::registry::Ctx;

/// Appends `s` with `%b`/`echo` escapes interpreted; true when `\c` ended all output.
pub fn escape_b(s: &str, out: &mut Vec<u8>) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let c = b[i + 1];
        i += 2;
        match c {
            b'c' => return true,
            b'0'..=b'7' => {
                let start = if c == b'0' { i } else { i - 1 };
                let mut j = start;
                while j < b.len() && j < start + 3 && (b'0'..=b'7').contains(&b[j]) {
                    j += 1;
                }
                let value = b[start..j]
                    .iter()
                    .fold(0u32, |acc, d| acc * 8 + u32::from(d - b'0'));
                out.push(value as u8);
                i = j;
            }
            _ => match simple_escape(c) {
                Some(byte) => out.push(byte),
                None => {
                    out.push(b'\\');
                    out.push(c);
                }
            },
        }
    }
    false
}

fn simple_escape(c: u8) -> Option<u8> {
    Some(match c {
        b'\\' => b'\\',
        b'a' => 7,
        b'b' => 8,
        b'e' => 27,
        b'f' => 12,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 11,
        _ => return None,
    })
}

struct Args<'a> {
    args: &'a [String],
    next: usize,
    status: i32,
    errors: Vec<String>,
}

impl Args<'_> {
    fn take(&mut self) -> Option<&str> {
        let arg = self.args.get(self.next).map(String::as_str);
        if arg.is_some() {
            self.next += 1;
        }
        arg
    }

    fn int(&mut self) -> i64 {
        let Some(arg) = self.take() else { return 0 };
        let arg = arg.to_string();
        let (value, ok, complete) = parse_int(&arg);
        if !ok {
            self.errors.push(format!("{arg}: expected numeric value"));
            self.status = 1;
        } else if !complete {
            self.errors.push(format!("{arg}: not completely converted"));
            self.status = 1;
        }
        value
    }

    fn float(&mut self) -> f64 {
        let Some(arg) = self.take() else { return 0.0 };
        let arg = arg.to_string();
        if let Some(rest) = arg.strip_prefix('\'').or_else(|| arg.strip_prefix('"')) {
            return rest.chars().next().map_or(0.0, |c| f64::from(c as u32));
        }
        let t = arg.trim_start();
        let len = float_prefix_len(t);
        let value = t[..len].parse::<f64>().unwrap_or(0.0);
        if len == 0 {
            self.errors.push(format!("{arg}: expected numeric value"));
            self.status = 1;
        } else if len < t.len() {
            self.errors.push(format!("{arg}: not completely converted"));
            self.status = 1;
        }
        value
    }
}

fn float_prefix_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i == digits_start || (i == digits_start + 1 && b[digits_start] == b'.') {
        return 0;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    i
}

/// `strtoimax(s, &end, 0)` plus dash's `'c` form: (value, any digits, all consumed).
fn parse_int(s: &str) -> (i64, bool, bool) {
    if let Some(rest) = s.strip_prefix('\'').or_else(|| s.strip_prefix('"')) {
        return (rest.chars().next().map_or(0, |c| c as i64), true, true);
    }
    let t = s.trim_start();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, digits) =
        if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (16, h)
        } else if body.starts_with('0') {
            (8, body)
        } else {
            (10, body)
        };
    let len = digits
        .chars()
        .take_while(|c| c.is_digit(radix))
        .map(char::len_utf8)
        .sum::<usize>();
    if len == 0 {
        return (0, radix == 16 || body.starts_with('0'), false);
    }
    let value = u64::from_str_radix(&digits[..len], radix).unwrap_or(u64::MAX) as i64;
    let value = if neg { value.wrapping_neg() } else { value };
    (value, true, len == digits.len())
}

#[derive(Default)]
struct Spec {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    alt: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

fn pad(spec: &Spec, body: String, numeric: bool) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body;
    }
    let fill = width - len;
    if spec.left {
        format!("{body}{}", " ".repeat(fill))
    } else if spec.zero && numeric {
        let (sign, digits) = match body.chars().next() {
            Some(c @ ('-' | '+' | ' ')) => (c.to_string(), body[1..].to_string()),
            _ => (String::new(), body),
        };
        let (prefix, digits) = if digits.starts_with("0x") || digits.starts_with("0X") {
            (digits[..2].to_string(), digits[2..].to_string())
        } else {
            (String::new(), digits)
        };
        format!("{sign}{prefix}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{body}", " ".repeat(fill))
    }
}

fn format_exp(value: f64, precision: usize, upper: bool) -> String {
    let s = format!("{value:.precision$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    let text = format!("{mantissa}e{sign}{:02}", exp.abs());
    if upper {
        text.to_uppercase()
    } else {
        text
    }
}

fn format_g(value: f64, precision: usize, alt: bool, upper: bool) -> String {
    let p = if precision == 0 { 1 } else { precision };
    if value == 0.0 {
        return if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let exp = format_exp(value, p - 1, false);
    let x: i32 = exp
        .rsplit_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let mut text = if x < -4 || x >= p as i32 {
        let s = format_exp(value, p - 1, upper);
        if alt {
            s
        } else {
            let (m, e) = s.split_once(['e', 'E']).unwrap_or((&s, ""));
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            format!("{m}{}{e}", if upper { "E" } else { "e" })
        }
    } else {
        let decimals = (p as i32 - 1 - x).max(0) as usize;
        let s = format!("{value:.decimals$}");
        if !alt && s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if upper {
        text = text.to_uppercase();
    }
    text
}

fn format_float(value: f64, conv: u8, spec: &Spec) -> String {
    let precision = spec.precision.unwrap_or(6);
    let mut body = match conv {
        b'f' | b'F' => format!("{value:.precision$}"),
        b'e' | b'E' => format_exp(value, precision, conv == b'E'),
        _ => format_g(value, precision, spec.alt, conv == b'G'),
    };
    if value.is_infinite() {
        body = if value > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    if !body.starts_with('-') {
        if spec.plus {
            body.insert(0, '+');
        } else if spec.space {
            body.insert(0, ' ');
        }
    }
    pad(spec, body, true)
}

fn format_int(value: i64, conv: u8, spec: &Spec) -> String {
    let mut digits = match conv {
        b'd' | b'i' => value.unsigned_abs().to_string(),
        b'o' => format!("{:o}", value as u64),
        b'u' => (value as u64).to_string(),
        b'x' => format!("{:x}", value as u64),
        _ => format!("{:X}", value as u64),
    };
    if let Some(p) = spec.precision {
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
        if p == 0 && value == 0 {
            digits.clear();
        }
    }
    if spec.alt {
        match conv {
            b'o' if !digits.starts_with('0') => digits.insert(0, '0'),
            b'x' if value != 0 => digits.insert_str(0, "0x"),
            b'X' if value != 0 => digits.insert_str(0, "0X"),
            _ => {}
        }
    }
    if matches!(conv, b'd' | b'i') {
        if value < 0 {
            digits.insert(0, '-');
        } else if spec.plus {
            digits.insert(0, '+');
        } else if spec.space {
            digits.insert(0, ' ');
        }
    }
    let spec_zero = Spec {
        zero: spec.zero && spec.precision.is_none(),
        ..Spec {
            left: spec.left,
            width: spec.width,
            ..Spec::default()
        }
    };
    pad(&spec_zero, digits, true)
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let mut argv = &argv[1..];
    if argv.first().is_some_and(|a| a == "--") {
        argv = &argv[1..];
    }
    let Some(format) = argv.first() else {
        ctx.builtin_error("printf", "usage: printf format [arg ...]");
        return 2;
    };
    let fmt = format.as_bytes();
    let mut args = Args {
        args: &argv[1..],
        next: 0,
        status: 0,
        errors: Vec::new(),
    };
    let mut out: Vec<u8> = Vec::new();
    loop {
        let before = args.next;
        let mut i = 0;
        while i < fmt.len() {
            let c = fmt[i];
            if c == b'\\' && i + 1 < fmt.len() {
                let n = fmt[i + 1];
                if (b'0'..=b'7').contains(&n) {
                    let mut j = i + 1;
                    let mut value = 0u32;
                    while j < fmt.len() && j < i + 4 && (b'0'..=b'7').contains(&fmt[j]) {
                        value = value * 8 + u32::from(fmt[j] - b'0');
                        j += 1;
                    }
                    out.push(value as u8);
                    i = j;
                } else if n == b'c' {
                    ctx.out(out);
                    return args.status;
                } else {
                    match simple_escape(n).or(if n == b'"' || n == b'\'' {
                        Some(n)
                    } else {
                        None
                    }) {
                        Some(b) => out.push(b),
                        None => {
                            out.push(b'\\');
                            out.push(n);
                        }
                    }
                    i += 2;
                }
                continue;
            }
            if c != b'%' {
                out.push(c);
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            if fmt.get(i) == Some(&b'%') {
                out.push(b'%');
                i += 1;
                continue;
            }
            let mut spec = Spec::default();
            while let Some(&f) = fmt.get(i) {
                match f {
                    b'-' => spec.left = true,
                    b'0' => spec.zero = true,
                    b'+' => spec.plus = true,
                    b' ' => spec.space = true,
                    b'#' => spec.alt = true,
                    _ => break,
                }
                i += 1;
            }
            if fmt.get(i) == Some(&b'*') {
                let w = args.int();
                if w < 0 {
                    spec.left = true;
                }
                spec.width = Some(w.unsigned_abs() as usize);
                i += 1;
            } else {
                let s = i;
                while fmt.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                if i > s {
                    spec.width = std::str::from_utf8(&fmt[s..i])
                        .ok()
                        .and_then(|t| t.parse().ok());
                }
            }
            if fmt.get(i) == Some(&b'.') {
                i += 1;
                if fmt.get(i) == Some(&b'*') {
                    let p = args.int();
                    spec.precision = (p >= 0).then_some(p as usize);
                    i += 1;
                } else {
                    let s = i;
                    while fmt.get(i).is_some_and(u8::is_ascii_digit) {
                        i += 1;
                    }
                    spec.precision = Some(
                        std::str::from_utf8(&fmt[s..i])
                            .ok()
                            .and_then(|t| t.parse().ok())
                            .unwrap_or(0),
                    );
                }
            }
            while matches!(fmt.get(i), Some(b'l' | b'h' | b'j' | b'z' | b't' | b'L'))
                && fmt.get(i) != Some(&b'z')
            {
                i += 1;
            }
            let Some(&conv) = fmt.get(i) else {
                let directive = String::from_utf8_lossy(&fmt[start..]).into_owned();
                ctx.builtin_error("printf", &format!("{directive}: invalid directive"));
                ctx.out(&out);
                return 2;
            };
            i += 1;
            let piece = match conv {
                b's' => {
                    let s = args.take().unwrap_or("").to_string();
                    let s: String = match spec.precision {
                        Some(p) => s.chars().take(p).collect(),
                        None => s,
                    };
                    pad(&spec, s, false)
                }
                b'b' => {
                    let s = args.take().unwrap_or("").to_string();
                    let mut bytes = Vec::new();
                    let stop = escape_b(&s, &mut bytes);
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let text: String = match spec.precision {
                        Some(p) => text.chars().take(p).collect(),
                        None => text,
                    };
                    let padded = pad(&spec, text, false);
                    if stop {
                        out.extend_from_slice(padded.as_bytes());
                        ctx.out(out);
                        return args.status;
                    }
                    padded
                }
                b'c' => {
                    let s = args.take().unwrap_or("");
                    let c: String = s.chars().take(1).collect();
                    pad(&spec, c, false)
                }
                b'd' | b'i' | b'o' | b'u' | b'x' | b'X' => {
                    let v = args.int();
                    format_int(v, conv, &spec)
                }
                b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                    let v = args.float();
                    format_float(v, conv, &spec)
                }
                _ => {
                    let directive = String::from_utf8_lossy(&fmt[start..i]).into_owned();
                    ctx.out(&out);
                    ctx.builtin_error("printf", &format!("{directive}: invalid directive"));
                    return 2;
                }
            };
            out.extend_from_slice(piece.as_bytes());
            for error in std::mem::take(&mut args.errors) {
                ctx.builtin_error("printf", &error);
            }
        }
        if args.next == before || args.next >= args.args.len() {
            break;
        }
    }
    ctx.out(out);
    args.status
}
