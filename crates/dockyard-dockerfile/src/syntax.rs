//! The syntax tree: a parsed Dockerfile, its instructions and their typed payloads.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lines::{LogicalLine, Part};
use crate::span::{LineIndex, Position, Span};
use std::ops::Range;

/// A parsed Dockerfile. Built by [`crate::parse`]; never an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dockerfile {
    /// The escape character in effect (`\` or `` ` ``).
    pub escape: char,
    pub directives: Directives,
    pub instructions: Vec<Instruction>,
    /// Every comment, including those inside continued instructions.
    pub comments: Vec<Comment>,
    /// Build stages, one per `FROM`.
    pub stages: Vec<Stage>,
    pub diagnostics: Vec<Diagnostic>,
    /// Top-level pieces tiling the whole source, in order.
    pub segments: Vec<Segment>,
    pub line_index: LineIndex,
    pub(crate) source_len: usize,
}

impl Dockerfile {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, source: &str, offset: usize) -> Position {
        self.line_index.position(source, offset)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        self.line_index.line(offset)
    }

    /// The DL1000 parse error hadolint 2.15.1 would report, if it rejects this file.
    pub fn hadolint_rejects(&self) -> Option<&Diagnostic> {
        self.diagnostics
            .iter()
            .find(|d| d.kind == DiagnosticKind::HadolintParseError)
    }

    /// Diagnostics for things Docker (BuildKit) itself would refuse.
    pub fn docker_errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::DockerError)
    }

    /// The stage an instruction (by index) belongs to; `None` before the first `FROM`.
    pub fn stage_of(&self, instruction: usize) -> Option<&Stage> {
        self.instructions
            .get(instruction)
            .and_then(|i| i.stage)
            .and_then(|s| self.stages.get(s))
    }

    /// Length in bytes of the source this was parsed from.
    pub fn source_len(&self) -> usize {
        self.source_len
    }
}

/// Parser directives from the top of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directives {
    pub syntax: Option<Directive>,
    pub escape: Option<Directive>,
    pub check: Option<Directive>,
}

/// One `# key=value` parser directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// Lower-cased key: `syntax`, `escape` or `check`.
    pub name: String,
    pub value: String,
    pub span: Span,
    pub line: u32,
}

/// A `#` comment line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// Text after the `#`, untrimmed.
    pub text: String,
    /// From the `#` to the end of the line (without the line terminator).
    pub span: Span,
    pub line: u32,
    /// True for comment lines inside a continued instruction.
    pub in_instruction: bool,
}

/// A build stage, started by a `FROM`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    pub index: usize,
    /// The `AS name`, as written.
    pub alias: Option<String>,
    /// The base image text as written (may be another stage's alias).
    pub base: String,
    /// Index of the `FROM` in [`Dockerfile::instructions`].
    pub from_instruction: usize,
    /// Indices of the stage's instructions (the `FROM` included).
    pub instructions: Range<usize>,
}

/// What a top-level segment of the source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// A UTF-8 byte-order mark.
    Bom,
    /// Index into the directive lines (in source order).
    Directive,
    /// Index into [`Dockerfile::comments`].
    Comment(usize),
    /// Index into [`Dockerfile::instructions`].
    Instruction(usize),
    /// Blank space, indentation and line terminators between items.
    Trivia,
    /// Input beyond the size budget, kept but not parsed.
    Unparsed,
}

/// One top-level piece of the source; the segments tile the whole input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    pub span: Span,
}

/// An instruction keyword (matched case-insensitively).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Keyword {
    From,
    Run,
    Cmd,
    Label,
    Maintainer,
    Expose,
    Env,
    Add,
    Copy,
    Entrypoint,
    Volume,
    User,
    Workdir,
    Arg,
    Onbuild,
    Stopsignal,
    Healthcheck,
    Shell,
    /// Anything else, as written.
    Unknown(String),
}

impl Keyword {
    pub const ALL: [Keyword; 18] = [
        Keyword::From,
        Keyword::Run,
        Keyword::Cmd,
        Keyword::Label,
        Keyword::Maintainer,
        Keyword::Expose,
        Keyword::Env,
        Keyword::Add,
        Keyword::Copy,
        Keyword::Entrypoint,
        Keyword::Volume,
        Keyword::User,
        Keyword::Workdir,
        Keyword::Arg,
        Keyword::Onbuild,
        Keyword::Stopsignal,
        Keyword::Healthcheck,
        Keyword::Shell,
    ];

    /// Recognises a keyword, ignoring case.
    pub fn parse(word: &str) -> Keyword {
        Keyword::ALL
            .iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(word))
            .cloned()
            .unwrap_or_else(|| Keyword::Unknown(word.to_string()))
    }

    /// Upper-case name (the text as written for unknown keywords).
    pub fn as_str(&self) -> &str {
        match self {
            Keyword::From => "FROM",
            Keyword::Run => "RUN",
            Keyword::Cmd => "CMD",
            Keyword::Label => "LABEL",
            Keyword::Maintainer => "MAINTAINER",
            Keyword::Expose => "EXPOSE",
            Keyword::Env => "ENV",
            Keyword::Add => "ADD",
            Keyword::Copy => "COPY",
            Keyword::Entrypoint => "ENTRYPOINT",
            Keyword::Volume => "VOLUME",
            Keyword::User => "USER",
            Keyword::Workdir => "WORKDIR",
            Keyword::Arg => "ARG",
            Keyword::Onbuild => "ONBUILD",
            Keyword::Stopsignal => "STOPSIGNAL",
            Keyword::Healthcheck => "HEALTHCHECK",
            Keyword::Shell => "SHELL",
            Keyword::Unknown(word) => word,
        }
    }
}

/// One instruction with its position, flags and typed arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub keyword: Keyword,
    /// The keyword as written (`run`, `Run`, ...).
    pub keyword_text: String,
    pub keyword_span: Span,
    /// From the keyword to the end of the last line (heredoc terminator
    /// included, final line terminator excluded).
    pub span: Span,
    pub start_line: u32,
    pub end_line: u32,
    pub flags: Vec<Flag>,
    pub args: Args,
    pub heredocs: Vec<Heredoc>,
    /// The logical line Docker sees (continuations joined, comments dropped).
    pub logical: LogicalLine,
    /// Range of the arguments (after flags) within [`Instruction::logical`].
    pub args_range: Range<usize>,
    /// Physical pieces tiling [`Instruction::span`].
    pub parts: Vec<Part>,
    /// Index of the stage this instruction belongs to.
    pub stage: Option<usize>,
    /// Lines of blank lines inside the continuation (BuildKit warns about them).
    pub empty_continuation_lines: Vec<u32>,
}

impl Instruction {
    /// The arguments as Docker sees them (after flags, continuations joined).
    pub fn args_text(&self) -> &str {
        self.logical.text.get(self.args_range.clone()).unwrap_or("")
    }

    /// Source byte offset of an offset into [`Instruction::logical`].
    pub fn source_offset(&self, logical_offset: usize) -> usize {
        self.logical.source_offset(logical_offset)
    }

    /// The flag named `name` (without dashes), if given.
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.name == name)
    }

    /// For `ONBUILD X`, the wrapped instruction; otherwise `self`.
    pub fn effective(&self) -> &Instruction {
        match &self.args {
            Args::Onbuild(Some(inner)) => inner.effective(),
            _ => self,
        }
    }
}

/// A text fragment of the logical line with its source span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// As written (quotes and escapes kept).
    pub text: String,
    pub span: Span,
    /// Range within the instruction's logical line.
    pub logical: Range<usize>,
}

/// A `--name[=value]` flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// Name without the leading dashes.
    pub name: String,
    /// Value after `=`, quotes removed; `None` for a bare `--link`.
    pub value: Option<String>,
    /// The flag as written.
    pub raw: String,
    pub span: Span,
    /// For `--mount`, the parsed `key=value` list.
    pub mount: Option<Mount>,
}

/// A parsed `--mount` value.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Mount {
    pub options: Vec<MountOption>,
}

impl Mount {
    /// Value of the first option with this key (`None` if absent or bare).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|o| o.key.eq_ignore_ascii_case(key))
            .and_then(|o| o.value.as_deref())
    }

    /// The mount type (`bind` when not given).
    pub fn mount_type(&self) -> &str {
        self.get("type").unwrap_or("bind")
    }

    /// The target path (`target`, `dst` or `destination`).
    pub fn target(&self) -> Option<&str> {
        self.get("target")
            .or_else(|| self.get("dst"))
            .or_else(|| self.get("destination"))
    }
}

/// One `key[=value]` of a `--mount` list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountOption {
    pub key: String,
    pub value: Option<String>,
}

/// A heredoc attached to an instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heredoc {
    /// The `<<EOF` word on the instruction line.
    pub marker: Word,
    /// The delimiter, quotes removed.
    pub name: String,
    /// Quoted delimiter (`<<"EOF"`, `<<'EOF'`): no variable expansion.
    pub quoted: bool,
    /// `<<-`: leading tabs are stripped.
    pub chomp: bool,
    /// File descriptor prefix (`3<<EOF`).
    pub fd: Option<u32>,
    /// Body exactly as in the source, line terminators included.
    pub body: String,
    pub body_span: Span,
    /// The terminator line; `None` when the heredoc runs to end of input.
    pub terminator_span: Option<Span>,
    /// First line of the body.
    pub start_line: u32,
    /// Line of the terminator (or last line of input).
    pub end_line: u32,
}

impl Heredoc {
    /// The content Docker uses: with `<<-`, leading tabs removed from each line.
    pub fn content(&self) -> String {
        if !self.chomp {
            return self.body.clone();
        }
        self.body
            .split_inclusive('\n')
            .map(|line| line.trim_start_matches('\t'))
            .collect()
    }
}

/// Typed arguments of an instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Args {
    From(From),
    Run(Option<Command>),
    Cmd(Option<Command>),
    Entrypoint(Option<Command>),
    Shell(Option<Command>),
    Label(KeyValues),
    Env(KeyValues),
    Arg(Vec<ArgDecl>),
    Expose(Vec<Port>),
    Copy(CopyArgs),
    Add(CopyArgs),
    Workdir(Option<Word>),
    User(Option<User>),
    Volume(Volume),
    Stopsignal(Option<Word>),
    Healthcheck(Healthcheck),
    /// The wrapped instruction (`None` if missing or beyond the nesting budget).
    Onbuild(Option<Box<Instruction>>),
    Maintainer(Option<Word>),
    Unknown,
}

/// A command in exec (JSON) or shell form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Exec(ExecForm),
    Shell(ShellForm),
}

impl Command {
    pub fn is_exec(&self) -> bool {
        matches!(self, Command::Exec(_))
    }
}

/// `["executable", "arg", ...]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecForm {
    pub args: Vec<JsonArg>,
    pub span: Span,
}

/// One decoded string of an exec-form array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonArg {
    pub value: String,
    pub span: Span,
}

/// A shell-form command: the logical text (continuations joined, comment
/// lines dropped). Map offsets back with [`Instruction::source_offset`]
/// applied to `logical.start + offset`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellForm {
    pub text: String,
    pub span: Span,
    pub logical: Range<usize>,
}

/// `FROM [--platform=...] image [AS name]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct From {
    pub image: Option<ImageRef>,
    /// The `AS` keyword as written.
    pub as_keyword: Option<Word>,
    pub alias: Option<Word>,
    /// Value of `--platform`.
    pub platform: Option<String>,
}

/// An image reference `[registry/]name[:tag][@digest]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef {
    pub raw: String,
    pub span: Span,
    pub registry: Option<String>,
    /// Repository path without registry, tag or digest.
    pub name: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

/// `ENV`/`LABEL` pairs.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct KeyValues {
    pub pairs: Vec<KeyValue>,
    /// The legacy `ENV key value` form (one pair, value is the rest of the line).
    pub legacy_form: bool,
}

/// One `key=value` pair (quotes and escapes removed in `key`/`value`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
    pub raw_key: String,
    pub raw_value: String,
    pub span: Span,
    pub key_span: Span,
}

/// One `ARG name[=default]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgDecl {
    pub name: String,
    pub default: Option<String>,
    pub raw: String,
    pub span: Span,
}

/// One `EXPOSE` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Port {
    pub raw: String,
    pub span: Span,
    /// First port number, if numeric.
    pub number: Option<u64>,
    /// End of a `from-to` range, if numeric.
    pub range_end: Option<u64>,
    /// Protocol as written (`tcp`, `UDP`, ...).
    pub protocol: Option<String>,
    /// Contains a `$` variable reference.
    pub has_variable: bool,
}

/// `COPY`/`ADD` sources and destination.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CopyArgs {
    pub sources: Vec<Word>,
    pub dest: Option<Word>,
    pub json_form: bool,
}

/// `USER user[:group]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub word: Word,
    pub user: String,
    pub group: Option<String>,
}

/// `VOLUME` paths.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Volume {
    pub paths: Vec<Word>,
    pub json_form: bool,
}

/// What a `HEALTHCHECK` says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HealthcheckKind {
    /// `HEALTHCHECK NONE`.
    None,
    /// `HEALTHCHECK [options] CMD ...`.
    Cmd,
    /// Nothing or something unrecognised.
    Invalid,
}

/// `HEALTHCHECK` (its options are in [`Instruction::flags`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Healthcheck {
    pub kind: HealthcheckKind,
    /// The `NONE`/`CMD` word as written.
    pub kind_word: Option<Word>,
    pub command: Option<Command>,
}
