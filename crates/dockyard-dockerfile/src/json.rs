//! The JSON ("exec") form: a JSON array of strings, parsed by hand the way
//! Docker's `json.Unmarshal` would accept it.

use std::ops::Range;

/// Why a text is not a JSON string array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonArrayError {
    /// Not JSON at all (Docker then treats the text as shell form).
    NotJson,
    /// Valid JSON array with a non-string element (Docker rejects the instruction).
    NotStringArray,
}

/// One decoded string of the array, with the range of its quoted token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct JsonString {
    pub value: String,
    pub range: Range<usize>,
}

const MAX_NESTING: usize = 64;

/// Parses `text[range]` as a JSON array of strings.
pub(crate) fn parse_string_array(
    text: &str,
    range: Range<usize>,
) -> Result<Vec<JsonString>, JsonArrayError> {
    let bytes = text.as_bytes();
    let mut p = Cursor {
        bytes,
        pos: range.start,
        end: range.end,
    };
    p.skip_ws();
    if p.peek() != Some(b'[') {
        return Err(JsonArrayError::NotJson);
    }
    p.pos += 1;
    let mut items = Vec::new();
    let mut non_string = false;
    p.skip_ws();
    if p.peek() == Some(b']') {
        p.pos += 1;
    } else {
        loop {
            p.skip_ws();
            let start = p.pos;
            if p.peek() == Some(b'"') {
                let value = p.string().ok_or(JsonArrayError::NotJson)?;
                items.push(JsonString {
                    value,
                    range: start..p.pos,
                });
            } else {
                p.value(0).ok_or(JsonArrayError::NotJson)?;
                non_string = true;
            }
            p.skip_ws();
            match p.peek() {
                Some(b',') => p.pos += 1,
                Some(b']') => {
                    p.pos += 1;
                    break;
                }
                _ => return Err(JsonArrayError::NotJson),
            }
        }
    }
    p.skip_ws();
    if p.pos != p.end {
        return Err(JsonArrayError::NotJson);
    }
    if non_string {
        return Err(JsonArrayError::NotStringArray);
    }
    Ok(items)
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    end: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        (self.pos < self.end).then(|| self.bytes[self.pos])
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    fn eat_literal(&mut self, literal: &[u8]) -> Option<()> {
        let end = self.pos + literal.len();
        if end <= self.end && &self.bytes[self.pos..end] == literal {
            self.pos = end;
            Some(())
        } else {
            None
        }
    }

    /// Skips any JSON value; `None` if malformed or nested too deeply.
    fn value(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_NESTING {
            return None;
        }
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b't' => self.eat_literal(b"true"),
            b'f' => self.eat_literal(b"false"),
            b'n' => self.eat_literal(b"null"),
            b'[' | b'{' => {
                let object = self.peek() == Some(b'{');
                let close = if object { b'}' } else { b']' };
                self.pos += 1;
                self.skip_ws();
                if self.peek() == Some(close) {
                    self.pos += 1;
                    return Some(());
                }
                loop {
                    self.skip_ws();
                    if object {
                        if self.peek() != Some(b'"') {
                            return None;
                        }
                        self.string()?;
                        self.skip_ws();
                        if self.peek() != Some(b':') {
                            return None;
                        }
                        self.pos += 1;
                        self.skip_ws();
                    }
                    self.value(depth + 1)?;
                    self.skip_ws();
                    match self.peek()? {
                        b',' => self.pos += 1,
                        c if c == close => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        Some(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.pos + 4;
        if end > self.end {
            return None;
        }
        let digits = std::str::from_utf8(&self.bytes[self.pos..end]).ok()?;
        let value = u32::from_str_radix(digits, 16).ok()?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos = end;
        Some(value)
    }

    /// Decodes a string token starting at `"`.
    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'"' => return Some(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let escaped = self.peek()?;
                    self.pos += 1;
                    let ch = match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return None,
                _ => out.push(b),
            }
        }
    }

    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            let save = self.pos;
            if self.eat_literal(b"\\u").is_some() {
                if let Some(second) = self.hex4() {
                    if (0xDC00..0xE000).contains(&second) {
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        return Some(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                }
            }
            self.pos = save;
            return Some('\u{fffd}');
        }
        Some(char::from_u32(first).unwrap_or('\u{fffd}'))
    }
}
