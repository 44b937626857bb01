//! POSIX shell syntax as dash reads it: a parser that never fails, returning a tree with byte
//! spans plus dash-worded diagnostics, and recognising bash forms so a linter can flag them.
//!
//! ```
//! let script = dockyard_shell::parse("apt-get update && apt-get install -y curl");
//! let names: Vec<_> = dockyard_shell::simple_commands(&script)
//!     .filter_map(|c| c.name_value())
//!     .collect();
//! assert_eq!(names, ["apt-get", "apt-get"]);
//! assert!(script.diagnostics.is_empty());
//! ```

mod ast;
mod diagnostic;
mod dump;
mod parser;
mod span;
mod token;
mod visit;
mod word;

pub use ast::*;
pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use dump::{dump, dump_list, dump_word};
pub use span::{line_col, LineCol, LineIndex, Span};
pub use visit::{
    simple_commands, walk_command, walk_compound_command, walk_list, walk_parts, walk_pipeline,
    walk_redirect, walk_simple_command, walk_word_part, Visit,
};

use parser::{error_diagnostic, Parser, SyntaxError};

/// Which shell's grammar to follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    /// dash exactly: what dash rejects is a syntax error with dash's message, and
    /// `cmd &> f` is `cmd &` followed by `> f`. Bash forms that dash accepts as text
    /// (`$'..'`, `{a,b}`, `${a//b/c}`, `[[`) still get their own nodes.
    #[default]
    Dash,
    /// Also accepts bash syntax (`[[ ]]`, `function f`, `<(...)`, `&>`, `|&`, `;&`,
    /// `<<<`, `a=(...)`, `a+=b`) as nodes, so a linter can report it as non-POSIX.
    Bash,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    pub dialect: Dialect,
    /// Deepest nesting of compound commands and expansions before a budget error.
    pub max_depth: usize,
    /// Longest input (bytes) parsed; longer input yields only a budget error.
    pub max_input_len: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            dialect: Dialect::Dash,
            max_depth: 100,
            max_input_len: 1 << 20,
        }
    }
}

impl ParseOptions {
    pub fn bash() -> Self {
        ParseOptions {
            dialect: Dialect::Bash,
            ..ParseOptions::default()
        }
    }
}

/// Parses `src` as dash would. Never panics; see [`Script::diagnostics`].
pub fn parse(src: &str) -> Script {
    parse_with(src, &ParseOptions::default())
}

/// Parses `src` with explicit options.
pub fn parse_with(src: &str, options: &ParseOptions) -> Script {
    if src.len() > options.max_input_len {
        let error = SyntaxError {
            message: format!(
                "Syntax error: script longer than {} bytes",
                options.max_input_len
            ),
            span: Span::at(0),
            kind: DiagnosticKind::Budget,
        };
        return Script {
            body: List {
                items: Vec::new(),
                span: Span::at(0),
            },
            diagnostics: vec![error_diagnostic(src, error)],
        };
    }
    let mut parser = Parser::new(src, options.clone(), 0, 0);
    let mut items = Vec::new();
    let mut error = None;
    loop {
        match parser.list(1) {
            Ok(list) => items.extend(list.items),
            Err(e) => {
                error = Some(e);
                break;
            }
        }
        if matches!(&parser.pushed_back, Some(t) if t.kind == token::Tok::Eof) {
            break;
        }
    }
    if error.is_none() {
        parser.finish_here_docs_at_eof();
    }
    let span = match (items.first(), items.last()) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::at(0),
    };
    let mut body = List { items, span };
    visit::fill_here_docs(&mut body, &mut parser.here_doc_bodies);
    let mut diagnostics = std::mem::take(&mut parser.warnings);
    if let Some(error) = error {
        diagnostics.push(error_diagnostic(src, error));
    }
    Script { body, diagnostics }
}
