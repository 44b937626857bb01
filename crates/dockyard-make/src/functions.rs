//! make's built-in functions (`$(patsubst ...)`, `$(shell ...)`, `$(call ...)`, ...) and
//! their argument errors.

use std::collections::HashMap;

use crate::expand::{patsubst, pattern_match, words};
use crate::vars::{Flavor, Origin, Var};
use crate::{Make, R};

/// (name, minimum arguments, maximum arguments (0 = any), expand arguments first).
const FUNCTIONS: &[(&str, usize, usize, bool)] = &[
    ("abspath", 0, 1, true),
    ("addprefix", 2, 2, true),
    ("addsuffix", 2, 2, true),
    ("and", 1, 0, false),
    ("basename", 0, 1, true),
    ("call", 1, 0, true),
    ("dir", 0, 1, true),
    ("error", 0, 1, true),
    ("eval", 0, 1, true),
    ("file", 1, 2, true),
    ("filter", 2, 2, true),
    ("filter-out", 2, 2, true),
    ("findstring", 2, 2, true),
    ("firstword", 0, 1, true),
    ("flavor", 0, 1, true),
    ("foreach", 3, 3, false),
    ("if", 2, 3, false),
    ("info", 0, 1, true),
    ("join", 2, 2, true),
    ("lastword", 0, 1, true),
    ("notdir", 0, 1, true),
    ("or", 1, 0, false),
    ("origin", 0, 1, true),
    ("patsubst", 3, 3, true),
    ("realpath", 0, 1, true),
    ("shell", 0, 1, true),
    ("sort", 0, 1, true),
    ("strip", 0, 1, true),
    ("subst", 3, 3, true),
    ("suffix", 0, 1, true),
    ("value", 0, 1, true),
    ("warning", 0, 1, true),
    ("wildcard", 0, 1, true),
    ("word", 2, 2, true),
    ("wordlist", 3, 3, true),
    ("words", 0, 1, true),
];

pub fn is_function(name: &str) -> bool {
    FUNCTIONS.iter().any(|f| f.0 == name)
}

/// Splits a function's arguments at top-level commas; the last takes the rest.
fn split_args(text: &str, open: u8, close: u8, max: usize) -> Vec<&str> {
    let b = text.as_bytes();
    let mut args = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if max != 0 && args.len() + 1 == max {
            break;
        }
        if c == open {
            depth += 1;
        } else if c == close {
            depth = depth.saturating_sub(1);
        } else if c == b',' && depth == 0 {
            args.push(&text[start..i]);
            start = i + 1;
        }
    }
    args.push(&text[start..]);
    args
}

fn join_words<I: IntoIterator<Item = String>>(it: I) -> String {
    it.into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Normalises an absolute path: `.`, `..` and repeated slashes.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

impl Make<'_> {
    pub fn call_function(
        &mut self,
        name: &str,
        text: &str,
        open: u8,
        close: u8,
        out: &mut String,
    ) -> R<()> {
        let &(_, min, max, eager) = FUNCTIONS
            .iter()
            .find(|f| f.0 == name)
            .expect("known function");
        let raw = split_args(text, open, close, max);
        let count = if text.is_empty() && min == 0 {
            0
        } else {
            raw.len()
        };
        if count < min {
            return self.fatal(&format!(
                "insufficient number of arguments ({count}) to function '{name}'"
            ));
        }
        let mut args = Vec::new();
        if eager {
            for a in &raw {
                args.push(self.expand(a)?);
            }
        }
        let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
        let result = match name {
            "subst" => {
                let (from, to, text) = (arg(0), arg(1), arg(2));
                if from.is_empty() {
                    format!("{text}{to}")
                } else {
                    text.replace(&from, &to)
                }
            }
            "patsubst" => patsubst(arg(0).trim(), arg(1).trim(), &arg(2)),
            "strip" => words(&arg(0)).join(" "),
            "findstring" => {
                if arg(1).contains(&arg(0)) {
                    arg(0)
                } else {
                    String::new()
                }
            }
            "filter" | "filter-out" => {
                let pats = arg(0);
                let pats = words(&pats);
                let keep = name == "filter";
                let text = arg(1);
                join_words(
                    words(&text)
                        .into_iter()
                        .filter(|w| pats.iter().any(|p| pattern_match(p, w).is_some()) == keep)
                        .map(str::to_string),
                )
            }
            "sort" => {
                let text = arg(0);
                let mut w: Vec<&str> = words(&text);
                w.sort_unstable();
                w.dedup();
                w.join(" ")
            }
            "word" => {
                let n = self.number(&arg(0), "non-numeric first argument to 'word' function")?;
                if n == 0 {
                    return self.fatal("first argument to 'word' function must be greater than 0");
                }
                let text = arg(1);
                words(&text)
                    .get(n - 1)
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            }
            "wordlist" => {
                let s =
                    self.number(&arg(0), "non-numeric first argument to 'wordlist' function")?;
                let e = self.number(
                    &arg(1),
                    "non-numeric second argument to 'wordlist' function",
                )?;
                if s == 0 {
                    return self.fatal(&format!(
                        "invalid first argument to 'wordlist' function: '{}'",
                        arg(0).trim()
                    ));
                }
                let text = arg(2);
                let w = words(&text);
                if e < s || s > w.len() {
                    String::new()
                } else {
                    w[s - 1..e.min(w.len())].join(" ")
                }
            }
            "words" => words(&arg(0)).len().to_string(),
            "firstword" => words(&arg(0)).first().map_or("", |w| *w).to_string(),
            "lastword" => words(&arg(0)).last().map_or("", |w| *w).to_string(),
            "dir" => join_words(words(&arg(0)).iter().map(|w| match w.rfind('/') {
                Some(p) => w[..=p].to_string(),
                None => "./".to_string(),
            })),
            "notdir" => join_words(words(&arg(0)).iter().map(|w| match w.rfind('/') {
                Some(p) => w[p + 1..].to_string(),
                None => w.to_string(),
            })),
            "suffix" => join_words(words(&arg(0)).iter().filter_map(|w| {
                let base = w.rfind('/').map_or(0, |p| p + 1);
                w[base..].rfind('.').map(|d| w[base + d..].to_string())
            })),
            "basename" => join_words(words(&arg(0)).iter().map(|w| {
                let base = w.rfind('/').map_or(0, |p| p + 1);
                match w[base..].rfind('.') {
                    Some(d) => w[..base + d].to_string(),
                    None => w.to_string(),
                }
            })),
            "addsuffix" => {
                let s = arg(0);
                join_words(words(&arg(1)).iter().map(|w| format!("{w}{s}")))
            }
            "addprefix" => {
                let p = arg(0);
                join_words(words(&arg(1)).iter().map(|w| format!("{p}{w}")))
            }
            "join" => {
                let (a, b) = (arg(0), arg(1));
                let (a, b) = (words(&a), words(&b));
                join_words((0..a.len().max(b.len())).map(|i| {
                    format!(
                        "{}{}",
                        a.get(i).copied().unwrap_or(""),
                        b.get(i).copied().unwrap_or("")
                    )
                }))
            }
            "wildcard" => {
                let cwd = self.cwd.clone();
                let pats = arg(0);
                let mut all = Vec::new();
                for p in words(&pats) {
                    all.extend(self.r.vfs().glob(&cwd, p));
                }
                all.join(" ")
            }
            "abspath" => join_words(
                words(&arg(0))
                    .iter()
                    .map(|w| normalize(&dockyard_vfs::join(&self.cwd, w))),
            ),
            "realpath" => {
                let cwd = self.cwd.clone();
                let text = arg(0);
                let mut res = Vec::new();
                for w in words(&text) {
                    let path = dockyard_vfs::join(&cwd, w);
                    if let Ok(p) = self.r.vfs().canonicalize(&path) {
                        res.push(p);
                    }
                }
                res.join(" ")
            }
            "if" => {
                let cond = self.expand(raw[0])?;
                let cond = cond.trim_matches([' ', '\t', '\n']);
                if !cond.is_empty() {
                    self.expand(raw[1])?
                } else if let Some(e) = raw.get(2) {
                    self.expand(e)?
                } else {
                    String::new()
                }
            }
            "or" => {
                let mut res = String::new();
                for a in &raw {
                    let v = self.expand(a)?;
                    let v = v.trim_matches([' ', '\t', '\n']);
                    if !v.is_empty() {
                        res = v.to_string();
                        break;
                    }
                }
                res
            }
            "and" => {
                let mut res = String::new();
                for a in &raw {
                    let v = self.expand(a)?;
                    let v = v.trim_matches([' ', '\t', '\n']).to_string();
                    if v.is_empty() {
                        res.clear();
                        break;
                    }
                    res = v;
                }
                res
            }
            "foreach" => {
                let var = self.expand(raw[0])?.trim().to_string();
                let list = self.expand(raw[1])?;
                let mut parts = Vec::new();
                for w in words(&list) {
                    let mut layer = HashMap::new();
                    layer.insert(
                        var.clone(),
                        Var::new(w.to_string(), Flavor::Simple, Origin::Automatic),
                    );
                    self.push_layer(layer);
                    let v = self.expand(raw[2]);
                    self.pop_layer();
                    parts.push(v?);
                }
                parts.join(" ")
            }
            "call" => self.call(&args)?,
            "value" => {
                let name = arg(0);
                self.lookup(&name)
                    .map(|v| v.value.clone())
                    .unwrap_or_default()
            }
            "eval" => {
                let text = arg(0);
                self.eval(&text)?;
                String::new()
            }
            "origin" => {
                let name = arg(0);
                match self.lookup(&name) {
                    Some(v) => v.origin.name().to_string(),
                    None if name.len() <= 2
                        && name.chars().next().is_some_and(|c| "@<^+?*|%".contains(c)) =>
                    {
                        "automatic".to_string()
                    }
                    None => "undefined".to_string(),
                }
            }
            "flavor" => match self.lookup(&arg(0)) {
                Some(v) if v.flavor == Flavor::Simple => "simple".to_string(),
                Some(_) => "recursive".to_string(),
                None => "undefined".to_string(),
            },
            "shell" => self.shell_function(&arg(0))?,
            "info" => {
                let text = format!("{}\n", arg(0));
                self.r.out(&text);
                String::new()
            }
            "warning" => {
                let text = format!("{}{}\n", self.here(), arg(0));
                self.r.err(&text);
                String::new()
            }
            "error" => return self.fatal(&arg(0)),
            "file" => self.file_function(&arg(0), args.get(1).map(String::as_str))?,
            _ => String::new(),
        };
        out.push_str(&result);
        Ok(())
    }

    fn number(&mut self, text: &str, message: &str) -> R<usize> {
        let t = text.trim();
        match t.parse::<usize>() {
            Ok(n) if !t.starts_with('+') => Ok(n),
            _ => self.fatal(&format!("{message}: '{t}'")),
        }
    }

    fn call(&mut self, args: &[String]) -> R<String> {
        let name = args[0].trim().to_string();
        if self.call_depth + self.depth >= self.limits.depth {
            return self.fatal("$(call) nests too deeply for the sandbox");
        }
        let Some(var) = self.lookup(&name).cloned() else {
            return Ok(String::new());
        };
        let outer = self
            .layers
            .iter()
            .rev()
            .find_map(|l| l.get("0").map(|_| l.len()))
            .unwrap_or(0);
        let mut layer = HashMap::new();
        for i in 0..args.len().max(outer) {
            let value = if i == 0 {
                name.clone()
            } else {
                args.get(i).cloned().unwrap_or_default()
            };
            layer.insert(
                i.to_string(),
                Var::new(value, Flavor::Simple, Origin::Automatic),
            );
        }
        self.push_layer(layer);
        self.call_depth += 1;
        let result = if var.flavor == Flavor::Simple {
            Ok(var.value.clone())
        } else {
            let saved = std::mem::take(&mut self.expanding);
            let r = self.expand(&var.value);
            self.expanding = saved;
            r
        };
        self.call_depth -= 1;
        self.pop_layer();
        result
    }

    /// The environment `$(shell)` runs with.
    pub fn shell_env(&mut self) -> R<Vec<(String, String)>> {
        let mut env = self.env.clone();
        env.retain(|(k, _)| k != "MAKELEVEL");
        if self.level > 0 {
            env.push(("MAKELEVEL".into(), self.level.to_string()));
        }
        Ok(env)
    }

    pub fn shell_function(&mut self, command: &str) -> R<String> {
        let env = self.shell_env()?;
        let argv = self.command_argv(command, false)?;
        let cwd = self.cwd.clone();
        let (status, output) = match self.r.exec(&argv, &env, &cwd, true) {
            Ok(r) => r,
            Err(e) => {
                let text = format!("{}: {}: {}\n", self.prefix, argv[0], exec_error_text(e));
                self.r.err(&text);
                (127, Vec::new())
            }
        };
        self.vars.insert(
            ".SHELLSTATUS".into(),
            Var::new(status.to_string(), Flavor::Simple, Origin::Override),
        );
        let mut text = String::from_utf8_lossy(&output).into_owned();
        while text.ends_with('\n') {
            text.pop();
        }
        Ok(text.replace("\r\n", " ").replace('\n', " "))
    }

    fn file_function(&mut self, op: &str, text: Option<&str>) -> R<String> {
        let op = op.trim();
        let (mode, name) = if let Some(n) = op.strip_prefix(">>") {
            (">>", n.trim())
        } else if let Some(n) = op.strip_prefix('>') {
            (">", n.trim())
        } else if let Some(n) = op.strip_prefix('<') {
            ("<", n.trim())
        } else {
            return self.fatal(&format!("Invalid file operation: {op}"));
        };
        let path = dockyard_vfs::join(&self.cwd, name);
        match mode {
            "<" => {
                let mut t = self
                    .r
                    .vfs()
                    .read(&path)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                if t.ends_with('\n') {
                    t.pop();
                }
                Ok(t)
            }
            _ => {
                let mut data = text.unwrap_or("").to_string();
                if text.is_some() && !data.ends_with('\n') {
                    data.push('\n');
                }
                let res = if mode == ">" {
                    self.r.vfs().write(&path, data.as_bytes())
                } else {
                    self.r.vfs().append(&path, data.as_bytes())
                };
                if let Err(e) = res {
                    return self.fatal(&format!("open: {name}: {}", e.strerror()));
                }
                Ok(String::new())
            }
        }
    }
}

pub fn exec_error_text(e: crate::ExecError) -> &'static str {
    match e {
        crate::ExecError::NotFound => "No such file or directory",
        crate::ExecError::PermissionDenied => "Permission denied",
    }
}
