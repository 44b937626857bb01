//! The interpreter: dash's semantics for lists, pipelines, compound commands, functions,
//! redirections and command lookup, over the session's filesystem and streams.

mod arith;
mod builtins;
mod expand;
mod redirect;

use std::collections::BTreeMap;
use std::rc::Rc;

use dockyard_shell::{
    AndOr, AndOrOp, CaseTerminator, Command, CompoundCommand, CompoundKind, List, ParseOptions,
    Pipeline, SimpleCommand,
};
use dockyard_vfs::{FsError, Vfs};

use crate::io::{default_fds, Fd, InBuf, Stream, Terminal, FD_COUNT};
use crate::registry::{CommandRegistry, Ctx};
use crate::session::Budget;
use crate::users::Users;

pub(crate) use builtins::{is_builtin, is_special_builtin};

/// How control leaves a command other than by finishing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    Break(usize),
    Continue(usize),
    Return(i32),
    /// The shell (or the subshell) exits with this status.
    Exit(i32),
    /// A budget ran out: everything stops.
    Abort,
}

pub(crate) type Res = Result<i32, Flow>;

/// Bytes a pipe or command substitution holds; writing past this fails, as when the
/// reading end is closed (stages run one after another, so the reader cannot drain it).
pub(crate) const PIPE_CAPACITY: usize = 1 << 20;

/// One shell variable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Var {
    /// `None`: declared (exported or readonly) but unset.
    pub value: Option<String>,
    pub exported: bool,
    pub readonly: bool,
}

/// Text a command came from, for line numbers.
#[derive(Debug)]
pub(crate) struct Source {
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(text: &str) -> Rc<Source> {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Rc::new(Source { line_starts })
    }

    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// A defined function: its body and the text it was read from.
#[derive(Clone, Debug)]
pub(crate) struct Function {
    pub body: Rc<Command>,
    pub source: Rc<Source>,
}

/// `set` options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Options {
    pub errexit: bool,
    pub nounset: bool,
    pub xtrace: bool,
    pub noglob: bool,
    pub noexec: bool,
    pub noclobber: bool,
    pub verbose: bool,
    pub allexport: bool,
}

impl Options {
    /// `$-`.
    pub fn flags(&self) -> String {
        let mut s = String::new();
        for (on, c) in [
            (self.errexit, 'e'),
            (self.noglob, 'f'),
            (self.noexec, 'n'),
            (self.nounset, 'u'),
            (self.verbose, 'v'),
            (self.xtrace, 'x'),
            (self.allexport, 'a'),
            (self.noclobber, 'C'),
        ] {
            if on {
                s.push(c);
            }
        }
        s
    }
}

/// Everything a subshell copies and then throws away.
#[derive(Clone, Debug)]
pub(crate) struct State {
    pub vars: BTreeMap<String, Var>,
    pub funcs: BTreeMap<String, Function>,
    pub positional: Vec<String>,
    pub argv0: String,
    pub status: i32,
    pub opts: Options,
    pub cwd: String,
    pub traps: BTreeMap<String, String>,
    pub aliases: BTreeMap<String, String>,
    pub fds: Vec<Option<Fd>>,
    /// Saved values of `local` variables, one frame per function call.
    pub locals: Vec<Vec<(String, Option<Var>)>>,
    pub loop_depth: usize,
    pub func_depth: usize,
    pub pid: u32,
    pub last_bg: Option<u32>,
    pub jobs: BTreeMap<u32, i32>,
    /// getopts' position inside a bundle of options (`-vf`).
    pub optoff: usize,
    /// Set while a subshell runs (its EXIT trap is its own).
    pub subshell: bool,
}

/// The interpreter and the world it acts on.
pub(crate) struct Shell {
    pub vfs: Vfs,
    pub term: Terminal,
    pub budget: Budget,
    pub steps: u64,
    pub depth: usize,
    pub written: u64,
    /// Set when a budget ran out: the message to print.
    pub abort: Option<String>,
    pub registry: CommandRegistry,
    pub st: State,
    pub captures: Vec<Vec<u8>>,
    pub history: Vec<String>,
    pub users: Users,
    pub seed: u64,
    pub next_pid: u32,
    /// Nonzero while running a condition (`set -e` does not apply).
    pub tested: usize,
    pub lineno: usize,
    pub sources: Vec<Rc<Source>>,
    /// The builtin, `eval` or sourced file running now (prefixes error messages).
    pub cmdname: Option<String>,
    /// Status of the last command substitution (for assignment-only commands).
    pub subst_status: Option<i32>,
}

/// The result of looking a command name up.
enum Found {
    ShellBuiltin,
    Function(Function),
    Program(String),
    Script(String),
    Missing,
    Denied,
}

impl Shell {
    pub fn new(vfs: Vfs, registry: CommandRegistry, users: Users, seed: u64, cwd: &str) -> Shell {
        let pid = 100 + (seed % 30000) as u32;
        Shell {
            vfs,
            term: Terminal::default(),
            budget: Budget::default(),
            steps: 0,
            depth: 0,
            written: 0,
            abort: None,
            registry,
            st: State {
                vars: BTreeMap::new(),
                funcs: BTreeMap::new(),
                positional: Vec::new(),
                argv0: "sh".to_string(),
                status: 0,
                opts: Options::default(),
                cwd: cwd.to_string(),
                traps: BTreeMap::new(),
                aliases: BTreeMap::new(),
                fds: default_fds(Vec::new()),
                locals: Vec::new(),
                loop_depth: 0,
                func_depth: 0,
                pid,
                last_bg: None,
                jobs: BTreeMap::new(),
                optoff: 0,
                subshell: false,
            },
            captures: Vec::new(),
            history: Vec::new(),
            users,
            seed,
            next_pid: pid + 1,
            tested: 0,
            lineno: 1,
            sources: Vec::new(),
            cmdname: None,
            subst_status: None,
        }
    }

    // ----- variables -----

    pub fn get_var(&self, name: &str) -> Option<&str> {
        self.st.vars.get(name).and_then(|v| v.value.as_deref())
    }

    /// Assigns a variable; a readonly one gives dash's error (the caller decides whether it is fatal).
    pub fn set_var(&mut self, name: &str, value: &str) -> Result<(), String> {
        let allexport = self.st.opts.allexport;
        let var = self.st.vars.entry(name.to_string()).or_default();
        if var.readonly {
            return Err(format!("{name}: is read only"));
        }
        var.value = Some(value.to_string());
        if allexport {
            var.exported = true;
        }
        Ok(())
    }

    pub fn unset_var(&mut self, name: &str) -> Result<(), String> {
        if let Some(var) = self.st.vars.get(name) {
            if var.readonly {
                return Err(format!("{name}: is read only"));
            }
            self.st.vars.remove(name);
        }
        Ok(())
    }

    /// The exported variables, sorted by name.
    pub fn environment(&self) -> Vec<(String, String)> {
        self.st
            .vars
            .iter()
            .filter(|(_, v)| v.exported)
            .filter_map(|(k, v)| v.value.clone().map(|val| (k.clone(), val)))
            .collect()
    }

    pub fn ifs(&self) -> String {
        match self.st.vars.get("IFS") {
            Some(Var { value: Some(v), .. }) => v.clone(),
            Some(_) => " \t\n".to_string(),
            None => " \t\n".to_string(),
        }
    }

    // ----- budget -----

    pub fn step(&mut self) -> Result<(), Flow> {
        if self.abort.is_some() {
            return Err(Flow::Abort);
        }
        self.steps += 1;
        if self.steps > self.budget.steps {
            self.abort = Some(format!(
                "sandbox: the command was stopped after {} steps (a loop that never ends?)",
                self.budget.steps
            ));
            return Err(Flow::Abort);
        }
        Ok(())
    }

    fn enter(&mut self) -> Result<(), Flow> {
        if self.abort.is_some() {
            return Err(Flow::Abort);
        }
        if self.depth >= self.budget.depth {
            self.abort = Some(format!(
                "sandbox: the command was stopped at {} nested calls (endless recursion?)",
                self.budget.depth
            ));
            return Err(Flow::Abort);
        }
        self.depth += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- streams -----

    /// Writes to descriptor `fd`; fails on a closed or read-only descriptor, a
    /// filesystem error, or when the output budget is spent.
    pub fn write(&mut self, fd: usize, bytes: &[u8]) -> Result<(), FsError> {
        if self.abort.is_some() {
            return Err(FsError::NoSpace);
        }
        let target = self.st.fds.get(fd).cloned().flatten();
        if let Some(Fd::Capture(i)) = target {
            // A pipe (or command substitution) that is full acts like one whose
            // reader has stopped reading: the writer's writes fail (`yes | head`).
            let Some(buf) = self.captures.get_mut(i) else {
                return Err(FsError::InvalidArgument);
            };
            if buf.len() + bytes.len() > PIPE_CAPACITY {
                return Err(FsError::NoSpace);
            }
            buf.extend_from_slice(bytes);
            return Ok(());
        }
        self.written += bytes.len() as u64;
        if self.written > self.budget.output_bytes {
            self.abort = Some(format!(
                "sandbox: the command was stopped after writing {} bytes",
                self.budget.output_bytes
            ));
            return Err(FsError::NoSpace);
        }
        match self.st.fds.get(fd).cloned().flatten() {
            Some(Fd::Term(stream)) => {
                self.term.write(stream, bytes);
                Ok(())
            }
            Some(Fd::Null) => Ok(()),
            Some(Fd::File(path)) => self.vfs.append(&path, bytes),
            Some(Fd::Capture(i)) => {
                if let Some(buf) = self.captures.get_mut(i) {
                    buf.extend_from_slice(bytes);
                }
                Ok(())
            }
            Some(Fd::Input(_)) | None => Err(FsError::InvalidArgument),
        }
    }

    pub fn write_err(&mut self, text: &str) {
        let _ = self.write(2, text.as_bytes());
    }

    /// `sh: LINE: ` plus the running builtin's name.
    pub fn error_prefix(&self) -> String {
        let mut s = format!("{}: {}: ", self.st.argv0, self.lineno);
        if let Some(name) = &self.cmdname {
            s.push_str(name);
            s.push_str(": ");
        }
        s
    }

    /// Prints `sh: LINE: message` (without a command name).
    pub fn shell_error(&mut self, message: &str) {
        let text = format!("{}: {}: {}\n", self.st.argv0, self.lineno, message);
        self.write_err(&text);
    }

    /// Prints `sh: LINE: [cmdname: ]message`.
    pub fn error(&mut self, message: &str) {
        let text = format!("{}{}\n", self.error_prefix(), message);
        self.write_err(&text);
    }

    pub fn read_all(&mut self, fd: usize) -> Vec<u8> {
        match self.st.fds.get(fd).cloned().flatten() {
            Some(Fd::Input(buf)) => {
                let mut b = buf.borrow_mut();
                let pos = b.pos.min(b.data.len());
                let rest = b.data[pos..].to_vec();
                b.pos = b.data.len();
                rest
            }
            _ => Vec::new(),
        }
    }

    pub fn read_line(&mut self, fd: usize) -> Option<Vec<u8>> {
        match self.st.fds.get(fd).cloned().flatten() {
            Some(Fd::Input(buf)) => {
                let mut b = buf.borrow_mut();
                let pos = b.pos.min(b.data.len());
                if pos >= b.data.len() {
                    return None;
                }
                let end = b.data[pos..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(b.data.len(), |i| pos + i + 1);
                let line = b.data[pos..end].to_vec();
                b.pos = end;
                Some(line)
            }
            _ => None,
        }
    }

    // ----- running text -----

    /// Parses and runs `text` a line at a time as dash does: what precedes a syntax
    /// error runs, then the error is printed and the shell exits with 2.
    pub fn run_text(&mut self, text: &str) -> Res {
        let script = dockyard_shell::parse_with(text, &ParseOptions::default());
        let source = Source::new(text);
        self.sources.push(source);
        let result = self.run_parsed(&script);
        self.sources.pop();
        result
    }

    fn run_parsed(&mut self, script: &dockyard_shell::Script) -> Res {
        let mut status = 0;
        if !script.body.items.is_empty() {
            status = self.run_list(&script.body)?;
        }
        if let Some(error) = script.syntax_error() {
            self.lineno = error.dash_line;
            let message = error.message.clone();
            self.error(&message);
            return Err(Flow::Exit(2));
        }
        Ok(status)
    }

    fn current_source(&self) -> Option<&Rc<Source>> {
        self.sources.last()
    }

    fn set_line(&mut self, offset: usize) {
        if let Some(source) = self.current_source() {
            self.lineno = source.line_of(offset);
        }
    }

    /// Runs the EXIT trap (once) and returns the final status.
    pub fn finish(&mut self, status: i32) -> i32 {
        if let Some(action) = self.st.traps.remove("EXIT") {
            self.st.status = status;
            let saved = self.st.status;
            match self.run_text(&action) {
                Ok(_) => saved,
                Err(Flow::Exit(s)) => s,
                Err(_) => saved,
            }
        } else {
            status
        }
    }

    /// Runs a script in a child shell (`sh -c`, `./script.sh`): fresh variables from
    /// `env`, its own `$0` and arguments, the same directory and streams.
    pub fn run_child(
        &mut self,
        script: &str,
        argv0: &str,
        args: Vec<String>,
        env: Vec<(String, String)>,
        options: Option<Options>,
    ) -> i32 {
        if self.enter().is_err() {
            return 2;
        }
        let mut child = self.st.clone();
        child.vars = env
            .into_iter()
            .map(|(k, v)| {
                (
                    k,
                    Var {
                        value: Some(v),
                        exported: true,
                        readonly: false,
                    },
                )
            })
            .collect();
        child.funcs.clear();
        child.positional = args;
        child.argv0 = argv0.to_string();
        child.status = 0;
        child.opts = options.unwrap_or_default();
        child.traps.clear();
        child.aliases.clear();
        child.locals.clear();
        child.loop_depth = 0;
        child.func_depth = 0;
        child.subshell = false;
        child.optoff = 0;
        self.next_pid += 1;
        child.pid = self.next_pid;
        let saved = std::mem::replace(&mut self.st, child);
        let saved_cmdname = self.cmdname.take();
        let saved_tested = std::mem::take(&mut self.tested);
        let saved_line = self.lineno;
        let saved_sources = std::mem::take(&mut self.sources);
        self.lineno = 1;
        self.ensure_child_vars();
        let result = self.run_text(script);
        let status = match result {
            Ok(s) => self.finish(s),
            Err(Flow::Exit(s)) => self.finish(s),
            Err(Flow::Return(s)) => self.finish(s),
            Err(Flow::Break(_)) | Err(Flow::Continue(_)) => self.finish(self.st.status),
            Err(Flow::Abort) => 2,
        };
        self.st = saved;
        self.cmdname = saved_cmdname;
        self.tested = saved_tested;
        self.lineno = saved_line;
        self.sources = saved_sources;
        self.leave();
        status & 0xff
    }

    /// Variables every dash sets up: `PWD` (exported if it came in), `IFS` unset means default.
    fn ensure_child_vars(&mut self) {
        let cwd = self.st.cwd.clone();
        let exported = self.st.vars.get("PWD").is_some_and(|v| v.exported);
        let var = self.st.vars.entry("PWD".into()).or_default();
        var.value = Some(cwd);
        var.exported = exported || var.exported;
    }

    // ----- lists -----

    pub fn run_list(&mut self, list: &List) -> Res {
        let mut status = self.st.status;
        for item in &list.items {
            self.step()?;
            if self.st.opts.noexec {
                break;
            }
            if item.background {
                status = self.run_background(&item.and_or)?;
            } else {
                status = self.run_and_or(&item.and_or)?;
            }
        }
        Ok(status)
    }

    /// `cmd &`: the sandbox has no concurrency, so the job runs to completion right
    /// away in a subshell; `$!` names it and `wait` returns its status.
    fn run_background(&mut self, and_or: &AndOr) -> Res {
        self.next_pid += 1;
        let pid = self.next_pid;
        let status = self.subshell(|sh| sh.run_and_or(and_or))?;
        self.st.last_bg = Some(pid);
        self.st.jobs.insert(pid, status);
        self.st.status = 0;
        Ok(0)
    }

    fn run_and_or(&mut self, and_or: &AndOr) -> Res {
        let tested = !and_or.rest.is_empty();
        if tested {
            self.tested += 1;
        }
        let first = self.run_pipeline(&and_or.first);
        if tested {
            self.tested -= 1;
        }
        let mut status = first?;
        let count = and_or.rest.len();
        for (i, (op, pipeline)) in and_or.rest.iter().enumerate() {
            let run = match op {
                AndOrOp::And => status == 0,
                AndOrOp::Or => status != 0,
            };
            if !run {
                continue;
            }
            let last = i + 1 == count;
            if !last {
                self.tested += 1;
            }
            let result = self.run_pipeline(pipeline);
            if !last {
                self.tested -= 1;
            }
            status = result?;
        }
        Ok(status)
    }

    fn check_errexit(&self, status: i32) -> Result<(), Flow> {
        if status != 0 && self.st.opts.errexit && self.tested == 0 {
            return Err(Flow::Exit(status));
        }
        Ok(())
    }

    fn run_pipeline(&mut self, pipeline: &Pipeline) -> Res {
        if pipeline.negated {
            self.tested += 1;
        }
        let result = self.run_pipeline_stages(pipeline);
        if pipeline.negated {
            self.tested -= 1;
        }
        let status = result?;
        let status = if pipeline.negated {
            i32::from(status == 0)
        } else {
            status
        };
        self.st.status = status;
        Ok(status)
    }

    fn run_pipeline_stages(&mut self, pipeline: &Pipeline) -> Res {
        if pipeline.commands.len() == 1 {
            return self.run_command(&pipeline.commands[0]);
        }
        let mut input: Option<Vec<u8>> = None;
        let mut status = 0;
        let last = pipeline.commands.len() - 1;
        for (i, command) in pipeline.commands.iter().enumerate() {
            self.step()?;
            let capture = if i < last {
                self.captures.push(Vec::new());
                Some(self.captures.len() - 1)
            } else {
                None
            };
            let stdin = input.take();
            let result = self.subshell(|sh| {
                if let Some(data) = stdin {
                    sh.st.fds[0] = Some(Fd::Input(InBuf::shared(data)));
                }
                if let Some(index) = capture {
                    sh.st.fds[1] = Some(Fd::Capture(index));
                }
                sh.run_command(command)
            });
            if let Some(index) = capture {
                let data = self.captures.pop().unwrap_or_default();
                debug_assert_eq!(index, self.captures.len());
                input = Some(data);
            }
            status = result?;
        }
        self.st.status = status;
        self.check_errexit(status)?;
        Ok(status)
    }

    /// Runs `f` with a copy of the state that is thrown away afterwards; `exit` inside
    /// ends only the copy.
    pub fn subshell(&mut self, f: impl FnOnce(&mut Shell) -> Res) -> Res {
        self.enter()?;
        let mut copy = self.st.clone();
        copy.traps.clear();
        copy.subshell = true;
        let saved = std::mem::replace(&mut self.st, copy);
        let saved_cmdname = self.cmdname.clone();
        let result = f(self);
        let status = match result {
            Ok(s) => Ok(self.finish(s)),
            Err(Flow::Exit(s)) | Err(Flow::Return(s)) => Ok(self.finish(s)),
            Err(Flow::Break(_)) | Err(Flow::Continue(_)) => Ok(self.finish(self.st.status)),
            Err(Flow::Abort) => Err(Flow::Abort),
        };
        self.st = saved;
        self.cmdname = saved_cmdname;
        self.leave();
        status.map(|s| s & 0xff)
    }

    // ----- commands -----

    fn run_command(&mut self, command: &Command) -> Res {
        match command {
            Command::Simple(simple) => self.run_simple(simple),
            Command::Compound(compound) => self.run_compound(compound),
            Command::FunctionDef(def) => {
                self.set_line(def.span.start);
                let source = self
                    .current_source()
                    .cloned()
                    .unwrap_or_else(|| Source::new(""));
                self.st.funcs.insert(
                    def.name.clone(),
                    Function {
                        body: Rc::new((*def.body).clone()),
                        source,
                    },
                );
                self.st.status = 0;
                Ok(0)
            }
        }
    }

    fn run_compound(&mut self, compound: &CompoundCommand) -> Res {
        self.set_line(compound.span.start);
        let saved = match self.apply_redirects(&compound.redirects)? {
            Ok(saved) => saved,
            Err(status) => {
                self.st.status = status;
                return Ok(status);
            }
        };
        let result = self.run_compound_kind(&compound.kind);
        self.restore_fds(saved);
        let status = result?;
        self.st.status = status;
        Ok(status)
    }

    fn run_compound_kind(&mut self, kind: &CompoundKind) -> Res {
        match kind {
            CompoundKind::Subshell(list) => {
                let status = self.subshell(|sh| sh.run_list(list))?;
                self.st.status = status;
                self.check_errexit(status)?;
                Ok(status)
            }
            CompoundKind::BraceGroup(list) => self.run_list(list),
            CompoundKind::If(clause) => {
                for branch in &clause.branches {
                    self.tested += 1;
                    let condition = self.run_list(&branch.condition);
                    self.tested -= 1;
                    if condition? == 0 {
                        return self.run_list(&branch.body);
                    }
                }
                match &clause.else_body {
                    Some(body) => self.run_list(body),
                    None => Ok(0),
                }
            }
            CompoundKind::For(clause) => {
                let items = match &clause.words {
                    Some(words) => {
                        let mut items = Vec::new();
                        for word in words {
                            items.extend(self.expand_word(word)?);
                        }
                        items
                    }
                    None => self.st.positional.clone(),
                };
                let mut status = 0;
                self.st.loop_depth += 1;
                let result = (|| {
                    for item in items {
                        self.step()?;
                        if let Err(message) = self.set_var(&clause.variable, &item) {
                            self.shell_error(&message);
                            return Err(Flow::Exit(2));
                        }
                        match self.run_list(&clause.body) {
                            Ok(s) => status = s,
                            Err(Flow::Break(n)) => {
                                if n > 1 {
                                    return Err(Flow::Break(n - 1));
                                }
                                status = 0;
                                break;
                            }
                            Err(Flow::Continue(n)) => {
                                if n > 1 {
                                    return Err(Flow::Continue(n - 1));
                                }
                                status = 0;
                            }
                            Err(flow) => return Err(flow),
                        }
                    }
                    Ok(status)
                })();
                self.st.loop_depth -= 1;
                result
            }
            CompoundKind::While(clause) => self.run_loop(&clause.condition, &clause.body, false),
            CompoundKind::Until(clause) => self.run_loop(&clause.condition, &clause.body, true),
            CompoundKind::Case(clause) => {
                let subject = self.expand_to_string(&clause.subject)?;
                let mut matched = false;
                let mut status = 0;
                for arm in &clause.arms {
                    if !matched {
                        for pattern in &arm.patterns {
                            let pattern = self.expand_pattern(pattern)?;
                            if dockyard_vfs::fnmatch(&pattern, &subject) {
                                matched = true;
                                break;
                            }
                        }
                        if !matched {
                            continue;
                        }
                    }
                    status = self.run_list(&arm.body)?;
                    match arm.terminator {
                        CaseTerminator::FallThrough => continue,
                        _ => return Ok(status),
                    }
                }
                Ok(status)
            }
            CompoundKind::DoubleBracket(_) => {
                self.error("[[: not found");
                Ok(127)
            }
        }
    }

    fn run_loop(&mut self, condition: &List, body: &List, until: bool) -> Res {
        let mut status = 0;
        self.st.loop_depth += 1;
        let result = (|| {
            loop {
                self.step()?;
                self.tested += 1;
                let cond = self.run_list(condition);
                self.tested -= 1;
                let cond = match cond {
                    Ok(s) => s,
                    Err(Flow::Break(n)) => {
                        if n > 1 {
                            return Err(Flow::Break(n - 1));
                        }
                        break;
                    }
                    Err(Flow::Continue(n)) => {
                        if n > 1 {
                            return Err(Flow::Continue(n - 1));
                        }
                        continue;
                    }
                    Err(flow) => return Err(flow),
                };
                if (cond == 0) == until {
                    break;
                }
                match self.run_list(body) {
                    Ok(s) => status = s,
                    Err(Flow::Break(n)) => {
                        if n > 1 {
                            return Err(Flow::Break(n - 1));
                        }
                        break;
                    }
                    Err(Flow::Continue(n)) => {
                        if n > 1 {
                            return Err(Flow::Continue(n - 1));
                        }
                    }
                    Err(flow) => return Err(flow),
                }
            }
            Ok(status)
        })();
        self.st.loop_depth -= 1;
        result
    }

    fn run_simple(&mut self, cmd: &SimpleCommand) -> Res {
        self.set_line(cmd.span.start);
        self.subst_status = None;
        let mut argv = Vec::new();
        for word in &cmd.words {
            argv.extend(self.expand_word(word)?);
        }
        let mut assigns = Vec::new();
        for assignment in &cmd.assignments {
            let value = self.expand_assignment(&assignment.value)?;
            assigns.push((assignment.name.clone(), value));
        }
        if self.st.opts.xtrace {
            let mut line = String::from("+");
            for (name, value) in &assigns {
                line.push_str(&format!(" {name}={value}"));
            }
            for arg in &argv {
                line.push(' ');
                line.push_str(arg);
            }
            line.push('\n');
            self.write_err(&line);
        }
        if argv.is_empty() {
            let status = self.subst_status.unwrap_or(0);
            let saved = match self.apply_redirects(&cmd.redirects)? {
                Ok(saved) => saved,
                Err(s) => {
                    self.st.status = s;
                    return Ok(s);
                }
            };
            self.restore_fds(saved);
            for (name, value) in assigns {
                if let Err(message) = self.set_var(&name, &value) {
                    self.shell_error(&message);
                    return Err(Flow::Exit(2));
                }
            }
            self.st.status = status;
            self.check_errexit(status)?;
            return Ok(status);
        }
        let status = self.run_argv(&argv, assigns, &cmd.redirects)?;
        self.st.status = status;
        self.check_errexit(status)?;
        Ok(status)
    }

    /// Runs an expanded command line with its prefix assignments and redirections.
    fn run_argv(
        &mut self,
        argv: &[String],
        assigns: Vec<(String, String)>,
        redirects: &[dockyard_shell::Redirect],
    ) -> Res {
        self.step()?;
        let name = argv[0].as_str();
        let special = is_special_builtin(name);
        let saved_fds = match self.apply_redirects(redirects)? {
            Ok(saved) => saved,
            Err(status) => {
                if special {
                    return Err(Flow::Exit(status));
                }
                return Ok(status);
            }
        };
        let result = if special {
            let mut failed = false;
            for (var, value) in &assigns {
                if let Err(message) = self.set_var(var, value) {
                    self.shell_error(&message);
                    failed = true;
                }
            }
            if failed {
                Err(Flow::Exit(2))
            } else {
                self.run_builtin(argv)
            }
        } else {
            let saved_vars = self.push_temp_vars(&assigns);
            match saved_vars {
                Ok(saved) => {
                    let r = self.run_found(argv);
                    self.pop_temp_vars(saved);
                    r
                }
                Err(message) => {
                    self.shell_error(&message);
                    Err(Flow::Exit(2))
                }
            }
        };
        if !(name == "exec" && argv.len() == 1) {
            self.restore_fds(saved_fds);
        }
        result
    }

    fn push_temp_vars(
        &mut self,
        assigns: &[(String, String)],
    ) -> Result<Vec<(String, Option<Var>)>, String> {
        let mut saved = Vec::new();
        for (name, value) in assigns {
            if self.st.vars.get(name).is_some_and(|v| v.readonly) {
                self.pop_temp_vars(saved);
                return Err(format!("{name}: is read only"));
            }
            saved.push((name.clone(), self.st.vars.get(name).cloned()));
            self.st.vars.insert(
                name.clone(),
                Var {
                    value: Some(value.clone()),
                    exported: true,
                    readonly: false,
                },
            );
        }
        Ok(saved)
    }

    fn pop_temp_vars(&mut self, saved: Vec<(String, Option<Var>)>) {
        for (name, old) in saved.into_iter().rev() {
            match old {
                Some(var) => {
                    self.st.vars.insert(name, var);
                }
                None => {
                    self.st.vars.remove(&name);
                }
            }
        }
    }

    fn run_found(&mut self, argv: &[String]) -> Res {
        match self.find(&argv[0], true) {
            Found::ShellBuiltin => self.run_builtin(argv),
            Found::Function(function) => self.call_function(&function, argv),
            Found::Program(program) => Ok(self.run_program(&program, argv)),
            Found::Script(path) => Ok(self.run_script_file(&path, argv)),
            Found::Missing => {
                let message = format!("{}: not found", argv[0]);
                self.error(&message);
                Ok(127)
            }
            Found::Denied => {
                let message = format!("{}: Permission denied", argv[0]);
                self.error(&message);
                Ok(126)
            }
        }
    }

    /// Runs a program by name or path, skipping functions and builtins that are not
    /// also programs (as `env` and `xargs` do).
    pub fn exec_program(&mut self, argv: &[String]) -> i32 {
        if argv.is_empty() {
            return 0;
        }
        match self.find(&argv[0], false) {
            Found::Program(program) => self.run_program(&program, argv),
            Found::Script(path) => self.run_script_file(&path, argv),
            Found::ShellBuiltin | Found::Function(_) | Found::Missing => {
                let message = format!("{}: No such file or directory\n", argv[0]);
                let _ = self.write(2, message.as_bytes());
                127
            }
            Found::Denied => {
                let message = format!("{}: Permission denied\n", argv[0]);
                let _ = self.write(2, message.as_bytes());
                126
            }
        }
    }

    fn call_function(&mut self, function: &Function, argv: &[String]) -> Res {
        self.enter()?;
        let saved_positional = std::mem::replace(&mut self.st.positional, argv[1..].to_vec());
        self.st.locals.push(Vec::new());
        self.st.func_depth += 1;
        let saved_loop = std::mem::take(&mut self.st.loop_depth);
        self.sources.push(function.source.clone());
        let result = self.run_command(&function.body);
        self.sources.pop();
        self.st.loop_depth = saved_loop;
        self.st.func_depth -= 1;
        if let Some(frame) = self.st.locals.pop() {
            self.pop_temp_vars(frame);
        }
        self.st.positional = saved_positional;
        self.leave();
        match result {
            Ok(s) => Ok(s),
            Err(Flow::Return(s)) => Ok(s),
            Err(Flow::Break(_)) | Err(Flow::Continue(_)) => Ok(self.st.status),
            Err(flow) => Err(flow),
        }
    }

    /// Runs `argv` with exactly `env` in `cwd`, optionally capturing standard output.
    pub fn exec_in(
        &mut self,
        argv: &[String],
        env: &[(String, String)],
        cwd: &str,
        capture: bool,
    ) -> Result<(i32, Vec<u8>), bool> {
        if argv.is_empty() {
            return Ok((0, Vec::new()));
        }
        let mut child = self.st.clone();
        child.vars = env
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    Var {
                        value: Some(v.clone()),
                        exported: true,
                        readonly: false,
                    },
                )
            })
            .collect();
        child.cwd = cwd.to_string();
        let saved = std::mem::replace(&mut self.st, child);
        let found = self.find(&argv[0], false);
        let result = match found {
            Found::ShellBuiltin | Found::Function(_) | Found::Missing => Err(false),
            Found::Denied => Err(true),
            Found::Program(_) | Found::Script(_) => {
                let index = if capture {
                    self.captures.push(Vec::new());
                    let index = self.captures.len() - 1;
                    self.st.fds[1] = Some(Fd::Capture(index));
                    Some(index)
                } else {
                    None
                };
                let status = self.exec_program(argv);
                let data = match index {
                    Some(_) => self.captures.pop().unwrap_or_default(),
                    None => Vec::new(),
                };
                Ok((status, data))
            }
        };
        self.st = saved;
        result
    }

    fn run_program(&mut self, name: &str, argv: &[String]) -> i32 {
        if let Some(main) = self.registry.get_fn(name) {
            if self.enter().is_err() {
                return 2;
            }
            let saved_cmdname = self.cmdname.take();
            let status = main(&mut Ctx { shell: self }, argv);
            self.cmdname = saved_cmdname;
            self.leave();
            return status & 0xff;
        }
        let Some(program) = self.registry.get(name) else {
            let message = format!("{}: cannot execute binary file", argv[0]);
            self.error(&message);
            return 126;
        };
        if self.enter().is_err() {
            return 2;
        }
        let saved_cmdname = self.cmdname.take();
        let status = match program.try_borrow_mut() {
            Ok(mut program) => {
                let mut ctx = Ctx { shell: self };
                program.run(&mut ctx, argv)
            }
            Err(_) => {
                let message = format!("{}: is already running\n", argv[0]);
                let _ = self.write(2, message.as_bytes());
                1
            }
        };
        self.cmdname = saved_cmdname;
        self.leave();
        status & 0xff
    }

    fn run_script_file(&mut self, path: &str, argv: &[String]) -> i32 {
        let text = match self.vfs.read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(error) => {
                let message = format!("{}: {}", argv[0], error);
                self.error(&message);
                return 126;
            }
        };
        if let Some(first) = text.lines().next() {
            if let Some(interpreter) = first.strip_prefix("#!") {
                let mut words = interpreter.split_whitespace();
                let program = words.next().unwrap_or("");
                let base = program.rsplit('/').next().unwrap_or(program);
                let base = if base == "env" {
                    words.next().unwrap_or("")
                } else {
                    base
                };
                if !matches!(base, "sh" | "dash" | "bash" | "") {
                    let mut args = vec![base.to_string(), argv[0].clone()];
                    args.extend(argv[1..].iter().cloned());
                    return self.exec_program(&args);
                }
            }
        }
        let env = self.environment();
        self.run_child(&text, &argv[0], argv[1..].to_vec(), env, None)
    }

    /// Where a command name leads: dash looks at functions and builtins before `PATH`.
    fn find(&self, name: &str, shell_too: bool) -> Found {
        if shell_too {
            if is_special_builtin(name) {
                return Found::ShellBuiltin;
            }
            if let Some(function) = self.st.funcs.get(name) {
                return Found::Function(function.clone());
            }
            if is_builtin(name) {
                return Found::ShellBuiltin;
            }
        }
        if name.contains('/') {
            let path = dockyard_vfs::join(&self.st.cwd, name);
            return self.classify(&path);
        }
        match self.path_lookup(name) {
            Some(path) => self.classify(&path),
            None => Found::Missing,
        }
    }

    /// The first executable file named `name` in a `PATH` directory.
    pub fn path_lookup(&self, name: &str) -> Option<String> {
        let path = self.get_var("PATH")?.to_string();
        for dir in path.split(':') {
            let dir = if dir.is_empty() { "." } else { dir };
            let candidate = dockyard_vfs::join(&self.st.cwd, &format!("{dir}/{name}"));
            if let Ok(meta) = self.vfs.stat(&candidate) {
                if meta.is_file() && meta.is_executable() {
                    return Some(format!("{dir}/{name}"));
                }
            }
        }
        None
    }

    fn classify(&self, path: &str) -> Found {
        let full = dockyard_vfs::join(&self.st.cwd, path);
        let Ok(meta) = self.vfs.stat(&full) else {
            return Found::Missing;
        };
        if meta.is_dir()
            || !meta.is_executable()
            || self
                .vfs
                .access(&full, dockyard_vfs::Access::Execute)
                .is_err()
        {
            return Found::Denied;
        }
        match self.vfs.read_shared(&full) {
            Ok(bytes) => match crate::session::stub_name(&bytes) {
                Some(program) => Found::Program(program),
                None => Found::Script(full),
            },
            Err(_) => Found::Denied,
        }
    }

    /// What `command -v` prints for a name, if anything.
    pub fn describe(&self, name: &str) -> Option<String> {
        if self.st.aliases.contains_key(name) {
            return Some(format!("alias {}='{}'", name, self.st.aliases[name]));
        }
        if is_keyword(name) || is_builtin(name) || is_special_builtin(name) {
            return Some(name.to_string());
        }
        if self.st.funcs.contains_key(name) {
            return Some(name.to_string());
        }
        if name.contains('/') {
            let full = dockyard_vfs::join(&self.st.cwd, name);
            return self
                .vfs
                .stat(&full)
                .ok()
                .filter(|m| m.is_file() && m.is_executable())
                .map(|_| name.to_string());
        }
        self.path_lookup(name)
    }

    /// What `type` prints for a name (`None`: not found).
    pub fn type_of(&self, name: &str) -> Option<String> {
        if let Some(value) = self.st.aliases.get(name) {
            return Some(format!("{name} is an alias for {value}"));
        }
        if is_keyword(name) {
            return Some(format!("{name} is a shell keyword"));
        }
        if is_special_builtin(name) {
            return Some(format!("{name} is a special shell builtin"));
        }
        if self.st.funcs.contains_key(name) {
            return Some(format!("{name} is a shell function"));
        }
        if is_builtin(name) {
            return Some(format!("{name} is a shell builtin"));
        }
        let path = if name.contains('/') {
            let full = dockyard_vfs::join(&self.st.cwd, name);
            self.vfs
                .stat(&full)
                .ok()
                .filter(|m| m.is_file() && m.is_executable())
                .map(|_| name.to_string())
        } else {
            self.path_lookup(name)
        };
        path.map(|p| format!("{name} is {p}"))
    }
}

fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "!" | "case"
            | "do"
            | "done"
            | "elif"
            | "else"
            | "esac"
            | "fi"
            | "for"
            | "if"
            | "in"
            | "then"
            | "until"
            | "while"
            | "{"
            | "}"
    )
}

/// Restores descriptors saved by [`Shell::apply_redirects`].
pub(crate) type SavedFds = Vec<(usize, Option<Fd>)>;

impl Shell {
    pub fn restore_fds(&mut self, saved: SavedFds) {
        for (fd, old) in saved.into_iter().rev() {
            if fd < FD_COUNT {
                self.st.fds[fd] = old;
            }
        }
    }

    /// Terminal descriptors (for a fresh line in the session).
    pub fn reset_fds(&mut self, stdin: Vec<u8>) {
        self.st.fds = default_fds(stdin);
    }

    pub fn take_terminal(&mut self) -> Terminal {
        std::mem::take(&mut self.term)
    }

    #[allow(dead_code)]
    pub fn term_stream(&mut self, stream: Stream, text: &str) {
        self.term.write(stream, text.as_bytes());
    }
}
