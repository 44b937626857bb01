//! Which variables a script assigns and which it references, as
//! ShellCheck's variable flow records them (for SC2034, SC2153, SC2154).
//!
//! Order matters only for where a finding lands: references are recorded
//! after the references inside them (`${a:-$b}` records `b` then `a`), the
//! redirections of a command before its words, and a `for` loop's
//! variable before its words.

use dockyard_shell::{
    walk_list, walk_parts, walk_word_part, Assignment, CompoundCommand, CompoundKind, FunctionDef,
    NonPosixParam, ParamOp, Redirect, RedirectTarget, SimpleCommand, TestOp, Visit, Word, WordPart,
    WordPartKind,
};

use super::analysis::assignment_word;

/// A variable read.
#[derive(Clone, Debug)]
pub struct Reference {
    pub name: String,
    pub pos: usize,
    /// Inside another variable's `${...}`, or a `${name:+...}`: never
    /// reported as unassigned.
    pub excepted: bool,
    /// `${name-...}`, `${name:-...}`, `${name?...}`, `${name:?...}`.
    pub guarded: bool,
}

/// A variable written (or checked with `[ -n ]`/`[ -z ]`/`[ -v ]`).
#[derive(Clone, Debug)]
pub struct Written {
    pub name: String,
    pub pos: usize,
}

/// The variable flow of a script, in ShellCheck's order.
#[derive(Default, Debug)]
pub struct Flow {
    pub references: Vec<Reference>,
    pub written: Vec<Written>,
}

/// Variables the shell or the environment sets: never unassigned, never unused.
pub const INTERNAL_VARIABLES: &[&str] = &[
    "",
    "_",
    "rest",
    "REST",
    "BASH",
    "BASHOPTS",
    "BASHPID",
    "BASH_ALIASES",
    "BASH_ARGC",
    "BASH_ARGV",
    "BASH_ARGV0",
    "BASH_CMDS",
    "BASH_COMMAND",
    "BASH_EXECUTION_STRING",
    "BASH_LINENO",
    "BASH_LOADABLES_PATH",
    "BASH_REMATCH",
    "BASH_SOURCE",
    "BASH_SUBSHELL",
    "BASH_VERSINFO",
    "BASH_VERSION",
    "COMP_CWORD",
    "COMP_KEY",
    "COMP_LINE",
    "COMP_POINT",
    "COMP_TYPE",
    "COMP_WORDBREAKS",
    "COMP_WORDS",
    "COPROC",
    "DIRSTACK",
    "EPOCHREALTIME",
    "EPOCHSECONDS",
    "EUID",
    "FUNCNAME",
    "GROUPS",
    "HISTCMD",
    "HOSTNAME",
    "HOSTTYPE",
    "LINENO",
    "MACHTYPE",
    "MAPFILE",
    "OLDPWD",
    "OPTARG",
    "OPTIND",
    "OSTYPE",
    "PIPESTATUS",
    "PPID",
    "PWD",
    "RANDOM",
    "READLINE_ARGUMENT",
    "READLINE_LINE",
    "READLINE_MARK",
    "READLINE_POINT",
    "REPLY",
    "SECONDS",
    "SHELLOPTS",
    "SHLVL",
    "SRANDOM",
    "UID",
    "BASH_COMPAT",
    "BASH_ENV",
    "BASH_XTRACEFD",
    "CDPATH",
    "CHILD_MAX",
    "COLUMNS",
    "COMPREPLY",
    "EMACS",
    "ENV",
    "EXECIGNORE",
    "FCEDIT",
    "FIGNORE",
    "FUNCNEST",
    "GLOBIGNORE",
    "HISTCONTROL",
    "HISTFILE",
    "HISTFILESIZE",
    "HISTIGNORE",
    "HISTSIZE",
    "HISTTIMEFORMAT",
    "HOME",
    "HOSTFILE",
    "IFS",
    "IGNOREEOF",
    "INPUTRC",
    "INSIDE_EMACS",
    "LANG",
    "LC_ALL",
    "LC_COLLATE",
    "LC_CTYPE",
    "LC_MESSAGES",
    "LC_MONETARY",
    "LC_NUMERIC",
    "LC_TIME",
    "LINES",
    "MAIL",
    "MAILCHECK",
    "MAILPATH",
    "OPTERR",
    "PATH",
    "POSIXLY_CORRECT",
    "PROMPT_COMMAND",
    "PROMPT_DIRTRIM",
    "PS0",
    "PS1",
    "PS2",
    "PS3",
    "PS4",
    "SHELL",
    "TIMEFORMAT",
    "TMOUT",
    "TMPDIR",
    "BASH_MONOSECONDS",
    "BASH_TRAPSIG",
    "GLOBSORT",
    "auto_resume",
    "histchars",
    "USER",
    "TZ",
    "TERM",
    "LOGNAME",
    "LD_LIBRARY_PATH",
    "LANGUAGE",
    "DISPLAY",
    "KRB5CCNAME",
    "XAUTHORITY",
    ".sh.version",
    "FLAGS_ARGC",
    "FLAGS_ARGV",
    "FLAGS_ERROR",
    "FLAGS_FALSE",
    "FLAGS_HELP",
    "FLAGS_PARENT",
    "FLAGS_RESERVED",
    "FLAGS_TRUE",
    "FLAGS_VERSION",
    "flags_error",
    "flags_return",
    "stderr",
    "stderr_lines",
];

/// Letters, digits and `_`, not starting with a digit.
pub fn is_variable_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_variable_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every `$name`/`${name` in a string (ShellCheck's `getVariablesFromLiteral`).
fn variables_in_text(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        rest = &rest[i + 1..];
        let body = rest.strip_prefix('{').unwrap_or(rest);
        let name: String = body.chars().take_while(|c| is_variable_char(*c)).collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

/// Identifiers of an arithmetic expression's text: `(name, offset, assigned with =)`.
fn arithmetic_names(text: &str) -> Vec<(String, usize, ArithUse)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c.is_ascii_digit() {
            while i < bytes.len() && is_variable_char(bytes[i] as char) {
                i += 1;
            }
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < bytes.len() && is_variable_char(bytes[i] as char) {
                i += 1;
            }
            let name = text[start..i].to_string();
            let after = text[i..].trim_start();
            let before = text[..start].trim_end();
            let use_ = if after.starts_with("++")
                || after.starts_with("--")
                || before.ends_with("++")
                || before.ends_with("--")
            {
                ArithUse::Update
            } else if after.starts_with('=') && !after.starts_with("==") {
                ArithUse::Set
            } else if ["*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|="]
                .iter()
                .any(|op| after.starts_with(op))
            {
                ArithUse::Update
            } else {
                ArithUse::Read
            };
            out.push((name, start, use_));
            continue;
        }
        i += c.len_utf8().max(1);
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ArithUse {
    Read,
    /// `x = ...`: written, not read.
    Set,
    /// `x++`, `x += ...`: read and written.
    Update,
}

/// The variable a `${...}` refers to, with whether it is read as ShellCheck
/// would (`${!x}` reads `x`; `${!prefix*}` reads nothing).
fn parameter_name(src: &str, part: &WordPart, name: &str, op: &ParamOp) -> String {
    if let ParamOp::NonPosix {
        form: NonPosixParam::Indirect,
        ..
    } = op
    {
        let text = part.span.text(src);
        let inner = text
            .strip_prefix("${")
            .and_then(|t| t.strip_suffix('}'))
            .unwrap_or("");
        let body = inner.strip_prefix('!').unwrap_or(inner);
        let var: String = body.chars().take_while(|c| is_variable_char(*c)).collect();
        let after = &body[var.len()..];
        if !var.is_empty() && after.starts_with(['*', '@']) {
            return String::new();
        }
        return var;
    }
    name.to_string()
}

struct Walker<'a> {
    src: &'a str,
    flow: Flow,
    /// Names of the `${...}` we are inside, innermost last.
    enclosing: Vec<(String, bool)>,
}

impl<'a> Walker<'a> {
    fn reference(&mut self, name: String, pos: usize, guarded: bool) {
        let excepted = self
            .enclosing
            .iter()
            .any(|(outer, alternative)| *outer != name || *alternative);
        self.flow.references.push(Reference {
            name,
            pos,
            excepted,
            guarded,
        });
    }

    fn write(&mut self, name: impl Into<String>, pos: usize) {
        self.flow.written.push(Written {
            name: name.into(),
            pos,
        });
    }

    fn arithmetic(&mut self, parts: &'a [WordPart]) {
        for part in parts {
            match &part.kind {
                WordPartKind::Literal(text) => {
                    for (name, offset, use_) in arithmetic_names(text) {
                        let pos = part.span.start + offset;
                        if use_ != ArithUse::Set {
                            self.reference(name.clone(), pos, false);
                        }
                        if use_ != ArithUse::Read {
                            self.write(name, pos);
                        }
                    }
                }
                _ => self.visit_word_part(part),
            }
        }
    }

    /// `[ ... ]` and `[[ ... ]]`: `-n`/`-z`/nullary words mark their
    /// variables as checked, `-v` names a variable, and in `[[ ]]` the
    /// operands of `-eq` and friends are variable names.
    fn condition(&mut self, words: &'a [Word], double: bool) {
        let value = |w: &Word| w.literal_value();
        let is_op = |w: &Word| {
            value(w).is_some_and(|v| {
                matches!(
                    v.as_str(),
                    "-a" | "-o" | "&&" | "||" | "!" | "(" | ")" | "]" | "]]"
                )
            })
        };
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            let v = value(w);
            let next = words.get(i + 1);
            match v.as_deref() {
                Some("-n" | "-z") if next.is_some_and(|n| !is_op(n)) => {
                    self.checked(next.expect("some"));
                    i += 2;
                    continue;
                }
                Some("-v" | "-R") if next.is_some() => {
                    let n = next.expect("some");
                    if let Some(name) = dash_v_variable(n) {
                        self.reference(name.clone(), n.span.start, false);
                        if v.as_deref() == Some("-v") {
                            self.write(name, n.span.start);
                        }
                    }
                    i += 2;
                    continue;
                }
                _ => {}
            }
            if double {
                if let Some(op) = next.and_then(value) {
                    if ["-eq", "-ne", "-lt", "-le", "-gt", "-ge"].contains(&op.as_str()) {
                        if let Some(rhs) = words.get(i + 2) {
                            for operand in [w, rhs] {
                                if let Some(name) = dash_v_variable(operand) {
                                    self.reference(name, operand.span.start, false);
                                }
                            }
                            i += 3;
                            continue;
                        }
                    }
                }
            }
            // A lone operand is a nullary test (`[ "$x" ]`).
            let prev_is_boundary = i == 0 || is_op(&words[i - 1]);
            let next_is_boundary = next.is_none_or(is_op);
            if !is_op(w) && prev_is_boundary && next_is_boundary {
                self.checked(w);
            }
            i += 1;
        }
    }

    fn checked(&mut self, word: &'a Word) {
        fn each<'b>(parts: &'b [WordPart], out: &mut Vec<&'b WordPart>) {
            for p in parts {
                match &p.kind {
                    WordPartKind::DoubleQuoted(inner) => each(inner, out),
                    _ => out.push(p),
                }
            }
        }
        let mut parts = Vec::new();
        each(&word.parts, &mut parts);
        for p in parts {
            if let WordPartKind::Parameter(param) = &p.kind {
                let name = parameter_name(self.src, p, &param.name, &param.op);
                if is_variable_name(&name) {
                    self.write(name, p.span.start);
                }
            }
        }
    }

    /// What a command does to variables by its name (`export`, `read`, ...).
    fn command_effects(&mut self, cmd: &'a SimpleCommand, words: &'a [Word]) {
        let Some(first) = words.first() else { return };
        let [WordPart {
            kind: WordPartKind::Literal(name),
            ..
        }, ..] = first.parts.as_slice()
        else {
            return;
        };
        let rest = &words[1..];
        let flags = all_flags(rest);
        let has = |f: &str| flags.iter().any(|x| x == f);
        // A `name=value` or plain `name` argument of a declaration.
        let declared = |w: &'a Word| -> Option<(String, usize)> {
            if let Some((n, _)) = assignment_word(w) {
                return Some((n, w.span.start));
            }
            let v = w.literal_value()?;
            (!v.starts_with('-') && is_variable_name(&v)).then_some((v, w.span.start))
        };
        // A plain-word argument referenced by `export`: any literal not starting with `-`.
        let referenced = |w: &'a Word| -> Option<(String, usize)> {
            if let Some((n, _)) = assignment_word(w) {
                return Some((n, w.span.start));
            }
            let v = w.literal_value()?;
            (!v.starts_with('-')).then_some((v, w.span.start))
        };
        match name.as_str() {
            "builtin" if words.len() > 1 => self.command_effects(cmd, rest),
            "export" if !has("f") => {
                for w in rest {
                    if let Some((n, p)) = referenced(w) {
                        self.reference(n, p, false);
                    }
                }
                for w in rest {
                    if let Some((n, p)) = declared(w) {
                        self.write(n, p);
                    }
                }
            }
            "declare" | "typeset" => {
                if (has("x") || has("p")) && !has("f") && !has("F") {
                    for w in rest {
                        if let Some((n, p)) = referenced(w) {
                            self.reference(n, p, false);
                        }
                    }
                }
                if !(has("F") || has("f") || has("p")) {
                    for w in rest {
                        if let Some((n, p)) = declared(w) {
                            self.write(n, p);
                        }
                    }
                }
            }
            "local" => {
                if has("x") {
                    for w in rest {
                        if let Some((n, p)) = referenced(w) {
                            self.reference(n, p, false);
                        }
                    }
                }
                for w in rest {
                    if let Some((n, p)) = declared(w) {
                        self.write(n, p);
                    }
                }
            }
            "readonly" if !(has("f") || has("p")) => {
                for w in rest {
                    if let Some((n, p)) = declared(w) {
                        self.write(n, p);
                    }
                }
            }
            "read" => {
                for (n, p) in read_variables(rest) {
                    self.write(n, p);
                }
            }
            "getopts" => {
                if let Some(var) = rest.get(1) {
                    if let Some(v) = var.literal_value().filter(|v| !v.starts_with('-')) {
                        self.write(v, var.span.start);
                    }
                }
            }
            "let" => {
                for w in rest {
                    let text = literal_with_spaces(w);
                    for (name, _, use_) in arithmetic_names(&text) {
                        if use_ != ArithUse::Set {
                            self.reference(name, w.span.start, false);
                        }
                    }
                    let var: String = text
                        .trim_start_matches(['+', '-'])
                        .chars()
                        .take_while(|c| is_variable_char(*c))
                        .collect();
                    if !var.is_empty() {
                        self.write(var, cmd.span.start);
                    }
                }
            }
            "wait" => {
                let mut words = rest.iter();
                while let Some(w) = words.next() {
                    let v = opt_text(w);
                    if v.starts_with('-') && !v.starts_with("--") && v.ends_with('p') {
                        if let Some((n, p)) = words.next().and_then(literal_name) {
                            self.write(n, p);
                        }
                        break;
                    }
                }
            }
            "printf" => {
                if let Some((n, p)) = printf_variable(rest) {
                    self.write(n, p);
                }
            }
            "mapfile" | "readarray" => {
                if let Some((n, p)) = mapfile_variable(rest, cmd.span.start) {
                    self.write(n, p);
                }
            }
            "trap" => {
                if let Some(w) = rest.first() {
                    for n in variables_in_text(&literal_with_spaces(w)) {
                        self.reference(n, w.span.start, false);
                    }
                }
            }
            "alias" => {
                for w in rest {
                    for n in variables_in_text(&literal_with_spaces(w)) {
                        self.reference(n, w.span.start, false);
                    }
                }
            }
            "[" => self.condition(rest, false),
            _ => {}
        }
    }
}

/// A word's text with every non-literal part as a space.
fn literal_with_spaces(word: &Word) -> String {
    fn go(parts: &[WordPart], out: &mut String) {
        for p in parts {
            match &p.kind {
                WordPartKind::Literal(t) | WordPartKind::SingleQuoted(t) => out.push_str(t),
                WordPartKind::Escaped(c) => out.push(*c),
                WordPartKind::DoubleQuoted(inner) => go(inner, out),
                _ => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    go(&word.parts, &mut out);
    out
}

/// The value of a word when it is a literal, else `"\0"` (ShellCheck's
/// `getLiteralStringDef "\0"` for option parsing).
fn opt_text(word: &Word) -> String {
    word.literal_value().unwrap_or_else(|| "\0".to_string())
}

/// Every flag of the arguments as ShellCheck's `getAllFlags` reads them.
fn all_flags(args: &[Word]) -> Vec<String> {
    let mut out = Vec::new();
    for w in args {
        let v = opt_text(w);
        if v == "--" {
            break;
        }
        if let Some(long) = v.strip_prefix("--") {
            out.push(long.split('=').next().unwrap_or("").to_string());
        } else if let Some(short) = v.strip_prefix('-') {
            out.extend(short.chars().map(|c| c.to_string()));
        }
    }
    out
}

/// GNU-style option parsing with a getopts string: the plain arguments and
/// each option's value, or `None` when an option is unknown.
fn gnu_opts<'w>(spec: &str, args: &'w [Word]) -> Option<Vec<(String, &'w Word)>> {
    let takes_arg = |c: char| -> Option<bool> {
        let i = spec.find(c)?;
        Some(spec[i + 1..].starts_with(':'))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let v = opt_text(&args[i]);
        if v == "--" {
            out.extend(args[i + 1..].iter().map(|w| (String::new(), w)));
            break;
        }
        if v.starts_with("--") {
            return None;
        }
        if let Some(opts) = v.strip_prefix('-') {
            let chars: Vec<char> = opts.chars().collect();
            let mut k = 0;
            let mut consumed_next = false;
            while k < chars.len() {
                let c = chars[k];
                if c == ':' {
                    return None;
                }
                let needs = takes_arg(c)?;
                if needs && k + 1 == chars.len() {
                    let next = args.get(i + 1)?;
                    out.push((c.to_string(), next));
                    consumed_next = true;
                    break;
                } else if needs {
                    out.push((c.to_string(), &args[i]));
                    break;
                }
                k += 1;
            }
            i += if consumed_next { 2 } else { 1 };
            continue;
        }
        out.push((String::new(), &args[i]));
        i += 1;
    }
    Some(out)
}

fn literal_name(word: &Word) -> Option<(String, usize)> {
    let v = word.literal_value()?;
    (!v.starts_with('-')).then_some((v, word.span.start))
}

fn read_variables(args: &[Word]) -> Vec<(String, usize)> {
    match gnu_opts("sreu:n:N:i:p:a:t:", args) {
        Some(parsed) => {
            if let Some((_, var)) = parsed.iter().find(|(f, _)| f == "a") {
                return literal_name(var).into_iter().collect();
            }
            parsed
                .iter()
                .filter(|(f, _)| f.is_empty())
                .filter_map(|(_, w)| literal_name(w))
                .collect()
        }
        None => {
            let mut out: Vec<(String, usize)> = args
                .iter()
                .rev()
                .map_while(|w| {
                    let v = w.literal_value()?;
                    Some((v, w.span.start))
                })
                .filter(|(v, _)| !v.starts_with('-'))
                .collect();
            out.reverse();
            out
        }
    }
}

fn printf_variable(args: &[Word]) -> Option<(String, usize)> {
    // BSD-style: options end at the first non-option.
    let mut i = 0;
    while i < args.len() {
        let v = opt_text(&args[i]);
        if v == "--" || !v.starts_with('-') {
            return None;
        }
        if let Some(rest) = v.strip_prefix("-v") {
            let (word, text) = if rest.is_empty() {
                let w = args.get(i + 1)?;
                (w, literal_index_name(w)?)
            } else {
                (&args[i], rest.to_string())
            };
            let base: String = text.split('[').next().unwrap_or("").to_string();
            return Some((base, word.span.start));
        }
        i += 1;
    }
    None
}

fn literal_index_name(w: &Word) -> Option<String> {
    let mut out = String::new();
    for p in &w.parts {
        match &p.kind {
            WordPartKind::Literal(t) | WordPartKind::SingleQuoted(t) => out.push_str(t),
            WordPartKind::DoubleQuoted(inner) => {
                for q in inner {
                    match &q.kind {
                        WordPartKind::Literal(t) => out.push_str(t),
                        _ => out.push('!'),
                    }
                }
            }
            WordPartKind::Glob(dockyard_shell::Glob::Bracket(t)) => out.push_str(t),
            _ => out.push('!'),
        }
    }
    Some(out)
}

fn mapfile_variable(args: &[Word], cmd_pos: usize) -> Option<(String, usize)> {
    match gnu_opts("d:n:O:s:u:C:c:t", args) {
        Some(parsed) => match parsed.iter().find(|(f, _)| f.is_empty()) {
            None => Some(("MAPFILE".to_string(), cmd_pos)),
            Some((_, w)) => {
                let v = w.literal_value()?;
                is_variable_name(&v).then_some((v, w.span.start))
            }
        },
        None => args.iter().rev().find_map(|w| {
            let v = w.literal_value()?;
            is_variable_name(&v).then_some((v, w.span.start))
        }),
    }
}

/// The variable name of `[ -v name ]` (or `name[index]`).
fn dash_v_variable(word: &Word) -> Option<String> {
    let mut text = String::new();
    for p in &word.parts {
        match &p.kind {
            WordPartKind::Literal(t) | WordPartKind::SingleQuoted(t) => text.push_str(t),
            WordPartKind::Escaped(c) => text.push(*c),
            WordPartKind::Glob(dockyard_shell::Glob::Bracket(t)) => text.push_str(t),
            WordPartKind::DoubleQuoted(inner) => {
                for q in inner {
                    match &q.kind {
                        WordPartKind::Literal(t) => text.push_str(t),
                        _ => text.push('\0'),
                    }
                }
            }
            _ => text.push('\0'),
        }
    }
    let name = text.split('[').next().unwrap_or("").to_string();
    is_variable_name(&name).then_some(name)
}

impl<'a> Visit<'a> for Walker<'a> {
    fn visit_simple_command(&mut self, cmd: &'a SimpleCommand) {
        for r in &cmd.redirects {
            self.visit_redirect(r);
        }
        for a in &cmd.assignments {
            self.visit_assignment(a);
        }
        for w in &cmd.words {
            self.visit_word(w);
        }
        if cmd.words.is_empty() {
            for a in &cmd.assignments {
                self.write(a.name.clone(), a.span.start);
            }
        }
        // `a[i]=value`, which the parser leaves as a command word.
        if let [only] = cmd.words.as_slice() {
            if let Some(WordPart {
                kind: WordPartKind::Literal(t),
                ..
            }) = only.parts.first()
            {
                let is_element = only.parts.len() >= 2
                    && is_variable_name(t)
                    && matches!(
                        &only.parts[1].kind,
                        WordPartKind::Glob(dockyard_shell::Glob::Bracket(_))
                    )
                    && matches!(only.parts.get(2).map(|p| &p.kind), Some(WordPartKind::Literal(r)) if r.starts_with('='));
                if is_element {
                    self.write(t.clone(), only.span.start);
                    return;
                }
            }
        }
        self.command_effects(cmd, &cmd.words);
        // Declaration arguments: `x+=1` reads x; PS1-like values read theirs.
        let declaration = cmd.name_value().is_some_and(|n| {
            super::analysis::DECLARATIONS.contains(&n.rsplit('/').next().unwrap_or(&n))
        });
        if declaration {
            for w in cmd.args() {
                if let Some((name, _)) = assignment_word(w) {
                    self.assignment_reads(&name, w, w.span.start);
                }
            }
        }
    }

    fn visit_assignment(&mut self, a: &'a Assignment) {
        self.visit_word(&a.value);
        if a.append {
            self.reference(a.name.clone(), a.span.start, false);
        }
        if ["PS1", "PS2", "PS3", "PS4", "PROMPT_COMMAND"].contains(&a.name.as_str()) {
            for n in variables_in_text(&literal_with_spaces(&a.value)) {
                self.reference(n, a.span.start, false);
            }
        }
    }

    fn visit_compound_command(&mut self, c: &'a CompoundCommand) {
        for r in &c.redirects {
            self.visit_redirect(r);
        }
        match &c.kind {
            CompoundKind::For(clause) => {
                self.write(clause.variable.clone(), c.span.start);
                for w in clause.words.iter().flatten() {
                    self.visit_word(w);
                }
                self.visit_list(&clause.body);
            }
            CompoundKind::DoubleBracket(words) => {
                for w in words {
                    self.visit_word(w);
                }
                self.condition(words, true);
            }
            CompoundKind::Subshell(list) | CompoundKind::BraceGroup(list) => self.visit_list(list),
            CompoundKind::If(clause) => {
                for branch in &clause.branches {
                    self.visit_list(&branch.condition);
                    self.visit_list(&branch.body);
                }
                if let Some(list) = &clause.else_body {
                    self.visit_list(list);
                }
            }
            CompoundKind::While(clause) | CompoundKind::Until(clause) => {
                self.visit_list(&clause.condition);
                self.visit_list(&clause.body);
            }
            CompoundKind::Case(clause) => {
                self.visit_word(&clause.subject);
                for arm in &clause.arms {
                    for pattern in &arm.patterns {
                        self.visit_word(pattern);
                    }
                    self.visit_list(&arm.body);
                }
            }
        }
    }

    fn visit_function_def(&mut self, f: &'a FunctionDef) {
        self.visit_command(&f.body);
    }

    fn visit_redirect(&mut self, r: &'a Redirect) {
        match &r.target {
            RedirectTarget::Word(w) => self.visit_word(w),
            RedirectTarget::HereDoc(h) => walk_parts(self, &h.body),
        }
    }

    fn visit_word_part(&mut self, part: &'a WordPart) {
        match &part.kind {
            WordPartKind::Parameter(p) => {
                let name = parameter_name(self.src, part, &p.name, &p.op);
                let alternative = matches!(
                    p.op,
                    ParamOp::Test {
                        test: TestOp::Alternative,
                        ..
                    }
                );
                self.enclosing.push((name.clone(), alternative));
                match &p.op {
                    ParamOp::Test { word, .. } => self.visit_word(word),
                    ParamOp::Trim { pattern, .. } => self.visit_word(pattern),
                    ParamOp::NonPosix { form, rest } => {
                        if matches!(form, NonPosixParam::ArrayIndex | NonPosixParam::Substring) {
                            self.index_references(rest);
                        }
                        self.visit_word(rest);
                    }
                    ParamOp::Plain | ParamOp::Length => {}
                }
                self.enclosing.pop();
                let guarded = matches!(
                    p.op,
                    ParamOp::Test {
                        test: TestOp::Default | TestOp::Error,
                        ..
                    }
                );
                self.reference(name.clone(), part.span.start, guarded);
                if alternative {
                    if let Some(last) = self.flow.references.last_mut() {
                        last.excepted = true;
                    }
                }
                if let ParamOp::Test {
                    test: TestOp::Assign,
                    ..
                } = p.op
                {
                    self.write(name, part.span.start);
                }
            }
            WordPartKind::Arithmetic(inner) => self.arithmetic(inner),
            WordPartKind::CommandSubstitution(list)
            | WordPartKind::Backquoted(list)
            | WordPartKind::ProcessSubstitution { body: list, .. } => {
                let saved = std::mem::take(&mut self.enclosing);
                walk_list(self, list);
                self.enclosing = saved;
            }
            _ => walk_word_part(self, part),
        }
    }
}

impl<'a> Walker<'a> {
    /// `x+=...` in a declaration reads `x`.
    fn assignment_reads(&mut self, name: &str, word: &Word, pos: usize) {
        if let Some(WordPart {
            kind: WordPartKind::Literal(t),
            ..
        }) = word.parts.first()
        {
            if t.split('=').next().unwrap_or("").ends_with('+') {
                self.reference(name.to_string(), pos, false);
            }
        }
    }

    /// Names inside `${a[...]}` and `${a:offset:length}`: references that
    /// are never reported as unassigned.
    fn index_references(&mut self, rest: &Word) {
        let text = literal_with_spaces(rest);
        for (name, _, _) in arithmetic_names(&text) {
            self.flow.references.push(Reference {
                name,
                pos: rest.span.start,
                excepted: true,
                guarded: false,
            });
        }
    }
}

/// The variable flow of a parsed script.
pub fn flow(src: &str, script: &dockyard_shell::Script) -> Flow {
    let mut w = Walker {
        src,
        flow: Flow::default(),
        enclosing: Vec::new(),
    };
    w.visit_list(&script.body);
    w.flow
}

/// The POSIX utilities ShellCheck suggests running in `$(...)` when their
/// name is read as a variable.
pub const COMMON_COMMANDS: &[&str] = &[
    "admin",
    "alias",
    "ar",
    "asa",
    "at",
    "awk",
    "basename",
    "batch",
    "bc",
    "bg",
    "break",
    "c99",
    "cal",
    "cat",
    "cd",
    "cflow",
    "chgrp",
    "chmod",
    "chown",
    "cksum",
    "cmp",
    "colon",
    "comm",
    "command",
    "compress",
    "continue",
    "cp",
    "crontab",
    "csplit",
    "ctags",
    "cut",
    "cxref",
    "date",
    "dd",
    "delta",
    "df",
    "diff",
    "dirname",
    "dot",
    "du",
    "echo",
    "ed",
    "env",
    "eval",
    "ex",
    "exec",
    "exit",
    "expand",
    "export",
    "expr",
    "fc",
    "fg",
    "file",
    "find",
    "fold",
    "fort77",
    "fuser",
    "gencat",
    "get",
    "getconf",
    "getopts",
    "grep",
    "hash",
    "head",
    "iconv",
    "ipcrm",
    "ipcs",
    "jobs",
    "join",
    "kill",
    "lex",
    "link",
    "ln",
    "locale",
    "localedef",
    "logger",
    "logname",
    "lp",
    "ls",
    "m4",
    "mailx",
    "make",
    "man",
    "mesg",
    "mkdir",
    "mkfifo",
    "more",
    "mv",
    "newgrp",
    "nice",
    "nl",
    "nm",
    "nohup",
    "od",
    "paste",
    "patch",
    "pathchk",
    "pax",
    "pr",
    "printf",
    "prs",
    "ps",
    "pwd",
    "qalter",
    "qdel",
    "qhold",
    "qmove",
    "qmsg",
    "qrerun",
    "qrls",
    "qselect",
    "qsig",
    "qstat",
    "qsub",
    "read",
    "readonly",
    "renice",
    "return",
    "rm",
    "rmdel",
    "rmdir",
    "sact",
    "sccs",
    "sed",
    "set",
    "sh",
    "shift",
    "sleep",
    "sort",
    "split",
    "strings",
    "strip",
    "stty",
    "tabs",
    "tail",
    "talk",
    "tee",
    "test",
    "time",
    "times",
    "touch",
    "tput",
    "tr",
    "trap",
    "tsort",
    "tty",
    "type",
    "ulimit",
    "umask",
    "unalias",
    "uname",
    "uncompress",
    "unexpand",
    "unget",
    "uniq",
    "unlink",
    "unset",
    "uucp",
    "uudecode",
    "uuencode",
    "uustat",
    "uux",
    "val",
    "vi",
    "wait",
    "wc",
    "what",
    "who",
    "write",
    "xargs",
    "yacc",
    "zcat",
];

/// The first reference of each variable that is assigned nowhere, when
/// ShellCheck would report it: a variable name, not the shell's own,
/// neither guarded (`${x:-...}`) nor inside another expansion.
pub fn unassigned(flow: &Flow) -> Vec<&Reference> {
    let written: std::collections::HashSet<&str> =
        flow.written.iter().map(|w| w.name.as_str()).collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for r in &flow.references {
        if !seen.insert(r.name.as_str()) {
            continue;
        }
        if written.contains(r.name.as_str())
            || INTERNAL_VARIABLES.contains(&r.name.as_str())
            || !is_variable_name(&r.name)
            || r.excepted
            || r.guarded
        {
            continue;
        }
        out.push(r);
    }
    out
}

/// The assigned variable closest to `var`, when close enough to be a typo:
/// an edit distance of 1 (or a difference in case only) for names longer
/// than 3, of 2 for names longer than 7. The first in name order wins ties.
pub fn best_match(flow: &Flow, var: &str) -> Option<String> {
    let names: std::collections::BTreeSet<&str> = flow
        .written
        .iter()
        .map(|w| w.name.as_str())
        .filter(|n| is_variable_name(n))
        .collect();
    let mut best: Option<(&str, usize)> = None;
    for n in names {
        let score = if n != var && n.eq_ignore_ascii_case(var) {
            1
        } else {
            edit_distance(var, n)
        };
        if best.is_none_or(|(_, s)| score < s) {
            best = Some((n, score));
        }
    }
    let (m, score) = best?;
    let l = m.chars().count();
    (l > 3 && score <= 1 || l > 7 && score <= 2).then(|| m.to_string())
}

/// Levenshtein distance.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb {
                prev[j]
            } else {
                1 + prev[j].min(prev[j + 1]).min(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}
