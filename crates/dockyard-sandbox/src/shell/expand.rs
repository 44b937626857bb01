//! Word expansion in dash's order: tilde, parameter, command and arithmetic expansion,
//! then field splitting with `IFS`, pathname expansion through `Vfs::glob`, quote removal.

use dockyard_shell::{
    Glob, List, ParamOp, Parameter, TestOp, TrimOp, Word, WordPart, WordPartKind,
};

use super::{Flow, Shell};
use crate::io::Fd;

/// One character of an expanded word and how it got there.
#[derive(Clone, Copy, Debug)]
struct Atom {
    c: char,
    /// Quoted: no splitting, no globbing.
    quoted: bool,
    /// From an unquoted expansion: subject to field splitting.
    split: bool,
    /// Stands for an empty quoted string: keeps the field alive, adds nothing.
    marker: bool,
}

/// Fields being built; the last is the current one.
struct Fields {
    fields: Vec<Vec<Atom>>,
}

impl Fields {
    fn new() -> Fields {
        Fields {
            fields: vec![Vec::new()],
        }
    }

    fn push_str(&mut self, s: &str, quoted: bool, split: bool) {
        let field = self.fields.last_mut().expect("a field");
        if s.is_empty() && quoted {
            field.push(Atom {
                c: '\0',
                quoted: true,
                split: false,
                marker: true,
            });
        }
        field.extend(s.chars().map(|c| Atom {
            c,
            quoted,
            split,
            marker: false,
        }));
    }

    fn break_field(&mut self) {
        self.fields.push(Vec::new());
    }

    fn text(&self) -> String {
        let mut s = String::new();
        for (i, field) in self.fields.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.extend(field.iter().filter(|a| !a.marker).map(|a| a.c));
        }
        s
    }
}

fn is_glob_special(c: char) -> bool {
    matches!(c, '*' | '?' | '[' | ']' | '\\')
}

impl Shell {
    /// A word as command arguments: split, globbed, quotes removed (zero or more fields).
    pub(crate) fn expand_word(&mut self, word: &Word) -> Result<Vec<String>, Flow> {
        let mut fields = Fields::new();
        self.expand_parts(&word.parts, false, &mut fields)?;
        let ifs = self.ifs();
        let mut out = Vec::new();
        for field in fields.fields {
            for piece in split_field(&field, &ifs) {
                self.glob_field(&piece, &mut out);
            }
        }
        Ok(out)
    }

    /// A word as one string (redirection targets, `case` subjects, assignments).
    pub(crate) fn expand_to_string(&mut self, word: &Word) -> Result<String, Flow> {
        let mut fields = Fields::new();
        self.expand_parts(&word.parts, false, &mut fields)?;
        Ok(fields.text())
    }

    pub(crate) fn expand_assignment(&mut self, word: &Word) -> Result<String, Flow> {
        self.expand_to_string(word)
    }

    /// A word as a pattern: quoted characters are escaped so they match themselves.
    pub(crate) fn expand_pattern(&mut self, word: &Word) -> Result<String, Flow> {
        self.pattern_of_parts(&word.parts)
    }

    fn pattern_of_parts(&mut self, parts: &[WordPart]) -> Result<String, Flow> {
        let mut fields = Fields::new();
        self.expand_parts(parts, false, &mut fields)?;
        let mut s = String::new();
        for (i, field) in fields.fields.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            for atom in field.iter().filter(|a| !a.marker) {
                if atom.quoted && is_glob_special(atom.c) {
                    s.push('\\');
                }
                s.push(atom.c);
            }
        }
        Ok(s)
    }

    pub(crate) fn expand_here_doc(&mut self, parts: &[WordPart]) -> Result<String, Flow> {
        let mut fields = Fields::new();
        self.expand_parts(parts, true, &mut fields)?;
        Ok(fields.text())
    }

    fn glob_field(&mut self, atoms: &[Atom], out: &mut Vec<String>) {
        let text: String = atoms.iter().filter(|a| !a.marker).map(|a| a.c).collect();
        let active = !self.st.opts.noglob
            && atoms
                .iter()
                .any(|a| !a.quoted && !a.marker && matches!(a.c, '*' | '?' | '['));
        if active {
            let mut pattern = String::new();
            for atom in atoms.iter().filter(|a| !a.marker) {
                if atom.quoted && is_glob_special(atom.c) {
                    pattern.push('\\');
                }
                pattern.push(atom.c);
            }
            if dockyard_vfs::has_glob_chars(&pattern) {
                let _ = self.step();
                let matches = self.vfs.glob(&self.st.cwd, &pattern);
                if !matches.is_empty() {
                    out.extend(matches);
                    return;
                }
            }
        }
        out.push(text);
    }

    fn expand_parts(
        &mut self,
        parts: &[WordPart],
        quoted: bool,
        out: &mut Fields,
    ) -> Result<(), Flow> {
        for part in parts {
            match &part.kind {
                WordPartKind::Literal(text) => out.push_str(text, quoted, false),
                WordPartKind::Escaped(c) => {
                    if quoted && !matches!(c, '$' | '`' | '"' | '\\' | '\n') {
                        out.push_str("\\", true, false);
                    }
                    out.push_str(&c.to_string(), true, false)
                }
                WordPartKind::SingleQuoted(text) => out.push_str(text, true, false),
                WordPartKind::DoubleQuoted(inner) => {
                    let only_at = matches!(
                        inner.as_slice(),
                        [WordPart { kind: WordPartKind::Parameter(p), .. }]
                            if p.name == "@" && p.op == ParamOp::Plain
                    );
                    if only_at && self.st.positional.is_empty() {
                        continue;
                    }
                    out.push_str("", true, false);
                    self.expand_parts(inner, true, out)?;
                }
                WordPartKind::Parameter(param) => self.expand_param(param, quoted, out)?,
                WordPartKind::CommandSubstitution(body) | WordPartKind::Backquoted(body) => {
                    let text = self.command_substitution(body)?;
                    out.push_str(&text, quoted, !quoted);
                }
                WordPartKind::Arithmetic(inner) => {
                    let mut fields = Fields::new();
                    self.expand_parts(inner, true, &mut fields)?;
                    let expression = fields.text();
                    let value = self.arithmetic(&expression)?;
                    out.push_str(&value.to_string(), quoted, !quoted);
                }
                WordPartKind::Glob(glob) => {
                    let text = match glob {
                        Glob::Star => "*",
                        Glob::Question => "?",
                        Glob::Bracket(text) => text.as_str(),
                    };
                    out.push_str(text, quoted, false);
                }
                WordPartKind::Tilde(user) => {
                    let home = if user.is_empty() {
                        self.get_var("HOME").map(str::to_string)
                    } else {
                        self.users.home_of(user)
                    };
                    match home {
                        Some(home) => out.push_str(&home, true, false),
                        None => out.push_str(&format!("~{user}"), quoted, false),
                    }
                }
                WordPartKind::DollarSingleQuoted(text) => {
                    out.push_str("$", quoted, false);
                    out.push_str(text, true, false);
                }
                WordPartKind::BraceExpansion(inner) => {
                    out.push_str("{", quoted, false);
                    self.expand_parts(inner, quoted, out)?;
                    out.push_str("}", quoted, false);
                }
                WordPartKind::ProcessSubstitution { .. } | WordPartKind::Array(_) => {
                    self.error("Syntax error: bash syntax is not supported here");
                    return Err(Flow::Exit(2));
                }
            }
        }
        Ok(())
    }

    /// The value of a parameter (`None`: unset).
    pub(crate) fn param_value(&self, name: &str) -> Option<String> {
        match name {
            "@" | "*" => Some(self.st.positional.join(" ")),
            "#" => Some(self.st.positional.len().to_string()),
            "?" => Some(self.st.status.to_string()),
            "-" => Some(self.st.opts.flags()),
            "$" => Some(self.st.pid.to_string()),
            "!" => self.st.last_bg.map(|p| p.to_string()),
            "0" => Some(self.st.argv0.clone()),
            _ if name.bytes().all(|b| b.is_ascii_digit()) => {
                let n: usize = name.parse().unwrap_or(usize::MAX);
                n.checked_sub(1)
                    .and_then(|i| self.st.positional.get(i))
                    .cloned()
            }
            _ => self.get_var(name).map(str::to_string),
        }
    }

    fn unset_error(&mut self, name: &str) -> Flow {
        let message = format!("{name}: parameter not set");
        self.error(&message);
        Flow::Exit(2)
    }

    fn expand_param(
        &mut self,
        param: &Parameter,
        quoted: bool,
        out: &mut Fields,
    ) -> Result<(), Flow> {
        let name = param.name.as_str();
        let all = name == "@" || name == "*";
        match &param.op {
            ParamOp::Plain => {
                if all {
                    self.expand_all(name == "@", quoted, out);
                    return Ok(());
                }
                let value = self.param_value(name);
                match value {
                    Some(v) => out.push_str(&v, quoted, !quoted),
                    None if self.st.opts.nounset => return Err(self.unset_error(name)),
                    None => out.push_str("", quoted, false),
                }
            }
            ParamOp::Length => {
                let value = if all {
                    Some(self.st.positional.len().to_string().repeat(0))
                        .map(|_| self.st.positional.len().to_string())
                } else {
                    self.param_value(name)
                        .map(|v| v.chars().count().to_string())
                };
                match value {
                    Some(v) => out.push_str(&v, quoted, !quoted),
                    None if self.st.opts.nounset => return Err(self.unset_error(name)),
                    None => out.push_str("0", quoted, !quoted),
                }
            }
            ParamOp::Test { test, colon, word } => {
                let value = if all {
                    if self.st.positional.is_empty() {
                        None
                    } else {
                        Some(self.st.positional.join(" "))
                    }
                } else {
                    self.param_value(name)
                };
                let set = match &value {
                    Some(v) => !(*colon && v.is_empty()),
                    None => false,
                };
                match test {
                    TestOp::Default => {
                        if set {
                            self.push_value(name, value.unwrap_or_default(), quoted, out);
                        } else {
                            self.expand_parts(&word.parts, quoted, out)?;
                        }
                    }
                    TestOp::Alternative => {
                        if set {
                            self.expand_parts(&word.parts, quoted, out)?;
                        }
                    }
                    TestOp::Assign => {
                        if set {
                            self.push_value(name, value.unwrap_or_default(), quoted, out);
                        } else {
                            let mut fields = Fields::new();
                            self.expand_parts(&word.parts, true, &mut fields)?;
                            let text = fields.text();
                            if !crate::shell::builtins::is_name(name) {
                                let message = format!("{name}: bad variable name");
                                self.error(&message);
                                return Err(Flow::Exit(2));
                            }
                            if let Err(message) = self.set_var(name, &text) {
                                self.error(&message);
                                return Err(Flow::Exit(2));
                            }
                            out.push_str(&text, quoted, !quoted);
                        }
                    }
                    TestOp::Error => {
                        if set {
                            self.push_value(name, value.unwrap_or_default(), quoted, out);
                        } else {
                            let mut fields = Fields::new();
                            self.expand_parts(&word.parts, true, &mut fields)?;
                            let mut text = fields.text();
                            if word.parts.is_empty() {
                                text = if *colon {
                                    "parameter not set or null".into()
                                } else {
                                    "parameter not set".into()
                                };
                            }
                            let message = format!("{name}: {text}");
                            self.error(&message);
                            return Err(Flow::Exit(2));
                        }
                    }
                }
            }
            ParamOp::Trim { trim, pattern } => {
                let value = match self.param_value(name) {
                    Some(v) => v,
                    None if self.st.opts.nounset && !all => return Err(self.unset_error(name)),
                    None => String::new(),
                };
                let pattern = self.pattern_of_parts(&pattern.parts)?;
                let result = trim_value(&value, &pattern, *trim);
                out.push_str(&result, quoted, !quoted);
            }
            ParamOp::NonPosix { .. } => {
                self.error("Bad substitution");
                return Err(Flow::Exit(2));
            }
        }
        Ok(())
    }

    fn push_value(&mut self, name: &str, value: String, quoted: bool, out: &mut Fields) {
        if name == "@" || name == "*" {
            self.expand_all(name == "@", quoted, out);
        } else {
            out.push_str(&value, quoted, !quoted);
        }
    }

    /// `$@`, `$*`, `"$@"`, `"$*"`.
    fn expand_all(&mut self, at: bool, quoted: bool, out: &mut Fields) {
        let params = self.st.positional.clone();
        if quoted && !at {
            let ifs = self.ifs();
            let sep = ifs.chars().next().map(String::from).unwrap_or_default();
            out.push_str(&params.join(&sep), true, false);
            return;
        }
        for (i, param) in params.iter().enumerate() {
            if i > 0 {
                out.break_field();
            }
            out.push_str(param, quoted, !quoted);
        }
    }

    fn command_substitution(&mut self, body: &List) -> Result<String, Flow> {
        self.captures.push(Vec::new());
        let index = self.captures.len() - 1;
        let result = self.subshell(|sh| {
            sh.st.fds[1] = Some(Fd::Capture(index));
            sh.run_list(body)
        });
        let data = self.captures.pop().unwrap_or_default();
        let status = result?;
        self.subst_status = Some(status);
        self.st.status = status;
        let mut text = String::from_utf8_lossy(&data).into_owned();
        while text.ends_with('\n') {
            text.pop();
        }
        Ok(text)
    }

    fn arithmetic(&mut self, expression: &str) -> Result<i64, Flow> {
        match super::arith::eval(self, expression) {
            Ok(value) => Ok(value),
            Err(message) => {
                self.error(&message);
                Err(Flow::Exit(2))
            }
        }
    }
}

/// Field splitting of one field by `ifs`, as dash does: runs of IFS white space
/// separate fields and vanish at the ends; each other IFS character ends a field.
fn split_field(atoms: &[Atom], ifs: &str) -> Vec<Vec<Atom>> {
    let is_ifs = |a: &Atom| a.split && !a.marker && ifs.contains(a.c);
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\n');
    let mut out = Vec::new();
    let mut cur: Vec<Atom> = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        if is_ifs(&atoms[i]) {
            let mut j = i;
            let mut hard = false;
            while j < atoms.len() && is_ifs(&atoms[j]) {
                if !is_ws(atoms[j].c) {
                    if hard {
                        break;
                    }
                    hard = true;
                }
                j += 1;
            }
            if !cur.is_empty() || hard {
                out.push(std::mem::take(&mut cur));
            }
            i = j;
        } else {
            cur.push(atoms[i]);
            i += 1;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `${v%p}`, `${v%%p}`, `${v#p}`, `${v##p}`.
fn trim_value(value: &str, pattern: &str, trim: TrimOp) -> String {
    let bounds: Vec<usize> = value
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(value.len()))
        .collect();
    let matches = |s: &str| dockyard_vfs::fnmatch(pattern, s);
    match trim {
        TrimOp::SmallestPrefix => {
            for &b in &bounds {
                if matches(&value[..b]) {
                    return value[b..].to_string();
                }
            }
        }
        TrimOp::LargestPrefix => {
            for &b in bounds.iter().rev() {
                if matches(&value[..b]) {
                    return value[b..].to_string();
                }
            }
        }
        TrimOp::SmallestSuffix => {
            for &b in bounds.iter().rev() {
                if matches(&value[b..]) {
                    return value[..b].to_string();
                }
            }
        }
        TrimOp::LargestSuffix => {
            for &b in &bounds {
                if matches(&value[b..]) {
                    return value[..b].to_string();
                }
            }
        }
    }
    value.to_string()
}
