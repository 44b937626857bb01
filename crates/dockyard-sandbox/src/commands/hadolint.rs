//! `hadolint`: the hadolint-compatible linter run on the sandbox's files,
//! with hadolint's options, configuration lookup, formats and exit status.

use dockyard_lint::runner::{run as run_hadolint, Host, ReadError};
use dockyard_lint::Timestamp;
use dockyard_vfs::FsError;

use super::time::tm;
use crate::registry::Ctx;

/// What `hadolint` may see of the session: its files, variables and clock.
struct SessionHost<'c, 'a> {
    ctx: &'c Ctx<'a>,
    stdin: String,
}

impl Host for SessionHost<'_, '_> {
    fn read_file(&self, path: &str) -> Result<String, ReadError> {
        let full = self.ctx.path(path);
        match self.ctx.fs().read_to_string(&full) {
            Ok(text) => Ok(text),
            Err(FsError::IsADirectory) => Err(ReadError::IsDirectory),
            Err(_) => Err(ReadError::NotFound),
        }
    }

    fn read_stdin(&self) -> String {
        self.stdin.clone()
    }

    fn env(&self, name: &str) -> Option<String> {
        self.ctx.var(name)
    }

    fn cwd(&self) -> String {
        self.ctx.cwd().to_string()
    }

    fn now(&self) -> Timestamp {
        let t = tm(self.ctx.now() as i64);
        Timestamp {
            year: t.year.clamp(0, 9999) as u32,
            month: t.month,
            day: t.day,
            hour: t.hour,
            minute: t.minute,
            second: t.second,
        }
    }
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let args = &argv[1..];
    let stdin = if args.iter().any(|a| a == "-") {
        String::from_utf8_lossy(&ctx.stdin()).into_owned()
    } else {
        String::new()
    };
    let output = run_hadolint(args, &SessionHost { ctx, stdin }, dockyard_lint::lint::lint);
    for (path, contents) in &output.files {
        let full = ctx.path(path);
        if let Err(e) = ctx.vfs().write(&full, contents.as_bytes()) {
            ctx.err(format!("hadolint: {path}: withFile: {}\n", e.strerror()));
            return 1;
        }
    }
    ctx.out(output.stdout);
    ctx.err(output.stderr);
    output.status
}
