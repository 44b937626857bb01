//! `$(( ))`: dash's integer arithmetic (64-bit, wrapping) with its error messages.

use super::Shell;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(i64),
    Name(String),
    Op(&'static str),
    Eof,
}

const OPS: [&str; 33] = [
    "<<=", ">>=", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=",
    "&=", "^=", "|=", "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~", "?", ":", "=",
];

struct Arith<'a> {
    sh: &'a mut Shell,
    text: &'a str,
    pos: usize,
    tok: Tok,
}

/// Evaluates `text`; the error is the message dash prints after `sh: LINE: `.
pub(crate) fn eval(sh: &mut Shell, text: &str) -> Result<i64, String> {
    let mut a = Arith {
        sh,
        text,
        pos: 0,
        tok: Tok::Eof,
    };
    a.next()?;
    let value = a.assign(true)?;
    if a.tok != Tok::Eof {
        return Err(a.fail("expecting EOF"));
    }
    Ok(value)
}

/// A number as dash's `strtoimax(s, &end, 0)` reads it, requiring all of `s` (blanks aside).
pub(crate) fn parse_number(s: &str) -> Option<i64> {
    let t = s.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\n');
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if t.is_empty() {
        return None;
    }
    let value = if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        u64::from_str_radix(hex, 16).ok()? as i64
    } else if t.len() > 1 && t.starts_with('0') {
        u64::from_str_radix(&t[1..], 8).ok()? as i64
    } else if t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse::<u64>().ok()? as i64
    } else {
        return None;
    };
    Some(if neg { value.wrapping_neg() } else { value })
}

impl Arith<'_> {
    fn fail(&self, what: &str) -> String {
        format!("arithmetic expression: {what}: \"{}\"", self.text)
    }

    fn next(&mut self) -> Result<(), String> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() && matches!(bytes[self.pos], b' ' | b'\t' | b'\n') {
            self.pos += 1;
        }
        if self.pos >= bytes.len() {
            self.tok = Tok::Eof;
            return Ok(());
        }
        let rest = &self.text[self.pos..];
        let c = bytes[self.pos];
        if c.is_ascii_digit() {
            let (value, len) = lex_number(rest);
            self.pos += len;
            self.tok = Tok::Num(value);
            return Ok(());
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            self.tok = Tok::Name(rest[..len].to_string());
            self.pos += len;
            return Ok(());
        }
        for op in OPS {
            if rest.starts_with(op) {
                self.pos += op.len();
                self.tok = Tok::Op(op);
                return Ok(());
            }
        }
        if c == b'(' {
            self.pos += 1;
            self.tok = Tok::Op("(");
            return Ok(());
        }
        if c == b')' {
            self.pos += 1;
            self.tok = Tok::Op(")");
            return Ok(());
        }
        Err(self.fail("expecting primary"))
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(&self.tok, Tok::Op(o) if *o == op)
    }

    fn var(&mut self, name: &str) -> Result<i64, String> {
        match self.sh.param_value(name) {
            None => Ok(0),
            Some(v) if v.is_empty() => Ok(0),
            Some(v) => parse_number(&v).ok_or_else(|| format!("Illegal number: {v}")),
        }
    }

    fn assign(&mut self, live: bool) -> Result<i64, String> {
        if let Tok::Name(name) = self.tok.clone() {
            let save = (self.pos, self.tok.clone());
            self.next()?;
            let op = match &self.tok {
                Tok::Op(op) if op.ends_with('=') && !matches!(*op, "==" | "!=" | "<=" | ">=") => {
                    Some(*op)
                }
                _ => None,
            };
            if let Some(op) = op {
                self.next()?;
                let rhs = self.assign(live)?;
                if !live {
                    return Ok(0);
                }
                let value = if op == "=" {
                    rhs
                } else {
                    let lhs = self.var(&name)?;
                    self.binary(&op[..op.len() - 1], lhs, rhs)?
                };
                self.sh.set_var(&name, &value.to_string())?;
                return Ok(value);
            }
            self.pos = save.0;
            self.tok = save.1;
        }
        self.ternary(live)
    }

    fn ternary(&mut self, live: bool) -> Result<i64, String> {
        let cond = self.binary_level(0, live)?;
        if !self.is_op("?") {
            return Ok(cond);
        }
        self.next()?;
        let yes = self.assign(live && cond != 0)?;
        if !self.is_op(":") {
            return Err(self.fail("expecting ':'"));
        }
        self.next()?;
        let no = self.assign(live && cond == 0)?;
        Ok(if cond != 0 { yes } else { no })
    }

    fn binary_level(&mut self, level: usize, live: bool) -> Result<i64, String> {
        const LEVELS: [&[&str]; 10] = [
            &["||"],
            &["&&"],
            &["|"],
            &["^"],
            &["&"],
            &["==", "!="],
            &["<", "<=", ">", ">="],
            &["<<", ">>"],
            &["+", "-"],
            &["*", "/", "%"],
        ];
        if level == LEVELS.len() {
            return self.unary(live);
        }
        let mut lhs = self.binary_level(level + 1, live)?;
        loop {
            let op = match &self.tok {
                Tok::Op(op) if LEVELS[level].contains(op) => *op,
                _ => return Ok(lhs),
            };
            self.next()?;
            let rhs_live = match op {
                "&&" => live && lhs != 0,
                "||" => live && lhs == 0,
                _ => live,
            };
            let rhs = self.binary_level(level + 1, rhs_live)?;
            lhs = if live {
                match op {
                    "&&" => i64::from(lhs != 0 && rhs != 0),
                    "||" => i64::from(lhs != 0 || rhs != 0),
                    _ => self.binary(op, lhs, rhs)?,
                }
            } else {
                0
            };
        }
    }

    fn binary(&self, op: &str, a: i64, b: i64) -> Result<i64, String> {
        Ok(match op {
            "+" => a.wrapping_add(b),
            "-" => a.wrapping_sub(b),
            "*" => a.wrapping_mul(b),
            "/" | "%" => {
                if b == 0 {
                    return Err(self.fail("division by zero"));
                }
                if op == "/" {
                    a.wrapping_div(b)
                } else {
                    a.wrapping_rem(b)
                }
            }
            "<<" => a.wrapping_shl(b as u32),
            ">>" => a.wrapping_shr(b as u32),
            "<" => i64::from(a < b),
            "<=" => i64::from(a <= b),
            ">" => i64::from(a > b),
            ">=" => i64::from(a >= b),
            "==" => i64::from(a == b),
            "!=" => i64::from(a != b),
            "&" => a & b,
            "^" => a ^ b,
            "|" => a | b,
            _ => 0,
        })
    }

    fn unary(&mut self, live: bool) -> Result<i64, String> {
        let op = match &self.tok {
            Tok::Op(op) if matches!(*op, "+" | "-" | "!" | "~") => Some(*op),
            _ => None,
        };
        if let Some(op) = op {
            self.next()?;
            let v = self.unary(live)?;
            return Ok(match op {
                "-" => v.wrapping_neg(),
                "!" => i64::from(v == 0),
                "~" => !v,
                _ => v,
            });
        }
        self.primary(live)
    }

    fn primary(&mut self, live: bool) -> Result<i64, String> {
        match self.tok.clone() {
            Tok::Num(n) => {
                self.next()?;
                Ok(n)
            }
            Tok::Name(name) => {
                self.next()?;
                if live {
                    self.var(&name)
                } else {
                    Ok(0)
                }
            }
            Tok::Op("(") => {
                self.next()?;
                let v = self.assign(live)?;
                if !self.is_op(")") {
                    return Err(self.fail("expecting ')'"));
                }
                self.next()?;
                Ok(v)
            }
            _ => Err(self.fail("expecting primary")),
        }
    }
}

/// A numeric constant at the start of `s` as `strtoimax(.., 0)` reads it: value and length.
fn lex_number(s: &str) -> (i64, usize) {
    let b = s.as_bytes();
    if b.len() > 2 && b[0] == b'0' && (b[1] == b'x' || b[1] == b'X') && b[2].is_ascii_hexdigit() {
        let len = 2 + s[2..].bytes().take_while(u8::is_ascii_hexdigit).count();
        let v = u64::from_str_radix(&s[2..len], 16).unwrap_or(u64::MAX) as i64;
        return (v, len);
    }
    if b[0] == b'0' {
        let len = 1 + s[1..]
            .bytes()
            .take_while(|c| (b'0'..=b'7').contains(c))
            .count();
        let v = if len > 1 {
            u64::from_str_radix(&s[1..len], 8).unwrap_or(u64::MAX) as i64
        } else {
            0
        };
        return (v, len);
    }
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    (s[..len].parse::<u64>().unwrap_or(u64::MAX) as i64, len)
}
