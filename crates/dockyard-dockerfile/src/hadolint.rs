//! Predicts how hadolint 2.15.1 (its parser, language-docker) reads the file:
//! the DL1000 parse error it would print (exact line, column and message for
//! the common cases) and places where it silently reads something else.
//!
//! It walks Docker's instructions, re-checking each with language-docker's
//! rules, and re-reads lines language-docker sees differently (heredoc bodies
//! it does not recognise, blank-with-spaces continuation lines) as it would.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lines::{PartKind, PhysicalLine};
use crate::span::{LineIndex, Span};
use crate::syntax::{Args, Instruction};
use std::collections::HashMap;

/// Keywords in the order language-docker tries them (a prefix match wins).
const KEYWORD_ORDER: [&str; 18] = [
    "ONBUILD",
    "FROM",
    "COPY",
    "RUN",
    "WORKDIR",
    "ENTRYPOINT",
    "VOLUME",
    "EXPOSE",
    "ENV",
    "ARG",
    "USER",
    "LABEL",
    "STOPSIGNAL",
    "CMD",
    "SHELL",
    "MAINTAINER",
    "ADD",
    "HEALTHCHECK",
];

const KEYWORD_LIST: &str = "ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR";

struct Reject {
    offset: usize,
    message: String,
}

type Check<T = ()> = Result<T, Reject>;

fn reject<T>(offset: usize, message: impl Into<String>) -> Check<T> {
    Err(Reject {
        offset,
        message: message.into(),
    })
}

pub(crate) fn check(
    source: &str,
    parse_end: usize,
    lines: &[PhysicalLine],
    instructions: &[Instruction],
    escape: char,
) -> Vec<Diagnostic> {
    let src = &source[..parse_end];
    let hadolint_escape = find_escape_pragma(src, lines);
    let mut out = Vec::new();
    if hadolint_escape != escape {
        out.push(Diagnostic {
            kind: DiagnosticKind::HadolintMisreads,
            line: 0,
            column: 0,
            span: Span::new(0, 0),
            message: format!(
                "hadolint 2.15.1 uses '{hadolint_escape}' as the escape character, Docker uses '{escape}'"
            ),
        });
    }
    let mut checker = Checker {
        src,
        lines,
        esc: hadolint_escape,
        docker_escape: escape,
        seen_item: false,
        lines_by_text: None,
        misreads: Vec::new(),
    };
    let result = checker.run(instructions);
    for (span, message) in checker.misreads {
        out.push(Diagnostic {
            kind: DiagnosticKind::HadolintMisreads,
            line: 0,
            column: 0,
            span,
            message,
        });
    }
    if let Err(rejection) = result {
        let index = LineIndex::new(source);
        let offset = rejection.offset.min(src.len());
        out.push(Diagnostic {
            kind: DiagnosticKind::HadolintParseError,
            line: index.line(offset),
            column: index.hadolint_column(source, offset),
            span: Span::new(offset, offset),
            message: rejection.message,
        });
    }
    out
}

/// language-docker's `findEscapePragma`: only a leading run of `# syntax=`
/// lines followed by exactly `# escape=<char>` changes the escape character.
fn find_escape_pragma(src: &str, lines: &[PhysicalLine]) -> char {
    for line in lines {
        let text = src[line.start..line.content_end].trim_start_matches('\u{feff}');
        let Some(rest) = text.trim_start_matches([' ', '\t']).strip_prefix('#') else {
            return '\\';
        };
        let rest = rest.trim_start_matches([' ', '\t']);
        if let Some(value) = pragma_value(rest, "escape") {
            let mut chars = value.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c != '\\' => c,
                _ => '\\',
            };
        }
        match pragma_value(rest, "syntax") {
            Some(value) if !value.is_empty() => continue,
            _ => return '\\',
        }
    }
    '\\'
}

fn pragma_value<'t>(rest: &'t str, key: &str) -> Option<&'t str> {
    let rest = rest.strip_prefix(key)?.trim_start_matches([' ', '\t']);
    Some(rest.strip_prefix('=')?.trim_start_matches([' ', '\t']))
}

struct Checker<'a> {
    src: &'a str,
    lines: &'a [PhysicalLine],
    esc: char,
    docker_escape: char,
    /// Whether a comment or instruction came before (changes the error text).
    seen_item: bool,
    lines_by_text: Option<HashMap<&'a str, Vec<usize>>>,
    misreads: Vec<(Span, String)>,
}

/// How far language-docker's reading of one instruction goes.
enum Extent {
    /// To the end of Docker's logical line (no heredoc consumed).
    LogicalLine,
    /// Through a heredoc terminator on this physical line index.
    Heredoc(usize),
}

impl<'a> Checker<'a> {
    fn run(&mut self, instructions: &[Instruction]) -> Check {
        let mut cursor = 0;
        for instruction in instructions {
            let first = self.line_of(instruction.span.start);
            if first < cursor {
                continue; // swallowed by a heredoc hadolint read further
            }
            self.reread_lines(cursor, first)?;
            cursor = self.instruction(instruction)? + 1;
        }
        self.reread_lines(cursor, self.lines.len())
    }

    fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.end <= offset)
            .min(self.lines.len().saturating_sub(1))
    }

    fn char_at(&self, offset: usize) -> Option<char> {
        self.src.get(offset..).and_then(|s| s.chars().next())
    }

    /// Megaparsec's rendering of the input at `offset` as one unexpected token.
    fn unexpected_char(&self, offset: usize) -> String {
        match self.char_at(offset) {
            None => "end of input".to_string(),
            Some('\r') if self.src[offset..].starts_with("\r\n") => "newline".to_string(),
            Some(c) => char_pretty(c),
        }
    }

    /// Megaparsec's rendering of up to `n` characters at `offset`.
    fn unexpected_tokens(&self, offset: usize, n: usize) -> String {
        let rest = self.src.get(offset..).unwrap_or("");
        let mut taken: Vec<char> = Vec::new();
        let mut chars = rest.chars().peekable();
        while taken.len() < n {
            match chars.next() {
                Some('\r') if chars.peek() == Some(&'\n') => {}
                Some(c) => taken.push(c),
                None => break,
            }
        }
        match taken.len() {
            0 => "end of input".to_string(),
            1 => char_pretty(taken[0]),
            _ => {
                let mut out = String::from("\"");
                for c in taken {
                    match char_name(c) {
                        Some(name) => {
                            out.push('<');
                            out.push_str(name);
                            out.push('>');
                        }
                        None => out.push(c),
                    }
                }
                out.push('"');
                out
            }
        }
    }

    fn esc_item(&self) -> String {
        format!("'{}'", self.esc)
    }

    /// The error for a line that starts with no known instruction keyword.
    fn unknown_instruction(&self, offset: usize) -> Reject {
        let message = if self.seen_item {
            format!(
                "unexpected {}\nexpecting '#', {}, {KEYWORD_LIST}, a pragma, at least one space, or end of input",
                self.unexpected_char(offset),
                self.esc_item()
            )
        } else {
            format!(
                "unexpected {}\nexpecting '#', {KEYWORD_LIST}, a pragma, end of input, or whitespaces",
                self.unexpected_char(offset)
            )
        };
        Reject { offset, message }
    }

    /// Re-reads physical lines `[from, to)` as top-level lines the way
    /// language-docker would (used for lines it does not see as part of an
    /// instruction, such as heredoc bodies it did not recognise).
    fn reread_lines(&mut self, from: usize, to: usize) -> Check {
        let mut index = from;
        while index < to {
            let line = self.lines[index];
            let text = &self.src[line.start..line.content_end];
            let trimmed = text.trim_start_matches([' ', '\t', '\u{feff}']);
            let offset = line.content_end - trimmed.len();
            index += 1;
            if trimmed.is_empty() {
                continue;
            }
            if trimmed.starts_with('#') {
                self.seen_item = true;
                continue;
            }
            let Some(keyword) = match_keyword(trimmed) else {
                return Err(self.unknown_instruction(offset));
            };
            let after = offset + keyword.len();
            if !matches!(self.char_at(after), Some(' ' | '\t')) {
                return reject(after, "missing whitespace");
            }
            self.seen_item = true;
            // Skip the lines it continues onto.
            let mut current = text;
            while index < to && ends_with_escape(current, self.esc) {
                let next = self.lines[index];
                current = &self.src[next.start..next.content_end];
                index += 1;
            }
        }
        Ok(())
    }

    fn ensure_lines_by_text(&mut self) -> &HashMap<&'a str, Vec<usize>> {
        if self.lines_by_text.is_none() {
            let mut map: HashMap<&'a str, Vec<usize>> = HashMap::new();
            for (i, line) in self.lines.iter().enumerate() {
                map.entry(&self.src[line.start..line.content_end])
                    .or_default()
                    .push(i);
            }
            self.lines_by_text = Some(map);
        }
        self.lines_by_text.get_or_insert_with(HashMap::new)
    }

    /// First line after `line` whose whole text equals `marker`.
    fn find_terminator(&mut self, marker: &str, line: usize) -> Option<usize> {
        let map = self.ensure_lines_by_text();
        let found = map.get(marker)?;
        let at = found.partition_point(|&l| l <= line);
        found.get(at).copied()
    }

    /// Checks one Docker instruction; returns the last physical line hadolint
    /// reads as part of it.
    fn instruction(&mut self, instruction: &Instruction) -> Check<usize> {
        let extent = self.check_line(instruction, 0, false)?;
        self.seen_item = true;
        let first = self.line_of(instruction.span.start);
        let logical_last = match instruction.heredocs.first() {
            Some(h) => self.line_of(h.body_span.start.saturating_sub(1)).max(first),
            None => self.line_of(
                instruction
                    .span
                    .end
                    .saturating_sub(1)
                    .max(instruction.span.start),
            ),
        };
        // language-docker ends a continued line at a blank line holding spaces,
        // and does not continue lines with an escape character it does not know.
        for part in &instruction.parts {
            let part_line = self.line_of(part.span.start);
            if part_line > logical_last {
                break;
            }
            let cut = match part.kind {
                PartKind::EmptyContinuation => Some(part_line),
                PartKind::Continuation if self.esc != self.docker_escape => Some(part_line),
                _ => None,
            };
            if let Some(line) = cut {
                return Ok(line);
            }
        }
        match extent {
            Extent::LogicalLine => Ok(logical_last),
            Extent::Heredoc(terminator) => {
                let next = self.lines[terminator].end;
                match self.char_at(next) {
                    None | Some(' ' | '\t' | '\n') => {}
                    Some('\r') if self.src[next..].starts_with("\r\n") => {}
                    Some(_) => {
                        return reject(
                            next,
                            format!(
                            "unexpected {}\nexpecting a new line followed by the next instruction",
                            self.unexpected_char(next)
                        ),
                        )
                    }
                }
                Ok(terminator)
            }
        }
    }

    /// Checks the instruction whose keyword starts at logical offset `start`.
    fn check_line(
        &mut self,
        instruction: &Instruction,
        start: usize,
        onbuild: bool,
    ) -> Check<Extent> {
        let logical = &instruction.logical;
        let text = logical.text.as_str();
        let start = start + (text[start..].len() - text[start..].trim_start().len());
        let at = |logical_offset: usize| logical.source_offset(logical_offset);
        let Some(keyword) = match_keyword(&text[start..]) else {
            let offset = at(start);
            if onbuild {
                let message = format!(
                    "unexpected {}\nexpecting '#', {}, {KEYWORD_LIST}, a pragma, or at least one space",
                    self.unexpected_tokens(offset, 11),
                    self.esc_item()
                );
                return reject(offset, message);
            }
            return Err(self.unknown_instruction(offset));
        };
        let keyword_end = start + keyword.len();
        if !matches!(text[keyword_end..].chars().next(), Some(' ' | '\t')) {
            return reject(logical.source_end(keyword_end), "missing whitespace");
        }
        let args_start = keyword_end
            + (text[keyword_end..].len()
                - text[keyword_end..].trim_start_matches([' ', '\t']).len());
        let end = text.trim_end().len().max(args_start);
        if args_start >= end {
            return self.empty_arguments(keyword, logical.source_end(text.len()));
        }
        let effective = nested(instruction, at(start));
        match keyword {
            "FROM" => self
                .check_from(instruction, args_start, end)
                .map(|_| Extent::LogicalLine),
            "RUN" => self.check_run(instruction, effective, args_start, end),
            "CMD" | "ENTRYPOINT" | "SHELL" => self.check_arguments(instruction, args_start, end),
            "COPY" | "ADD" => self.check_copy(instruction, effective, keyword, end),
            "ENV" | "LABEL" => self
                .check_pairs(instruction, args_start, end)
                .map(|_| Extent::LogicalLine),
            "EXPOSE" => self
                .check_expose(instruction, args_start, end)
                .map(|_| Extent::LogicalLine),
            "HEALTHCHECK" => self.check_healthcheck(instruction, effective, args_start, end),
            "ONBUILD" => self.check_line(instruction, args_start, true),
            _ => Ok(Extent::LogicalLine),
        }
    }

    fn empty_arguments(&self, keyword: &str, offset: usize) -> Check<Extent> {
        let message = match keyword {
            "EXPOSE" => return Ok(Extent::LogicalLine),
            "FROM" => "expecting the image name with a tag".to_string(),
            "RUN" | "CMD" | "ENTRYPOINT" | "SHELL" => "expecting the shell arguments".to_string(),
            "LABEL" | "ENV" => "missing whitespace".to_string(),
            "ARG" => "expecting the argument name".to_string(),
            "COPY" | "ADD" => "expecting a file".to_string(),
            "WORKDIR" => "expecting the workdir path".to_string(),
            "USER" => "expecting the user".to_string(),
            "VOLUME" => "expecting the volume path".to_string(),
            "STOPSIGNAL" => "expecting the stop signal".to_string(),
            "MAINTAINER" => "expecting the maintainer name".to_string(),
            "HEALTHCHECK" => format!(
                "unexpected {}\nexpecting \"NONE\", {}, --interval, --retries, --start-interval, --start-period, --timeout, CMD, at least one space, or no flags",
                self.unexpected_char(offset),
                self.esc_item()
            ),
            _ => format!(
                "unexpected {}\nexpecting '#', {}, {KEYWORD_LIST}, a pragma, or at least one space",
                self.unexpected_char(offset),
                self.esc_item()
            ),
        };
        reject(offset, message)
    }

    fn check_from(&mut self, instruction: &Instruction, args_start: usize, end: usize) -> Check {
        let logical = &instruction.logical;
        let text = &logical.text;
        let words = blank_words(text, args_start, end);
        let mut index = 0;
        if let Some(first) = words.first() {
            if text[first.0..].starts_with("--") {
                if !text[first.0..].starts_with("--platform=") {
                    let message = format!(
                        "unexpected '-'\nexpecting \"--platform=\", {}, or at least one space",
                        self.esc_item()
                    );
                    return reject(logical.source_offset(first.0), message);
                }
                index = 1;
            }
        }
        let rest = &words[index.min(words.len())..];
        if let Some(image) = rest.first() {
            let word = &text[image.0..image.1];
            if let Some(name) = word.strip_suffix(':') {
                if !name.is_empty() && !name.contains([':', '@', '$']) {
                    let message = format!(
                        "unexpected ':'\nexpecting '@', {}, a new line followed by the next instruction, no ':' or a valid image tag string (example: {name}:valid-tag), or the image name with a tag",
                        self.esc_item()
                    );
                    return reject(logical.source_offset(image.1 - 1), message);
                }
            }
            if let Some(colon) = second_tag_colon(word) {
                let message = format!(
                    "unexpected ':'\nexpecting '@', {}, a new line followed by the next instruction, or the image tag",
                    self.esc_item()
                );
                return reject(logical.source_offset(image.0 + colon), message);
            }
        }
        let stray = match rest.len() {
            0 | 1 => None,
            _ if text[rest[1].0..].starts_with('#') => None,
            2 => Some(rest[1]),
            _ if !text[rest[1].0..rest[1].1].eq_ignore_ascii_case("as") => Some(rest[1]),
            3 => None,
            _ if text[rest[3].0..].starts_with('#') => None,
            _ => Some(rest[3]),
        };
        // The stray word is read as the start of the next instruction.
        self.seen_item = true;
        match stray {
            Some(word) => Err(self.unknown_instruction(logical.source_offset(word.0))),
            None => Ok(()),
        }
    }

    fn check_run(
        &mut self,
        instruction: &Instruction,
        effective: &Instruction,
        args_start: usize,
        end: usize,
    ) -> Check<Extent> {
        let logical = &instruction.logical;
        let text = logical.text.as_str();
        let mut known_flags = 0;
        let mut flag_end = args_start;
        for (position, flag) in effective.flags.iter().enumerate() {
            let Some(range) = find_in(text, &flag.raw, flag_end) else {
                break;
            };
            let known = ["--mount=", "--network=", "--security="]
                .iter()
                .any(|p| flag.raw.starts_with(p));
            if !known {
                if position == 0 {
                    self.misreads.push((
                        flag.span,
                        format!(
                            "hadolint 2.15.1 does not know the RUN flag --{} and reads it as part of the command",
                            flag.name
                        ),
                    ));
                    return self.check_arguments(instruction, args_start, end);
                }
                let offset = logical.source_offset(range.0);
                let message = format!(
                    "unexpected {}\nexpecting \"--mount=\", \"--network=\", \"--security=\", {}, or at least one space",
                    self.unexpected_tokens(offset, 11),
                    self.esc_item()
                );
                return reject(offset, message);
            }
            self.check_run_flag(logical, text, range)?;
            known_flags += 1;
            flag_end = range.1;
        }
        if known_flags == 0 {
            return self.check_arguments(instruction, args_start, end);
        }
        self.check_command_after(instruction, flag_end, end)
    }

    fn check_run_flag(
        &mut self,
        logical: &crate::lines::LogicalLine,
        text: &str,
        range: (usize, usize),
    ) -> Check {
        let raw = &text[range.0..range.1];
        let choices: &[(&str, &[&str], usize, &str)] = &[
            (
                "--network=",
                &["none", "host", "default"],
                7,
                "\"default\", \"host\", or \"none\"",
            ),
            (
                "--security=",
                &["insecure", "sandbox"],
                8,
                "\"insecure\" or \"sandbox\"",
            ),
        ];
        for (prefix, values, width, expected) in choices {
            if let Some(value) = raw.strip_prefix(prefix) {
                let value_at = range.0 + prefix.len();
                return match values.iter().find(|v| value.starts_with(**v)) {
                    Some(v) if value.len() == v.len() => Ok(()),
                    Some(v) => reject(logical.source_end(value_at + v.len()), "missing whitespace"),
                    None => {
                        let offset = logical.source_offset(value_at);
                        reject(
                            offset,
                            format!(
                                "unexpected {}\nexpecting {expected}",
                                self.unexpected_tokens(offset, *width)
                            ),
                        )
                    }
                };
            }
        }
        let Some(value) = raw.strip_prefix("--mount=") else {
            return Ok(());
        };
        self.check_mount(logical, range.0 + "--mount=".len(), value, range.1)
    }

    fn check_mount(
        &mut self,
        logical: &crate::lines::LogicalLine,
        value_at: usize,
        value: &str,
        flag_end: usize,
    ) -> Check {
        let mut names: Vec<&'static str> = Vec::new();
        let mut mount_type = "bind";
        let mut types = 0;
        let mut offset = value_at;
        for arg in value.split(',') {
            let (key, val) = match arg.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (arg, None),
            };
            let lower_key = key.to_ascii_lowercase();
            let name = match (lower_key.as_str(), val) {
                ("env", Some(_)) => "env",
                ("from", Some(_)) => "from",
                ("gid", Some(_)) => "gid",
                ("id", Some(_)) => "id",
                ("mode", Some(_)) => "mode",
                ("uid", Some(_)) => "uid",
                ("size", Some(_)) => "size",
                ("source" | "src", Some(_)) if key == lower_key => "source",
                ("target" | "dst" | "destination", Some(_)) if key == lower_key => "target",
                ("ro" | "rw" | "readonly" | "readwrite", _) => "ro",
                ("required", _) => "required",
                ("z", None) => "relabel",
                ("relabel", Some("shared" | "private")) => "relabel",
                ("sharing", Some(v)) => {
                    if !["private", "shared", "locked"].contains(&v) {
                        let at = logical.source_offset(offset + key.len() + 1);
                        let message = format!(
                            "unexpected {}\nexpecting \"locked\", \"private\", or \"shared\"",
                            self.unexpected_tokens(at, 7)
                        );
                        return reject(at, message);
                    }
                    "sharing"
                }
                ("type", Some(v)) => {
                    if !["bind", "cache", "tmpfs", "secret", "ssh"].contains(&v) {
                        let at = logical.source_offset(offset + key.len() + 1);
                        let message = format!(
                            "unexpected {}\nexpecting \"bind\", \"cache\", \"secret\", \"ssh\", or \"tmpfs\"",
                            self.unexpected_tokens(at, 6)
                        );
                        return reject(at, message);
                    }
                    mount_type = match v {
                        "cache" => "cache",
                        "tmpfs" => "tmpfs",
                        "secret" => "secret",
                        "ssh" => "ssh",
                        _ => "bind",
                    };
                    types += 1;
                    "type"
                }
                _ => {
                    let at = logical.source_offset(offset);
                    let message = format!(
                        "unexpected {}\nexpecting \"env=\", \"from=\", \"gid=\", \"id=\", \"mode=\", \"readonly\", \"readonly=\", \"readwrite\", \"readwrite=\", \"relabel=\", \"required\", \"required=False\", \"required=True\", \"required=false\", \"required=true\", \"ro\", \"ro=\", \"rw\", \"rw=\", \"sharing=\", \"size=\", \"type=\", \"uid=\", 'Z', 'z', source=, or target=",
                        self.unexpected_tokens(at, 14)
                    );
                    return reject(at, message);
                }
            };
            names.push(name);
            offset += arg.len() + 1;
        }
        let end = logical.source_end(flag_end);
        if types > 1 {
            return reject(end, "--mount with multiple `type` arguments");
        }
        let (allowed, required): (&[&str], &[&str]) = match mount_type {
            "cache" => (
                &[
                    "target", "sharing", "id", "ro", "from", "source", "mode", "uid", "gid",
                ],
                &["target"],
            ),
            "tmpfs" => (&["target", "size"], &["target"]),
            "secret" | "ssh" => (
                &[
                    "target", "id", "required", "source", "mode", "uid", "gid", "env",
                ],
                &[],
            ),
            _ => (&["target", "source", "from", "ro", "relabel"], &["target"]),
        };
        // language-docker validates right to left and stops at the first problem.
        let mut seen: Vec<&str> = Vec::new();
        let mut problem = None;
        for name in names.iter().rev().filter(|n| **n != "type") {
            if !allowed.contains(name) {
                problem = Some(format!(
                    "unexpected argument '{name}' for mount of type '{mount_type}'"
                ));
                break;
            }
            if seen.contains(name) {
                problem = Some(format!("duplicate argument for mount flag: {name}"));
                break;
            }
            seen.push(name);
        }
        let missing: Vec<String> = required
            .iter()
            .filter(|r| !seen.contains(r))
            .map(|r| format!("\"{r}\""))
            .collect();
        if !missing.is_empty() {
            return reject(
                end,
                format!(
                    "missing required argument(s) for mount flag: [{}]",
                    missing.join(",")
                ),
            );
        }
        match problem {
            Some(message) => reject(end, message),
            None => Ok(()),
        }
    }

    /// language-docker's `arguments`: heredoc, exec form, or shell text.
    /// The command after `RUN`'s flags or `HEALTHCHECK ... CMD`: at least
    /// one blank, then arguments.
    fn check_command_after(
        &mut self,
        instruction: &Instruction,
        after: usize,
        end: usize,
    ) -> Check<Extent> {
        let logical = &instruction.logical;
        let text = logical.text.as_str();
        if !matches!(text[after..].chars().next(), Some(' ' | '\t')) {
            return reject(logical.source_end(after), "missing whitespace");
        }
        let command_start =
            after + (text[after..].len() - text[after..].trim_start_matches([' ', '\t']).len());
        if command_start >= end {
            return reject(
                logical.source_end(text.len()),
                "expecting the shell arguments",
            );
        }
        self.check_arguments(instruction, command_start, end)
    }

    fn check_arguments(
        &mut self,
        instruction: &Instruction,
        start: usize,
        end: usize,
    ) -> Check<Extent> {
        let logical = &instruction.logical;
        let text = logical.text.as_str();
        let args = &text[start..end];
        if !args.starts_with("<<") {
            if let Some(close) = exec_prefix(args, self.esc) {
                let after = start + close;
                let rest = text[after..end].trim_start_matches([' ', '\t']);
                if !rest.is_empty() {
                    let offset = logical.source_offset(end - rest.len());
                    let message = format!(
                        "unexpected {}\nexpecting {}, a new line followed by the next instruction, or at least one space",
                        self.unexpected_char(offset),
                        self.esc_item()
                    );
                    return reject(offset, message);
                }
                return Ok(Extent::LogicalLine);
            }
        }
        let Some(found) = args.find("<<") else {
            return Ok(Extent::LogicalLine);
        };
        let marker_at = start + found;
        let Some(marker) = heredoc_marker(&text[marker_at + 2..]) else {
            return Ok(Extent::LogicalLine);
        };
        let line = self.line_of(logical.source_offset(marker_at));
        match self.find_terminator(&marker, line) {
            Some(terminator) => Ok(Extent::Heredoc(terminator)),
            None => Ok(Extent::LogicalLine),
        }
    }

    fn check_copy(
        &mut self,
        instruction: &Instruction,
        effective: &Instruction,
        keyword: &str,
        end: usize,
    ) -> Check<Extent> {
        let logical = &instruction.logical;
        let text = logical.text.as_str();
        let is_add = keyword == "ADD";
        let mut invalid: Option<(String, bool)> = None;
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for flag in &effective.flags {
            let raw = flag.raw.as_str();
            let Some(body) = raw.strip_prefix("--") else {
                break;
            };
            let (name, value) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (body, None),
            };
            let boolean = ["link", "parents", "keep-git-dir", "unpack"];
            let valued: &[&str] = if is_add {
                &["checksum", "chown", "chmod", "exclude"]
            } else {
                &["from", "chown", "chmod", "exclude"]
            };
            let known_boolean = boolean.contains(&name)
                && (is_add || matches!(name, "link" | "parents"))
                && (!is_add || name != "parents");
            let recognised = (known_boolean && matches!(value, None | Some("true" | "false")))
                || (valued.contains(&name) && value.is_some_and(|v| !v.is_empty()));
            if recognised {
                *counts.entry(leak_name(name)).or_default() += 1;
            } else if let Some(v) = value {
                if invalid.is_none() {
                    invalid = Some((format!("--{name}"), v.is_empty()));
                }
            } else {
                break; // not a flag for language-docker: read as a file
            }
        }
        let files_at = logical.source_offset(effective.args_range.start);
        if let Some((name, no_value)) = invalid {
            let message = if no_value {
                format!("unexpected flag {name} with no value")
            } else {
                format!("invalid flag: {name}")
            };
            return reject(files_at, message);
        }
        let duplicate_order: &[(&str, &str)] = if is_add {
            &[
                ("checksum", "--checksum"),
                ("chown", "--chown"),
                ("link", "--chmod"),
                ("chmod", "--link"),
                ("keep-git-dir", "--keep-git-dir"),
                ("unpack", "--unpack"),
            ]
        } else {
            &[
                ("chown", "--chown"),
                ("chmod", "--chmod"),
                ("link", "--link"),
                ("parents", "--parents"),
                ("from", "--from"),
            ]
        };
        for (name, shown) in duplicate_order {
            if counts.get(name).copied().unwrap_or(0) > 1 {
                return reject(files_at, format!("duplicate flag: {shown}"));
            }
        }
        let args_start = effective.args_range.start;
        let args = &text[args_start..end.max(args_start)];
        if !is_add && args.starts_with("<<") {
            // heredocList: markers, then a target path, then the last marker's body.
            let words = blank_words(text, args_start, end);
            let markers: Vec<&str> = words
                .iter()
                .map(|w| &text[w.0..w.1])
                .take_while(|w| w.starts_with("<<"))
                .collect();
            if markers.len() < words.len() {
                if let Some(name) = markers.last().and_then(|m| heredoc_marker(&m[2..])) {
                    let line = self.line_of(logical.source_offset(args_start));
                    let line = self.line_of(logical.source_end(end)).max(line);
                    if let Some(terminator) = self.find_terminator(&name, line) {
                        return Ok(Extent::Heredoc(terminator));
                    }
                }
            }
        }
        let count = match crate::json::parse_string_array(text, args_start..end) {
            Ok(items) if args.starts_with('[') => items.len(),
            _ => blank_words(text, args_start, end).len(),
        };
        if count == 1 {
            return reject(
                logical.source_end(text.len()),
                format!(
                    "unexpected end of line. At least two arguments are required for {keyword}"
                ),
            );
        }
        Ok(Extent::LogicalLine)
    }

    fn check_pairs(&mut self, instruction: &Instruction, start: usize, end: usize) -> Check {
        let logical = &instruction.logical;
        let text = logical.text.as_str();
        let mut pos = start;
        loop {
            // key: quoted strings and unquoted runs, up to '=' or a blank
            pos = self.single_value(logical, pos, end, true)?;
            if text[pos..].starts_with('=') {
                pos = self.single_value(logical, pos + 1, end, false)?;
            } else {
                if !matches!(text[pos..].chars().next(), Some(' ' | '\t')) {
                    return reject(logical.source_end(pos), "missing whitespace");
                }
                let value = text[pos..end].trim_start_matches([' ', '\t']);
                if value.is_empty() {
                    return reject(logical.source_end(text.len()), "expecting value");
                }
                return Ok(());
            }
            let rest = text[pos..end].trim_start_matches([' ', '\t']);
            if rest.is_empty() {
                return Ok(());
            }
            if pos == end - rest.len() {
                // no blank between pairs: language-docker stops the pairs here
                return Ok(());
            }
            pos = end - rest.len();
        }
    }

    /// Scans one key or value; returns the offset after it.
    fn single_value(
        &self,
        logical: &crate::lines::LogicalLine,
        mut pos: usize,
        end: usize,
        key: bool,
    ) -> Check<usize> {
        let text = logical.text.as_str();
        while pos < end {
            let c = text[pos..].chars().next().unwrap_or(' ');
            if c == '"' || c == '\'' {
                let mut i = pos + 1;
                let mut closed = false;
                while i < text.len() {
                    let d = text[i..].chars().next().unwrap_or(' ');
                    if d == self.esc {
                        i += d.len_utf8();
                        if let Some(e) = text[i..].chars().next() {
                            i += e.len_utf8();
                        }
                        continue;
                    }
                    if d == c {
                        closed = true;
                        i += 1;
                        break;
                    }
                    i += d.len_utf8();
                }
                if !closed {
                    let offset = logical.source_end(text.len());
                    let message = format!(
                        "unexpected {}\nexpecting '{c}' or {}",
                        self.unexpected_char(offset),
                        self.esc_item()
                    );
                    return reject(offset, message);
                }
                pos = i;
                continue;
            }
            if c == ' ' || c == '\t' || (key && c == '=') {
                break;
            }
            if c == self.esc {
                pos += c.len_utf8();
                if let Some(e) = text[pos..].chars().next() {
                    pos += e.len_utf8();
                }
                continue;
            }
            pos += c.len_utf8();
        }
        Ok(pos.min(end))
    }

    fn check_expose(&mut self, instruction: &Instruction, start: usize, end: usize) -> Check {
        let logical = &instruction.logical;
        let text = logical.text.as_str();
        for (word_start, word_end) in blank_words(text, start, end) {
            let word = &text[word_start..word_end];
            let first = word.chars().next().unwrap_or(' ');
            if first == '$' {
                continue;
            }
            if !first.is_ascii_digit() {
                let offset = logical.source_offset(word_start);
                let message = format!(
                    "unexpected {}\nexpecting {}, A port optionally followed by the protocol, A range of ports optionally followed by the protocol, a new line followed by the next instruction, or at least one space",
                    self.unexpected_char(offset),
                    self.esc_item()
                );
                return reject(offset, message);
            }
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &word[digits..];
            match rest.chars().next() {
                None | Some('-') => {}
                Some('/') => {
                    let protocol = &rest[1..];
                    let known = ["tcp", "udp"]
                        .iter()
                        .any(|p| protocol.get(..3).is_some_and(|w| w.eq_ignore_ascii_case(p)));
                    if !known {
                        return reject(
                            logical.source_offset(word_start + digits + 1),
                            "invalid protocol",
                        );
                    }
                }
                Some(c) => {
                    let offset = logical.source_offset(word_start + digits);
                    let message = format!(
                        "unexpected {}\nexpecting a new line followed by the next instruction or digit",
                        char_pretty(c)
                    );
                    return reject(offset, message);
                }
            }
        }
        Ok(())
    }

    fn check_healthcheck(
        &mut self,
        instruction: &Instruction,
        effective: &Instruction,
        start: usize,
        end: usize,
    ) -> Check<Extent> {
        let logical = &instruction.logical;
        let text = logical.text.as_str();
        let args = &text[start..end];
        if let Some(after_none) = args.strip_prefix("NONE") {
            let rest = after_none.trim_start_matches([' ', '\t']);
            if !rest.is_empty() && !rest.starts_with('#') {
                self.seen_item = true;
                return Err(self.unknown_instruction(logical.source_offset(end - rest.len())));
            }
            return Ok(Extent::LogicalLine);
        }
        let mut invalid: Option<(String, bool)> = None;
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut flag_end = start;
        for flag in &effective.flags {
            let Some(range) = find_in(text, &flag.raw, flag_end) else {
                break;
            };
            flag_end = range.1;
            let name = flag.name.as_str();
            let value = flag.value.as_deref().unwrap_or("");
            let value_at = range.0 + 2 + name.len() + 1;
            match name {
                "interval" | "timeout" | "start-period" | "start-interval"
                    if flag.value.is_some() =>
                {
                    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
                    let unit_ok = digits > 0
                        && matches!(value[digits..].chars().next(), Some('s' | 'm' | 'h'));
                    if digits > 0 && !unit_ok && !value[digits..].starts_with('.') {
                        let offset = logical.source_offset(value_at + digits);
                        let message = format!(
                            "unexpected {}\nexpecting digit or either 's', 'm' or 'h' as the unit",
                            self.unexpected_char(offset)
                        );
                        return reject(offset, message);
                    }
                    *counts.entry(leak_name(name)).or_default() += 1;
                }
                "retries" if flag.value.is_some() => {
                    if !value.starts_with(|c: char| c.is_ascii_digit()) {
                        let offset = logical.source_offset(value_at);
                        let message = format!(
                            "unexpected {}\nexpecting the number of retries",
                            self.unexpected_char(offset)
                        );
                        return reject(offset, message);
                    }
                    *counts.entry("retries").or_default() += 1;
                }
                _ if flag.value.is_some() => {
                    if invalid.is_none() {
                        invalid = Some((format!("--{name}"), value.is_empty()));
                    }
                }
                _ => break,
            }
        }
        let command_at = effective.args_range.start;
        if let Some((name, no_value)) = invalid {
            let message = if no_value {
                format!("unexpected flag {name} with no value")
            } else {
                format!("invalid flag: {name}")
            };
            return reject(logical.source_offset(command_at), message);
        }
        for name in [
            "interval",
            "timeout",
            "start-period",
            "start-interval",
            "retries",
        ] {
            if counts.get(name).copied().unwrap_or(0) > 1 {
                return reject(
                    logical.source_offset(command_at),
                    format!("duplicate flag: --{name}"),
                );
            }
        }
        let rest = &text[command_at.min(end)..end];
        if rest
            .get(..3)
            .is_some_and(|word| word.eq_ignore_ascii_case("CMD"))
        {
            let after = command_at + 3;
            return self.check_command_after(instruction, after, end);
        }
        if counts.is_empty() {
            let offset = logical.source_offset(start);
            let message = format!(
                "unexpected {}\nexpecting \"NONE\", {}, --interval, --retries, --start-interval, --start-period, --timeout, CMD, at least one space, or no flags",
                self.unexpected_tokens(offset, 4),
                self.esc_item()
            );
            return reject(offset, message);
        }
        Ok(Extent::LogicalLine)
    }
}

fn leak_name(name: &str) -> &'static str {
    const NAMES: [&str; 14] = [
        "checksum",
        "chown",
        "chmod",
        "link",
        "parents",
        "from",
        "exclude",
        "keep-git-dir",
        "unpack",
        "interval",
        "timeout",
        "start-period",
        "start-interval",
        "retries",
    ];
    NAMES
        .iter()
        .find(|n| **n == name)
        .copied()
        .unwrap_or("other")
}

/// The instruction (possibly nested in `ONBUILD`) whose keyword starts at `keyword_offset`.
fn nested(instruction: &Instruction, keyword_offset: usize) -> &Instruction {
    let mut current = instruction;
    while current.keyword_span.start != keyword_offset {
        match &current.args {
            Args::Onbuild(Some(inner)) => current = inner,
            _ => break,
        }
    }
    current
}

fn find_in(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    let at = from + text.get(from..)?.find(needle)?;
    Some((at, at + needle.len()))
}

fn match_keyword(text: &str) -> Option<&'static str> {
    KEYWORD_ORDER
        .iter()
        .find(|k| {
            text.len() >= k.len()
                && text.is_char_boundary(k.len())
                && text[..k.len()].eq_ignore_ascii_case(k)
        })
        .copied()
}

fn ends_with_escape(text: &str, esc: char) -> bool {
    text.trim_end_matches([' ', '\t']).ends_with(esc)
}

/// language-docker reads an image as `[domain.tld/]name[:tag][@digest]`
/// (`${...}` opaque), so a registry port without a dot in the host
/// (`localhost:5000/app:1`) leaves a second `:` after the tag, which it
/// rejects. Returns that colon's offset in `word`.
fn second_tag_colon(word: &str) -> Option<usize> {
    let find = |from: usize, want: &dyn Fn(char) -> bool| -> Option<usize> {
        let mut depth = 0usize;
        let mut prev_dollar = false;
        for (i, c) in word[from..].char_indices() {
            if c == '{' && prev_dollar {
                depth += 1;
            } else if c == '}' && depth > 0 {
                depth -= 1;
            } else if depth == 0 && want(c) {
                return Some(from + i);
            }
            prev_dollar = c == '$';
        }
        None
    };
    let mut name_start = 0;
    if let Some(dot) = find(0, &|c| c == '.') {
        if let Some(slash) = find(dot + 1, &|c| c == '/') {
            if dot > 0 && slash > dot + 1 {
                name_start = slash + 1;
            }
        }
    }
    let name_end = find(name_start, &|c| c == ':' || c == '@')?;
    if name_end == name_start || !word[name_end..].starts_with(':') {
        return None;
    }
    let tag_end = find(name_end + 1, &|c| c == ':' || c == '@')?;
    (tag_end > name_end + 1 && word[tag_end..].starts_with(':')).then_some(tag_end)
}

fn blank_words(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    crate::words::split_blank(text, start..end.max(start))
        .into_iter()
        .map(|r| (r.start, r.end))
        .collect()
}

/// If `args` starts with language-docker's exec form (`[` then double-quoted
/// strings separated by commas, then `]`), the offset just after the `]`.
fn exec_prefix(args: &str, esc: char) -> Option<usize> {
    let bytes = args.as_bytes();
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < bytes.len() && matches!(bytes[*i], b' ' | b'\t') {
            *i += 1;
        }
    };
    if bytes.first() != Some(&b'[') {
        return None;
    }
    i += 1;
    skip_ws(&mut i);
    if bytes.get(i) == Some(&b']') {
        return Some(i + 1);
    }
    loop {
        if bytes.get(i) != Some(&b'"') {
            return None;
        }
        i += 1;
        loop {
            let c = args[i..].chars().next()?;
            i += c.len_utf8();
            if c == esc {
                if let Some(next) = args[i..].chars().next() {
                    i += next.len_utf8();
                }
            } else if c == '"' {
                break;
            }
        }
        skip_ws(&mut i);
        match bytes.get(i) {
            Some(b',') => {
                i += 1;
                skip_ws(&mut i);
            }
            Some(b']') => return Some(i + 1),
            _ => return None,
        }
    }
}

/// The delimiter language-docker reads after `<<` (dashes skipped, a quoted
/// word unquoted, otherwise everything up to the next blank).
fn heredoc_marker(after: &str) -> Option<String> {
    let rest = after.trim_start_matches('-');
    let mut chars = rest.chars();
    match chars.next()? {
        quote @ ('"' | '\'') => {
            let mut name = String::new();
            let mut chars = rest[1..].chars();
            loop {
                match chars.next()? {
                    '\\' => name.push(chars.next()?),
                    c if c == quote => return Some(name),
                    c => name.push(c),
                }
            }
        }
        _ => {
            let end = rest.find([' ', '\t']).unwrap_or(rest.len());
            (end > 0).then(|| rest[..end].to_string())
        }
    }
}

/// Megaparsec's name for a character in error messages.
fn char_pretty(c: char) -> String {
    if c == ' ' {
        return "space".to_string();
    }
    match char_name(c) {
        Some(name) => name.to_string(),
        None => format!("'{c}'"),
    }
}

fn char_name(c: char) -> Option<&'static str> {
    const CONTROL: [&str; 32] = [
        "null",
        "start of heading",
        "start of text",
        "end of text",
        "end of transmission",
        "enquiry",
        "acknowledge",
        "bell",
        "backspace",
        "tab",
        "newline",
        "vertical tab",
        "form feed",
        "carriage return",
        "shift out",
        "shift in",
        "data link escape",
        "device control one",
        "device control two",
        "device control three",
        "device control four",
        "negative acknowledge",
        "synchronous idle",
        "end of transmission block",
        "cancel",
        "end of medium",
        "substitute",
        "escape",
        "file separator",
        "group separator",
        "record separator",
        "unit separator",
    ];
    match c {
        '\u{0}'..='\u{1f}' => Some(CONTROL[c as usize]),
        '\u{7f}' => Some("delete"),
        '\u{a0}' => Some("non-breaking space"),
        _ => None,
    }
}
