//! The grammar: a recursive-descent parser that follows dash's `parser.c` token by token,
//! so that what it accepts and the errors it reports match dash.

use crate::ast::*;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::span::Span;
use crate::token::{keyword_of, Keyword, Tok, Token};
use crate::{Dialect, ParseOptions};

/// Skip newline tokens before the next token (dash's `CHKNL`).
pub(crate) const CHECK_NEWLINES: u8 = 1;
/// Recognise reserved words in the next token (dash's `CHKKWD`).
pub(crate) const CHECK_KEYWORDS: u8 = 2;
/// The next word is a here-document delimiter: `$` and backquotes are literal (dash's `CHKEOFMARK`).
pub(crate) const CHECK_EOF_MARK: u8 = 4;

pub(crate) type PResult<T> = Result<T, SyntaxError>;

/// A fatal error; parsing stops at the first one.
#[derive(Clone, Debug)]
pub(crate) struct SyntaxError {
    pub message: String,
    pub span: Span,
    pub kind: DiagnosticKind,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            message: format!("Syntax error: {}", message.into()),
            span,
            kind: DiagnosticKind::Syntax,
        }
    }
}

/// A here-document whose operator has been read but whose body has not.
#[derive(Clone, Debug)]
pub(crate) struct PendingHereDoc {
    pub id: usize,
    pub delimiter: String,
    pub quoted: bool,
    pub strip_tabs: bool,
}

/// A body read after a newline, waiting to be put into its [`HereDoc`] node.
#[derive(Clone, Debug)]
pub(crate) struct HereDocBody {
    pub id: usize,
    pub parts: Vec<WordPart>,
    pub span: Span,
    pub terminated: bool,
}

pub(crate) struct Parser<'s> {
    pub src: &'s str,
    pub bytes: &'s [u8],
    pub pos: usize,
    pub options: ParseOptions,
    pub depth: usize,
    pub checkkwd: u8,
    pub pushed_back: Option<Token>,
    pub pending_here_docs: Vec<PendingHereDoc>,
    pub here_doc_bodies: Vec<HereDocBody>,
    pub next_here_doc_id: usize,
    pub warnings: Vec<Diagnostic>,
}

impl<'s> Parser<'s> {
    pub fn new(
        src: &'s str,
        options: ParseOptions,
        depth: usize,
        first_here_doc_id: usize,
    ) -> Self {
        Parser {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            options,
            depth,
            checkkwd: 0,
            pushed_back: None,
            pending_here_docs: Vec::new(),
            here_doc_bodies: Vec::new(),
            next_here_doc_id: first_here_doc_id,
            warnings: Vec::new(),
        }
    }

    pub fn bash(&self) -> bool {
        self.options.dialect == Dialect::Bash
    }

    // ----- budget -------------------------------------------------------------------------

    pub fn enter(&mut self, at: usize) -> PResult<()> {
        self.depth += 1;
        if self.depth > self.options.max_depth {
            return Err(SyntaxError {
                message: format!(
                    "Syntax error: nesting deeper than {} levels",
                    self.options.max_depth
                ),
                span: Span::at(at),
                kind: DiagnosticKind::Budget,
            });
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- tokens -------------------------------------------------------------------------

    /// dash's `readtoken`: applies and clears `checkkwd`.
    pub fn read_token(&mut self) -> PResult<Token> {
        let mut kwd = self.checkkwd;
        let mut token = self.raw_token()?;
        if kwd & CHECK_NEWLINES != 0 {
            while token.kind == Tok::Newline {
                self.checkkwd = 0;
                token = self.raw_token()?;
            }
        }
        kwd |= self.checkkwd;
        self.checkkwd = 0;
        if kwd & CHECK_KEYWORDS != 0 {
            if let Tok::Word(word) = &token.kind {
                if let Some(keyword) = keyword_of(word, self.bash()) {
                    let Tok::Word(word) = std::mem::replace(&mut token.kind, Tok::Eof) else {
                        unreachable!()
                    };
                    token.kind = Tok::Keyword(keyword, word);
                }
            }
        }
        Ok(token)
    }

    pub fn unread(&mut self, token: Token) {
        self.pushed_back = Some(token);
    }

    fn raw_token(&mut self) -> PResult<Token> {
        if let Some(token) = self.pushed_back.take() {
            return Ok(token);
        }
        self.lex_token()
    }

    pub fn peek_byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// The index of the next byte at or after `at` that is not part of a backslash-newline.
    pub fn skip_continuations_from(&self, mut at: usize) -> usize {
        while self.bytes.get(at) == Some(&b'\\') && self.bytes.get(at + 1) == Some(&b'\n') {
            at += 2;
        }
        at
    }

    fn lex_token(&mut self) -> PResult<Token> {
        loop {
            self.pos = self.skip_continuations_from(self.pos);
            let start = self.pos;
            let Some(c) = self.peek_byte(start) else {
                return Ok(Token {
                    kind: Tok::Eof,
                    span: Span::at(start),
                });
            };
            let bash = self.bash();
            let kind = match c {
                b' ' | b'\t' => {
                    self.pos += 1;
                    continue;
                }
                b'#' => {
                    while let Some(b) = self.peek_byte(self.pos) {
                        if b == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                    continue;
                }
                b'\n' => {
                    self.pos += 1;
                    let token = Token {
                        kind: Tok::Newline,
                        span: Span::new(start, start + 1),
                    };
                    self.read_pending_here_docs()?;
                    return Ok(token);
                }
                b'&' => {
                    let next = self.skip_continuations_from(start + 1);
                    match self.peek_byte(next) {
                        Some(b'&') => {
                            self.pos = next + 1;
                            Tok::AndIf
                        }
                        Some(b'>') if bash => {
                            let after = self.skip_continuations_from(next + 1);
                            if self.peek_byte(after) == Some(b'>') {
                                self.pos = after + 1;
                                Tok::Redir {
                                    op: RedirOp::AppendOutputAndError,
                                    fd: None,
                                }
                            } else {
                                self.pos = next + 1;
                                Tok::Redir {
                                    op: RedirOp::OutputAndError,
                                    fd: None,
                                }
                            }
                        }
                        _ => {
                            self.pos = start + 1;
                            Tok::Amp
                        }
                    }
                }
                b'|' => {
                    let next = self.skip_continuations_from(start + 1);
                    match self.peek_byte(next) {
                        Some(b'|') => {
                            self.pos = next + 1;
                            Tok::OrIf
                        }
                        Some(b'&') if bash => {
                            self.pos = next + 1;
                            Tok::PipeAmp
                        }
                        _ => {
                            self.pos = start + 1;
                            Tok::Pipe
                        }
                    }
                }
                b';' => {
                    let next = self.skip_continuations_from(start + 1);
                    match self.peek_byte(next) {
                        Some(b';') => {
                            let after = self.skip_continuations_from(next + 1);
                            if bash && self.peek_byte(after) == Some(b'&') {
                                self.pos = after + 1;
                                Tok::DoubleSemiAmp
                            } else {
                                self.pos = next + 1;
                                Tok::DoubleSemi
                            }
                        }
                        Some(b'&') if bash => {
                            self.pos = next + 1;
                            Tok::SemiAmp
                        }
                        _ => {
                            self.pos = start + 1;
                            Tok::Semi
                        }
                    }
                }
                b'(' => {
                    self.pos = start + 1;
                    Tok::LParen
                }
                b')' => {
                    self.pos = start + 1;
                    Tok::RParen
                }
                b'<' | b'>' => {
                    let next = self.skip_continuations_from(start + 1);
                    if bash && self.peek_byte(next) == Some(b'(') {
                        return self.lex_word();
                    }
                    let op = self.lex_redirect_operator(c);
                    Tok::Redir { op, fd: None }
                }
                _ => return self.lex_word(),
            };
            return Ok(Token {
                kind,
                span: Span::new(start, self.pos),
            });
        }
    }

    /// Reads a redirection operator whose first byte `first` is at `self.pos`.
    pub fn lex_redirect_operator(&mut self, first: u8) -> RedirOp {
        let next = self.skip_continuations_from(self.pos + 1);
        let second = self.peek_byte(next);
        let (op, end) = if first == b'<' {
            match second {
                Some(b'<') => {
                    let after = self.skip_continuations_from(next + 1);
                    match self.peek_byte(after) {
                        Some(b'-') => (RedirOp::HereDocStripTabs, after + 1),
                        Some(b'<') if self.bash() => (RedirOp::HereString, after + 1),
                        _ => (RedirOp::HereDoc, next + 1),
                    }
                }
                Some(b'&') => (RedirOp::DupInput, next + 1),
                Some(b'>') => (RedirOp::ReadWrite, next + 1),
                _ => (RedirOp::Input, self.pos + 1),
            }
        } else {
            match second {
                Some(b'>') => (RedirOp::Append, next + 1),
                Some(b'&') => (RedirOp::DupOutput, next + 1),
                Some(b'|') => (RedirOp::Clobber, next + 1),
                _ => (RedirOp::Output, self.pos + 1),
            }
        };
        self.pos = end;
        op
    }

    pub fn unexpected(&self, token: &Token, expecting: Option<&str>) -> SyntaxError {
        let name = token.kind.dash_name();
        let message = match expecting {
            Some(expected) => format!("{name} unexpected (expecting {expected})"),
            None => format!("{name} unexpected"),
        };
        SyntaxError::new(message, token.span)
    }

    fn expect_keyword(&mut self, keyword: Keyword) -> PResult<Token> {
        let token = self.read_token()?;
        if token.kind.is_keyword(keyword) {
            Ok(token)
        } else {
            Err(self.unexpected(&token, Some(&format!("\"{}\"", keyword.text()))))
        }
    }

    // ----- grammar ------------------------------------------------------------------------

    /// dash's `list(nlflag)`: bit 1 = top level (stop at a newline), 2 = may be empty.
    pub fn list(&mut self, nlflag: u8) -> PResult<List> {
        let check_newlines = if nlflag & 1 != 0 { 0 } else { CHECK_NEWLINES };
        let mut nlflag = nlflag;
        let mut items: Vec<ListItem> = Vec::new();
        loop {
            self.checkkwd = check_newlines | CHECK_KEYWORDS;
            let token = self.read_token()?;
            match token.kind {
                Tok::Newline => return Ok(make_list(items, token.span.start)),
                Tok::Eof => {
                    let at = token.span.start;
                    self.unread(token);
                    return Ok(make_list(items, at));
                }
                _ => {}
            }
            let ends = token.kind.ends_list();
            let at = token.span.start;
            self.unread(token);
            if nlflag == 2 && ends {
                return Ok(make_list(items, at));
            }
            nlflag |= 2;
            let and_or = self.and_or()?;
            let token = self.read_token()?;
            let background = token.kind == Tok::Amp;
            let mut span = and_or.span;
            if background {
                span = span.cover(token.span);
            }
            items.push(ListItem {
                and_or,
                background,
                span,
            });
            match token.kind {
                Tok::Eof | Tok::Newline => self.unread(token),
                Tok::Amp | Tok::Semi => {}
                _ => {
                    if check_newlines == 0 {
                        return Err(self.unexpected(&token, None));
                    }
                    let at = token.span.start;
                    self.unread(token);
                    return Ok(make_list(items, at));
                }
            }
        }
    }

    fn and_or(&mut self) -> PResult<AndOr> {
        let first = self.pipeline()?;
        let mut span = first.span;
        let mut rest = Vec::new();
        loop {
            let token = self.read_token()?;
            let op = match token.kind {
                Tok::AndIf => AndOrOp::And,
                Tok::OrIf => AndOrOp::Or,
                _ => {
                    self.unread(token);
                    return Ok(AndOr { first, rest, span });
                }
            };
            self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
            let next = self.pipeline()?;
            span = span.cover(next.span);
            rest.push((op, next));
        }
    }

    fn pipeline(&mut self) -> PResult<Pipeline> {
        let token = self.read_token()?;
        let start = token.span.start;
        let negated = token.kind.is_keyword(Keyword::Bang);
        if negated {
            self.checkkwd = CHECK_KEYWORDS;
        } else {
            self.unread(token);
        }
        let first = self.command()?;
        let mut span = Span::new(start.min(first.span().start), first.span().end);
        let mut commands = vec![first];
        let mut operators = Vec::new();
        loop {
            let token = self.read_token()?;
            let op = match token.kind {
                Tok::Pipe => PipeOp::Pipe,
                Tok::PipeAmp => PipeOp::PipeWithStderr,
                _ => {
                    self.unread(token);
                    break;
                }
            };
            self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
            let command = self.command()?;
            span = span.cover(command.span());
            operators.push(op);
            commands.push(command);
        }
        Ok(Pipeline {
            negated,
            commands,
            operators,
            span,
        })
    }

    fn command(&mut self) -> PResult<Command> {
        let token = self.read_token()?;
        let start = token.span.start;
        let (kind, end_token) = match &token.kind {
            Tok::Word(_) | Tok::Redir { .. } => {
                self.unread(token);
                return self.simple_command();
            }
            Tok::Keyword(Keyword::If, _) => {
                self.enter(start)?;
                let kind = self.if_clause()?;
                (kind, Keyword::Fi)
            }
            Tok::Keyword(kw @ (Keyword::While | Keyword::Until), _) => {
                let is_while = *kw == Keyword::While;
                self.enter(start)?;
                let condition = self.list(0)?;
                self.expect_keyword(Keyword::Do)?;
                let body = self.list(0)?;
                let clause = LoopClause { condition, body };
                let kind = if is_while {
                    CompoundKind::While(clause)
                } else {
                    CompoundKind::Until(clause)
                };
                (kind, Keyword::Done)
            }
            Tok::Keyword(Keyword::For, _) => {
                self.enter(start)?;
                (self.for_clause()?, Keyword::Done)
            }
            Tok::Keyword(Keyword::Case, _) => {
                self.enter(start)?;
                let (kind, end) = self.case_clause()?;
                self.leave();
                return self.finish_compound(kind, start, end);
            }
            Tok::LParen => {
                self.enter(start)?;
                let body = self.list(0)?;
                let token = self.read_token()?;
                if token.kind != Tok::RParen {
                    return Err(self.unexpected(&token, Some("\")\"")));
                }
                self.leave();
                return self.finish_compound(CompoundKind::Subshell(body), start, token.span.end);
            }
            Tok::Keyword(Keyword::LBrace, _) => {
                self.enter(start)?;
                (CompoundKind::BraceGroup(self.list(0)?), Keyword::RBrace)
            }
            Tok::Keyword(Keyword::Function, _) => {
                self.enter(start)?;
                let command = self.function_keyword_definition(start)?;
                self.leave();
                return Ok(command);
            }
            Tok::Keyword(Keyword::DoubleBracket, _) => {
                self.enter(start)?;
                let (words, end) = self.double_bracket()?;
                self.leave();
                return self.finish_compound(CompoundKind::DoubleBracket(words), start, end);
            }
            _ => return Err(self.unexpected(&token, None)),
        };
        let end = self.expect_keyword(end_token)?.span.end;
        self.leave();
        self.finish_compound(kind, start, end)
    }

    /// Reads the redirections after a compound command.
    fn finish_compound(
        &mut self,
        kind: CompoundKind,
        start: usize,
        end: usize,
    ) -> PResult<Command> {
        let mut redirects = Vec::new();
        let mut end = end;
        loop {
            self.checkkwd = CHECK_KEYWORDS;
            let token = self.read_token()?;
            if let Tok::Redir { op, fd } = token.kind {
                let redirect = self.redirect(op, fd, token.span)?;
                end = redirect.span.end;
                redirects.push(redirect);
            } else {
                self.unread(token);
                break;
            }
        }
        Ok(Command::Compound(CompoundCommand {
            kind,
            redirects,
            span: Span::new(start, end),
        }))
    }

    fn if_clause(&mut self) -> PResult<CompoundKind> {
        let mut branches = Vec::new();
        let condition = self.list(0)?;
        self.expect_keyword(Keyword::Then)?;
        let body = self.list(0)?;
        branches.push(IfBranch { condition, body });
        loop {
            let token = self.read_token()?;
            if token.kind.is_keyword(Keyword::Elif) {
                let condition = self.list(0)?;
                self.expect_keyword(Keyword::Then)?;
                let body = self.list(0)?;
                branches.push(IfBranch { condition, body });
                continue;
            }
            let else_body = if token.kind.is_keyword(Keyword::Else) {
                Some(self.list(0)?)
            } else {
                self.unread(token);
                None
            };
            return Ok(CompoundKind::If(IfClause {
                branches,
                else_body,
            }));
        }
    }

    fn for_clause(&mut self) -> PResult<CompoundKind> {
        let token = self.read_token()?;
        let (variable, variable_span) = match &token.kind {
            Tok::Word(word) if !word.is_quoted() => match word.literal_value() {
                Some(name) if is_name(&name) && plain_literal(word) => (name, token.span),
                _ => return Err(SyntaxError::new("Bad for loop variable", token.span)),
            },
            _ => return Err(SyntaxError::new("Bad for loop variable", token.span)),
        };
        self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
        let token = self.read_token()?;
        let words = if token.kind.is_keyword(Keyword::In) {
            let mut words = Vec::new();
            loop {
                let token = self.read_token()?;
                match token.kind {
                    Tok::Word(word) => words.push(word),
                    Tok::Newline | Tok::Semi => break,
                    _ => return Err(self.unexpected(&token, None)),
                }
            }
            Some(words)
        } else {
            if token.kind != Tok::Semi {
                self.unread(token);
            }
            None
        };
        self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
        self.expect_keyword(Keyword::Do)?;
        let body = self.list(0)?;
        Ok(CompoundKind::For(ForClause {
            variable,
            variable_span,
            words,
            body,
        }))
    }

    /// Returns the clause and the end offset of `esac`.
    fn case_clause(&mut self) -> PResult<(CompoundKind, usize)> {
        let token = self.read_token()?;
        let subject = match token.kind {
            Tok::Word(word) => word,
            _ => return Err(self.unexpected(&token, Some("word"))),
        };
        self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
        let token = self.read_token()?;
        if !token.kind.is_keyword(Keyword::In) {
            return Err(self.unexpected(&token, Some("\"in\"")));
        }
        let mut arms = Vec::new();
        self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
        let mut token = self.read_token()?;
        loop {
            if token.kind.is_keyword(Keyword::Esac) {
                return Ok((
                    CompoundKind::Case(CaseClause { subject, arms }),
                    token.span.end,
                ));
            }
            let arm_start = token.span.start;
            if token.kind == Tok::LParen {
                token = self.read_token()?;
            }
            let mut patterns = Vec::new();
            loop {
                patterns.push(pattern_word(token));
                token = self.read_token()?;
                if token.kind != Tok::Pipe {
                    break;
                }
                token = self.read_token()?;
            }
            if token.kind != Tok::RParen {
                return Err(self.unexpected(&token, Some("\")\"")));
            }
            let body = self.list(2)?;
            self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
            let next = self.read_token()?;
            let terminator = match next.kind {
                Tok::DoubleSemi => CaseTerminator::Break,
                Tok::SemiAmp => CaseTerminator::FallThrough,
                Tok::DoubleSemiAmp => CaseTerminator::Continue,
                Tok::Keyword(Keyword::Esac, _) => CaseTerminator::End,
                _ => return Err(self.unexpected(&next, Some("\";;\""))),
            };
            let arm_end = if terminator == CaseTerminator::End {
                body.span.end.max(token.span.end)
            } else {
                next.span.end
            };
            arms.push(CaseArm {
                patterns,
                body,
                terminator,
                span: Span::new(arm_start, arm_end),
            });
            if terminator == CaseTerminator::End {
                token = next;
            } else {
                self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
                token = self.read_token()?;
            }
        }
    }

    fn simple_command(&mut self) -> PResult<Command> {
        let mut assignments = Vec::new();
        let mut words: Vec<Word> = Vec::new();
        let mut redirects = Vec::new();
        let mut in_prefix = true;
        let mut span: Option<Span> = None;
        loop {
            self.checkkwd = 0;
            let token = self.read_token()?;
            match token.kind {
                Tok::Word(word) => {
                    span = Some(span.map_or(word.span, |s| s.cover(word.span)));
                    if in_prefix {
                        match self.split_assignment(word) {
                            Ok(assignment) => assignments.push(assignment),
                            Err(word) => {
                                in_prefix = false;
                                words.push(word);
                            }
                        }
                    } else {
                        words.push(word);
                    }
                }
                Tok::Redir { op, fd } => {
                    let redirect = self.redirect(op, fd, token.span)?;
                    span = Some(span.map_or(redirect.span, |s| s.cover(redirect.span)));
                    redirects.push(redirect);
                }
                Tok::LParen
                    if words.len() == 1 && assignments.is_empty() && redirects.is_empty() =>
                {
                    let name_word = words.pop().expect("one word");
                    return self.function_definition(name_word);
                }
                _ => {
                    let at = token.span.start;
                    self.unread(token);
                    return Ok(Command::Simple(SimpleCommand {
                        assignments,
                        words,
                        redirects,
                        span: span.unwrap_or(Span::at(at)),
                    }));
                }
            }
        }
    }

    /// `name ( ) command`, after `name (` has been read.
    fn function_definition(&mut self, name_word: Word) -> PResult<Command> {
        let token = self.read_token()?;
        if token.kind != Tok::RParen {
            return Err(self.unexpected(&token, Some("\")\"")));
        }
        let name = name_word.literal_value().unwrap_or_default();
        if !plain_literal(&name_word) || !is_name(&name) || is_special_builtin(&name) {
            return Err(SyntaxError::new("Bad function name", token.span));
        }
        self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
        self.enter(name_word.span.start)?;
        let body = self.command()?;
        self.leave();
        Ok(Command::FunctionDef(FunctionDef {
            span: name_word.span.cover(body.span()),
            name,
            name_span: name_word.span,
            body: Box::new(body),
            function_keyword: false,
        }))
    }

    /// bash: `function name [()] command`, after `function` has been read.
    fn function_keyword_definition(&mut self, start: usize) -> PResult<Command> {
        let token = self.read_token()?;
        let name_word = match token.kind {
            Tok::Word(word) => word,
            _ => return Err(self.unexpected(&token, Some("word"))),
        };
        let token = self.read_token()?;
        if token.kind == Tok::LParen {
            let close = self.read_token()?;
            if close.kind != Tok::RParen {
                return Err(self.unexpected(&close, Some("\")\"")));
            }
        } else {
            self.unread(token);
        }
        self.checkkwd = CHECK_NEWLINES | CHECK_KEYWORDS;
        let body = self.command()?;
        Ok(Command::FunctionDef(FunctionDef {
            span: Span::new(start, body.span().end),
            name: name_word.literal_value().unwrap_or_default(),
            name_span: name_word.span,
            body: Box::new(body),
            function_keyword: true,
        }))
    }

    /// bash: the words of `[[ ... ]]` after `[[`, with operators kept as words.
    fn double_bracket(&mut self) -> PResult<(Vec<Word>, usize)> {
        let mut words = Vec::new();
        loop {
            let token = self.read_token()?;
            match token.kind {
                Tok::Word(word) => {
                    if word.literal_value().as_deref() == Some("]]") && plain_literal(&word) {
                        return Ok((words, token.span.end));
                    }
                    words.push(word);
                }
                Tok::Newline => {}
                Tok::Eof => return Err(self.unexpected(&token, Some("\"]]\""))),
                _ => {
                    let text = self.src[token.span.start..token.span.end].to_string();
                    words.push(Word {
                        parts: vec![WordPart {
                            kind: WordPartKind::Literal(text),
                            span: token.span,
                        }],
                        span: token.span,
                    });
                }
            }
        }
    }

    /// Reads the target of a redirection operator (dash's `parsefname`).
    fn redirect(&mut self, op: RedirOp, fd: Option<u32>, op_span: Span) -> PResult<Redirect> {
        let is_here_doc = matches!(op, RedirOp::HereDoc | RedirOp::HereDocStripTabs);
        if is_here_doc {
            self.checkkwd = CHECK_EOF_MARK;
        }
        let token = self.read_token()?;
        let Tok::Word(word) = token.kind else {
            return Err(self.unexpected(&token, None));
        };
        let span = op_span.cover(word.span);
        let target = if is_here_doc {
            let id = self.next_here_doc_id;
            self.next_here_doc_id += 1;
            let delimiter = word.literal_value().unwrap_or_default();
            let quoted = word.is_quoted();
            let strip_tabs = op == RedirOp::HereDocStripTabs;
            self.pending_here_docs.push(PendingHereDoc {
                id,
                delimiter: delimiter.clone(),
                quoted,
                strip_tabs,
            });
            RedirectTarget::HereDoc(HereDoc {
                delimiter,
                delimiter_span: word.span,
                quoted,
                strip_tabs,
                body: Vec::new(),
                body_span: Span::at(word.span.end),
                terminated: false,
                id,
            })
        } else {
            RedirectTarget::Word(word)
        };
        Ok(Redirect {
            fd,
            op,
            target,
            span,
        })
    }

    /// Splits `NAME=value` into an assignment, or gives the word back.
    fn split_assignment(&self, word: Word) -> Result<Assignment, Word> {
        let Some(first) = word.parts.first() else {
            return Err(word);
        };
        let WordPartKind::Literal(text) = &first.kind else {
            return Err(word);
        };
        let Some(eq) = text.find('=') else {
            return Err(word);
        };
        let (name, append) = match text[..eq].strip_suffix('+') {
            Some(name) if self.bash() => (name, true),
            _ => (&text[..eq], false),
        };
        if !is_name(name) {
            return Err(word);
        }
        let name = name.to_string();
        let first_span = first.span;
        let rest = text[eq + 1..].to_string();
        let value_start = first_span.start + eq + 1;
        let mut parts = Vec::with_capacity(word.parts.len());
        if !rest.is_empty() {
            parts.push(WordPart {
                kind: WordPartKind::Literal(rest),
                span: Span::new(value_start, first_span.end),
            });
        }
        parts.extend(word.parts.into_iter().skip(1));
        crate::word::mark_assignment_tildes(&mut parts);
        Ok(Assignment {
            name_span: Span::new(first_span.start, first_span.start + name.len()),
            name,
            value: Word {
                parts,
                span: Span::new(value_start, word.span.end),
            },
            append,
            span: word.span,
        })
    }
}

fn make_list(items: Vec<ListItem>, at: usize) -> List {
    let span = match (items.first(), items.last()) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::at(at),
    };
    List { items, span }
}

/// A case pattern; dash takes whatever token stands there, so a non-word becomes an empty word.
fn pattern_word(token: Token) -> Word {
    match token.kind {
        Tok::Word(word) | Tok::Keyword(_, word) => word,
        _ => Word {
            parts: Vec::new(),
            span: Span::at(token.span.start),
        },
    }
}

/// Whether the word is unquoted literal text only.
fn plain_literal(word: &Word) -> bool {
    word.parts
        .iter()
        .all(|p| matches!(p.kind, WordPartKind::Literal(_)))
}

pub(crate) fn is_name(text: &str) -> bool {
    let mut bytes = text.bytes();
    matches!(bytes.next(), Some(b) if b == b'_' || b.is_ascii_alphabetic())
        && bytes.all(|b| b == b'_' || b.is_ascii_alphanumeric())
}

/// dash refuses these as function names.
fn is_special_builtin(name: &str) -> bool {
    matches!(
        name,
        "." | ":"
            | "break"
            | "continue"
            | "eval"
            | "exec"
            | "exit"
            | "export"
            | "readonly"
            | "return"
            | "set"
            | "shift"
            | "times"
            | "trap"
            | "unset"
    )
}

/// The severity-less conversion of a fatal error into a diagnostic.
pub(crate) fn error_diagnostic(src: &str, error: SyntaxError) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        kind: error.kind,
        dash_line: dash_line(src, error.span.end),
        message: error.message,
        span: error.span,
    }
}

/// dash's line number: one more than the newlines read up to `offset`.
pub(crate) fn dash_line(src: &str, offset: usize) -> usize {
    let end = offset.min(src.len());
    1 + src.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}
