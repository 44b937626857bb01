//! `Session`: one sandbox — a filesystem, a shell with its variables and functions, the
//! registered programs, a seed — and `Session::run`, which runs one command line.

use dockyard_vfs::{Credentials, EntryKind, Vfs};

use crate::io::Terminal;
use crate::registry::{CommandRegistry, Program};
use crate::shell::{Flow, Shell};
use crate::users::Users;

/// Limits on one command line (or script). Running out stops it with a message on
/// stderr and status [`Budget::EXHAUSTED_STATUS`]; the session stays usable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// Commands, loop iterations and expansions.
    pub steps: u64,
    /// Nested function calls, subshells, `eval`s and sourced files.
    pub depth: usize,
    /// Bytes written anywhere (terminal, pipes, files).
    pub output_bytes: u64,
}

impl Budget {
    /// The status of a command stopped by the budget (as `timeout` reports a timeout).
    pub const EXHAUSTED_STATUS: i32 = 124;
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            steps: 200_000,
            depth: 64,
            output_bytes: 4 << 20,
        }
    }
}

/// What one [`Session::run`] printed and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// stdout and stderr interleaved in write order, as a terminal shows them.
    pub merged: String,
    pub status: i32,
}

/// How to set a session up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionConfig {
    /// The user commands run as: `root`, or another name (uid 1000, home `/home/NAME`).
    pub user: String,
    /// The starting directory (created if missing); default: the user's home.
    pub cwd: Option<String>,
    /// Seeds `$$` and other ids.
    pub seed: u64,
    /// The logical clock's starting value (seconds since the epoch).
    pub start_time: u64,
    /// The environment; `None`: `HOME`, `LOGNAME`, `PATH`, `LANG=C`, `USER`, `SHELL`.
    pub env: Option<Vec<(String, String)>>,
    pub budget: Budget,
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig {
            user: "learner".into(),
            cwd: None,
            seed: 0,
            start_time: 1_700_000_000,
            env: None,
            budget: Budget::default(),
        }
    }
}

/// A script run as `sh -c SCRIPT ARGV0 POSITIONAL...` with `stdin`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invocation {
    pub script: String,
    /// `$0` and the prefix of error messages (`sh` by default).
    pub argv0: Option<String>,
    pub positional: Vec<String>,
    pub stdin: Vec<u8>,
}

/// The first bytes of the files in `/usr/bin` that stand for registered programs.
const STUB_MAGIC: &[u8] = b"\x7fELF dockyard-simulated-command ";

/// The program a `/usr/bin` stub stands for.
pub(crate) fn stub_name(bytes: &[u8]) -> Option<String> {
    let rest = bytes.strip_prefix(STUB_MAGIC)?;
    let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    Some(String::from_utf8_lossy(&rest[..end]).into_owned())
}

/// Commands that are dash builtins and also programs in `/usr/bin`.
const BUILTIN_PROGRAMS: [&str; 7] = ["echo", "printf", "test", "[", "true", "false", "pwd"];

/// A sandbox session.
pub struct Session {
    shell: Shell,
    exited: Option<i32>,
}

impl Session {
    /// A session with the standard commands on a fresh filesystem (`/usr/bin`, `/bin`,
    /// `/tmp`, `/etc/passwd`, the user's home).
    pub fn new(config: SessionConfig) -> Session {
        Session::with_vfs(Vfs::new(), config)
    }

    /// A session over an existing filesystem (the standard directories are added).
    pub fn with_vfs(mut vfs: Vfs, config: SessionConfig) -> Session {
        let users = Users::with_session_user(&config.user);
        let user = users.by_name(&config.user).cloned().expect("session user");
        if vfs.now() < config.start_time {
            vfs.set_now(config.start_time);
        }
        vfs.set_user(Credentials { uid: 0, gid: 0 });
        let home = user.home.clone();
        for (path, mode) in [
            ("/usr", 0o755),
            ("/usr/bin", 0o755),
            ("/usr/local", 0o755),
            ("/usr/local/bin", 0o755),
            ("/tmp", 0o1777),
            ("/etc", 0o755),
            ("/dev", 0o755),
            ("/root", 0o700),
            ("/home", 0o755),
        ] {
            if !vfs.exists(path) {
                let _ = vfs.create_dir_all(path);
                let _ = vfs.set_mode(path, mode);
            }
        }
        if !vfs.exists("/bin") {
            let _ = vfs.symlink("usr/bin", "/bin");
        }
        let _ = vfs.write("/etc/passwd", users.passwd().as_bytes());
        let _ = vfs.write("/etc/group", users.group().as_bytes());
        let _ = vfs.write("/etc/hostname", b"sandbox\n");
        if !vfs.exists("/dev/null") {
            let _ = vfs.write("/dev/null", b"");
            let _ = vfs.set_mode("/dev/null", 0o666);
        }
        if !vfs.exists(&home) {
            let _ = vfs.create_dir_all(&home);
            let _ = vfs.set_owner(&home, user.uid, user.gid);
            let _ = vfs.set_mode(&home, 0o755);
        }
        let registry = CommandRegistry::standard();
        let cwd = config.cwd.clone().unwrap_or_else(|| home.clone());
        if !vfs.exists(&cwd) {
            let _ = vfs.create_dir_all(&cwd);
            let _ = vfs.set_owner(&cwd, user.uid, user.gid);
        }
        let mut shell = Shell::new(vfs, registry, users, config.seed, &cwd);
        let names: Vec<String> = shell.registry.names().map(str::to_string).collect();
        for name in names.iter().map(String::as_str).chain(BUILTIN_PROGRAMS) {
            install_stub(&mut shell.vfs, name);
        }
        shell.vfs.set_user(Credentials {
            uid: user.uid,
            gid: user.gid,
        });
        shell.budget = config.budget;
        let env = config.env.clone().unwrap_or_else(|| {
            vec![
                ("HOME".into(), home.clone()),
                ("LANG".into(), "C".into()),
                ("LOGNAME".into(), user.name.clone()),
                ("PATH".into(), "/usr/local/bin:/usr/bin:/bin".into()),
                ("SHELL".into(), "/bin/sh".into()),
                ("USER".into(), user.name.clone()),
            ]
        });
        for (name, value) in env {
            let _ = shell.set_var(&name, &value);
            if let Some(var) = shell.st.vars.get_mut(&name) {
                var.exported = true;
            }
        }
        let _ = shell.set_var("PWD", &cwd);
        if let Some(var) = shell.st.vars.get_mut("PWD") {
            var.exported = true;
        }
        Session {
            shell,
            exited: None,
        }
    }

    /// Runs one command line, as `sh -c LINE` would but in this session's shell, so
    /// variables, functions, options and the directory carry over to the next line.
    pub fn run(&mut self, line: &str) -> Output {
        self.shell.history.push(line.to_string());
        self.execute(line, Vec::new(), false)
    }

    /// Runs a whole script as `sh -c SCRIPT ARGV0 ARGS...` with its standard input.
    /// The EXIT trap runs at the end, as when that shell exits.
    pub fn run_script(&mut self, invocation: &Invocation) -> Output {
        if let Some(argv0) = &invocation.argv0 {
            self.shell.st.argv0 = argv0.clone();
        }
        self.shell.st.positional = invocation.positional.clone();
        self.execute(&invocation.script, invocation.stdin.clone(), true)
    }

    fn execute(&mut self, text: &str, stdin: Vec<u8>, whole: bool) -> Output {
        let shell = &mut self.shell;
        shell.reset_fds(stdin);
        shell.steps = 0;
        shell.written = 0;
        shell.abort = None;
        shell.depth = 0;
        shell.tested = 0;
        shell.cmdname = None;
        shell.lineno = 1;
        shell.captures.clear();
        let result = shell.run_text(text);
        let mut status = match result {
            Ok(s) => s,
            Err(Flow::Exit(s)) => {
                self.exited = Some(s);
                s
            }
            Err(Flow::Return(s)) => s,
            Err(Flow::Break(_)) | Err(Flow::Continue(_)) => shell.st.status,
            Err(Flow::Abort) => Budget::EXHAUSTED_STATUS,
        };
        if let Some(message) = shell.abort.take() {
            shell.reset_fds(Vec::new());
            shell
                .term
                .write(crate::io::Stream::Stderr, format!("{message}\n").as_bytes());
            status = Budget::EXHAUSTED_STATUS;
            // The budget ended this shell: its EXIT trap is dropped, not left
            // to fire at the end of a later command.
            if whole || self.exited.is_some() {
                shell.st.traps.remove("EXIT");
            }
        } else if whole || self.exited.is_some() {
            shell.reset_fds(Vec::new());
            status = shell.finish(status);
            if let Some(message) = shell.abort.take() {
                shell
                    .term
                    .write(crate::io::Stream::Stderr, format!("{message}\n").as_bytes());
                status = Budget::EXHAUSTED_STATUS;
            }
        }
        status &= 0xff;
        shell.st.status = status;
        shell.reset_fds(Vec::new());
        let Terminal {
            stdout,
            stderr,
            merged,
        } = shell.take_terminal();
        Output {
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            merged: String::from_utf8_lossy(&merged).into_owned(),
            status,
        }
    }

    /// Registers a program (make, docker, ...) and puts its stub in `/usr/bin`.
    pub fn register(&mut self, name: &str, program: impl Program + 'static) {
        self.shell.registry.register(name, program);
        install_stub(&mut self.shell.vfs, name);
    }

    /// The table of programs.
    pub fn registry(&self) -> &CommandRegistry {
        &self.shell.registry
    }

    /// The filesystem.
    pub fn vfs(&self) -> &Vfs {
        &self.shell.vfs
    }

    /// The filesystem, to load or inspect files.
    pub fn vfs_mut(&mut self) -> &mut Vfs {
        &mut self.shell.vfs
    }

    /// The working directory.
    pub fn cwd(&self) -> &str {
        &self.shell.st.cwd
    }

    /// A shell variable's value.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.shell.get_var(name)
    }

    /// Sets and exports a variable.
    pub fn export(&mut self, name: &str, value: &str) {
        let _ = self.shell.set_var(name, value);
        if let Some(var) = self.shell.st.vars.get_mut(name) {
            var.exported = true;
        }
    }

    /// The status of the last command (`$?`).
    pub fn last_status(&self) -> i32 {
        self.shell.st.status
    }

    /// `Some(status)` once a line ran `exit` (the session still accepts lines).
    pub fn exited(&self) -> Option<i32> {
        self.exited
    }

    /// The lines run so far.
    pub fn history(&self) -> &[String] {
        &self.shell.history
    }

    /// The budget each line gets.
    pub fn budget(&self) -> Budget {
        self.shell.budget
    }

    pub fn set_budget(&mut self, budget: Budget) {
        self.shell.budget = budget;
    }

    /// The seed the session was made with.
    pub fn seed(&self) -> u64 {
        self.shell.seed
    }
}

fn install_stub(vfs: &mut Vfs, name: &str) {
    let path = format!("/usr/bin/{name}");
    let mut content = STUB_MAGIC.to_vec();
    content.extend_from_slice(name.as_bytes());
    content.push(b'\n');
    let user = vfs.user();
    vfs.set_user(Credentials { uid: 0, gid: 0 });
    let mtime = vfs.now();
    let _ = vfs.insert_entry(&path, EntryKind::File, &content, 0o755, mtime);
    vfs.set_user(user);
}
