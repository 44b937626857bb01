//! The driver: directives, comments, continuations and heredocs, line by line
//! as BuildKit reads a Dockerfile, producing a lossless [`Dockerfile`].

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::heredoc::find_markers;
use crate::instruction::InstructionParser;
use crate::lines::{
    continuation_start, is_comment_line, split_lines, LogicalLine, Part, PartKind, PhysicalLine,
};
use crate::span::{LineIndex, Span};
use crate::syntax::*;

/// Inputs longer than this are parsed up to the last line break before the
/// limit; the rest is kept as an [`SegmentKind::Unparsed`] segment.
pub const MAX_SOURCE_BYTES: usize = 8 * 1024 * 1024;

/// Parses a Dockerfile. Never panics and never fails: problems become
/// [`Dockerfile::diagnostics`].
pub fn parse(source: &str) -> Dockerfile {
    parse_with_limit(source, MAX_SOURCE_BYTES)
}

/// [`parse`] with a custom size budget (in bytes).
pub fn parse_with_limit(source: &str, max_bytes: usize) -> Dockerfile {
    let parse_end = parse_end(source, max_bytes);
    let line_index = LineIndex::new(source);
    let mut parser = Parser {
        source,
        parse_end,
        lines: Vec::new(),
        escape: '\\',
        directives: Directives::default(),
        directives_done: false,
        instructions: Vec::new(),
        comments: Vec::new(),
        stages: Vec::new(),
        diagnostics: Vec::new(),
        segments: Vec::new(),
        cursor: 0,
        line_index,
    };
    parser.run();
    parser.finish()
}

fn parse_end(source: &str, max_bytes: usize) -> usize {
    if source.len() <= max_bytes {
        return source.len();
    }
    let mut cut = max_bytes;
    while !source.is_char_boundary(cut) {
        cut -= 1;
    }
    source[..cut].rfind('\n').map_or(0, |i| i + 1)
}

struct Parser<'a> {
    source: &'a str,
    parse_end: usize,
    lines: Vec<PhysicalLine>,
    escape: char,
    directives: Directives,
    directives_done: bool,
    instructions: Vec<Instruction>,
    comments: Vec<Comment>,
    stages: Vec<Stage>,
    diagnostics: Vec<Diagnostic>,
    segments: Vec<Segment>,
    cursor: usize,
    line_index: LineIndex,
}

impl Parser<'_> {
    fn run(&mut self) {
        let parsed = &self.source[..self.parse_end];
        let bom = if parsed.starts_with('\u{feff}') { 3 } else { 0 };
        if bom > 0 {
            self.push_segment(SegmentKind::Bom, Span::new(0, bom));
        }
        self.lines = split_lines(parsed, bom);
        let mut index = 0;
        while index < self.lines.len() {
            let line = self.lines[index];
            let content = &self.source[line.start..line.content_end];
            let trimmed = content.trim_start();
            let text_start = line.content_end - trimmed.len();
            if !self.directives_done {
                if self.directive(trimmed, Span::new(text_start, line.content_end)) {
                    index += 1;
                    continue;
                }
                self.directives_done = true;
            }
            if trimmed.starts_with('#') {
                let span = Span::new(text_start, line.content_end);
                let comment = self.comment(span, false);
                self.push_segment(SegmentKind::Comment(self.comments.len()), span);
                self.comments.push(comment);
                index += 1;
                continue;
            }
            if trimmed.trim_end().is_empty() {
                index += 1;
                continue;
            }
            index = self.instruction(index, text_start) + 1;
        }
        if self.parse_end < self.source.len() {
            self.push_segment(SegmentKind::Trivia, Span::new(self.cursor, self.parse_end));
            self.segments.push(Segment {
                kind: SegmentKind::Unparsed,
                span: Span::new(self.parse_end, self.source.len()),
            });
            self.cursor = self.source.len();
            self.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::LimitExceeded,
                line: 0,
                column: 0,
                span: Span::new(self.parse_end, self.source.len()),
                message: format!(
                    "input larger than {} bytes; the rest was not parsed",
                    self.parse_end
                ),
            });
        }
        let end = self.source.len();
        self.push_segment(SegmentKind::Trivia, Span::new(self.cursor, end));
    }

    fn push_segment(&mut self, kind: SegmentKind, span: Span) {
        if span.start > self.cursor {
            self.segments.push(Segment {
                kind: SegmentKind::Trivia,
                span: Span::new(self.cursor, span.start),
            });
        }
        if !span.is_empty() || !matches!(kind, SegmentKind::Trivia) {
            self.segments.push(Segment { kind, span });
        }
        self.cursor = span.end;
    }

    fn comment(&self, span: Span, in_instruction: bool) -> Comment {
        let text = span.text(self.source);
        let hash = text.find('#').unwrap_or(0);
        Comment {
            text: text[hash + 1..].to_string(),
            span: Span::new(span.start + hash, span.end),
            line: self.line_index.line(span.start),
            in_instruction,
        }
    }

    /// Recognises `# key=value` for the known directive keys (case-insensitive).
    fn directive(&mut self, trimmed: &str, span: Span) -> bool {
        let Some((name, value)) = split_directive(trimmed) else {
            return false;
        };
        let name = name.to_ascii_lowercase();
        let slot = match name.as_str() {
            "syntax" => &mut self.directives.syntax,
            "escape" => &mut self.directives.escape,
            "check" => &mut self.directives.check,
            _ => return false,
        };
        let line = self.line_index.line(span.start);
        if slot.is_some() {
            let message = format!("only one {name} parser directive can be used");
            self.push_diagnostic(DiagnosticKind::DockerError, span, message);
        } else {
            *slot = Some(Directive {
                name: name.clone(),
                value: value.to_string(),
                span,
                line,
            });
            if name == "escape" {
                match value {
                    "\\" => self.escape = '\\',
                    "`" => self.escape = '`',
                    _ => {
                        let message =
                            format!("invalid escape token '{value}' does not match ` or \\");
                        self.push_diagnostic(DiagnosticKind::DockerError, span, message);
                    }
                }
            }
        }
        self.push_segment(SegmentKind::Directive, span);
        true
    }

    fn push_diagnostic(&mut self, kind: DiagnosticKind, span: Span, message: String) {
        self.diagnostics.push(Diagnostic {
            kind,
            line: 0,
            column: 0,
            span,
            message,
        });
    }

    /// Parses the instruction starting on line `first`; returns the index of
    /// its last physical line.
    fn instruction(&mut self, first: usize, text_start: usize) -> usize {
        let source = self.source;
        let mut logical = LogicalLine::default();
        let mut parts = Vec::new();
        let mut empty_continuation_lines = Vec::new();
        let mut last = first;
        let line = self.lines[first];
        let mut continued =
            self.push_text_line(&mut logical, &mut parts, text_start, line.content_end);
        while continued && last + 1 < self.lines.len() {
            let previous = self.lines[last];
            last += 1;
            let line = self.lines[last];
            push_part(
                &mut parts,
                PartKind::Newline,
                previous.content_end,
                previous.end,
            );
            let content = &source[line.start..line.content_end];
            if is_comment_line(content) {
                let comment = self.comment(Span::new(line.start, line.content_end), true);
                self.comments.push(comment);
                push_part(&mut parts, PartKind::Comment, line.start, line.content_end);
                continue;
            }
            if content.trim().is_empty() {
                empty_continuation_lines.push(self.line_index.line(line.start));
                push_part(
                    &mut parts,
                    PartKind::EmptyContinuation,
                    line.start,
                    line.content_end,
                );
                continue;
            }
            continued = self.push_text_line(&mut logical, &mut parts, line.start, line.content_end);
        }
        let mut span_end = self.lines[last].content_end;

        let mut parser = InstructionParser {
            escape: self.escape,
            line_index: &self.line_index,
            diagnostics: &mut self.diagnostics,
        };
        let parsed = parser.parse_line(&logical, 0, 0);

        let mut heredocs = Vec::new();
        let effective_args = match &parsed.args {
            Args::Onbuild(Some(inner)) => &inner.args,
            args => args,
        };
        let heredoc_capable = match effective_args {
            Args::Run(Some(command)) => !command.is_exec(),
            Args::Copy(copy) | Args::Add(copy) => !copy.json_form,
            _ => false,
        };
        if heredoc_capable {
            for marker in find_markers(&logical.text) {
                let marker_word = Word {
                    text: logical.text[marker.range.clone()].to_string(),
                    span: logical.source_span(marker.range.clone()),
                    logical: marker.range.clone(),
                };
                let previous = self.lines[last];
                push_part(
                    &mut parts,
                    PartKind::Newline,
                    previous.content_end,
                    previous.end,
                );
                let body_start = previous.end;
                let mut terminator = None;
                let mut scan = last + 1;
                while scan < self.lines.len() {
                    let line = self.lines[scan];
                    let content = &source[line.start..line.content_end];
                    let candidate = if marker.chomp {
                        content.trim_start_matches('\t')
                    } else {
                        content
                    };
                    if candidate == marker.name {
                        terminator = Some(scan);
                        break;
                    }
                    scan += 1;
                }
                let (body_end, terminator_span) = match terminator {
                    Some(t) => {
                        let line = self.lines[t];
                        last = t;
                        span_end = line.content_end;
                        (line.start, Some(Span::new(line.start, line.content_end)))
                    }
                    None => {
                        last = self.lines.len().saturating_sub(1).max(last);
                        span_end = self.parse_end.max(span_end);
                        (self.parse_end.max(body_start), None)
                    }
                };
                let body_span = Span::new(body_start.min(body_end), body_end);
                push_part(
                    &mut parts,
                    PartKind::HeredocBody,
                    body_span.start,
                    body_span.end,
                );
                if let Some(t) = terminator_span {
                    push_part(&mut parts, PartKind::HeredocTerminator, t.start, t.end);
                } else {
                    self.push_diagnostic(
                        DiagnosticKind::DockerError,
                        marker_word.span,
                        "unterminated heredoc".to_string(),
                    );
                }
                heredocs.push(Heredoc {
                    marker: marker_word,
                    name: marker.name,
                    quoted: marker.quoted,
                    chomp: marker.chomp,
                    fd: marker.fd,
                    body: body_span.text(source).to_string(),
                    body_span,
                    terminator_span,
                    start_line: self.line_index.line(body_span.start),
                    end_line: self.line_index.line(
                        terminator_span
                            .map_or(span_end.saturating_sub(1).max(body_span.start), |t| t.start),
                    ),
                });
                if terminator_span.is_none() {
                    break;
                }
            }
        }

        let span = Span::new(text_start, span_end);
        let end_line = self.line_index.line(self.lines[last].start);
        let mut args = parsed.args;
        if let Args::Onbuild(Some(inner)) = &mut args {
            inner.heredocs = heredocs.clone();
            inner.span.end = span.end;
            inner.end_line = end_line;
        }
        if let Some(&line) = empty_continuation_lines.first() {
            let at = self.line_index.line_start(line);
            self.push_diagnostic(
                DiagnosticKind::DockerWarning,
                Span::new(at, at),
                "Empty continuation line".to_string(),
            );
        }
        let index = self.instructions.len();
        let stage = self.track_stage(&parsed.keyword, &args, index);
        let instruction = Instruction {
            keyword: parsed.keyword,
            keyword_text: parsed.keyword_text,
            keyword_span: parsed.keyword_span,
            span,
            start_line: self.line_index.line(span.start),
            end_line,
            flags: parsed.flags,
            args,
            heredocs,
            logical,
            args_range: parsed.args_range,
            parts,
            stage,
            empty_continuation_lines,
        };
        self.push_segment(SegmentKind::Instruction(index), span);
        self.instructions.push(instruction);
        last
    }

    /// Adds one physical line's text to the logical line; true if it continues.
    fn push_text_line(
        &self,
        logical: &mut LogicalLine,
        parts: &mut Vec<Part>,
        start: usize,
        end: usize,
    ) -> bool {
        let content = &self.source[start..end];
        match continuation_start(content, self.escape) {
            Some(cut) => {
                logical.push(self.source, Span::new(start, start + cut));
                push_part(parts, PartKind::Text, start, start + cut);
                push_part(parts, PartKind::Continuation, start + cut, end);
                true
            }
            None => {
                logical.push(self.source, Span::new(start, end));
                push_part(parts, PartKind::Text, start, end);
                false
            }
        }
    }

    fn track_stage(&mut self, keyword: &Keyword, args: &Args, index: usize) -> Option<usize> {
        if let (Keyword::From, Args::From(from)) = (keyword, args) {
            if let Some(last) = self.stages.last_mut() {
                last.instructions.end = index;
            }
            self.stages.push(Stage {
                index: self.stages.len(),
                alias: from.alias.as_ref().map(|a| a.text.clone()),
                base: from
                    .image
                    .as_ref()
                    .map(|i| i.raw.clone())
                    .unwrap_or_default(),
                from_instruction: index,
                instructions: index..index + 1,
            });
        }
        let current = self.stages.len().checked_sub(1);
        if let Some(stage) = current.and_then(|s| self.stages.get_mut(s)) {
            stage.instructions.end = index + 1;
        }
        current
    }

    fn finish(mut self) -> Dockerfile {
        let hadolint = crate::hadolint::check(
            self.source,
            self.parse_end,
            &self.lines,
            &self.instructions,
            self.escape,
        );
        self.diagnostics.extend(hadolint);
        for diagnostic in &mut self.diagnostics {
            if diagnostic.line == 0 {
                let position = self.line_index.position(self.source, diagnostic.span.start);
                diagnostic.line = position.line;
                diagnostic.column = position.column;
            }
        }
        Dockerfile {
            escape: self.escape,
            directives: self.directives,
            instructions: self.instructions,
            comments: self.comments,
            stages: self.stages,
            diagnostics: self.diagnostics,
            segments: self.segments,
            line_index: self.line_index,
            source_len: self.source.len(),
        }
    }
}

fn push_part(parts: &mut Vec<Part>, kind: PartKind, start: usize, end: usize) {
    if end > start {
        parts.push(Part {
            kind,
            span: Span::new(start, end),
        });
    }
}

/// Matches BuildKit's `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`.
fn split_directive(line: &str) -> Option<(&str, &str)> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\u{c}' | '\r');
    let rest = line.strip_prefix('#')?.trim_start_matches(is_space);
    let key_len = rest
        .char_indices()
        .take_while(|&(i, c)| {
            if i == 0 {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_alphanumeric()
            }
        })
        .count();
    if key_len == 0 {
        return None;
    }
    let (key, rest) = rest.split_at(key_len);
    let rest = rest.trim_start_matches(is_space).strip_prefix('=')?;
    let value = rest.trim_matches(is_space);
    if value.is_empty() {
        return None;
    }
    Some((key, value))
}
