//! Pluggable commands: the [`Program`] trait, the [`CommandRegistry`] table every
//! simulated command lives in, and the [`Ctx`] a program runs with (arguments, files,
//! environment, standard streams, and a way back into the shell).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use dockyard_vfs::{FsError, Vfs};

use crate::shell::Shell;

/// A command the sandbox can run, found on `PATH` like a real program.
///
/// Other crates (make, the docker engine, the linter) implement this and register
/// themselves with [`crate::Session::register`]. `argv[0]` is the name it was run as.
/// The return value is the exit status (0–255).
pub trait Program {
    fn run(&mut self, ctx: &mut Ctx<'_>, argv: &[String]) -> i32;
}

impl<F> Program for F
where
    F: FnMut(&mut Ctx<'_>, &[String]) -> i32,
{
    fn run(&mut self, ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
        self(ctx, argv)
    }
}

/// A shared, stateful program (a docker engine keeps its images between commands).
pub type ProgramRef = Rc<RefCell<dyn Program>>;

/// A stateless program: a plain function, which may run inside itself (a recipe's
/// `sh` running `make` running `sh`).
pub type MainFn = fn(&mut Ctx<'_>, &[String]) -> i32;

/// The table of programs on the sandbox's `PATH` (in `/usr/bin`), by name.
#[derive(Clone, Default)]
pub struct CommandRegistry {
    programs: BTreeMap<String, ProgramRef>,
    functions: BTreeMap<String, MainFn>,
}

impl std::fmt::Debug for CommandRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.programs.keys()).finish()
    }
}

impl CommandRegistry {
    /// An empty table.
    pub fn new() -> CommandRegistry {
        CommandRegistry::default()
    }

    /// The coreutils and friends this crate simulates (see [`crate::commands`]).
    pub fn standard() -> CommandRegistry {
        let mut registry = CommandRegistry::new();
        crate::commands::register_all(&mut registry);
        registry
    }

    /// Adds (or replaces) the program run for `name`.
    pub fn register(&mut self, name: &str, program: impl Program + 'static) {
        self.functions.remove(name);
        self.programs
            .insert(name.to_string(), Rc::new(RefCell::new(program)));
    }

    /// Adds (or replaces) a stateless program, which may be re-entered.
    pub fn register_fn(&mut self, name: &str, main: MainFn) {
        self.register(name, main);
        self.functions.insert(name.to_string(), main);
    }

    /// The stateless program registered as `name`.
    pub fn get_fn(&self, name: &str) -> Option<MainFn> {
        self.functions.get(name).copied()
    }

    /// Adds a program shared with other names or sessions.
    pub fn register_shared(&mut self, name: &str, program: ProgramRef) {
        self.functions.remove(name);
        self.programs.insert(name.to_string(), program);
    }

    /// The program registered as `name`.
    pub fn get(&self, name: &str) -> Option<ProgramRef> {
        self.programs.get(name).cloned()
    }

    /// Whether `name` is registered.
    pub fn contains(&self, name: &str) -> bool {
        self.programs.contains_key(name)
    }

    /// Every registered name, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.programs.keys().map(String::as_str)
    }
}

/// What a running program can see and do.
pub struct Ctx<'a> {
    pub(crate) shell: &'a mut Shell,
}

impl Ctx<'_> {
    /// The filesystem.
    pub fn vfs(&mut self) -> &mut Vfs {
        &mut self.shell.vfs
    }

    /// The filesystem, read-only.
    pub fn fs(&self) -> &Vfs {
        &self.shell.vfs
    }

    /// The working directory (logical, as `pwd` prints it).
    pub fn cwd(&self) -> &str {
        &self.shell.st.cwd
    }

    /// An operand made absolute against the working directory, as the kernel would see it.
    pub fn path(&self, operand: &str) -> String {
        dockyard_vfs::join(&self.shell.st.cwd, operand)
    }

    /// The exported environment, sorted by name.
    pub fn env(&self) -> Vec<(String, String)> {
        self.shell.environment()
    }

    /// One environment variable.
    pub fn var(&self, name: &str) -> Option<String> {
        self.shell
            .st
            .vars
            .get(name)
            .and_then(|v| if v.exported { v.value.clone() } else { None })
    }

    /// Everything left on standard input.
    pub fn stdin(&mut self) -> Vec<u8> {
        self.shell.read_all(0)
    }

    /// One line of standard input including its newline; `None` at end of input.
    pub fn read_line(&mut self) -> Option<Vec<u8>> {
        self.shell.read_line(0)
    }

    /// Writes to standard output. False when the write failed (closed descriptor, full
    /// disk) or the output budget ran out: the program should stop.
    pub fn out(&mut self, bytes: impl AsRef<[u8]>) -> bool {
        self.shell.write(1, bytes.as_ref()).is_ok()
    }

    /// Writes to standard error.
    pub fn err(&mut self, bytes: impl AsRef<[u8]>) -> bool {
        self.shell.write(2, bytes.as_ref()).is_ok()
    }

    /// Writes to descriptor `fd`.
    pub fn write_fd(&mut self, fd: usize, bytes: &[u8]) -> Result<(), FsError> {
        self.shell.write(fd, bytes)
    }

    /// Reads a file operand: `-` is standard input, `/dev/null` is empty.
    pub fn read_operand(&mut self, operand: &str) -> Result<Vec<u8>, FsError> {
        if operand == "-" {
            return Ok(self.stdin());
        }
        let path = self.path(operand);
        if dockyard_vfs::resolve("/", &path) == "/dev/null" {
            return Ok(Vec::new());
        }
        self.shell.vfs.read(&path)
    }

    /// Runs `script` with `sh -c` in a child shell sharing these streams; its status.
    pub fn run_shell(&mut self, script: &str) -> i32 {
        let env = self.env();
        self.shell.run_child(script, "sh", Vec::new(), env, None)
    }

    /// Runs `argv` as a program exec'd with exactly `env` in `cwd` (as make runs a
    /// recipe line or `$(shell)`), returning its status and, with `capture`, its
    /// standard output. `Err(false)`: no such program; `Err(true)`: not executable.
    pub fn exec_in(
        &mut self,
        argv: &[String],
        env: &[(String, String)],
        cwd: &str,
        capture: bool,
    ) -> Result<(i32, Vec<u8>), bool> {
        self.shell.exec_in(argv, env, cwd, capture)
    }

    /// Runs a program by name or path (no shell functions or special builtins), as
    /// `env` and `xargs` do; its status (127 if not found, 126 if not executable).
    pub fn exec(&mut self, argv: &[String]) -> i32 {
        self.shell.exec_program(argv)
    }

    /// Counts one step of work against the budget; false once it is spent.
    pub fn step(&mut self) -> bool {
        self.shell.step().is_ok()
    }

    /// The logical clock (seconds since the epoch).
    pub fn now(&self) -> u64 {
        self.shell.vfs.now()
    }

    /// The session's seed.
    pub fn seed(&self) -> u64 {
        self.shell.seed
    }

    /// The name of a user id from the sandbox's passwd table.
    pub fn user_name(&self, uid: u32) -> Option<String> {
        self.shell.users.user_name(uid)
    }

    /// The name of a group id.
    pub fn group_name(&self, gid: u32) -> Option<String> {
        self.shell.users.group_name(gid)
    }

    /// The acting user's name.
    pub fn current_user(&self) -> String {
        let uid = self.shell.vfs.user().uid;
        self.user_name(uid).unwrap_or_else(|| uid.to_string())
    }

    /// The home directory of a user, from the passwd table.
    pub fn home_of(&self, name: &str) -> Option<String> {
        self.shell.users.home_of(name)
    }

    /// The history of lines run in this session, oldest first.
    pub fn history(&self) -> &[String] {
        &self.shell.history
    }

    /// Whether a program is registered under `name`.
    pub fn has_program(&self, name: &str) -> bool {
        self.shell.registry.contains(name)
    }

    /// Prints a shell builtin's error the way dash does: `sh: LINE: NAME: MESSAGE`.
    pub(crate) fn builtin_error(&mut self, name: &str, message: &str) {
        let text = format!(
            "{}: {}: {}: {}\n",
            self.shell.st.argv0, self.shell.lineno, name, message
        );
        let _ = self.shell.write(2, text.as_bytes());
    }
}
