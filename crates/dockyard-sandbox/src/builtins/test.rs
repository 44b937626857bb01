//! `test` and `[` as dash implements them: POSIX's argument-count rules, `-a`/`-o`/`!`/
//! parentheses, string, integer and file operators, and dash's error texts.

use dockyard_vfs::Access;

use crate::registry::Ctx;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unary,
    Binary,
    Not,
    And,
    Or,
    LParen,
    RParen,
}

fn op_kind(s: &str) -> Option<Kind> {
    Some(match s {
        "-r" | "-w" | "-x" | "-e" | "-f" | "-d" | "-c" | "-b" | "-p" | "-u" | "-g" | "-k"
        | "-s" | "-t" | "-z" | "-n" | "-h" | "-L" | "-O" | "-G" | "-S" => Kind::Unary,
        "=" | "!=" | "<" | ">" | "-eq" | "-ne" | "-ge" | "-gt" | "-le" | "-lt" | "-nt" | "-ot"
        | "-ef" => Kind::Binary,
        "!" => Kind::Not,
        "-a" => Kind::And,
        "-o" => Kind::Or,
        "(" => Kind::LParen,
        ")" => Kind::RParen,
        _ => return None,
    })
}

struct Test<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    args: Vec<String>,
    pos: usize,
    /// The operator the last `lex` saw (`t_wp_op`).
    op: Option<Kind>,
}

type R<T> = Result<T, String>;

impl Test<'_, '_> {
    fn arg(&self, i: usize) -> Option<&str> {
        self.args.get(i).map(String::as_str)
    }

    /// dash's `t_lex`: the token at `i`, an operator unless context makes it an operand.
    fn lex(&mut self, i: usize) -> Option<Kind> {
        let Some(s) = self.arg(i) else {
            self.op = None;
            return None;
        };
        let kind = op_kind(s);
        let operand = match kind {
            Some(Kind::Unary) => self.is_operand(i),
            Some(Kind::LParen) => self.arg(i + 1).is_none(),
            _ => false,
        };
        if let (Some(k), false) = (kind, operand) {
            self.op = Some(k);
            Some(k)
        } else {
            self.op = None;
            None
        }
    }

    fn is_operand(&self, i: usize) -> bool {
        let Some(next) = self.arg(i + 1) else {
            return true;
        };
        if self.arg(i + 2).is_none() {
            return false;
        }
        op_kind(next) == Some(Kind::Binary)
    }

    fn oexpr(&mut self, n: Option<Kind>) -> R<bool> {
        let mut res = self.aexpr(n)?;
        loop {
            self.pos += 1;
            if self.lex(self.pos) == Some(Kind::Or) {
                self.pos += 1;
                let n = self.lex(self.pos);
                res = self.aexpr(n)? || res;
            } else {
                self.pos -= 1;
                return Ok(res);
            }
        }
    }

    fn aexpr(&mut self, n: Option<Kind>) -> R<bool> {
        let mut res = self.nexpr(n)?;
        loop {
            self.pos += 1;
            if self.lex(self.pos) == Some(Kind::And) {
                self.pos += 1;
                let n = self.lex(self.pos);
                res = self.nexpr(n)? && res;
            } else {
                self.pos -= 1;
                return Ok(res);
            }
        }
    }

    fn nexpr(&mut self, n: Option<Kind>) -> R<bool> {
        if n == Some(Kind::Not) {
            self.pos += 1;
            let n = self.lex(self.pos);
            return Ok(!self.nexpr(n)?);
        }
        self.primary(n)
    }

    fn primary(&mut self, n: Option<Kind>) -> R<bool> {
        let Some(word) = self.arg(self.pos).map(str::to_string) else {
            return Ok(false);
        };
        if n == Some(Kind::LParen) {
            self.pos += 1;
            let nn = self.lex(self.pos);
            if nn == Some(Kind::RParen) {
                return Ok(false);
            }
            let res = self.oexpr(nn)?;
            self.pos += 1;
            if self.lex(self.pos) != Some(Kind::RParen) {
                return Err("closing paren expected".into());
            }
            return Ok(res);
        }
        if self.op == Some(Kind::Unary) {
            self.pos += 1;
            let Some(operand) = self.arg(self.pos).map(str::to_string) else {
                return Err(format!("{word}: argument expected"));
            };
            return self.unary(&word, &operand);
        }
        self.lex(self.pos + 1);
        if self.op == Some(Kind::Binary) {
            return self.binop();
        }
        Ok(!word.is_empty())
    }

    fn binop(&mut self) -> R<bool> {
        let left = self.arg(self.pos).unwrap_or("").to_string();
        self.pos += 1;
        let op = self.arg(self.pos).unwrap_or("").to_string();
        self.pos += 1;
        let Some(right) = self.arg(self.pos).map(str::to_string) else {
            return Err(format!("{op}: argument expected"));
        };
        Ok(match op.as_str() {
            "=" => left == right,
            "!=" => left != right,
            "<" => left < right,
            ">" => left > right,
            "-nt" | "-ot" => {
                let a = self.ctx.fs().stat(&self.ctx.path(&left)).ok();
                let b = self.ctx.fs().stat(&self.ctx.path(&right)).ok();
                match (a, b, op.as_str()) {
                    (Some(a), Some(b), "-nt") => a.mtime > b.mtime,
                    (Some(_), None, "-nt") => true,
                    (Some(a), Some(b), _) => a.mtime < b.mtime,
                    (None, Some(_), _) => op == "-ot",
                    _ => false,
                }
            }
            "-ef" => {
                let a = self.ctx.fs().canonicalize(&self.ctx.path(&left)).ok();
                let b = self.ctx.fs().canonicalize(&self.ctx.path(&right)).ok();
                a.is_some() && a == b
            }
            _ => {
                let a = number(&left)?;
                let b = number(&right)?;
                match op.as_str() {
                    "-eq" => a == b,
                    "-ne" => a != b,
                    "-ge" => a >= b,
                    "-gt" => a > b,
                    "-le" => a <= b,
                    _ => a < b,
                }
            }
        })
    }

    fn unary(&mut self, op: &str, operand: &str) -> R<bool> {
        match op {
            "-z" => return Ok(operand.is_empty()),
            "-n" => return Ok(!operand.is_empty()),
            "-t" => {
                number(operand)?;
                return Ok(false);
            }
            _ => {}
        }
        let path = self.ctx.path(operand);
        let fs = self.ctx.fs();
        if operand.is_empty() {
            return Ok(false);
        }
        Ok(match op {
            "-h" | "-L" => fs.lstat(&path).is_ok_and(|m| m.is_symlink()),
            _ => {
                let Ok(meta) = fs.stat(&path) else {
                    return Ok(false);
                };
                match op {
                    "-e" => true,
                    "-f" => meta.is_file(),
                    "-d" => meta.is_dir(),
                    "-s" => meta.size > 0 && !meta.is_dir() || meta.is_dir(),
                    "-r" => fs.access(&path, Access::Read).is_ok(),
                    "-w" => fs.access(&path, Access::Write).is_ok(),
                    "-x" => fs.access(&path, Access::Execute).is_ok(),
                    "-u" => meta.mode & 0o4000 != 0,
                    "-g" => meta.mode & 0o2000 != 0,
                    "-k" => meta.mode & 0o1000 != 0,
                    "-O" => meta.uid == fs.user().uid,
                    "-G" => meta.gid == fs.user().gid,
                    _ => false,
                }
            }
        })
    }
}

fn number(s: &str) -> R<i64> {
    let t = s.trim_start_matches([' ', '\t']);
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("Illegal number: {s}"));
    }
    t.parse::<i64>().map_err(|_| format!("Illegal number: {s}"))
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let name = argv[0].clone();
    let mut args: Vec<String> = argv[1..].to_vec();
    if name == "[" {
        if args.last().map(String::as_str) != Some("]") {
            ctx.builtin_error(&name, "missing ]");
            return 2;
        }
        args.pop();
    }
    let mut test = Test {
        ctx,
        args,
        pos: 0,
        op: None,
    };
    match evaluate(&mut test) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(message) => {
            test.ctx.builtin_error(&name, &message);
            2
        }
    }
}

fn evaluate(t: &mut Test<'_, '_>) -> R<bool> {
    let mut negate = false;
    loop {
        let argc = t.args.len() - t.pos;
        if argc == 0 {
            return Ok(negate);
        }
        let a0 = t.args[t.pos].clone();
        match argc {
            3 | 4 => {
                if argc == 3 && op_kind(&t.args[t.pos + 1]) == Some(Kind::Binary) {
                    t.op = Some(Kind::Binary);
                    let res = t.binop()?;
                    return finish(t, res, negate);
                }
                if a0 == "(" && t.args[t.args.len() - 1] == ")" {
                    t.args.pop();
                    t.pos += 1;
                    continue;
                }
                if a0 == "!" {
                    negate = !negate;
                    t.pos += 1;
                    continue;
                }
            }
            2 if a0 == "!" => {
                negate = !negate;
                t.pos += 1;
                continue;
            }
            _ => {}
        }
        let n = t.lex(t.pos);
        let res = t.oexpr(n)?;
        return finish(t, res, negate);
    }
}

fn finish(t: &mut Test<'_, '_>, res: bool, negate: bool) -> R<bool> {
    if t.pos < t.args.len() && t.pos + 1 < t.args.len() {
        return Err(format!("{}: unexpected operator", t.args[t.pos]));
    }
    Ok(res != negate)
}
