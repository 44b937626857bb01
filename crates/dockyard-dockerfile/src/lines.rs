//! Physical lines and the logical lines Docker builds from them (continuations joined).

use crate::span::Span;
use std::ops::Range;

/// One physical line: `start..content_end` is its text, `content_end..end` its
/// line terminator (`\n`, `\r\n`, or nothing at end of input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PhysicalLine {
    pub start: usize,
    pub content_end: usize,
    pub end: usize,
}

/// Splits `source[from..]` into physical lines the way BuildKit's scanner does:
/// a line ends after `\n`; trailing `\r` and `\n` characters are not content.
pub(crate) fn split_lines(source: &str, from: usize) -> Vec<PhysicalLine> {
    let bytes = source.as_bytes();
    let mut lines = Vec::new();
    let mut start = from;
    while start < bytes.len() {
        let end = match memchr_newline(&bytes[start..]) {
            Some(i) => start + i + 1,
            None => bytes.len(),
        };
        let mut content_end = end;
        while content_end > start && matches!(bytes[content_end - 1], b'\n' | b'\r') {
            content_end -= 1;
        }
        lines.push(PhysicalLine {
            start,
            content_end,
            end,
        });
        start = end;
    }
    lines
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// What a physical piece of an instruction is, for lossless reconstruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// Text that belongs to the logical line (keyword, flags, arguments).
    Text,
    /// The escape character and trailing blanks that continue the line.
    Continuation,
    /// A line terminator inside the instruction.
    Newline,
    /// A comment line inside a continued instruction (Docker drops it).
    Comment,
    /// A blank line inside a continued instruction (Docker drops it, with a warning).
    EmptyContinuation,
    /// The lines of a heredoc body.
    HeredocBody,
    /// The line that ends a heredoc.
    HeredocTerminator,
}

/// A physical piece of an instruction; the parts of an instruction tile its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub kind: PartKind,
    pub span: Span,
}

/// A contiguous run of the logical text copied from the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fragment {
    logical_start: usize,
    source_start: usize,
    len: usize,
}

/// The text Docker sees for one instruction: physical lines joined with the
/// escape+newline removed and comment/blank continuation lines dropped,
/// plus a map from offsets in that text back to source offsets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogicalLine {
    pub text: String,
    fragments: Vec<Fragment>,
}

impl LogicalLine {
    pub(crate) fn push(&mut self, source: &str, span: Span) {
        if span.is_empty() {
            return;
        }
        self.fragments.push(Fragment {
            logical_start: self.text.len(),
            source_start: span.start,
            len: span.len(),
        });
        self.text.push_str(span.text(source));
    }

    /// Source offset of the character at logical offset `logical`
    /// (the start of the following fragment when on a boundary).
    pub fn source_offset(&self, logical: usize) -> usize {
        let index = self
            .fragments
            .partition_point(|f| f.logical_start + f.len <= logical);
        match self.fragments.get(index) {
            Some(f) => f.source_start + logical.saturating_sub(f.logical_start),
            None => self.fragments.last().map_or(0, |f| f.source_start + f.len),
        }
    }

    /// Source offset just after the character before logical offset `logical`
    /// (the end of the preceding fragment when on a boundary).
    pub fn source_end(&self, logical: usize) -> usize {
        if logical == 0 {
            return self.source_offset(0);
        }
        let index = self
            .fragments
            .partition_point(|f| f.logical_start + f.len < logical);
        match self.fragments.get(index) {
            Some(f) => f.source_start + (logical - f.logical_start).min(f.len),
            None => self.fragments.last().map_or(0, |f| f.source_start + f.len),
        }
    }

    /// Source span of the logical range (may cover continuation trivia in between).
    pub fn source_span(&self, range: Range<usize>) -> Span {
        if range.start >= range.end {
            let at = self.source_offset(range.start);
            return Span::new(at, at);
        }
        Span::new(self.source_offset(range.start), self.source_end(range.end))
    }
}

/// True if the line, ignoring leading whitespace, starts with `#`.
pub(crate) fn is_comment_line(text: &str) -> bool {
    text.trim_start().starts_with('#')
}

/// If `content` ends with the escape character followed only by spaces/tabs,
/// the byte offset (within `content`) where that continuation marker starts.
pub(crate) fn continuation_start(content: &str, escape: char) -> Option<usize> {
    let trimmed = content.trim_end_matches([' ', '\t']);
    trimmed.strip_suffix(escape).map(|without| without.len())
}
