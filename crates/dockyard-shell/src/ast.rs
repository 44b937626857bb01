//! The syntax tree: lists, pipelines, commands, words and their parts, every node with its byte span.

use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// The result of parsing one script: the commands understood plus diagnostics.
#[derive(Clone, Debug, PartialEq)]
pub struct Script {
    /// Every complete command parsed, in source order. After a syntax error this holds the
    /// commands of the lines before the error's line: dash parses and runs a line at a time,
    /// so it runs exactly these before printing the error.
    pub body: List,
    /// At most one syntax error (parsing stops there, like dash), plus warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl Script {
    /// The syntax error that stopped parsing, if any.
    pub fn syntax_error(&self) -> Option<&Diagnostic> {
        self.diagnostics
            .iter()
            .find(|d| d.severity == crate::diagnostic::Severity::Error)
    }
}

/// Commands separated by `;`, `&` or newlines.
#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub items: Vec<ListItem>,
    pub span: Span,
}

/// One and-or list of a [`List`], run in the background when it ends with `&`.
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    pub and_or: AndOr,
    pub background: bool,
    pub span: Span,
}

/// Pipelines joined by `&&` and `||`, evaluated left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(AndOrOp, Pipeline)>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AndOrOp {
    /// `&&`
    And,
    /// `||`
    Or,
}

/// Commands joined by `|`, optionally negated by a leading `!`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    pub negated: bool,
    pub commands: Vec<Command>,
    /// The operator before each command after the first (`commands.len() - 1` entries).
    pub operators: Vec<PipeOp>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipeOp {
    /// `|`
    Pipe,
    /// `|&` (bash only: also pipes standard error)
    PipeWithStderr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Simple(SimpleCommand),
    Compound(CompoundCommand),
    FunctionDef(FunctionDef),
}

impl Command {
    pub fn span(&self) -> Span {
        match self {
            Command::Simple(c) => c.span,
            Command::Compound(c) => c.span,
            Command::FunctionDef(c) => c.span,
        }
    }
}

/// Assignments, words and redirections, as in `A=1 make -j2 >log 2>&1`.
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleCommand {
    pub assignments: Vec<Assignment>,
    /// The command name followed by its arguments (empty for assignment-only commands).
    pub words: Vec<Word>,
    /// Redirections in source order (they may appear anywhere among the words).
    pub redirects: Vec<Redirect>,
    pub span: Span,
}

impl SimpleCommand {
    /// The command name word, if there is one.
    pub fn name(&self) -> Option<&Word> {
        self.words.first()
    }

    /// The static value of the command name (see [`Word::literal_value`]).
    pub fn name_value(&self) -> Option<String> {
        self.name().and_then(Word::literal_value)
    }

    /// The words after the command name.
    pub fn args(&self) -> &[Word] {
        self.words.get(1..).unwrap_or(&[])
    }
}

/// `NAME=value` before a command name (or `NAME+=value` and `NAME=(...)` in bash).
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    pub name: String,
    pub name_span: Span,
    /// The value after `=`; its parts may include a bash [`WordPartKind::Array`].
    pub value: Word,
    /// `+=` (bash only).
    pub append: bool,
    pub span: Span,
}

/// A compound command with the redirections that follow it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompoundCommand {
    pub kind: CompoundKind,
    pub redirects: Vec<Redirect>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CompoundKind {
    /// `( list )`
    Subshell(List),
    /// `{ list; }`
    BraceGroup(List),
    If(IfClause),
    For(ForClause),
    While(LoopClause),
    Until(LoopClause),
    Case(CaseClause),
    /// `[[ ... ]]` (bash only; operators are kept as literal words).
    DoubleBracket(Vec<Word>),
}

/// `if c; then b; elif c2; then b2; else e; fi`
#[derive(Clone, Debug, PartialEq)]
pub struct IfClause {
    /// The `if` branch then every `elif` branch.
    pub branches: Vec<IfBranch>,
    pub else_body: Option<List>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IfBranch {
    pub condition: List,
    pub body: List,
}

/// `for NAME [in words]; do body; done`
#[derive(Clone, Debug, PartialEq)]
pub struct ForClause {
    pub variable: String,
    pub variable_span: Span,
    /// `None` when there is no `in` (loop over `"$@"`).
    pub words: Option<Vec<Word>>,
    pub body: List,
}

/// `while`/`until` condition and body.
#[derive(Clone, Debug, PartialEq)]
pub struct LoopClause {
    pub condition: List,
    pub body: List,
}

/// `case subject in pattern|pattern) body;; ... esac`
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    pub subject: Word,
    pub arms: Vec<CaseArm>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseArm {
    pub patterns: Vec<Word>,
    pub body: List,
    pub terminator: CaseTerminator,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseTerminator {
    /// `;;`
    Break,
    /// The last arm before `esac` may omit `;;`.
    End,
    /// `;&` (bash only)
    FallThrough,
    /// `;;&` (bash only)
    Continue,
}

/// `name() compound-command`, or bash's `function name [()] compound-command`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub name_span: Span,
    pub body: Box<Command>,
    /// Written with the bash `function` keyword.
    pub function_keyword: bool,
    pub span: Span,
}

/// A redirection such as `2>&1`, `>>log`, `<<-EOF`.
#[derive(Clone, Debug, PartialEq)]
pub struct Redirect {
    /// The explicit file descriptor number written before the operator.
    pub fd: Option<u32>,
    pub op: RedirOp,
    pub target: RedirectTarget,
    pub span: Span,
}

impl Redirect {
    /// The descriptor this redirection applies to, with the operator's default.
    pub fn effective_fd(&self) -> u32 {
        self.fd.unwrap_or(match self.op {
            RedirOp::Input
            | RedirOp::DupInput
            | RedirOp::ReadWrite
            | RedirOp::HereDoc
            | RedirOp::HereDocStripTabs
            | RedirOp::HereString => 0,
            _ => 1,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirOp {
    /// `<`
    Input,
    /// `>`
    Output,
    /// `>>`
    Append,
    /// `>|`
    Clobber,
    /// `<&`
    DupInput,
    /// `>&`
    DupOutput,
    /// `<>`
    ReadWrite,
    /// `<<`
    HereDoc,
    /// `<<-`
    HereDocStripTabs,
    /// `&>` (bash only; dash reads `cmd &> f` as `cmd &` then `> f`)
    OutputAndError,
    /// `&>>` (bash only)
    AppendOutputAndError,
    /// `<<<` (bash only)
    HereString,
}

impl RedirOp {
    pub fn as_str(self) -> &'static str {
        match self {
            RedirOp::Input => "<",
            RedirOp::Output => ">",
            RedirOp::Append => ">>",
            RedirOp::Clobber => ">|",
            RedirOp::DupInput => "<&",
            RedirOp::DupOutput => ">&",
            RedirOp::ReadWrite => "<>",
            RedirOp::HereDoc => "<<",
            RedirOp::HereDocStripTabs => "<<-",
            RedirOp::OutputAndError => "&>",
            RedirOp::AppendOutputAndError => "&>>",
            RedirOp::HereString => "<<<",
        }
    }

    /// Whether dash (POSIX) knows this operator.
    pub fn is_posix(self) -> bool {
        !matches!(
            self,
            RedirOp::OutputAndError | RedirOp::AppendOutputAndError | RedirOp::HereString
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum RedirectTarget {
    /// A file name, or for `>&`/`<&` a descriptor number or `-`.
    Word(Word),
    HereDoc(HereDoc),
}

/// A here-document: its delimiter and the body read after the next newline.
#[derive(Clone, Debug, PartialEq)]
pub struct HereDoc {
    /// The delimiter with quotes removed.
    pub delimiter: String,
    pub delimiter_span: Span,
    /// Any part of the delimiter was quoted: the body is taken literally.
    pub quoted: bool,
    /// `<<-`: leading tabs were stripped from body lines (they are not in `body`).
    pub strip_tabs: bool,
    /// Literal text and, when not `quoted`, expansions and escapes.
    pub body: Vec<WordPart>,
    /// From the start of the first body line to the end of the delimiter line.
    pub body_span: Span,
    /// False when end of file came before the delimiter line.
    pub terminated: bool,
    pub(crate) id: usize,
}

/// One shell word: a sequence of adjacent parts with no unquoted blank between them.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub parts: Vec<WordPart>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WordPart {
    pub kind: WordPartKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WordPartKind {
    /// Unquoted text with no special meaning; its span covers exactly this text.
    Literal(String),
    /// A backslash-escaped character (`\x`), outside or inside double quotes.
    Escaped(char),
    /// `'text'`
    SingleQuoted(String),
    /// `"..."`: literal text, escapes and expansions.
    DoubleQuoted(Vec<WordPart>),
    /// `$name`, `${name}`, `${name:-word}`, ...
    Parameter(Parameter),
    /// `$(list)`
    CommandSubstitution(Box<List>),
    /// `` `list` `` (the body is parsed after removing the backquote escapes; spans point into the source)
    Backquoted(Box<List>),
    /// `$((expression))`: the expression as literal text and expansions.
    Arithmetic(Vec<WordPart>),
    /// An unquoted pattern character: `*`, `?` or a bracket expression.
    Glob(Glob),
    /// `~` or `~user` at the start of a word (or after `=`/`:` in an assignment value).
    Tilde(String),
    /// `$'text'` (bash; dash reads `$` followed by a single-quoted string). Raw text between the quotes.
    DollarSingleQuoted(String),
    /// `{a,b}` or `{1..3}` (bash; literal text in dash). The parts between the braces.
    BraceExpansion(Vec<WordPart>),
    /// `<(list)` or `>(list)` (bash only).
    ProcessSubstitution {
        direction: ProcessDirection,
        body: Box<List>,
    },
    /// `(a b c)` as an assignment value (bash only).
    Array(Vec<Word>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Glob {
    /// `*`
    Star,
    /// `?`
    Question,
    /// `[...]`, the text including the brackets.
    Bracket(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessDirection {
    /// `<(...)`
    Input,
    /// `>(...)`
    Output,
}

/// A parameter expansion.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// A variable name, a positional number (`1`, `10`) or a special parameter (`@ * # ? - $ ! 0`).
    pub name: String,
    /// Written with braces.
    pub braced: bool,
    pub op: ParamOp,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ParamOp {
    /// `$name` or `${name}`
    Plain,
    /// `${#name}`
    Length,
    /// `${name-word}`, `${name:=word}`, ... (`colon` also tests for empty)
    Test {
        test: TestOp,
        colon: bool,
        word: Word,
    },
    /// `${name%pattern}`, `${name##pattern}`, ...
    Trim { trim: TrimOp, pattern: Word },
    /// A form dash rejects at expansion time with "Bad substitution" (mostly bash forms).
    /// `rest` holds what follows the name up to the closing brace.
    NonPosix { form: NonPosixParam, rest: Word },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestOp {
    /// `-`: use a default value
    Default,
    /// `=`: assign a default value
    Assign,
    /// `?`: error if unset
    Error,
    /// `+`: use an alternative value
    Alternative,
}

impl TestOp {
    pub fn as_char(self) -> char {
        match self {
            TestOp::Default => '-',
            TestOp::Assign => '=',
            TestOp::Error => '?',
            TestOp::Alternative => '+',
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrimOp {
    /// `%`
    SmallestSuffix,
    /// `%%`
    LargestSuffix,
    /// `#`
    SmallestPrefix,
    /// `##`
    LargestPrefix,
}

impl TrimOp {
    pub fn as_str(self) -> &'static str {
        match self {
            TrimOp::SmallestSuffix => "%",
            TrimOp::LargestSuffix => "%%",
            TrimOp::SmallestPrefix => "#",
            TrimOp::LargestPrefix => "##",
        }
    }
}

/// Which non-POSIX parameter form was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonPosixParam {
    /// `${!name}`
    Indirect,
    /// `${name:offset}` / `${name:offset:length}`
    Substring,
    /// `${name/pat/rep}`, `${name//pat/rep}`
    Replace,
    /// `${name^}`, `${name^^}`, `${name,}`, `${name,,}`
    CaseModification,
    /// `${name[index]}`
    ArrayIndex,
    /// Anything else dash calls a bad substitution, such as `${}` or `${a b}`.
    Invalid,
}

impl Word {
    /// The word's value after quote removal when it contains no parameter, command
    /// or arithmetic expansion. Glob, tilde and brace characters are kept as written.
    pub fn literal_value(&self) -> Option<String> {
        let mut out = String::new();
        parts_literal_value(&self.parts, &mut out).then_some(out)
    }

    /// Whether any part is quoted or escaped.
    pub fn is_quoted(&self) -> bool {
        self.parts.iter().any(|p| {
            matches!(
                p.kind,
                WordPartKind::SingleQuoted(_)
                    | WordPartKind::DoubleQuoted(_)
                    | WordPartKind::Escaped(_)
                    | WordPartKind::DollarSingleQuoted(_)
            )
        })
    }

    /// Whether every part is quoted or escaped (so no splitting or globbing can happen).
    pub fn is_fully_quoted(&self) -> bool {
        !self.parts.is_empty()
            && self.parts.iter().all(|p| {
                matches!(
                    p.kind,
                    WordPartKind::SingleQuoted(_)
                        | WordPartKind::DoubleQuoted(_)
                        | WordPartKind::Escaped(_)
                        | WordPartKind::DollarSingleQuoted(_)
                )
            })
    }

    /// Whether the word contains a parameter, command or arithmetic expansion anywhere.
    pub fn has_expansion(&self) -> bool {
        parts_have_expansion(&self.parts)
    }

    /// Expansions that are not inside double quotes, so their results are field-split
    /// and globbed (what ShellCheck SC2086/SC2046 look for).
    pub fn unquoted_expansions(&self) -> impl Iterator<Item = &WordPart> {
        self.parts.iter().filter(|p| p.kind.is_expansion())
    }

    /// Whether the word has an unquoted glob character.
    pub fn has_glob(&self) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p.kind, WordPartKind::Glob(_)))
    }

    /// The source text of the word.
    pub fn source<'s>(&self, source: &'s str) -> &'s str {
        self.span.text(source)
    }
}

impl WordPartKind {
    /// A parameter, command or arithmetic expansion (or a bash process substitution).
    pub fn is_expansion(&self) -> bool {
        matches!(
            self,
            WordPartKind::Parameter(_)
                | WordPartKind::CommandSubstitution(_)
                | WordPartKind::Backquoted(_)
                | WordPartKind::Arithmetic(_)
                | WordPartKind::ProcessSubstitution { .. }
        )
    }

    /// Syntax dash does not have (or reads differently).
    pub fn is_bashism(&self) -> bool {
        match self {
            WordPartKind::DollarSingleQuoted(_)
            | WordPartKind::BraceExpansion(_)
            | WordPartKind::ProcessSubstitution { .. }
            | WordPartKind::Array(_) => true,
            WordPartKind::Parameter(p) => matches!(p.op, ParamOp::NonPosix { .. }),
            _ => false,
        }
    }
}

fn parts_have_expansion(parts: &[WordPart]) -> bool {
    parts.iter().any(|p| match &p.kind {
        WordPartKind::DoubleQuoted(inner) | WordPartKind::BraceExpansion(inner) => {
            parts_have_expansion(inner)
        }
        WordPartKind::Array(words) => words.iter().any(Word::has_expansion),
        kind => kind.is_expansion(),
    })
}

fn parts_literal_value(parts: &[WordPart], out: &mut String) -> bool {
    for part in parts {
        match &part.kind {
            WordPartKind::Literal(text) | WordPartKind::SingleQuoted(text) => out.push_str(text),
            WordPartKind::Escaped(c) => out.push(*c),
            WordPartKind::DoubleQuoted(inner) => {
                if !parts_literal_value(inner, out) {
                    return false;
                }
            }
            WordPartKind::Glob(Glob::Star) => out.push('*'),
            WordPartKind::Glob(Glob::Question) => out.push('?'),
            WordPartKind::Glob(Glob::Bracket(text)) => out.push_str(text),
            WordPartKind::Tilde(user) => {
                out.push('~');
                out.push_str(user);
            }
            WordPartKind::BraceExpansion(inner) => {
                out.push('{');
                if !parts_literal_value(inner, out) {
                    return false;
                }
                out.push('}');
            }
            WordPartKind::DollarSingleQuoted(_)
            | WordPartKind::Parameter(_)
            | WordPartKind::CommandSubstitution(_)
            | WordPartKind::Backquoted(_)
            | WordPartKind::Arithmetic(_)
            | WordPartKind::ProcessSubstitution { .. }
            | WordPartKind::Array(_) => return false,
        }
    }
    true
}
