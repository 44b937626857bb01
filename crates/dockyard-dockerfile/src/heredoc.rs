//! Finds heredoc markers (`<<EOF`, `<<-"EOF"`, `3<<EOF`) on an instruction line
//! the way BuildKit does: by shell-splitting the line into words.

use crate::words::unquote;
use std::ops::Range;

/// A heredoc marker word found on the logical line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    pub range: Range<usize>,
    pub name: String,
    pub quoted: bool,
    pub chomp: bool,
    pub fd: Option<u32>,
}

/// Every word of `text` that matches `^(\d*)<<(-?)([^<]+)$`, in order.
/// Words are split on whitespace outside quotes; `\` escapes the next char.
pub(crate) fn find_markers(text: &str) -> Vec<Marker> {
    if !text.contains("<<") {
        return Vec::new();
    }
    shell_words(text)
        .into_iter()
        .filter_map(|range| marker(&text[range.clone()], range))
        .collect()
}

fn marker(word: &str, range: Range<usize>) -> Option<Marker> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let rest = word[digits..].strip_prefix("<<")?;
    let (chomp, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if rest.is_empty() || rest.contains('<') {
        return None;
    }
    let name = unquote(rest, '\\');
    if name.is_empty() {
        return None;
    }
    let fd = if digits > 0 {
        word[..digits].parse().ok()
    } else {
        None
    };
    Some(Marker {
        range,
        quoted: name != rest,
        name,
        chomp,
        fd,
    })
}

fn shell_words(text: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut quote: Option<char> = None;
    let mut chars = text.char_indices();
    while let Some((i, ch)) = chars.next() {
        if let Some(q) = quote {
            if ch == q {
                quote = None;
            } else if ch == '\\' && q == '"' {
                chars.next();
            }
            continue;
        }
        if ch.is_whitespace() {
            if let Some(s) = start.take() {
                words.push(s..i);
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        match ch {
            '\'' | '"' => quote = Some(ch),
            '\\' => {
                chars.next();
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..text.len());
    }
    words
}
