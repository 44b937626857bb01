//! Byte spans into the source and conversion to 1-based line/column positions.

/// A half-open byte range `start..end` into the original source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `source` (empty if out of range).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Start offsets of every line, for offset → position lookups in `O(log n)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { line_starts }
    }

    /// Number of lines (a trailing newline opens one more, empty line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line containing byte `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        let index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        index as u32 + 1
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> usize {
        let index = (line.max(1) - 1) as usize;
        self.line_starts
            .get(index)
            .copied()
            .unwrap_or_else(|| *self.line_starts.last().unwrap_or(&0))
    }

    /// Position of `offset`; the column counts characters from the line start.
    pub fn position(&self, source: &str, offset: usize) -> Position {
        let line = self.line(offset);
        let start = self.line_start(line);
        let offset = clamp_to_char_boundary(source, offset);
        let column = source.get(start..offset).map_or(0, |s| s.chars().count()) as u32 + 1;
        Position { line, column }
    }

    /// Column as megaparsec (and so hadolint) reports it: characters counted
    /// from the line start, a tab advancing to the next multiple of 8 plus 1,
    /// a carriage return directly before the newline not counted.
    pub fn hadolint_column(&self, source: &str, offset: usize) -> u32 {
        let line = self.line(offset);
        let start = self.line_start(line);
        let offset = clamp_to_char_boundary(source, offset);
        let mut column = 1u32;
        let text = source.get(start..offset).unwrap_or("");
        // hadolint strips a byte-order mark before parsing.
        let text = if start == 0 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        for ch in text.chars() {
            if ch == '\t' {
                column = column + 8 - ((column - 1) % 8);
            } else {
                column += 1;
            }
        }
        column
    }
}

fn clamp_to_char_boundary(source: &str, mut offset: usize) -> usize {
    offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
