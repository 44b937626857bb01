//! Word lexing: quotes, escapes, parameter/command/arithmetic expansions, backquotes,
//! here-document bodies, and the glob, tilde and brace-expansion parts of unquoted text.

use crate::ast::*;
use crate::parser::{is_name, HereDocBody, PResult, Parser, SyntaxError, CHECK_EOF_MARK};
use crate::span::Span;
use crate::token::{Tok, Token};
use crate::visit::{fill_here_docs, shift_spans};

const UNTERMINATED_QUOTE: &str = "Unterminated quoted string";
const MISSING_BRACE: &str = "Missing '}'";
const MISSING_ARITH: &str = "Missing '))'";

/// Where a run of text is being lexed; decides what ends it and what is special.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    /// A plain word: ends at an unquoted blank or operator character.
    Unquoted,
    /// Inside `"..."`.
    DoubleQuoted,
    /// The word after a `${name` operator, outside double quotes.
    ParamWord,
    /// The word after a `${name` operator, inside double quotes.
    ParamWordInQuotes,
    /// Inside `$((...))`.
    Arithmetic,
    /// An unquoted here-document body.
    HereDoc,
}

impl Context {
    fn quoted(self) -> bool {
        matches!(
            self,
            Context::DoubleQuoted | Context::ParamWordInQuotes | Context::HereDoc
        )
    }
}

/// Collects parts, keeping unquoted literal runs as exact slices of the source.
struct PartsBuilder {
    parts: Vec<WordPart>,
    literal_start: Option<usize>,
    /// Split unquoted literal text into glob parts.
    globs: bool,
}

impl PartsBuilder {
    fn new(globs: bool) -> Self {
        PartsBuilder {
            parts: Vec::new(),
            literal_start: None,
            globs,
        }
    }

    fn literal_from(&mut self, at: usize) {
        if self.literal_start.is_none() {
            self.literal_start = Some(at);
        }
    }

    fn flush(&mut self, src: &str, end: usize) {
        if let Some(start) = self.literal_start.take() {
            if start < end {
                push_literal(&mut self.parts, src, start, end, self.globs);
            }
        }
    }

    fn push(&mut self, src: &str, at: usize, part: WordPart) {
        self.flush(src, at);
        self.parts.push(part);
    }

    fn finish(mut self, src: &str, end: usize) -> Vec<WordPart> {
        self.flush(src, end);
        self.parts
    }
}

/// Pushes `src[start..end]` as literal parts, splitting out `*`, `?` and `[...]` when `globs`.
fn push_literal(parts: &mut Vec<WordPart>, src: &str, start: usize, end: usize, globs: bool) {
    let bytes = src.as_bytes();
    let mut run_start = start;
    let mut i = start;
    // A failed bracket scan from `i` that stopped at `no_bracket_until` fails for every
    // `[` before that point too; remembering it keeps this linear.
    let mut no_bracket_until = start;
    let flush = |parts: &mut Vec<WordPart>, from: usize, to: usize| {
        if from < to {
            parts.push(WordPart {
                kind: WordPartKind::Literal(src[from..to].to_string()),
                span: Span::new(from, to),
            });
        }
    };
    while globs && i < end {
        let glob_end = match bytes[i] {
            b'*' | b'?' => Some(i + 1),
            b'[' if i >= no_bracket_until => {
                let found = bracket_end(bytes, i, end);
                if found.is_none() {
                    no_bracket_until = bracket_scan_stop(bytes, i, end);
                }
                found
            }
            _ => None,
        };
        if let Some(glob_end) = glob_end {
            flush(parts, run_start, i);
            let kind = match bytes[i] {
                b'*' => Glob::Star,
                b'?' => Glob::Question,
                _ => Glob::Bracket(src[i..glob_end].to_string()),
            };
            parts.push(WordPart {
                kind: WordPartKind::Glob(kind),
                span: Span::new(i, glob_end),
            });
            i = glob_end;
            run_start = i;
        } else {
            i += 1;
        }
    }
    flush(parts, run_start, end);
}

/// The end (after `]`) of a bracket expression starting at `open`, within `..limit`.
fn bracket_end(bytes: &[u8], open: usize, limit: usize) -> Option<usize> {
    let mut i = open + 1;
    if i < limit && (bytes[i] == b'!' || bytes[i] == b'^') {
        i += 1;
    }
    if i < limit && bytes[i] == b']' {
        i += 1;
    }
    while i < limit {
        match bytes[i] {
            b']' => return Some(i + 1),
            b'/' => return None,
            _ => i += 1,
        }
    }
    None
}

/// Where a failed bracket scan from `open` stopped (a `/` or `limit`).
fn bracket_scan_stop(bytes: &[u8], open: usize, limit: usize) -> usize {
    bytes[open + 1..limit]
        .iter()
        .position(|&b| b == b'/')
        .map_or(limit, |i| open + 1 + i)
}

fn is_special_param(b: u8) -> bool {
    matches!(b, b'@' | b'*' | b'#' | b'?' | b'-' | b'$' | b'!')
}

fn is_name_start(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphabetic()
}

fn is_name_char(b: u8) -> bool {
    b == b'_' || b.is_ascii_alphanumeric()
}

impl<'s> Parser<'s> {
    fn char_at(&self, at: usize) -> Option<char> {
        self.src.get(at..).and_then(|rest| rest.chars().next())
    }

    fn eof_error(&self, message: &str) -> SyntaxError {
        SyntaxError::new(message, Span::at(self.bytes.len()))
    }

    /// Lexes a word token starting at `self.pos` (dash's `readtoken1` outside quotes).
    pub(crate) fn lex_word(&mut self) -> PResult<Token> {
        let start = self.pos;
        let eof_mark = self.checkkwd & CHECK_EOF_MARK != 0;
        let mut builder = PartsBuilder::new(true);
        loop {
            let at = self.pos;
            if self.bytes.get(at) == Some(&b'\\') && self.bytes.get(at + 1) == Some(&b'\n') {
                builder.flush(self.src, at);
                self.pos += 2;
                continue;
            }
            let Some(c) = self.peek_byte(at) else { break };
            match c {
                b' ' | b'\t' | b'\n' | b';' | b'&' | b'|' | b')' => break,
                b'(' => {
                    if self.bash()
                        && !eof_mark
                        && is_array_assignment_prefix(&builder, self.src, at)
                    {
                        builder.flush(self.src, at);
                        let part = self.lex_array()?;
                        builder.parts.push(part);
                        continue;
                    }
                    break;
                }
                b'<' | b'>' => {
                    let next = self.skip_continuations_from(at + 1);
                    if self.bash() && at == start && self.peek_byte(next) == Some(b'(') {
                        let part = self.lex_process_substitution(c)?;
                        builder.parts.push(part);
                        continue;
                    }
                    builder.flush(self.src, at);
                    if let Some(fd) = single_digit(&builder.parts) {
                        let op = self.lex_redirect_operator(c);
                        return Ok(Token {
                            kind: Tok::Redir { op, fd: Some(fd) },
                            span: Span::new(start, self.pos),
                        });
                    }
                    break;
                }
                b'\\' => {
                    builder.flush(self.src, at);
                    match self.char_at(at + 1) {
                        None => {
                            builder.literal_from(at);
                            self.pos += 1;
                        }
                        Some(ch) => {
                            self.pos = at + 1 + ch.len_utf8();
                            builder.parts.push(WordPart {
                                kind: WordPartKind::Escaped(ch),
                                span: Span::new(at, self.pos),
                            });
                        }
                    }
                }
                b'\'' => {
                    builder.flush(self.src, at);
                    let part = self.lex_single_quoted()?;
                    builder.parts.push(part);
                }
                b'"' => {
                    builder.flush(self.src, at);
                    let part = self.lex_double_quoted(eof_mark)?;
                    builder.parts.push(part);
                }
                b'$' if !eof_mark => match self.lex_dollar(Context::Unquoted)? {
                    Some(part) => builder.push(self.src, at, part),
                    None => {
                        builder.literal_from(at);
                        self.pos += 1;
                    }
                },
                b'`' if !eof_mark => {
                    builder.flush(self.src, at);
                    let part = self.lex_backquoted(false)?;
                    builder.parts.push(part);
                }
                _ => {
                    builder.literal_from(at);
                    self.pos += 1;
                }
            }
        }
        let end = self.pos;
        let mut parts = builder.finish(self.src, end);
        mark_brace_expansions(&mut parts, self.src);
        mark_leading_tilde(&mut parts);
        Ok(Token {
            kind: Tok::Word(Word {
                parts,
                span: Span::new(start, end),
            }),
            span: Span::new(start, end),
        })
    }

    fn lex_single_quoted(&mut self) -> PResult<WordPart> {
        let start = self.pos;
        let Some(close) = self.src[start + 1..].find('\'') else {
            self.pos = self.bytes.len();
            return Err(self.eof_error(UNTERMINATED_QUOTE));
        };
        let close = start + 1 + close;
        self.pos = close + 1;
        Ok(WordPart {
            kind: WordPartKind::SingleQuoted(self.src[start + 1..close].to_string()),
            span: Span::new(start, self.pos),
        })
    }

    /// `"..."` starting at `self.pos`. In a here-document delimiter (`eof_mark`) `$` and `` ` `` are plain.
    fn lex_double_quoted(&mut self, eof_mark: bool) -> PResult<WordPart> {
        let start = self.pos;
        self.pos += 1;
        let parts = self.lex_run(Context::DoubleQuoted, eof_mark)?;
        Ok(WordPart {
            kind: WordPartKind::DoubleQuoted(parts),
            span: Span::new(start, self.pos),
        })
    }

    /// Lexes text in a quoted-like context up to (and including) its terminator.
    fn lex_run(&mut self, context: Context, eof_mark: bool) -> PResult<Vec<WordPart>> {
        let globs = matches!(context, Context::ParamWord);
        let mut builder = PartsBuilder::new(globs);
        let mut paren_depth = 0usize;
        loop {
            let at = self.pos;
            let Some(c) = self.peek_byte(at) else {
                return Err(self.eof_error(match context {
                    Context::DoubleQuoted | Context::ParamWordInQuotes => UNTERMINATED_QUOTE,
                    Context::Arithmetic => MISSING_ARITH,
                    _ => MISSING_BRACE,
                }));
            };
            match c {
                b'"' if context == Context::DoubleQuoted => {
                    builder.flush(self.src, at);
                    self.pos += 1;
                    return Ok(builder.parts);
                }
                b'}' if matches!(context, Context::ParamWord | Context::ParamWordInQuotes) => {
                    builder.flush(self.src, at);
                    self.pos += 1;
                    let mut parts = builder.parts;
                    mark_leading_tilde(&mut parts);
                    return Ok(parts);
                }
                b'(' if context == Context::Arithmetic => {
                    paren_depth += 1;
                    builder.literal_from(at);
                    self.pos += 1;
                }
                b')' if context == Context::Arithmetic => {
                    if paren_depth > 0 {
                        paren_depth -= 1;
                        builder.literal_from(at);
                        self.pos += 1;
                    } else {
                        let next = self.skip_continuations_from(at + 1);
                        if self.peek_byte(next) == Some(b')') {
                            builder.flush(self.src, at);
                            self.pos = next + 1;
                            return Ok(builder.parts);
                        }
                        builder.literal_from(at);
                        self.pos += 1;
                    }
                }
                b'\\' => match self.char_at(at + 1) {
                    Some('\n') => {
                        builder.flush(self.src, at);
                        self.pos += 2;
                    }
                    Some(ch) if escapable_in(context, ch) => {
                        builder.flush(self.src, at);
                        self.pos = at + 1 + ch.len_utf8();
                        builder.parts.push(WordPart {
                            kind: WordPartKind::Escaped(ch),
                            span: Span::new(at, self.pos),
                        });
                    }
                    _ => {
                        builder.literal_from(at);
                        self.pos += 1;
                    }
                },
                b'\'' if context == Context::ParamWord => {
                    builder.flush(self.src, at);
                    let part = self.lex_single_quoted()?;
                    builder.parts.push(part);
                }
                // dash keeps quotes inside `$((...))` as plain characters.
                b'"' if context != Context::HereDoc && context != Context::Arithmetic => {
                    builder.flush(self.src, at);
                    let part = self.lex_double_quoted(eof_mark)?;
                    builder.parts.push(part);
                }
                b'$' if !eof_mark => match self.lex_dollar(context)? {
                    Some(part) => builder.push(self.src, at, part),
                    None => {
                        builder.literal_from(at);
                        self.pos += 1;
                    }
                },
                b'`' if !eof_mark => {
                    builder.flush(self.src, at);
                    let part = self.lex_backquoted(context.quoted())?;
                    builder.parts.push(part);
                }
                _ => {
                    builder.literal_from(at);
                    self.pos += 1;
                }
            }
        }
    }

    /// `$...` at `self.pos`; `None` when the `$` is literal.
    fn lex_dollar(&mut self, context: Context) -> PResult<Option<WordPart>> {
        let start = self.pos;
        let next = self.skip_continuations_from(start + 1);
        let Some(c) = self.peek_byte(next) else {
            return Ok(None);
        };
        let part = match c {
            b'{' => {
                self.enter(start)?;
                self.pos = next + 1;
                let parameter = self.lex_braced_parameter(context)?;
                self.leave();
                WordPartKind::Parameter(parameter)
            }
            b'(' => {
                let after = self.skip_continuations_from(next + 1);
                self.enter(start)?;
                let kind = if self.peek_byte(after) == Some(b'(') {
                    self.pos = after + 1;
                    WordPartKind::Arithmetic(self.lex_run(Context::Arithmetic, false)?)
                } else {
                    self.pos = next + 1;
                    WordPartKind::CommandSubstitution(Box::new(self.parse_nested_list()?))
                };
                self.leave();
                kind
            }
            b if is_name_start(b) => {
                let mut end = next + 1;
                loop {
                    let after = self.skip_continuations_from(end);
                    match self.peek_byte(after) {
                        Some(b) if is_name_char(b) => end = after + 1,
                        _ => break,
                    }
                }
                self.pos = end;
                WordPartKind::Parameter(Parameter {
                    name: strip_continuations(&self.src[next..end]),
                    braced: false,
                    op: ParamOp::Plain,
                })
            }
            b if b.is_ascii_digit() || is_special_param(b) => {
                self.pos = next + 1;
                WordPartKind::Parameter(Parameter {
                    name: (b as char).to_string(),
                    braced: false,
                    op: ParamOp::Plain,
                })
            }
            b'\'' if matches!(context, Context::Unquoted | Context::ParamWord) => {
                return self.lex_dollar_single_quoted(start, next).map(Some);
            }
            _ => return Ok(None),
        };
        Ok(Some(WordPart {
            kind: part,
            span: Span::new(start, self.pos),
        }))
    }

    /// `$'...'`: bash reads C escapes; dash reads `$` then a plain single-quoted string.
    fn lex_dollar_single_quoted(&mut self, start: usize, quote: usize) -> PResult<WordPart> {
        let mut i = quote + 1;
        loop {
            match self.peek_byte(i) {
                None => {
                    self.pos = self.bytes.len();
                    return Err(self.eof_error(UNTERMINATED_QUOTE));
                }
                Some(b'\'') => break,
                Some(b'\\') if self.bash() && i + 1 < self.bytes.len() => i += 2,
                Some(_) => i += 1,
            }
        }
        self.pos = i + 1;
        Ok(WordPart {
            kind: WordPartKind::DollarSingleQuoted(self.src[quote + 1..i].to_string()),
            span: Span::new(start, self.pos),
        })
    }

    /// After `${`: the name, the operator and its word, up to the closing `}`.
    fn lex_braced_parameter(&mut self, context: Context) -> PResult<Parameter> {
        let word_context = if context.quoted() && context != Context::HereDoc {
            Context::ParamWordInQuotes
        } else if context == Context::Arithmetic {
            Context::Arithmetic
        } else {
            Context::ParamWord
        };
        let at = self.skip_continuations_from(self.pos);
        let first = self.peek_byte(at);
        let second = self.peek_byte(at + 1);
        let third = self.peek_byte(at + 2);
        let mut length = false;
        let name_start;
        match (first, second) {
            (None, _) => return Err(self.eof_error(self.missing_brace_message(word_context))),
            (Some(b'}'), _) => {
                self.pos = at + 1;
                return Ok(Parameter {
                    name: String::new(),
                    braced: true,
                    op: ParamOp::NonPosix {
                        form: NonPosixParam::Invalid,
                        rest: Word {
                            parts: Vec::new(),
                            span: Span::at(at),
                        },
                    },
                });
            }
            (Some(b'#'), Some(b'}')) => name_start = at,
            (Some(b'#'), Some(b)) if is_name_char(b) => {
                length = true;
                name_start = at + 1;
            }
            (Some(b'#'), Some(b)) if is_special_param(b) && third == Some(b'}') => {
                length = true;
                name_start = at + 1;
            }
            (Some(b'!'), Some(b)) if is_name_char(b) || b == b'@' || b == b'*' => {
                self.pos = at;
                return self.finish_non_posix_parameter(
                    String::new(),
                    NonPosixParam::Indirect,
                    word_context,
                );
            }
            _ => name_start = at,
        }
        // The name.
        let mut end = name_start;
        match self.peek_byte(name_start) {
            Some(b) if is_name_start(b) => {
                while self.peek_byte(end).is_some_and(is_name_char) {
                    end += 1;
                }
            }
            Some(b) if b.is_ascii_digit() => {
                while self.peek_byte(end).is_some_and(|b| b.is_ascii_digit()) {
                    end += 1;
                }
            }
            Some(b) if is_special_param(b) => end += 1,
            _ => {
                self.pos = name_start;
                return self.finish_non_posix_parameter(
                    String::new(),
                    NonPosixParam::Invalid,
                    word_context,
                );
            }
        }
        let name = self.src[name_start..end].to_string();
        self.pos = end;
        let op_char = self.peek_byte(end);
        if length {
            if op_char == Some(b'}') {
                self.pos = end + 1;
                return Ok(Parameter {
                    name,
                    braced: true,
                    op: ParamOp::Length,
                });
            }
            let form = if op_char == Some(b'[') {
                NonPosixParam::ArrayIndex
            } else {
                NonPosixParam::Invalid
            };
            return self.finish_non_posix_parameter(name, form, word_context);
        }
        let test = |b: Option<u8>| match b {
            Some(b'-') => Some(TestOp::Default),
            Some(b'=') => Some(TestOp::Assign),
            Some(b'?') => Some(TestOp::Error),
            Some(b'+') => Some(TestOp::Alternative),
            _ => None,
        };
        match op_char {
            None => Err(self.eof_error(self.missing_brace_message(word_context))),
            Some(b'}') => {
                self.pos = end + 1;
                Ok(Parameter {
                    name,
                    braced: true,
                    op: ParamOp::Plain,
                })
            }
            Some(b':') => {
                if let Some(test) = test(self.peek_byte(end + 1)) {
                    self.pos = end + 2;
                    let word = self.lex_param_word(word_context)?;
                    Ok(Parameter {
                        name,
                        braced: true,
                        op: ParamOp::Test {
                            test,
                            colon: true,
                            word,
                        },
                    })
                } else if self.peek_byte(end + 1) == Some(b'}') {
                    // dash takes `:}` as an operator and wants another `}`.
                    self.pos = end + 2;
                    self.finish_non_posix_parameter(name, NonPosixParam::Invalid, word_context)
                } else {
                    self.finish_non_posix_parameter(name, NonPosixParam::Substring, word_context)
                }
            }
            Some(b @ (b'%' | b'#')) => {
                let doubled = self.peek_byte(end + 1) == Some(b);
                let trim = match (b, doubled) {
                    (b'%', false) => TrimOp::SmallestSuffix,
                    (b'%', true) => TrimOp::LargestSuffix,
                    (_, false) => TrimOp::SmallestPrefix,
                    (_, true) => TrimOp::LargestPrefix,
                };
                self.pos = end + 1 + usize::from(doubled);
                let pattern = self.lex_param_word(word_context)?;
                Ok(Parameter {
                    name,
                    braced: true,
                    op: ParamOp::Trim { trim, pattern },
                })
            }
            other => {
                if let Some(test) = test(other) {
                    self.pos = end + 1;
                    let word = self.lex_param_word(word_context)?;
                    return Ok(Parameter {
                        name,
                        braced: true,
                        op: ParamOp::Test {
                            test,
                            colon: false,
                            word,
                        },
                    });
                }
                let form = match other {
                    Some(b'/') => NonPosixParam::Replace,
                    Some(b'^' | b',') => NonPosixParam::CaseModification,
                    Some(b'[') => NonPosixParam::ArrayIndex,
                    _ => NonPosixParam::Invalid,
                };
                self.finish_non_posix_parameter(name, form, word_context)
            }
        }
    }

    fn missing_brace_message(&self, word_context: Context) -> &'static str {
        match word_context {
            Context::ParamWordInQuotes => UNTERMINATED_QUOTE,
            Context::Arithmetic => MISSING_ARITH,
            _ => MISSING_BRACE,
        }
    }

    fn finish_non_posix_parameter(
        &mut self,
        name: String,
        form: NonPosixParam,
        word_context: Context,
    ) -> PResult<Parameter> {
        let rest = self.lex_param_word(word_context)?;
        Ok(Parameter {
            name,
            braced: true,
            op: ParamOp::NonPosix { form, rest },
        })
    }

    /// The word after a parameter operator, up to and including `}`; its span excludes the `}`.
    fn lex_param_word(&mut self, word_context: Context) -> PResult<Word> {
        let start = self.pos;
        let context = if word_context == Context::Arithmetic {
            Context::ParamWord
        } else {
            word_context
        };
        let parts = self.lex_run(context, false).map_err(|mut error| {
            if word_context == Context::Arithmetic && error.message.ends_with(MISSING_BRACE) {
                error.message = format!("Syntax error: {MISSING_ARITH}");
            }
            error
        })?;
        Ok(Word {
            parts,
            span: Span::new(start, self.pos - 1),
        })
    }

    /// After `$(`: a nested list up to `)` (dash's `parsebackq` for the new style).
    ///
    /// Like dash, here-documents pending outside are not read by newlines inside, and
    /// here-documents still pending at the closing `)` never get a body.
    fn parse_nested_list(&mut self) -> PResult<List> {
        let saved_checkkwd = std::mem::take(&mut self.checkkwd);
        let saved_here_docs = std::mem::take(&mut self.pending_here_docs);
        let list = self.list(2)?;
        let token = self.read_token()?;
        if token.kind != Tok::RParen {
            return Err(self.unexpected(&token, Some("\")\"")));
        }
        self.finish_here_docs_at_eof();
        self.pending_here_docs = saved_here_docs;
        self.checkkwd = saved_checkkwd;
        Ok(list)
    }

    /// bash `<(list)` / `>(list)` at `self.pos`.
    fn lex_process_substitution(&mut self, first: u8) -> PResult<WordPart> {
        let start = self.pos;
        let open = self.skip_continuations_from(start + 1);
        self.enter(start)?;
        self.pos = open + 1;
        let body = self.parse_nested_list()?;
        self.leave();
        Ok(WordPart {
            kind: WordPartKind::ProcessSubstitution {
                direction: if first == b'<' {
                    ProcessDirection::Input
                } else {
                    ProcessDirection::Output
                },
                body: Box::new(body),
            },
            span: Span::new(start, self.pos),
        })
    }

    /// bash `(a b c)` after `name=`.
    fn lex_array(&mut self) -> PResult<WordPart> {
        let start = self.pos;
        self.enter(start)?;
        self.pos += 1;
        let mut words = Vec::new();
        loop {
            let token = self.read_token()?;
            match token.kind {
                Tok::Word(word) => words.push(word),
                Tok::Newline => {}
                Tok::RParen => break,
                _ => return Err(self.unexpected(&token, Some("\")\""))),
            }
        }
        self.leave();
        Ok(WordPart {
            kind: WordPartKind::Array(words),
            span: Span::new(start, self.pos),
        })
    }

    /// `` `...` `` at `self.pos`: the text is unescaped, parsed on its own, and its spans mapped back.
    fn lex_backquoted(&mut self, in_double_quotes: bool) -> PResult<WordPart> {
        let start = self.pos;
        let mut text: Vec<u8> = Vec::new();
        // For each byte of `text`, the source range it came from.
        let mut origin: Vec<(usize, usize)> = Vec::new();
        let mut i = start + 1;
        loop {
            match self.peek_byte(i) {
                None => {
                    self.pos = self.bytes.len();
                    return Err(self.eof_error("EOF in backquote substitution"));
                }
                Some(b'`') => break,
                Some(b'\\') => match self.peek_byte(i + 1) {
                    Some(b @ (b'\\' | b'`' | b'$')) => {
                        text.push(b);
                        origin.push((i, i + 2));
                        i += 2;
                    }
                    Some(b'"') if in_double_quotes => {
                        text.push(b'"');
                        origin.push((i, i + 2));
                        i += 2;
                    }
                    _ => {
                        text.push(b'\\');
                        origin.push((i, i + 1));
                        i += 1;
                    }
                },
                Some(b) => {
                    text.push(b);
                    origin.push((i, i + 1));
                    i += 1;
                }
            }
        }
        let close = i;
        self.pos = close + 1;
        self.enter(start)?;
        let inner_text = String::from_utf8_lossy(&text).into_owned();
        let mut inner = Parser::new(
            &inner_text,
            self.options.clone(),
            self.depth,
            self.next_here_doc_id,
        );
        let map = |offset: usize, is_end: bool| -> usize {
            if origin.is_empty() {
                return start + 1;
            }
            if is_end && offset > 0 {
                origin.get(offset - 1).map_or(close, |o| o.1)
            } else {
                origin.get(offset).map_or(close, |o| o.0)
            }
        };
        let result = inner.parse_backquote_body();
        self.next_here_doc_id = inner.next_here_doc_id;
        for mut warning in std::mem::take(&mut inner.warnings) {
            warning.span = Span::new(map(warning.span.start, false), map(warning.span.end, true));
            self.warnings.push(warning);
        }
        let mut body = match result {
            Ok(body) => body,
            Err(mut error) => {
                error.span = Span::new(map(error.span.start, false), map(error.span.end, true));
                return Err(error);
            }
        };
        shift_spans(&mut body, &map);
        self.leave();
        Ok(WordPart {
            kind: WordPartKind::Backquoted(Box::new(body)),
            span: Span::new(start, self.pos),
        })
    }

    /// The text of a backquote substitution as a list. Like dash, whatever follows a token
    /// that ends the list (`` `echo ) foo` ``) is ignored.
    fn parse_backquote_body(&mut self) -> PResult<List> {
        let list = self.list(2)?;
        self.finish_here_docs_at_eof();
        let mut list = list;
        fill_here_docs(&mut list, &mut self.here_doc_bodies);
        Ok(list)
    }

    /// Reads the bodies of all here-documents whose operators came before the newline just read.
    pub(crate) fn read_pending_here_docs(&mut self) -> PResult<()> {
        let pending = std::mem::take(&mut self.pending_here_docs);
        for here_doc in pending {
            let start = self.pos;
            let (parts, terminated) = if here_doc.quoted {
                self.read_quoted_here_doc(&here_doc.delimiter, here_doc.strip_tabs)
            } else {
                self.read_unquoted_here_doc(&here_doc.delimiter, here_doc.strip_tabs)?
            };
            if !terminated {
                self.warn_unterminated_here_doc(&here_doc.delimiter);
            }
            self.here_doc_bodies.push(HereDocBody {
                id: here_doc.id,
                parts,
                span: Span::new(start, self.pos),
                terminated,
            });
        }
        Ok(())
    }

    /// Gives here-documents still waiting for a newline at end of input an empty body.
    pub(crate) fn finish_here_docs_at_eof(&mut self) {
        let pending = std::mem::take(&mut self.pending_here_docs);
        for here_doc in pending {
            self.warn_unterminated_here_doc(&here_doc.delimiter);
            self.here_doc_bodies.push(HereDocBody {
                id: here_doc.id,
                parts: Vec::new(),
                span: Span::at(self.pos),
                terminated: false,
            });
        }
    }

    fn warn_unterminated_here_doc(&mut self, delimiter: &str) {
        self.warnings.push(crate::diagnostic::Diagnostic {
            severity: crate::diagnostic::Severity::Warning,
            kind: crate::diagnostic::DiagnosticKind::UnterminatedHereDoc,
            message: format!("here-document delimited by end-of-file (wanted `{delimiter}')"),
            span: Span::at(self.pos),
            dash_line: crate::parser::dash_line(self.src, self.pos),
        });
    }

    /// At the start of a body line: skips tabs for `<<-` and reports whether the line is the delimiter
    /// (consuming it if so).
    fn at_delimiter_line(&mut self, delimiter: &str, strip_tabs: bool) -> bool {
        if strip_tabs {
            while self.peek_byte(self.pos) == Some(b'\t') {
                self.pos += 1;
            }
        }
        let line_end = self.src[self.pos..]
            .find('\n')
            .map_or(self.bytes.len(), |i| self.pos + i);
        if &self.src[self.pos..line_end] == delimiter {
            self.pos = (line_end + 1).min(self.bytes.len());
            true
        } else {
            false
        }
    }

    fn read_quoted_here_doc(&mut self, delimiter: &str, strip_tabs: bool) -> (Vec<WordPart>, bool) {
        let mut parts = Vec::new();
        while self.pos < self.bytes.len() {
            if self.at_delimiter_line(delimiter, strip_tabs) {
                return (parts, true);
            }
            let line_end = self.src[self.pos..]
                .find('\n')
                .map_or(self.bytes.len(), |i| self.pos + i + 1);
            if self.pos < line_end {
                parts.push(WordPart {
                    kind: WordPartKind::Literal(self.src[self.pos..line_end].to_string()),
                    span: Span::new(self.pos, line_end),
                });
            }
            self.pos = line_end;
        }
        (parts, false)
    }

    fn read_unquoted_here_doc(
        &mut self,
        delimiter: &str,
        strip_tabs: bool,
    ) -> PResult<(Vec<WordPart>, bool)> {
        let mut builder = PartsBuilder::new(false);
        let mut line_start = true;
        loop {
            if line_start {
                builder.flush(self.src, self.pos);
                if self.pos >= self.bytes.len() {
                    return Ok((builder.parts, false));
                }
                if self.at_delimiter_line(delimiter, strip_tabs) {
                    return Ok((builder.parts, true));
                }
                line_start = false;
            }
            let at = self.pos;
            let Some(c) = self.peek_byte(at) else {
                return Ok((builder.finish(self.src, at), false));
            };
            match c {
                b'\n' => {
                    builder.literal_from(at);
                    self.pos += 1;
                    line_start = true;
                }
                b'\\' => match self.char_at(at + 1) {
                    Some('\n') => {
                        builder.flush(self.src, at);
                        self.pos += 2;
                    }
                    Some(ch @ ('$' | '`' | '\\')) => {
                        builder.flush(self.src, at);
                        self.pos += 2;
                        builder.parts.push(WordPart {
                            kind: WordPartKind::Escaped(ch),
                            span: Span::new(at, self.pos),
                        });
                    }
                    _ => {
                        builder.literal_from(at);
                        self.pos += 1;
                    }
                },
                b'$' => match self.lex_dollar(Context::HereDoc)? {
                    Some(part) => builder.push(self.src, at, part),
                    None => {
                        builder.literal_from(at);
                        self.pos += 1;
                    }
                },
                b'`' => {
                    builder.flush(self.src, at);
                    let part = self.lex_backquoted(true)?;
                    builder.parts.push(part);
                }
                _ => {
                    builder.literal_from(at);
                    self.pos += 1;
                }
            }
        }
    }
}

/// Which characters a backslash escapes in each context.
fn escapable_in(context: Context, ch: char) -> bool {
    match context {
        Context::ParamWord => true,
        Context::DoubleQuoted | Context::ParamWordInQuotes => {
            matches!(ch, '$' | '`' | '"' | '\\')
                || (context == Context::ParamWordInQuotes && ch == '}')
        }
        Context::Arithmetic | Context::HereDoc => matches!(ch, '$' | '`' | '\\'),
        Context::Unquoted => true,
    }
}

/// The descriptor number if the word so far is one unquoted digit.
fn single_digit(parts: &[WordPart]) -> Option<u32> {
    match parts {
        [WordPart {
            kind: WordPartKind::Literal(text),
            ..
        }] if text.len() == 1 => text.chars().next()?.to_digit(10),
        _ => None,
    }
}

/// For bash arrays: whether the word so far is `name=` (or `name+=`) and ends right at `at`.
fn is_array_assignment_prefix(builder: &PartsBuilder, src: &str, at: usize) -> bool {
    let (true, Some(start)) = (builder.parts.is_empty(), builder.literal_start) else {
        return false;
    };
    let Some(name) = src[start..at].strip_suffix('=') else {
        return false;
    };
    is_name(name.strip_suffix('+').unwrap_or(name))
}

fn strip_continuations(text: &str) -> String {
    text.replace("\\\n", "")
}

/// Marks `~user` at the start of a word (when followed by `/` or the end of the word).
fn mark_leading_tilde(parts: &mut Vec<WordPart>) {
    mark_tilde_at(parts, 0);
}

fn mark_tilde_at(parts: &mut Vec<WordPart>, index: usize) -> bool {
    let Some(WordPart {
        kind: WordPartKind::Literal(text),
        span,
    }) = parts.get(index)
    else {
        return false;
    };
    if !text.starts_with('~') {
        return false;
    }
    let is_last = index + 1 == parts.len();
    let prefix_end = match text.find(['/', ':']) {
        Some(i) => i,
        None if is_last => text.len(),
        None => return false,
    };
    let span = *span;
    let user = text[1..prefix_end].to_string();
    let rest = text[prefix_end..].to_string();
    let tilde = WordPart {
        kind: WordPartKind::Tilde(user),
        span: Span::new(span.start, span.start + prefix_end),
    };
    if rest.is_empty() {
        parts[index] = tilde;
    } else {
        parts[index] = WordPart {
            kind: WordPartKind::Literal(rest),
            span: Span::new(span.start + prefix_end, span.end),
        };
        parts.insert(index, tilde);
    }
    true
}

/// In an assignment value, tildes are expanded at the start and after each unquoted `:`.
pub(crate) fn mark_assignment_tildes(parts: &mut Vec<WordPart>) {
    mark_tilde_at(parts, 0);
    let has_colon_tilde = parts.iter().any(|p| match &p.kind {
        WordPartKind::Literal(text) => text.contains(":~"),
        _ => false,
    });
    if !has_colon_tilde {
        return;
    }
    let mut out = Vec::with_capacity(parts.len());
    for part in parts.drain(..) {
        let WordPartKind::Literal(text) = &part.kind else {
            out.push(part);
            continue;
        };
        // Split the literal after every `:` that is followed by `~`.
        let mut piece_start = 0;
        let mut pieces = Vec::new();
        for (i, _) in text.match_indices(":~") {
            pieces.push((piece_start, i + 1));
            piece_start = i + 1;
        }
        pieces.push((piece_start, text.len()));
        for (from, to) in pieces {
            if from == to {
                continue;
            }
            let mut single = vec![WordPart {
                kind: WordPartKind::Literal(text[from..to].to_string()),
                span: Span::new(part.span.start + from, part.span.start + to),
            }];
            if from > 0 {
                mark_tilde_at(&mut single, 0);
            }
            out.append(&mut single);
        }
    }
    *parts = out;
}

/// Brace expansions nested deeper than this stay literal text.
const MAX_BRACE_NESTING: usize = 16;

/// Finds bash brace expansions (`{a,b}`, `{1..3}`) in unquoted literal text and wraps them.
fn mark_brace_expansions(parts: &mut Vec<WordPart>, src: &str) {
    mark_brace_expansions_at_depth(parts, src, 0);
}

fn mark_brace_expansions_at_depth(parts: &mut Vec<WordPart>, src: &str, depth: usize) {
    if depth >= MAX_BRACE_NESTING {
        return;
    }
    // Match braces with a stack in one pass; a pair is an expansion when a `,` or `..`
    // sits directly inside it. Positions are (part index, byte offset in the literal).
    type Position = (usize, usize);
    let mut stack: Vec<(Position, bool)> = Vec::new();
    let mut pairs: Vec<(Position, Position)> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let WordPartKind::Literal(text) = &part.kind else {
            continue;
        };
        let bytes = text.as_bytes();
        for (j, &b) in bytes.iter().enumerate() {
            match b {
                b'{' => stack.push(((i, j), false)),
                b',' => {
                    if let Some(top) = stack.last_mut() {
                        top.1 = true;
                    }
                }
                b'.' if bytes.get(j + 1) == Some(&b'.') => {
                    if let Some(top) = stack.last_mut() {
                        top.1 = true;
                    }
                }
                b'}' => {
                    if let Some((open, true)) = stack.pop() {
                        pairs.push((open, (i, j)));
                    }
                }
                _ => {}
            }
        }
    }
    if pairs.is_empty() {
        return;
    }
    pairs.sort_unstable();
    let mut outermost: Vec<(Position, Position)> = Vec::new();
    for pair in pairs {
        match outermost.last() {
            Some(last) if pair.0 < last.1 => {}
            _ => outermost.push(pair),
        }
    }
    for (open, close) in outermost.into_iter().rev() {
        wrap_brace(parts, src, open.0, open.1, close.0, close.1, depth);
    }
}

fn wrap_brace(
    parts: &mut Vec<WordPart>,
    src: &str,
    open_index: usize,
    open_offset: usize,
    close_index: usize,
    close_offset: usize,
    depth: usize,
) {
    let open_span = parts[open_index].span;
    let close_span = parts[close_index].span;
    let open_at = open_span.start + open_offset;
    let close_at = close_span.start + close_offset;
    let literal = |from: usize, to: usize| WordPart {
        kind: WordPartKind::Literal(src[from..to].to_string()),
        span: Span::new(from, to),
    };
    let mut inner = Vec::new();
    if open_index == close_index {
        if open_at + 1 < close_at {
            inner.push(literal(open_at + 1, close_at));
        }
    } else {
        if open_at + 1 < open_span.end {
            inner.push(literal(open_at + 1, open_span.end));
        }
        inner.extend(parts[open_index + 1..close_index].iter().cloned());
        if close_span.start < close_at {
            inner.push(literal(close_span.start, close_at));
        }
    }
    mark_brace_expansions_at_depth(&mut inner, src, depth + 1);
    let mut replacement = Vec::new();
    if open_span.start < open_at {
        replacement.push(literal(open_span.start, open_at));
    }
    replacement.push(WordPart {
        kind: WordPartKind::BraceExpansion(inner),
        span: Span::new(open_at, close_at + 1),
    });
    if close_at + 1 < close_span.end {
        replacement.push(literal(close_at + 1, close_span.end));
    }
    parts.splice(open_index..=close_index, replacement);
}
