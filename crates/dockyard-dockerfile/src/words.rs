//! Word splitting the way BuildKit does it: builder flags, whitespace lists,
//! quote-aware words for ENV/LABEL/ARG, and shell-style unquoting.

use std::ops::Range;

/// BuildKit's `reWhitespace`: `[\t\v\f\r ]`.
pub(crate) fn is_docker_blank(c: char) -> bool {
    matches!(c, '\t' | '\u{b}' | '\u{c}' | '\r' | ' ')
}

/// A `--flag[=value]` word found before the arguments, with quotes and
/// backslash escapes already processed in `word`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawFlag {
    pub range: Range<usize>,
    pub word: String,
}

/// Extracts leading `--flags` from `text[from..]` like BuildKit's
/// `extractBuilderFlags`. Returns the flags and the offset where the
/// arguments begin (`text.len()` if there are none).
pub(crate) fn extract_flags(text: &str, from: usize) -> (Vec<RawFlag>, usize) {
    let bytes = text.as_bytes();
    let mut flags = Vec::new();
    let mut pos = from;
    loop {
        while pos < bytes.len() && (bytes[pos] as char).is_ascii_whitespace() {
            pos += 1;
        }
        if pos >= bytes.len() {
            return (flags, text.len());
        }
        if !text[pos..].starts_with("--") {
            return (flags, pos);
        }
        let start = pos;
        let mut word = String::new();
        let mut blank_ok = false;
        let mut quote: Option<char> = None;
        let mut chars = text[pos..].char_indices().peekable();
        let mut end = text.len();
        while let Some((i, ch)) = chars.next() {
            match quote {
                None => {
                    if ch.is_whitespace() {
                        end = pos + i;
                        break;
                    }
                    if ch == '\'' || ch == '"' {
                        quote = Some(ch);
                        blank_ok = true;
                        continue;
                    }
                    if ch == '\\' {
                        match chars.next() {
                            Some((_, escaped)) => word.push(escaped),
                            None => continue,
                        }
                        continue;
                    }
                    word.push(ch);
                }
                Some(q) => {
                    if ch == q {
                        quote = None;
                        continue;
                    }
                    if ch == '\\' {
                        match chars.next() {
                            Some((_, escaped)) => word.push(escaped),
                            None => quote = None,
                        }
                        continue;
                    }
                    word.push(ch);
                }
            }
        }
        pos = end;
        if word == "--" {
            // A bare `--` ends the flags and is dropped.
            let mut rest = pos;
            while rest < bytes.len() && (bytes[rest] as char).is_ascii_whitespace() {
                rest += 1;
            }
            return (
                flags,
                if rest >= bytes.len() {
                    text.len()
                } else {
                    rest
                },
            );
        }
        if blank_ok || !word.is_empty() {
            flags.push(RawFlag {
                range: start..end,
                word,
            });
        }
    }
}

/// Splits on BuildKit's blank characters, with no quote handling
/// (`parseStringsWhitespaceDelimited`).
pub(crate) fn split_blank(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, ch) in text[range.clone()].char_indices() {
        let at = range.start + i;
        if is_docker_blank(ch) {
            if let Some(s) = start.take() {
                words.push(s..at);
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        words.push(s..range.end);
    }
    words
}

/// Splits into words on whitespace outside quotes, keeping quotes and escapes
/// in the words (BuildKit's `parseWords`, used by ENV, LABEL and ARG).
pub(crate) fn split_quoted_words(
    text: &str,
    range: Range<usize>,
    escape: char,
) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut quote: Option<char> = None;
    let mut chars = text[range.clone()].char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let at = range.start + i;
        match (start, quote) {
            (None, _) => {
                if ch.is_whitespace() {
                    continue;
                }
                start = Some(at);
                if ch == '\'' || ch == '"' {
                    quote = Some(ch);
                } else if ch == escape {
                    chars.next();
                }
            }
            (Some(s), None) => {
                if ch.is_whitespace() {
                    words.push(s..at);
                    start = None;
                } else if ch == '\'' || ch == '"' {
                    quote = Some(ch);
                } else if ch == escape {
                    chars.next();
                }
            }
            (Some(_), Some(q)) => {
                if ch == q {
                    quote = None;
                } else if ch == escape && q != '\'' {
                    chars.next();
                }
            }
        }
    }
    if let Some(s) = start {
        words.push(s..range.end);
    }
    words
}

/// Removes quotes and escapes like BuildKit's shell lexer does, without
/// expanding variables: `'...'` is literal, inside `"..."` the escape
/// character only escapes `"`, `$` and itself, elsewhere it escapes anything.
pub fn unquote(raw: &str, escape: char) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == escape {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else if ch == '\'' {
            for inner in chars.by_ref() {
                if inner == '\'' {
                    break;
                }
                out.push(inner);
            }
        } else if ch == '"' {
            while let Some(inner) = chars.next() {
                if inner == '"' {
                    break;
                }
                if inner == escape {
                    match chars.peek() {
                        Some(&next) if next == '"' || next == '$' || next == escape => {
                            out.push(next);
                            chars.next();
                        }
                        Some(_) => out.push(inner),
                        None => {}
                    }
                    continue;
                }
                out.push(inner);
            }
        } else {
            out.push(ch);
        }
    }
    out
}
