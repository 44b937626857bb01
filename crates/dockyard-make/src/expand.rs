//! Variable expansion: `$(VAR)`, `${VAR}`, `$X`, `$$`, substitution references,
//! computed names, the recursion check, and the messages make prints while expanding.

use std::collections::HashMap;

use crate::vars::{Export, Flavor, Origin, Var};
use crate::{Loc, Make, Stop, R};

/// Finds the closing delimiter matching the opening one at `s[start - 1]`, counting
/// only that pair; the index of the closer.
pub fn find_close(s: &[u8], start: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    while i < s.len() {
        if s[i] == open {
            depth += 1;
        } else if s[i] == close {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
        i += 1;
    }
    None
}

/// Splits words on blanks.
pub fn words(s: &str) -> Vec<&str> {
    s.split([' ', '\t', '\n'])
        .filter(|w| !w.is_empty())
        .collect()
}

/// Matches `word` against a pattern with at most one `%`; the stem.
pub fn pattern_match<'a>(pattern: &str, word: &'a str) -> Option<&'a str> {
    match pattern.find('%') {
        None => (pattern == word).then_some(""),
        Some(i) => {
            let (pre, post) = (&pattern[..i], &pattern[i + 1..]);
            if word.len() >= pre.len() + post.len() && word.starts_with(pre) && word.ends_with(post)
            {
                Some(&word[pre.len()..word.len() - post.len()])
            } else {
                None
            }
        }
    }
}

/// `$(patsubst)` on one word.
pub fn patsubst_word(pattern: &str, replacement: &str, word: &str) -> String {
    match pattern_match(pattern, word) {
        Some(stem) if pattern.contains('%') => {
            if replacement.contains('%') {
                replacement.replacen('%', stem, 1)
            } else {
                replacement.to_string()
            }
        }
        Some(_) => replacement.to_string(),
        None => word.to_string(),
    }
}

pub fn patsubst(pattern: &str, replacement: &str, text: &str) -> String {
    words(text)
        .iter()
        .map(|w| patsubst_word(pattern, replacement, w))
        .collect::<Vec<_>>()
        .join(" ")
}

const AUTOMATIC: &str = "@<^+?*|%";

impl Make<'_> {
    pub fn here(&self) -> String {
        match &self.loc {
            Some(l) if !l.file.is_empty() => format!("{}:{}: ", l.file, l.line),
            _ => String::new(),
        }
    }

    /// Prints `FILE:LINE: *** MESSAGE.  Stop.` (or `make: *** MESSAGE.  Stop.`).
    pub fn fatal<T>(&mut self, message: &str) -> R<T> {
        let text = match &self.loc {
            Some(l) if !l.file.is_empty() => {
                format!("{}:{}: *** {message}.  Stop.\n", l.file, l.line)
            }
            _ => format!("{}: *** {message}.  Stop.\n", self.prefix),
        };
        self.r.err(&text);
        Err(Stop)
    }

    pub fn fatal_at<T>(&mut self, loc: &Loc, message: &str) -> R<T> {
        let saved = self.loc.replace(loc.clone());
        let result = self.fatal(message);
        self.loc = saved;
        result
    }

    pub fn step(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps > self.limits.steps {
            self.steps = 0;
            return self.fatal("this makefile needs too many steps for the sandbox");
        }
        Ok(())
    }

    /// The variable named `name` as seen now (automatic, target layers, global).
    pub fn lookup(&self, name: &str) -> Option<&Var> {
        for layer in self.layers.iter().rev() {
            if let Some(v) = layer.get(name) {
                return Some(v);
            }
        }
        self.vars.get(name)
    }

    pub fn expand(&mut self, s: &str) -> R<String> {
        if !s.contains('$') {
            return Ok(s.to_string());
        }
        let mut out = String::new();
        self.expand_into(s, &mut out)?;
        Ok(out)
    }

    pub fn expand_into(&mut self, s: &str, out: &mut String) -> R<()> {
        let b = s.as_bytes();
        let mut i = 0;
        let mut start = 0;
        while i < b.len() {
            if b[i] != b'$' {
                i += 1;
                continue;
            }
            out.push_str(&s[start..i]);
            i += 1;
            if i >= b.len() {
                start = i;
                break;
            }
            match b[i] {
                b'$' => {
                    out.push('$');
                    i += 1;
                }
                c @ (b'(' | b'{') => {
                    let close = if c == b'(' { b')' } else { b'}' };
                    match find_close(b, i + 1, c, close) {
                        Some(end) => {
                            let body = &s[i + 1..end];
                            self.reference(body, c, close, out)?;
                            i = end + 1;
                        }
                        None => {
                            let body = &s[i + 1..];
                            let name_end = body.find([' ', '\t']).unwrap_or(body.len());
                            let name = &body[..name_end];
                            if name_end < body.len() && crate::functions::is_function(name) {
                                return self.fatal(&format!(
                                    "unterminated call to function '{name}': missing '{}'",
                                    close as char
                                ));
                            }
                            return self.fatal("unterminated variable reference");
                        }
                    }
                }
                _ => {
                    let ch = s[i..].chars().next().unwrap_or(' ');
                    let name = ch.to_string();
                    self.expand_var(&name, out)?;
                    i += ch.len_utf8();
                }
            }
            start = i;
        }
        out.push_str(&s[start.min(s.len())..]);
        Ok(())
    }

    fn reference(&mut self, body: &str, open: u8, close: u8, out: &mut String) -> R<()> {
        self.step()?;
        let name_end = body.find([' ', '\t']).unwrap_or(body.len());
        let fname = &body[..name_end];
        if name_end < body.len() && crate::functions::is_function(fname) {
            let args = body[name_end..].trim_start_matches([' ', '\t']);
            return self.call_function(fname, args, open, close, out);
        }
        // Substitution reference `$(VAR:a=b)`.
        let bytes = body.as_bytes();
        let mut depth = 0usize;
        let mut colon = None;
        for (k, &ch) in bytes.iter().enumerate() {
            match ch {
                b'(' | b'{' => depth += 1,
                b')' | b'}' => depth = depth.saturating_sub(1),
                b':' if depth == 0 => {
                    colon = Some(k);
                    break;
                }
                _ => {}
            }
        }
        if let Some(k) = colon {
            let rest = &body[k + 1..];
            if let Some(eq) = rest.find('=') {
                let name = self.expand(&body[..k])?;
                let from = self.expand(&rest[..eq])?;
                let to = self.expand(&rest[eq + 1..])?;
                let mut value = String::new();
                self.expand_var(&name, &mut value)?;
                let (from, to) = if from.contains('%') {
                    (from, to)
                } else {
                    (format!("%{from}"), format!("%{to}"))
                };
                out.push_str(&patsubst(&from, &to, &value));
                return Ok(());
            }
        }
        let name = self.expand(body)?;
        self.expand_var(&name, out)
    }

    /// The value of an automatic variable (`@`, `<`, `@D`, ...), if `name` is one.
    fn automatic(&self, name: &str) -> Option<String> {
        let mut chars = name.chars();
        let first = chars.next()?;
        if !AUTOMATIC.contains(first) {
            return None;
        }
        let modifier = chars.next();
        if chars.next().is_some() || !matches!(modifier, None | Some('D') | Some('F')) {
            return None;
        }
        let value = &self.lookup(&first.to_string())?.value;
        Some(match modifier {
            None => value.clone(),
            Some(m) => words(value)
                .iter()
                .map(|w| {
                    let (dir, file) = match w.rfind('/') {
                        Some(p) => (&w[..p], &w[p + 1..]),
                        None => (".", *w),
                    };
                    if m == 'D' {
                        if dir.is_empty() {
                            "/".to_string()
                        } else {
                            dir.to_string()
                        }
                    } else {
                        file.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
        })
    }

    pub fn expand_var(&mut self, name: &str, out: &mut String) -> R<()> {
        if name.len() <= 2 {
            if let Some(v) = self.automatic(name) {
                out.push_str(&v);
                return Ok(());
            }
        }
        let Some(var) = self.lookup(name) else {
            if self.opts.warn_undefined {
                let text = format!("{}warning: undefined variable '{name}'\n", self.here());
                self.r.err(&text);
            }
            return Ok(());
        };
        match var.flavor {
            Flavor::Simple => {
                out.push_str(&var.value);
                Ok(())
            }
            Flavor::Recursive => {
                if !var.value.contains('$') {
                    out.push_str(&var.value);
                    return Ok(());
                }
                let value = var.value.clone();
                if self.expanding.iter().any(|n| n == name) {
                    return self.fatal(&format!(
                        "Recursive variable '{name}' references itself (eventually)"
                    ));
                }
                if self.expanding.len() >= self.limits.depth {
                    return self.fatal("variables nest too deeply for the sandbox");
                }
                self.expanding.push(name.to_string());
                let result = self.expand_into(&value, out);
                self.expanding.pop();
                result
            }
        }
    }

    /// Sets a global variable, honouring origins (command line beats file unless
    /// `override`; the environment loses to the file unless `-e`).
    pub fn set_var(&mut self, name: &str, var: Var) {
        if let Some(old) = self.vars.get(name) {
            if old.origin > var.origin && var.origin != Origin::Automatic {
                return;
            }
            let export = if var.export == Export::Default {
                old.export
            } else {
                var.export
            };
            self.vars.insert(name.to_string(), Var { export, ..var });
            return;
        }
        self.vars.insert(name.to_string(), var);
    }

    /// The origin a file assignment gets (or `None` when it would lose).
    pub fn file_origin(&self, name: &str, over: bool) -> Option<Origin> {
        let origin = if over { Origin::Override } else { Origin::File };
        match self.vars.get(name) {
            Some(old) if old.origin > origin => None,
            Some(old) if old.origin == Origin::EnvOverride && !over => None,
            _ => Some(origin),
        }
    }

    /// Pushes a layer of plain variables (for `$(call)`, `$(foreach)`, automatics).
    pub fn push_layer(&mut self, layer: HashMap<String, Var>) {
        self.layers.push(layer);
    }

    pub fn pop_layer(&mut self) {
        self.layers.pop();
    }
}
