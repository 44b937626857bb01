//! `dockyard-dockerfile`: a lossless Dockerfile parser that never fails.
//!
//! [`parse`] reads a Dockerfile the way Docker's BuildKit frontend does
//! (parser directives, escape character, continuations, comments, heredocs,
//! JSON and shell forms, flags) and returns a [`Dockerfile`] whose byte spans
//! reproduce the input exactly. Problems become [`Diagnostic`]s, including
//! the DL1000 parse error hadolint 2.15.1 would print
//! ([`Dockerfile::hadolint_rejects`]) so a linter can choose to be compatible.
//!
//! The crate does no I/O and has no dependencies; it builds for
//! `wasm32-unknown-unknown`.

mod diagnostic;
mod dump;
mod hadolint;
mod heredoc;
mod image;
mod instruction;
mod json;
mod lines;
mod parser;
mod span;
mod syntax;
mod words;

pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use dump::dump;
pub use instruction::MAX_ONBUILD_DEPTH;
pub use lines::{LogicalLine, Part, PartKind};
pub use parser::{parse, parse_with_limit, MAX_SOURCE_BYTES};
pub use span::{LineIndex, Position, Span};
pub use syntax::*;
pub use words::unquote;
