//! A GNU make 4.3 simulator: reads makefiles (rules, variables, conditionals, `define`,
//! `include`), expands variables and functions, updates goals by the mtimes of an
//! in-memory filesystem and prints make's messages byte for byte on the same streams.
//!
//! Recipes are not run here: every recipe line (or the whole recipe under `.ONESHELL`)
//! and every `$(shell)` goes through a [`RecipeRunner`], so this crate does no I/O and
//! knows nothing of the sandbox that runs the shell.
//!
//! ```
//! use dockyard_make::{run, ExecError, RecipeRunner};
//! use dockyard_vfs::Vfs;
//! struct Echo { vfs: Vfs, out: String }
//! impl RecipeRunner for Echo {
//!     fn vfs(&mut self) -> &mut Vfs { &mut self.vfs }
//!     fn out(&mut self, text: &str) { self.out.push_str(text) }
//!     fn err(&mut self, text: &str) { self.out.push_str(text) }
//!     fn exec(&mut self, _: &[String], _: &[(String, String)], _: &str, _: bool)
//!         -> Result<(i32, Vec<u8>), ExecError> { Ok((0, Vec::new())) }
//! }
//! let mut vfs = Vfs::new();
//! vfs.create_dir_all("/w").unwrap();
//! vfs.write("/w/Makefile", b"all:\n\t@echo hi\n").unwrap();
//! let mut runner = Echo { vfs, out: String::new() };
//! let status = run(&mut runner, &["make".into(), "-n".into()], &[], "/w");
//! assert_eq!((status, runner.out.as_str()), (0, "echo hi\n"));
//! ```

mod expand;
mod functions;
mod options;
mod read;
mod update;
mod vars;

use std::collections::{BTreeMap, HashMap};

use dockyard_vfs::Vfs;

pub use options::{HELP, VERSION};

/// Why a program could not be started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExecError {
    /// No such file on `PATH` (make prints `make: NAME: No such file or directory`).
    NotFound,
    /// The file exists but may not be executed.
    PermissionDenied,
}

/// What make needs from the world around it: the files, the terminal, and a way to run
/// a program (the shell for a recipe line, or a command exec'd directly).
pub trait RecipeRunner {
    /// The filesystem make reads makefiles from and checks mtimes in.
    fn vfs(&mut self) -> &mut Vfs;
    /// Writes to standard output.
    fn out(&mut self, text: &str);
    /// Writes to standard error.
    fn err(&mut self, text: &str);
    /// Runs `argv` (found on `PATH` unless it holds a `/`) with exactly `env` in `cwd`;
    /// with `capture`, its standard output is returned instead of written.
    fn exec(
        &mut self,
        argv: &[String],
        env: &[(String, String)],
        cwd: &str,
        capture: bool,
    ) -> Result<(i32, Vec<u8>), ExecError>;
}

/// Budgets that end a run with an error instead of a hang.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Expansion steps (variable references, function calls, lines read).
    pub steps: u64,
    /// Nesting of `$(call)`, `$(eval)`, includes and variable expansion.
    pub depth: usize,
    /// The deepest `MAKELEVEL` a recursive `$(MAKE)` may reach.
    pub make_level: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            steps: 1_000_000,
            depth: 40,
            make_level: 20,
        }
    }
}

/// Runs `make` with `argv` (`argv[0]` is the program name) and the environment `env`
/// in the directory `cwd`; the exit status (0, 1 under `-q`, or 2).
pub fn run(
    runner: &mut dyn RecipeRunner,
    argv: &[String],
    env: &[(String, String)],
    cwd: &str,
) -> i32 {
    run_with_limits(runner, argv, env, cwd, Limits::default())
}

/// [`run`] with explicit budgets.
pub fn run_with_limits(
    runner: &mut dyn RecipeRunner,
    argv: &[String],
    env: &[(String, String)],
    cwd: &str,
    limits: Limits,
) -> i32 {
    let level = env
        .iter()
        .find(|(k, _)| k == "MAKELEVEL")
        .and_then(|(_, v)| v.trim().parse::<u32>().ok())
        .unwrap_or(0);
    let prefix = if level == 0 {
        "make".to_string()
    } else {
        format!("make[{level}]")
    };
    let opts = match options::parse(argv, env) {
        Ok(o) => o,
        Err(options::ArgError::Message(m)) => {
            runner.err(&format!("make: {m}\n"));
            runner.err(HELP);
            return 2;
        }
        Err(options::ArgError::Fatal(m)) => {
            runner.err(&format!("{prefix}: *** {m}.  Stop.\n"));
            return 2;
        }
    };
    if opts.help {
        runner.out(HELP);
        return 0;
    }
    if opts.version {
        runner.out(VERSION);
        return 0;
    }
    if level > limits.make_level {
        runner.err(&format!(
            "{prefix}: *** recursion too deep (MAKELEVEL {level}): this sandbox stops here.  Stop.\n"
        ));
        return 2;
    }
    let mut make = Make::new(runner, opts, env, cwd, level, prefix, limits);
    make.main()
}

/// A fatal error; its message has already been printed.
#[derive(Debug)]
pub(crate) struct Stop;

pub(crate) type R<T> = Result<T, Stop>;

/// A place in a makefile, for messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Loc {
    pub file: String,
    pub line: usize,
}

/// One line of a recipe as read (after the recipe prefix TAB).
#[derive(Clone, Debug)]
pub(crate) struct RecipeLine {
    pub text: String,
    pub loc: Loc,
}

/// One rule's contribution to a target.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rule {
    pub deps: Vec<String>,
    pub order_only: Vec<String>,
    pub recipe: Option<Vec<RecipeLine>>,
    /// The stem of a static pattern rule.
    pub stem: Option<String>,
}

/// Everything known about one file (target or prerequisite).
#[derive(Clone, Debug, Default)]
pub(crate) struct FileInfo {
    pub deps: Vec<String>,
    pub order_only: Vec<String>,
    pub recipe: Option<Vec<RecipeLine>>,
    pub recipe_loc: Loc,
    pub stem: Option<String>,
    pub is_target: bool,
    pub double_colon: Vec<Rule>,
    pub single_colon: bool,
}

/// A pattern rule `%.o: %.c`.
#[derive(Clone, Debug)]
pub(crate) struct PatternRule {
    pub targets: Vec<String>,
    pub deps: Vec<String>,
    pub order_only: Vec<String>,
    pub recipe: Vec<RecipeLine>,
    pub builtin: bool,
}

/// The state of one make run.
pub(crate) struct Make<'r> {
    pub r: &'r mut dyn RecipeRunner,
    pub opts: options::Options,
    pub level: u32,
    pub prefix: String,
    pub cwd: String,
    pub limits: Limits,
    pub steps: u64,
    pub depth: usize,
    pub env: Vec<(String, String)>,
    pub vars: HashMap<String, vars::Var>,
    pub layers: Vec<HashMap<String, vars::Var>>,
    pub target_vars: HashMap<String, Vec<vars::TargetVar>>,
    pub pattern_vars: Vec<(String, vars::TargetVar)>,
    pub files: HashMap<String, FileInfo>,
    pub patterns: Vec<PatternRule>,
    pub special: HashMap<String, Vec<String>>,
    pub export_all: bool,
    pub expanding: Vec<String>,
    pub loc: Option<Loc>,
    pub makefile_list: Vec<String>,
    pub state: BTreeMap<String, update::State>,
    pub commands_started: usize,
    pub intermediates: Vec<String>,
    pub call_depth: usize,
    pub export_marks: Vec<String>,
    pub unexport_marks: Vec<String>,
    pub no_makefile: bool,
    /// Targets whose own recipe failed.
    pub own_failures: Vec<String>,
}
