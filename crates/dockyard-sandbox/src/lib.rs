//! The Dockyard sandbox: a [`Session`] holds an in-memory filesystem and a POSIX shell
//! that behaves like Debian's dash, with simulated coreutils whose output, messages and
//! exit statuses match GNU coreutils 9.1.
//!
//! ```
//! use dockyard_sandbox::{Session, SessionConfig};
//! let mut session = Session::new(SessionConfig::default());
//! let out = session.run("mkdir -p src && echo hi > src/a.txt && cat src/a.txt; nosuch");
//! assert_eq!(out.stdout, "hi\n");
//! assert_eq!(out.stderr, "sh: 1: nosuch: not found\n");
//! assert_eq!(out.status, 127);
//! ```
//!
//! The interpreter runs without threads or processes: pipeline stages run one after
//! the other through buffers, and `cmd &` runs to completion at once (`$!` and `wait`
//! still work); a pipe holds at most 1 MiB, and a writer that fills it sees its
//! writes fail, as if the reader had stopped reading. Every line has a [`Budget`]. Programs beyond the standard set
//! (make, docker, ...) plug in through [`Program`] and [`Session::register`].

pub mod builtins;
pub mod commands;
mod complete;
mod io;
mod regex;
mod registry;
mod session;
mod shell;
mod users;

pub use complete::{common_prefix, Completion};
pub use regex::{Regex, RegexError, Syntax};
pub use registry::{CommandRegistry, Ctx, MainFn, Program, ProgramRef};
pub use session::{Budget, Invocation, Output, Session, SessionConfig};
pub use users::{User, Users};
