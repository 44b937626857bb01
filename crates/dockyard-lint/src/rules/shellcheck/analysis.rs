//! One walk over a parsed script that records what the checks ask about:
//! every simple command with its place (in a condition, in a pipeline),
//! every word part with its context (whether ShellCheck treats it as
//! quote-free, whether it is a command name) and, for parameter
//! expansions, whether the variable can hold spaces or globs at that
//! point (ShellCheck's data flow, approximated in source order).

use std::collections::HashMap;

use dockyard_shell::Command as ShellCommand;
use dockyard_shell::{
    CompoundKind, ForClause, List, ParamOp, Pipeline, Redirect, RedirectTarget, Script,
    SimpleCommand, Span, Word, WordPart, WordPartKind,
};

/// The shell ShellCheck assumes, from the shebang.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sh,
    Dash,
    Bash,
    Ksh,
}

/// A simple command and where it stands.
pub struct Cmd<'a> {
    pub cmd: &'a SimpleCommand,
    /// The command name's static value.
    pub name: Option<String>,
    /// Its exit status is tested (left of `&&`/`||`, end of an `if` or
    /// `while` condition, or inside something that is).
    pub condition: bool,
    pub pipeline: &'a Pipeline,
    /// Index in its pipeline.
    pub index: usize,
}

impl<'a> Cmd<'a> {
    /// The command name without any directory.
    pub fn basename(&self) -> Option<&str> {
        self.name
            .as_deref()
            .map(|n| n.rsplit('/').next().unwrap_or(n))
    }

    /// The arguments (every word after the name).
    pub fn args(&self) -> &'a [Word] {
        self.cmd.args()
    }

    /// The static value of argument `i`.
    pub fn arg_value(&self, i: usize) -> Option<String> {
        self.args().get(i).and_then(Word::literal_value)
    }

    pub fn start(&self) -> usize {
        self.cmd.span.start
    }

    /// Every single-letter flag of the leading `-abc` arguments and every
    /// `--long` flag, as ShellCheck's `getAllFlags` sees them (up to `--`).
    pub fn flags(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (i, word) in self.args().iter().enumerate() {
            let Some(value) = word.literal_value() else {
                continue;
            };
            if value == "--" {
                break;
            }
            if let Some(long) = value.strip_prefix("--") {
                out.push((i, long.split('=').next().unwrap_or("").to_string()));
            } else if let Some(short) = value.strip_prefix('-') {
                out.extend(short.chars().map(|c| (i, c.to_string())));
            }
        }
        out
    }

    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags().iter().any(|(_, f)| f == flag)
    }
}

/// A word part and its context.
pub struct Part<'a> {
    pub part: &'a WordPart,
    /// Inside double quotes, `[[ ]]`, arithmetic, an assignment value, a
    /// `case`, a here-document, another `${...}` or a `for` list.
    pub quote_free: bool,
    /// Directly inside double quotes.
    pub in_double_quotes: bool,
    /// The whole command name.
    pub command_name: bool,
    /// Index into [`Analysis::cmds`] of the command whose word (not
    /// assignment or redirection) this part belongs to.
    pub cmd: Option<usize>,
    /// Index of that word in the command's words.
    pub word_index: Option<usize>,
    /// Inside a here-document body.
    pub in_heredoc: bool,
    /// Inside the value of `PS1`, `PS2`, `PS3`, `PS4` or `PROMPT_COMMAND`.
    pub ok_assignment: bool,
    /// For a parameter: its variable holds neither spaces nor glob
    /// characters here (per the data flow).
    pub clean: bool,
    /// A part of the word itself, not nested in quotes or another expansion.
    pub word_level: bool,
    /// Quote-free even in ShellCheck's strict sense (a `for` list is not).
    pub strictly_quote_free: bool,
}

/// A `for` loop over words.
pub struct ForLoop<'a> {
    pub clause: &'a ForClause,
    pub span: Span,
}

/// Whether a value can be split or globbed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Space {
    Empty,
    Clean,
    Dirty,
}

impl Space {
    fn literal(text: &str) -> Space {
        if text.is_empty() {
            Space::Empty
        } else if text.chars().any(|c| " \t\n*?[".contains(c)) {
            Space::Dirty
        } else {
            Space::Clean
        }
    }

    /// Two values one after the other.
    fn append(self, other: Space) -> Space {
        match (self, other) {
            (Space::Empty, b) => b,
            (a, Space::Empty) => a,
            (Space::Clean, Space::Clean) => Space::Clean,
            _ => Space::Dirty,
        }
    }

    /// Either of two values (paths joining).
    fn merge(self, other: Space) -> Space {
        self.append(other)
    }
}

/// Variables ShellCheck knows hold no spaces.
const WITHOUT_SPACES: &[&str] = &[
    "-",
    "$",
    "?",
    "!",
    "#",
    "BASHPID",
    "BASH_ARGC",
    "BASH_LINENO",
    "BASH_SUBSHELL",
    "EUID",
    "EPOCHREALTIME",
    "EPOCHSECONDS",
    "LINENO",
    "OPTIND",
    "PPID",
    "RANDOM",
    "READLINE_ARGUMENT",
    "READLINE_MARK",
    "READLINE_POINT",
    "SECONDS",
    "SHELLOPTS",
    "SHLVL",
    "SRANDOM",
    "UID",
    "COLUMNS",
    "HISTFILESIZE",
    "HISTSIZE",
    "LINES",
    "BASH_MONOSECONDS",
    "BASH_TRAPSIG",
];

/// Variables whose values are commonly single-quoted on purpose.
const PROMPT_VARS: &[&str] = &["PS1", "PS2", "PS3", "PS4", "PROMPT_COMMAND"];

/// Special parameters SC2086 never flags.
pub const SPECIAL_WITHOUT_SPACES: &[&str] = &["-", "$", "?", "!", "#"];

/// Commands whose `NAME=value` arguments ShellCheck reads as assignments.
pub const DECLARATIONS: &[&str] = &["export", "local", "declare", "typeset", "readonly"];

/// The recorded facts of one script.
pub struct Analysis<'a> {
    pub src: &'a str,
    pub script: &'a Script,
    pub dialect: Dialect,
    /// The shebang line's text after `#!`.
    pub shebang: &'a str,
    /// `set -e` (or `-o errexit`) appears anywhere.
    pub set_e: bool,
    pub cmds: Vec<Cmd<'a>>,
    pub parts: Vec<Part<'a>>,
    pub for_loops: Vec<ForLoop<'a>>,
    /// `[[ ... ]]` compound commands: their span and words.
    pub double_brackets: Vec<(Span, &'a [Word])>,
    pub redirects: Vec<&'a Redirect>,
    /// Variables assigned and referenced.
    pub flow: super::vars::Flow,
}

/// The name ShellCheck reads a shebang as (`executableFromShebang`).
fn shebang_shell(shebang: &str) -> String {
    let words: Vec<&str> = shebang.split_whitespace().collect();
    let base = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
    match words.as_slice() {
        [] => String::new(),
        [x] => base(x),
        [first, rest @ ..] if base(first) == "env" => rest
            .iter()
            .filter(|a| !a.starts_with('-'))
            .find(|a| !a.contains('='))
            .map(|a| a.to_string())
            .unwrap_or_default(),
        [first, second, ..] if base(first) == "busybox" => match base(second).as_str() {
            "sh" | "ash" => "busybox".into(),
            other => other.into(),
        },
        [first, ..] => base(first),
    }
}

/// `None` when ShellCheck stops at the shebang (a shell it does not support).
fn dialect_of(shebang: &str) -> Option<Dialect> {
    match shebang_shell(shebang).as_str() {
        "sh" => Some(Dialect::Sh),
        "bash" | "bats" | "" => Some(Dialect::Bash),
        "dash" | "ash" | "busybox" => Some(Dialect::Dash),
        "ksh" | "ksh88" | "ksh93" | "oksh" => Some(Dialect::Ksh),
        _ => None,
    }
}

/// Whether ShellCheck stops before analysing (an unsupported shell).
pub fn shebang_stops(cx: &Analysis<'_>) -> bool {
    dialect_of(cx.shebang).is_none()
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    quote_free: bool,
    in_dq: bool,
    cmd: Option<usize>,
    word_index: Option<usize>,
    command_name: bool,
    in_heredoc: bool,
    ok_assignment: bool,
    /// In a condition (exit status tested).
    condition: bool,
    /// Inside a branch or loop: assignments merge with the value before.
    conditional: bool,
    /// In the word list of a `for` loop.
    for_list: bool,
    /// Nested in quotes or an expansion of a word.
    nested: bool,
}

struct Walker<'a> {
    dialect: Dialect,
    cmds: Vec<Cmd<'a>>,
    parts: Vec<Part<'a>>,
    for_loops: Vec<ForLoop<'a>>,
    double_brackets: Vec<(Span, &'a [Word])>,
    redirects: Vec<&'a Redirect>,
    vars: HashMap<String, Space>,
    set_e: bool,
}

impl<'a> Analysis<'a> {
    pub fn new(src: &'a str, script: &'a Script) -> Analysis<'a> {
        let first = src.split('\n').next().unwrap_or("");
        let shebang = first
            .strip_prefix("#!")
            .unwrap_or("")
            .trim_end_matches('\r');
        let dialect = dialect_of(shebang).unwrap_or(Dialect::Bash);
        let mut w = Walker {
            dialect,
            cmds: Vec::new(),
            parts: Vec::new(),
            for_loops: Vec::new(),
            double_brackets: Vec::new(),
            redirects: Vec::new(),
            vars: WITHOUT_SPACES
                .iter()
                .map(|v| (v.to_string(), Space::Clean))
                .collect(),
            set_e: false,
        };
        w.list(&script.body, Ctx::default(), false);
        Analysis {
            src,
            script,
            dialect,
            shebang,
            set_e: w.set_e,
            cmds: w.cmds,
            parts: w.parts,
            for_loops: w.for_loops,
            double_brackets: w.double_brackets,
            redirects: w.redirects,
            flow: super::vars::flow(src, script),
        }
    }

    /// The source text of a span.
    pub fn text(&self, span: Span) -> &'a str {
        span.text(self.src)
    }

    /// Commands with this basename.
    pub fn commands<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Cmd<'a>> + 's {
        self.cmds.iter().filter(move |c| c.basename() == Some(name))
    }

    /// Whether the command starting at `pos` opens a `(( ))`, which
    /// ShellCheck reads as arithmetic (this parser as nested subshells).
    pub fn in_double_parens(&self, pos: usize) -> bool {
        self.src[..pos].trim_end().ends_with("((")
    }

    /// The command names of a list that is just one simple command each
    /// side of pipes, e.g. the commands of `$(ls | grep x)`.
    pub fn is_sh(&self) -> bool {
        matches!(self.dialect, Dialect::Sh | Dialect::Dash)
    }
}

/// The simple command a list consists of, if it is exactly one.
pub fn single_command(list: &List) -> Option<&SimpleCommand> {
    match list.items.as_slice() {
        [item] if item.and_or.rest.is_empty() => match item.and_or.first.commands.as_slice() {
            [ShellCommand::Simple(c)] => Some(c),
            _ => None,
        },
        _ => None,
    }
}

/// The basename of a command's static name.
pub fn command_basename(cmd: &SimpleCommand) -> Option<String> {
    let name = cmd.name_value()?;
    Some(name.rsplit('/').next().unwrap_or(&name).to_string())
}

/// Whether a word is `NAME=...` (or `NAME+=...`, `NAME[i]=...`), returning the name.
pub fn assignment_word(word: &Word) -> Option<(String, usize)> {
    let WordPartKind::Literal(text) = &word.parts.first()?.kind else {
        return None;
    };
    let eq = text.find('=')?;
    let name = text[..eq].trim_end_matches('+');
    let name = name.split('[').next().unwrap_or(name);
    let valid = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then(|| (name.to_string(), eq))
}

impl<'a> Walker<'a> {
    fn list(&mut self, list: &'a List, ctx: Ctx, condition_list: bool) {
        let n = list.items.len();
        for (i, item) in list.items.iter().enumerate() {
            let pipelines: Vec<&'a Pipeline> = std::iter::once(&item.and_or.first)
                .chain(item.and_or.rest.iter().map(|(_, p)| p))
                .collect();
            let m = pipelines.len();
            for (j, pipeline) in pipelines.into_iter().enumerate() {
                let mut c = ctx;
                c.condition = ctx.condition || j + 1 < m || (condition_list && i + 1 == n);
                c.conditional = ctx.conditional || j > 0;
                self.pipeline(pipeline, c);
            }
        }
    }

    fn pipeline(&mut self, pipeline: &'a Pipeline, ctx: Ctx) {
        let piped = pipeline.commands.len() > 1;
        let saved = piped.then(|| self.vars.clone());
        for (index, command) in pipeline.commands.iter().enumerate() {
            self.command(command, pipeline, index, ctx);
        }
        if let Some(saved) = saved {
            self.vars = saved;
        }
    }

    fn command(
        &mut self,
        command: &'a ShellCommand,
        pipeline: &'a Pipeline,
        index: usize,
        ctx: Ctx,
    ) {
        match command {
            ShellCommand::Simple(simple) => self.simple(simple, pipeline, index, ctx),
            ShellCommand::Compound(compound) => {
                let inner = Ctx {
                    quote_free: false,
                    in_dq: false,
                    cmd: None,
                    word_index: None,
                    command_name: false,
                    ..ctx
                };
                let branch = Ctx {
                    conditional: true,
                    ..inner
                };
                match &compound.kind {
                    CompoundKind::Subshell(list) => {
                        let saved = self.vars.clone();
                        self.list(list, inner, false);
                        self.vars = saved;
                    }
                    CompoundKind::BraceGroup(list) => self.list(list, inner, false),
                    CompoundKind::If(clause) => {
                        for (k, b) in clause.branches.iter().enumerate() {
                            let c = if k == 0 { inner } else { branch };
                            self.list(&b.condition, c, true);
                            self.list(&b.body, branch, false);
                        }
                        if let Some(e) = &clause.else_body {
                            self.list(e, branch, false);
                        }
                    }
                    CompoundKind::For(clause) => {
                        self.for_loops.push(ForLoop {
                            clause,
                            span: compound.span,
                        });
                        let mut value = None::<Space>;
                        for word in clause.words.iter().flatten() {
                            self.word(
                                word,
                                Ctx {
                                    quote_free: true,
                                    for_list: true,
                                    ..inner
                                },
                            );
                            let v = self.value(word);
                            value = Some(match value {
                                None => v,
                                Some(prev) => prev.merge(v),
                            });
                        }
                        let v = match (&clause.words, value) {
                            (Some(_), Some(v)) => v,
                            _ => Space::Dirty,
                        };
                        self.vars.insert(clause.variable.clone(), v);
                        self.list(&clause.body, branch, false);
                    }
                    CompoundKind::While(clause) | CompoundKind::Until(clause) => {
                        self.list(&clause.condition, branch, true);
                        self.list(&clause.body, branch, false);
                    }
                    CompoundKind::Case(clause) => {
                        self.word(
                            &clause.subject,
                            Ctx {
                                quote_free: true,
                                ..inner
                            },
                        );
                        for arm in &clause.arms {
                            for p in &arm.patterns {
                                self.word(
                                    p,
                                    Ctx {
                                        quote_free: true,
                                        ..inner
                                    },
                                );
                            }
                            self.list(&arm.body, branch, false);
                        }
                    }
                    CompoundKind::DoubleBracket(words) => {
                        self.double_brackets.push((compound.span, words));
                        for word in words {
                            self.word(
                                word,
                                Ctx {
                                    quote_free: true,
                                    ..inner
                                },
                            );
                        }
                    }
                }
                for r in &compound.redirects {
                    self.redirect(r, inner);
                }
            }
            ShellCommand::FunctionDef(f) => {
                let inner = Ctx {
                    conditional: true,
                    condition: false,
                    ..Ctx::default()
                };
                self.command(&f.body, pipeline, index, inner);
            }
        }
    }

    fn simple(
        &mut self,
        simple: &'a SimpleCommand,
        pipeline: &'a Pipeline,
        index: usize,
        ctx: Ctx,
    ) {
        let id = self.cmds.len();
        let name = simple.name_value();
        self.cmds.push(Cmd {
            cmd: simple,
            name: name.clone(),
            condition: ctx.condition,
            pipeline,
            index,
        });
        let base = ctx_base(ctx);
        let basename = name
            .as_deref()
            .map(|n| n.rsplit('/').next().unwrap_or(n).to_string());
        if basename.as_deref() == Some("set") {
            let words: Vec<String> = simple
                .args()
                .iter()
                .filter_map(Word::literal_value)
                .collect();
            if words.iter().any(|w| w == "errexit")
                || words
                    .iter()
                    .take_while(|w| *w != "--")
                    .any(|w| w.starts_with('-') && !w.starts_with("--") && w.contains('e'))
            {
                self.set_e = true;
            }
        }
        // Prefix assignments: quote-free values; they only last for the
        // command when there is one.
        let mut prefix = Vec::new();
        for a in &simple.assignments {
            let ok_assignment = PROMPT_VARS.contains(&a.name.as_str());
            self.word(
                &a.value,
                Ctx {
                    quote_free: true,
                    ok_assignment,
                    ..base
                },
            );
            let mut v = self.value(&a.value);
            if a.append {
                v = self.var(&a.name).append(v);
            }
            prefix.push((a.name.clone(), v));
        }
        if simple.words.is_empty() {
            for (n, v) in prefix {
                self.assign(n, v, ctx);
            }
        }
        let declaration = basename
            .as_deref()
            .is_some_and(|b| DECLARATIONS.contains(&b));
        let mut words = simple.words.iter().enumerate().peekable();
        let mut redirects = simple.redirects.iter().peekable();
        loop {
            let next_redirect = match (words.peek(), redirects.peek()) {
                (Some((_, w)), Some(r)) => r.span.start < w.span.start,
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (None, None) => break,
            };
            if next_redirect {
                let r = redirects.next().expect("peeked");
                self.redirect(r, base);
                continue;
            }
            let (i, word) = words.next().expect("peeked");
            let assignment = (declaration && i > 0)
                .then(|| assignment_word(word))
                .flatten();
            let quote_free = assignment.is_some() && self.dialect != Dialect::Sh;
            let ok_assignment = assignment
                .as_ref()
                .is_some_and(|(n, _)| PROMPT_VARS.contains(&n.as_str()));
            let c = Ctx {
                quote_free,
                cmd: Some(id),
                word_index: Some(i),
                command_name: i == 0,
                ok_assignment,
                ..base
            };
            self.word(word, c);
        }
        // Effects on variables.
        match basename.as_deref() {
            Some(b) if DECLARATIONS.contains(&b) => {
                let integer = self.cmds[id].has_flag("i");
                for word in simple.args() {
                    if let Some((name, eq)) = assignment_word(word) {
                        let v = if integer {
                            Space::Clean
                        } else {
                            self.value_after(word, eq + 1)
                        };
                        self.assign(name, v, ctx);
                    }
                }
            }
            Some("read") => {
                for word in simple.args() {
                    if let Some(v) = word.literal_value() {
                        if !v.starts_with('-') {
                            self.assign(v, Space::Dirty, ctx);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn assign(&mut self, name: String, value: Space, ctx: Ctx) {
        let v = if ctx.conditional {
            self.var(&name).merge(value)
        } else {
            value
        };
        self.vars.insert(name, v);
    }

    fn var(&self, name: &str) -> Space {
        self.vars.get(name).copied().unwrap_or(Space::Dirty)
    }

    /// The spacefulness of a word's value.
    fn value(&self, word: &Word) -> Space {
        self.parts_value(&word.parts)
    }

    /// The value of a `NAME=value` word: what follows the `=` at byte `skip` of its first literal.
    fn value_after(&self, word: &Word, skip: usize) -> Space {
        let mut v = Space::Empty;
        for (k, part) in word.parts.iter().enumerate() {
            let pv = match (&part.kind, k) {
                (WordPartKind::Literal(text), 0) => Space::literal(text.get(skip..).unwrap_or("")),
                _ => self.part_value(part),
            };
            v = v.append(pv);
        }
        v
    }

    fn parts_value(&self, parts: &[WordPart]) -> Space {
        parts
            .iter()
            .fold(Space::Empty, |v, p| v.append(self.part_value(p)))
    }

    fn part_value(&self, part: &WordPart) -> Space {
        match &part.kind {
            WordPartKind::Literal(t)
            | WordPartKind::SingleQuoted(t)
            | WordPartKind::DollarSingleQuoted(t) => Space::literal(t),
            WordPartKind::Escaped(c) => Space::literal(&c.to_string()),
            WordPartKind::Tilde(user) => Space::literal(&format!("~{user}")),
            WordPartKind::DoubleQuoted(inner) => self.parts_value(inner),
            WordPartKind::Arithmetic(_) => Space::Clean,
            WordPartKind::Parameter(p) if matches!(p.op, ParamOp::Plain) => self.var(&p.name),
            _ => Space::Dirty,
        }
    }

    fn redirect(&mut self, r: &'a Redirect, ctx: Ctx) {
        self.redirects.push(r);
        match &r.target {
            RedirectTarget::Word(w) => self.word(
                w,
                Ctx {
                    quote_free: false,
                    ..ctx
                },
            ),
            RedirectTarget::HereDoc(h) => {
                self.parts(
                    &h.body,
                    Ctx {
                        quote_free: true,
                        in_heredoc: true,
                        ..ctx
                    },
                    false,
                );
            }
        }
    }

    fn word(&mut self, word: &'a Word, ctx: Ctx) {
        let name = ctx.command_name && word.parts.len() == 1;
        self.parts(&word.parts, ctx, name);
    }

    fn parts(&mut self, parts: &'a [WordPart], ctx: Ctx, command_name: bool) {
        for part in parts {
            let clean = match &part.kind {
                WordPartKind::Parameter(p) => self.var(&p.name) == Space::Clean,
                _ => false,
            };
            self.parts.push(Part {
                part,
                quote_free: ctx.quote_free || ctx.in_dq,
                in_double_quotes: ctx.in_dq,
                command_name,
                cmd: ctx.cmd,
                word_index: ctx.word_index,
                in_heredoc: ctx.in_heredoc,
                ok_assignment: ctx.ok_assignment,
                clean,
                word_level: !ctx.nested,
                strictly_quote_free: (ctx.quote_free && !ctx.for_list) || ctx.in_dq,
            });
            let ctx = Ctx {
                nested: true,
                ..ctx
            };
            match &part.kind {
                WordPartKind::DoubleQuoted(inner) => {
                    let single = inner.len() == 1 && command_name;
                    self.parts(inner, Ctx { in_dq: true, ..ctx }, single);
                }
                WordPartKind::Parameter(p) => {
                    let inner = Ctx {
                        quote_free: true,
                        ..ctx
                    };
                    match &p.op {
                        ParamOp::Test { word, .. } => self.parts(&word.parts, inner, false),
                        ParamOp::Trim { pattern, .. } => self.parts(&pattern.parts, inner, false),
                        ParamOp::NonPosix { rest, .. } => self.parts(&rest.parts, inner, false),
                        ParamOp::Plain | ParamOp::Length => {}
                    }
                }
                WordPartKind::CommandSubstitution(list) | WordPartKind::Backquoted(list) => {
                    let saved = self.vars.clone();
                    self.list(list, Ctx::default(), false);
                    self.vars = saved;
                }
                WordPartKind::ProcessSubstitution { body, .. } => {
                    let saved = self.vars.clone();
                    self.list(body, Ctx::default(), false);
                    self.vars = saved;
                }
                WordPartKind::Arithmetic(inner) => {
                    self.parts(
                        inner,
                        Ctx {
                            quote_free: true,
                            ..ctx
                        },
                        false,
                    );
                }
                WordPartKind::BraceExpansion(inner) => self.parts(inner, ctx, false),
                WordPartKind::Array(words) => {
                    for w in words {
                        self.word(
                            w,
                            Ctx {
                                quote_free: true,
                                command_name: false,
                                ..ctx
                            },
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// The context a command's own words start from.
fn ctx_base(ctx: Ctx) -> Ctx {
    Ctx {
        for_list: false,
        nested: false,
        quote_free: false,
        in_dq: false,
        cmd: None,
        word_index: None,
        command_name: false,
        ..ctx
    }
}
