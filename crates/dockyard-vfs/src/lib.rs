//! `dockyard-vfs`: the in-memory filesystem under Dockyard's shell, make and Docker simulators.
//!
//! A [`Vfs`] is a tree of directories, regular files and symbolic links with Linux
//! semantics: modes, owners, sizes, errno-exact failures ([`FsError`]), symlink
//! resolution with `ELOOP`, trailing-slash rules, and [`Limits`] so nothing a user
//! types can exhaust memory. Time is a logical clock owned by the filesystem, so
//! make's up-to-date checks are deterministic. Clones are O(1) copy-on-write
//! snapshots and [`diff`] compares two of them, which is what image layers and
//! `docker diff` need. [`fnmatch`] and [`Vfs::glob`] give POSIX shell pattern
//! matching. The crate does no I/O and reads no clock or randomness.
//!
//! ```
//! use dockyard_vfs::{diff, join, FsError, Vfs};
//!
//! let mut vfs = Vfs::new();
//! vfs.create_dir_all("/project/src").unwrap();
//! vfs.write("/project/src/app.py", b"print('hi')\n").unwrap();
//! let built = vfs.clone(); // an O(1) snapshot, e.g. one image layer
//! vfs.write(&join("/project", "out.txt"), b"done\n").unwrap();
//!
//! // make compares mtimes from the logical clock
//! assert!(vfs.stat("/project/out.txt").unwrap().mtime > vfs.stat("/project/src/app.py").unwrap().mtime);
//! // errors carry Linux's errno and glibc's text
//! let err = vfs.read("/project/src/app.py/").unwrap_err();
//! assert_eq!((err, err.to_string()), (FsError::NotADirectory, "Not a directory".to_string()));
//! // globbing and layer diffs
//! assert_eq!(vfs.glob("/project", "src/*.py"), ["src/app.py"]);
//! let changes: Vec<String> = diff(&built, &vfs, "/")
//!     .iter()
//!     .map(|c| format!("{} {}", c.kind.letter(), c.path))
//!     .collect();
//! assert_eq!(changes, ["C /project", "A /project/out.txt"]);
//! ```

mod bulk;
mod diff;
mod error;
mod fnmatch;
mod glob;
mod limits;
mod node;
mod ops;
mod path;
mod vfs;

pub use bulk::{Entries, Entry};
pub use diff::{diff, Change, ChangeKind};
pub use error::FsError;
pub use fnmatch::{fnmatch, fnmatch_with, has_glob_chars, unescape, MatchOptions};
pub use glob::GLOB_MAX_STEPS;
pub use limits::{Limits, Usage};
pub use node::{DirEntry, EntryKind, Metadata};
pub use path::{file_name, join, parent, resolve};
pub use vfs::{Access, Credentials, Vfs, MAX_SYMLINK_FOLLOWS};
