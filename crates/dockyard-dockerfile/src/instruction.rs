//! Parses one logical line into an instruction: keyword, flags and the typed
//! arguments, following BuildKit's per-instruction rules.

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::image::parse_image_ref;
use crate::json::{parse_string_array, JsonArrayError};
use crate::lines::LogicalLine;
use crate::span::{LineIndex, Span};
use crate::syntax::*;
use crate::words::{extract_flags, is_docker_blank, split_blank, split_quoted_words, unquote};
use std::ops::Range;

/// How deep `ONBUILD ONBUILD ...` may nest before we stop parsing.
pub const MAX_ONBUILD_DEPTH: usize = 8;

pub(crate) struct InstructionParser<'a> {
    pub escape: char,
    pub line_index: &'a LineIndex,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

/// The logical-line part of an instruction (no physical layout yet).
pub(crate) struct ParsedLine {
    pub keyword: Keyword,
    pub keyword_text: String,
    pub keyword_span: Span,
    pub flags: Vec<Flag>,
    pub args: Args,
    pub args_range: Range<usize>,
}

impl InstructionParser<'_> {
    fn docker_error(&mut self, span: Span, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            kind: DiagnosticKind::DockerError,
            line: 0,
            column: 0,
            span,
            message: message.into(),
        });
    }

    fn word(&self, logical: &LogicalLine, range: Range<usize>) -> Word {
        Word {
            text: logical.text[range.clone()].to_string(),
            span: logical.source_span(range.clone()),
            logical: range,
        }
    }

    /// Parses the instruction starting at logical offset `start`.
    pub fn parse_line(&mut self, logical: &LogicalLine, start: usize, depth: usize) -> ParsedLine {
        let text = logical.text.as_str();
        let start = start + (text[start..].len() - text[start..].trim_start().len());
        let end = text.trim_end().len().max(start);
        let keyword_end = text[start..end]
            .find(is_docker_blank)
            .map_or(end, |i| start + i);
        let keyword_text = text[start..keyword_end].to_string();
        let keyword = Keyword::parse(&keyword_text);
        let keyword_span = logical.source_span(start..keyword_end);
        let (raw_flags, args_start) = extract_flags(&text[..end], keyword_end);
        let args_range = args_start.min(end)..end;
        let flags: Vec<Flag> = raw_flags
            .into_iter()
            .map(|raw| {
                make_flag(
                    raw.word,
                    logical.source_span(raw.range.clone()),
                    &text[raw.range],
                )
            })
            .collect();
        self.check_flags(&keyword, &flags);
        let mut args = self.parse_args(&keyword, logical, args_range.clone(), keyword_span, depth);
        if let Args::From(from) = &mut args {
            from.platform = flags
                .iter()
                .find(|f| f.name == "platform")
                .and_then(|f| f.value.clone());
        }
        ParsedLine {
            keyword,
            keyword_text,
            keyword_span,
            flags,
            args,
            args_range,
        }
    }

    fn check_flags(&mut self, keyword: &Keyword, flags: &[Flag]) {
        let allowed: &[&str] = match keyword {
            Keyword::From => &["platform"],
            Keyword::Run => &["mount", "network", "security", "device"],
            Keyword::Copy => &["from", "chown", "chmod", "link", "parents", "exclude"],
            Keyword::Add => &[
                "checksum",
                "chown",
                "chmod",
                "link",
                "keep-git-dir",
                "exclude",
                "unpack",
            ],
            Keyword::Healthcheck => &[
                "interval",
                "timeout",
                "start-period",
                "start-interval",
                "retries",
            ],
            Keyword::Unknown(_) => return,
            _ => &[],
        };
        // BuildKit names flags with their dashes; only its list-valued
        // flags (`--mount`, `--exclude`) may be given more than once.
        let mut seen: Vec<&str> = Vec::new();
        for flag in flags {
            if !allowed.contains(&flag.name.as_str()) {
                self.docker_error(flag.span, format!("unknown flag: --{}", flag.name));
            } else if seen.contains(&flag.name.as_str())
                && !matches!(flag.name.as_str(), "mount" | "exclude")
            {
                self.docker_error(
                    flag.span,
                    format!("duplicate flag specified: --{}", flag.name),
                );
            }
            seen.push(&flag.name);
        }
    }

    fn parse_args(
        &mut self,
        keyword: &Keyword,
        logical: &LogicalLine,
        range: Range<usize>,
        keyword_span: Span,
        depth: usize,
    ) -> Args {
        let name = keyword.as_str().to_string();
        let empty = range.is_empty();
        if empty
            && !matches!(
                keyword,
                Keyword::Unknown(_) | Keyword::Cmd | Keyword::Entrypoint
            )
        {
            let message = match keyword {
                Keyword::Copy | Keyword::Add => format!("{name} requires at least two arguments"),
                Keyword::From => "FROM requires either one or three arguments".to_string(),
                _ => format!("{name} requires at least one argument"),
            };
            self.docker_error(keyword_span, message);
        }
        match keyword {
            Keyword::From => Args::From(self.parse_from(logical, range)),
            Keyword::Run => Args::Run(self.parse_command(logical, range)),
            Keyword::Cmd => Args::Cmd(self.parse_command(logical, range)),
            Keyword::Entrypoint => Args::Entrypoint(self.parse_command(logical, range)),
            Keyword::Shell => {
                let command = self.parse_command(logical, range.clone());
                if let Some(Command::Shell(shell)) = &command {
                    self.docker_error(
                        shell.span,
                        "SHELL requires the arguments to be in JSON form",
                    );
                }
                Args::Shell(command)
            }
            Keyword::Label => Args::Label(self.parse_key_values(logical, range, "LABEL")),
            Keyword::Env => Args::Env(self.parse_key_values(logical, range, "ENV")),
            Keyword::Arg => Args::Arg(self.parse_arg(logical, range)),
            Keyword::Expose => Args::Expose(
                split_blank(&logical.text, range)
                    .into_iter()
                    .map(|r| parse_port(self.word(logical, r)))
                    .collect(),
            ),
            Keyword::Copy | Keyword::Add => {
                let (words, json_form) = self.parse_list(logical, range);
                let mut sources = words;
                let dest = if sources.len() >= 2 {
                    sources.pop()
                } else {
                    None
                };
                if dest.is_none() && !empty {
                    self.docker_error(
                        keyword_span,
                        format!("{name} requires at least two arguments"),
                    );
                }
                let copy = CopyArgs {
                    sources,
                    dest,
                    json_form,
                };
                if *keyword == Keyword::Copy {
                    Args::Copy(copy)
                } else {
                    Args::Add(copy)
                }
            }
            Keyword::Volume => {
                let (paths, json_form) = self.parse_list(logical, range);
                Args::Volume(Volume { paths, json_form })
            }
            Keyword::Workdir => Args::Workdir((!empty).then(|| self.word(logical, range))),
            Keyword::Stopsignal => Args::Stopsignal((!empty).then(|| self.word(logical, range))),
            Keyword::Maintainer => Args::Maintainer((!empty).then(|| self.word(logical, range))),
            Keyword::User => Args::User((!empty).then(|| {
                let word = self.word(logical, range);
                let (user, group) = match word.text.split_once(':') {
                    Some((u, g)) => (u.to_string(), Some(g.to_string())),
                    None => (word.text.clone(), None),
                };
                User { word, user, group }
            })),
            Keyword::Healthcheck => Args::Healthcheck(self.parse_healthcheck(logical, range)),
            Keyword::Onbuild => {
                Args::Onbuild(self.parse_onbuild(logical, range, keyword_span, depth))
            }
            Keyword::Unknown(word) => {
                let message = format!("unknown instruction: {word}");
                self.docker_error(keyword_span, message);
                Args::Unknown
            }
        }
    }

    fn parse_onbuild(
        &mut self,
        logical: &LogicalLine,
        range: Range<usize>,
        keyword_span: Span,
        depth: usize,
    ) -> Option<Box<Instruction>> {
        if range.is_empty() {
            return None;
        }
        if depth + 1 > MAX_ONBUILD_DEPTH {
            self.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::LimitExceeded,
                line: 0,
                column: 0,
                span: keyword_span,
                message: format!(
                    "ONBUILD nested more than {MAX_ONBUILD_DEPTH} levels; not parsed further"
                ),
            });
            return None;
        }
        let inner = self.parse_line(logical, range.start, depth + 1);
        match inner.keyword {
            Keyword::Onbuild => self.docker_error(
                inner.keyword_span,
                "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
            ),
            Keyword::From | Keyword::Maintainer => {
                let message = format!(
                    "{} isn't allowed as an ONBUILD trigger",
                    inner.keyword.as_str()
                );
                self.docker_error(inner.keyword_span, message)
            }
            _ => {}
        }
        let end = logical.source_end(range.end);
        Some(Box::new(Instruction {
            keyword: inner.keyword,
            keyword_text: inner.keyword_text,
            keyword_span: inner.keyword_span,
            span: Span::new(inner.keyword_span.start, end),
            start_line: self.line_index.line(inner.keyword_span.start),
            end_line: self.line_index.line(end),
            flags: inner.flags,
            args: inner.args,
            heredocs: Vec::new(),
            logical: logical.clone(),
            args_range: inner.args_range,
            parts: Vec::new(),
            stage: None,
            empty_continuation_lines: Vec::new(),
        }))
    }

    fn parse_from(&mut self, logical: &LogicalLine, range: Range<usize>) -> From {
        let words = split_blank(&logical.text, range.clone());
        let image = words.first().map(|r| {
            let word = self.word(logical, r.clone());
            parse_image_ref(&word.text, word.span)
        });
        let mut as_keyword = None;
        let mut alias = None;
        match words.len() {
            0 | 1 => {}
            3 if logical.text[words[1].clone()].eq_ignore_ascii_case("as") => {
                as_keyword = Some(self.word(logical, words[1].clone()));
                let name = self.word(logical, words[2].clone());
                if !valid_stage_name(&name.text) {
                    self.docker_error(
                        name.span,
                        format!(
                            "invalid name for build stage: {:?}, name can't start with a number or contain symbols",
                            name.text
                        ),
                    );
                }
                alias = Some(name);
            }
            _ => self.docker_error(
                logical.source_span(range),
                "FROM requires either one or three arguments",
            ),
        }
        From {
            image,
            as_keyword,
            alias,
            platform: None,
        }
    }

    fn parse_command(&mut self, logical: &LogicalLine, range: Range<usize>) -> Option<Command> {
        if range.is_empty() {
            return None;
        }
        match parse_string_array(&logical.text, range.clone()) {
            Ok(items) => Some(Command::Exec(ExecForm {
                args: items
                    .into_iter()
                    .map(|item| JsonArg {
                        value: item.value,
                        span: logical.source_span(item.range),
                    })
                    .collect(),
                span: logical.source_span(range),
            })),
            Err(error) => {
                if error == JsonArrayError::NotStringArray {
                    self.docker_error(
                        logical.source_span(range.clone()),
                        "when using JSON array syntax, arrays must be comprised of strings only",
                    );
                }
                Some(Command::Shell(ShellForm {
                    text: logical.text[range.clone()].to_string(),
                    span: logical.source_span(range.clone()),
                    logical: range,
                }))
            }
        }
    }

    /// JSON array or a blank-separated list (COPY, ADD, VOLUME).
    fn parse_list(&mut self, logical: &LogicalLine, range: Range<usize>) -> (Vec<Word>, bool) {
        match parse_string_array(&logical.text, range.clone()) {
            Ok(items) => (
                items
                    .into_iter()
                    .map(|item| Word {
                        text: item.value,
                        span: logical.source_span(item.range.clone()),
                        logical: item.range,
                    })
                    .collect(),
                true,
            ),
            Err(error) => {
                if error == JsonArrayError::NotStringArray {
                    self.docker_error(
                        logical.source_span(range.clone()),
                        "when using JSON array syntax, arrays must be comprised of strings only",
                    );
                }
                let words = split_blank(&logical.text, range)
                    .into_iter()
                    .map(|r| self.word(logical, r))
                    .collect();
                (words, false)
            }
        }
    }

    fn parse_key_values(
        &mut self,
        logical: &LogicalLine,
        range: Range<usize>,
        name: &str,
    ) -> KeyValues {
        let text = logical.text.as_str();
        let words = split_quoted_words(text, range.clone(), self.escape);
        let Some(first) = words.first() else {
            return KeyValues::default();
        };
        if !text[first.clone()].contains('=') {
            // Legacy `KEY name value`: the value is the rest of the line.
            let key_end = text[range.clone()]
                .find(is_docker_blank)
                .map_or(range.end, |i| range.start + i);
            let value_start = key_end
                + (text[key_end..range.end].len()
                    - text[key_end..range.end]
                        .trim_start_matches(is_docker_blank)
                        .len());
            if value_start >= range.end {
                self.docker_error(
                    logical.source_span(range),
                    format!("{name} must have two arguments"),
                );
                return KeyValues {
                    pairs: Vec::new(),
                    legacy_form: true,
                };
            }
            let raw_key = text[range.start..key_end].to_string();
            let raw_value = text[value_start..range.end].to_string();
            return KeyValues {
                pairs: vec![KeyValue {
                    key: unquote(&raw_key, self.escape),
                    value: unquote(&raw_value, self.escape),
                    raw_key,
                    raw_value,
                    span: logical.source_span(range.start..range.end),
                    key_span: logical.source_span(range.start..key_end),
                }],
                legacy_form: true,
            };
        }
        let mut pairs = Vec::new();
        for word in words {
            let raw = &text[word.clone()];
            let Some(eq) = raw.find('=') else {
                self.docker_error(
                    logical.source_span(word.clone()),
                    format!(
                        "Syntax error - can't find = in {raw:?}. Must be of the form: name=value"
                    ),
                );
                continue;
            };
            let raw_key = raw[..eq].to_string();
            let raw_value = raw[eq + 1..].to_string();
            let key = unquote(&raw_key, self.escape);
            if key.is_empty() {
                self.docker_error(
                    logical.source_span(word.clone()),
                    format!("{name} names can not be blank"),
                );
            }
            pairs.push(KeyValue {
                key,
                value: unquote(&raw_value, self.escape),
                raw_key,
                raw_value,
                span: logical.source_span(word.clone()),
                key_span: logical.source_span(word.start..word.start + eq),
            });
        }
        KeyValues {
            pairs,
            legacy_form: false,
        }
    }

    fn parse_arg(&mut self, logical: &LogicalLine, range: Range<usize>) -> Vec<ArgDecl> {
        split_quoted_words(&logical.text, range, self.escape)
            .into_iter()
            .map(|r| {
                let raw = logical.text[r.clone()].to_string();
                let (name, default) = match raw.split_once('=') {
                    Some((n, d)) => (unquote(n, self.escape), Some(unquote(d, self.escape))),
                    None => (unquote(&raw, self.escape), None),
                };
                let span = logical.source_span(r);
                if name.is_empty() {
                    self.docker_error(span, "ARG names can not be blank");
                }
                ArgDecl {
                    name,
                    default,
                    raw,
                    span,
                }
            })
            .collect()
    }

    fn parse_healthcheck(&mut self, logical: &LogicalLine, range: Range<usize>) -> Healthcheck {
        let text = logical.text.as_str();
        let kind_end = text[range.clone()]
            .find(char::is_whitespace)
            .map_or(range.end, |i| range.start + i);
        if kind_end == range.start {
            return Healthcheck {
                kind: HealthcheckKind::Invalid,
                kind_word: None,
                command: None,
            };
        }
        let kind_word = self.word(logical, range.start..kind_end);
        let rest_start = kind_end
            + (text[kind_end..range.end].len() - text[kind_end..range.end].trim_start().len());
        let rest = rest_start..range.end;
        let kind = match kind_word.text.to_ascii_uppercase().as_str() {
            "NONE" => {
                if !rest.is_empty() {
                    self.docker_error(
                        logical.source_span(rest.clone()),
                        "HEALTHCHECK NONE takes no arguments",
                    );
                }
                HealthcheckKind::None
            }
            "CMD" => {
                if rest.is_empty() {
                    self.docker_error(kind_word.span, "Missing command after HEALTHCHECK CMD");
                }
                HealthcheckKind::Cmd
            }
            _ => {
                self.docker_error(
                    kind_word.span,
                    format!(
                        "Unknown type {:?} in HEALTHCHECK (try CMD)",
                        kind_word.text.to_ascii_uppercase()
                    ),
                );
                HealthcheckKind::Invalid
            }
        };
        let command = match kind {
            HealthcheckKind::Cmd => self.parse_command(logical, rest),
            _ => None,
        };
        Healthcheck {
            kind,
            kind_word: Some(kind_word),
            command,
        }
    }
}

/// BuildKit's stage-name rule: `^[a-z][a-z0-9-_.]*$` after lower-casing.
fn valid_stage_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let mut chars = lower.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_' | '.'))
}

fn make_flag(word: String, span: Span, raw: &str) -> Flag {
    let body = word.strip_prefix("--").unwrap_or(&word);
    let (name, value) = match body.split_once('=') {
        Some((n, v)) => (n.to_string(), Some(v.to_string())),
        None => (body.to_string(), None),
    };
    let mount = (name == "mount").then(|| parse_mount(value.as_deref().unwrap_or("")));
    Flag {
        name,
        value,
        raw: raw.to_string(),
        span,
        mount,
    }
}

/// Splits a `--mount` value into `key[=value]` fields (CSV: `"..."` may quote a field).
pub(crate) fn parse_mount(value: &str) -> Mount {
    let mut options = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = value.chars().peekable();
    let mut push = |field: &mut String| {
        if !field.is_empty() {
            let option = match field.split_once('=') {
                Some((k, v)) => MountOption {
                    key: k.trim().to_ascii_lowercase(),
                    value: Some(v.to_string()),
                },
                None => MountOption {
                    key: field.trim().to_ascii_lowercase(),
                    value: None,
                },
            };
            options.push(option);
        }
        field.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if in_quotes && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => push(&mut field),
            _ => field.push(c),
        }
    }
    push(&mut field);
    Mount { options }
}

fn parse_port(word: Word) -> Port {
    let raw = word.text.clone();
    let has_variable = raw.contains('$');
    let (ports, protocol) = match raw.rsplit_once('/') {
        Some((p, proto)) if !has_variable || !proto.contains('}') => (p, Some(proto.to_string())),
        _ => (raw.as_str(), None),
    };
    let (first, second) = match ports.split_once('-') {
        Some((a, b)) if !has_variable => (a, Some(b)),
        _ => (ports, None),
    };
    let number_of = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| {
            s.bytes().fold(0u64, |n, b| {
                n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
            })
        })
    };
    Port {
        number: number_of(first),
        range_end: second.and_then(number_of),
        protocol,
        has_variable,
        span: word.span,
        raw,
    }
}
