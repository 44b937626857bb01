//! Variable expansion as BuildKit's Dockerfile frontend does it (its shell
//! lexer, not a real shell): quotes, the escape character, `$name`,
//! `${name}` and the `${name:-word}` family. Besides the result it records
//! which names were found and which were not, in order of first use; the
//! checks that warn about undefined variables read those.

/// Variables visible to an expansion, in the order BuildKit lists them
/// (oldest assignment first; reassigning moves a name to the end).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Env {
    vars: Vec<(String, String)>,
}

impl Env {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn set(&mut self, name: &str, value: &str) {
        self.vars.retain(|(k, _)| k != name);
        self.vars.push((name.to_string(), value.to_string()));
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.vars.iter().map(|(k, _)| k.as_str())
    }
}

/// How to lex.
#[derive(Clone, Copy, Debug)]
pub struct Lexer {
    pub escape: char,
    /// Leave quotes alone (for here-document bodies).
    pub skip_quotes: bool,
}

/// What an expansion produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expansion {
    pub result: String,
    /// The result split into words (quotes and escapes keep spaces).
    pub words: Vec<String>,
    pub matched: Vec<String>,
    pub unmatched: Vec<String>,
    /// BuildKit would stop the build here (bad substitution, unset `${x?}`…).
    pub failed: bool,
}

struct Words {
    words: Vec<String>,
    buf: String,
    in_word: bool,
}

impl Words {
    fn add_char(&mut self, c: char) {
        if c.is_whitespace() {
            if self.in_word && !self.buf.is_empty() {
                self.words.push(std::mem::take(&mut self.buf));
                self.in_word = false;
            }
        } else {
            self.add_raw_char(c);
        }
    }

    fn add_raw_char(&mut self, c: char) {
        self.buf.push(c);
        self.in_word = true;
    }

    fn finish(mut self) -> Vec<String> {
        if !self.buf.is_empty() {
            self.words.push(self.buf);
        }
        self.words
    }
}

struct Scan<'a> {
    chars: Vec<char>,
    pos: usize,
    lexer: Lexer,
    env: &'a Env,
    matched: Vec<String>,
    unmatched: Vec<String>,
}

type Fail = ();

impl Scan<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn lookup(&mut self, name: &str) -> Option<String> {
        match self.env.get(name) {
            Some(v) => {
                if !self.matched.iter().any(|m| m == name) {
                    self.matched.push(name.to_string());
                }
                Some(v.to_string())
            }
            None => {
                if !self.unmatched.iter().any(|m| m == name) {
                    self.unmatched.push(name.to_string());
                }
                None
            }
        }
    }

    /// Reads up to `stop` (consumed) or the end.
    fn until(
        &mut self,
        stop: Option<char>,
        raw_escapes: bool,
    ) -> Result<(String, Vec<String>), Fail> {
        let mut result = String::new();
        let mut words = Words {
            words: Vec::new(),
            buf: String::new(),
            in_word: false,
        };
        while let Some(c) = self.peek() {
            if Some(c) == stop {
                self.next();
                return Ok((result, words.finish()));
            }
            let special = match c {
                '$' => Some(self.dollar()?),
                '<' => Some(self.possible_heredoc()),
                '\'' if !self.lexer.skip_quotes => Some(self.single_quote()?),
                '"' if !self.lexer.skip_quotes => Some(self.double_quote(raw_escapes)?),
                _ => None,
            };
            if let Some(text) = special {
                result.push_str(&text);
                if c == '$' {
                    text.chars().for_each(|ch| words.add_char(ch));
                } else {
                    words.buf.push_str(&text);
                    words.in_word = true;
                }
                continue;
            }
            let mut c = self.next().unwrap_or_default();
            if c == self.lexer.escape {
                if raw_escapes {
                    words.add_raw_char(c);
                    result.push(c);
                }
                match self.next() {
                    Some(escaped) => c = escaped,
                    None => break,
                }
                words.add_raw_char(c);
            } else {
                words.add_char(c);
            }
            result.push(c);
        }
        if stop.is_some() {
            return Err(());
        }
        Ok((result, words.finish()))
    }

    fn single_quote(&mut self) -> Result<String, Fail> {
        self.next();
        let mut out = String::new();
        loop {
            match self.next() {
                None => return Err(()),
                Some('\'') => return Ok(out),
                Some(c) => out.push(c),
            }
        }
    }

    fn double_quote(&mut self, raw_escapes: bool) -> Result<String, Fail> {
        self.next();
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(()),
                Some('"') => {
                    self.next();
                    return Ok(out);
                }
                Some('$') => {
                    let value = self.dollar()?;
                    out.push_str(&value);
                }
                Some(_) => {
                    let mut c = self.next().unwrap_or_default();
                    if c == self.lexer.escape {
                        if raw_escapes {
                            out.push(c);
                        }
                        match self.peek() {
                            None => continue,
                            Some(n) if n == '"' || n == '$' || n == self.lexer.escape => {
                                c = self.next().unwrap_or_default();
                            }
                            Some(_) => {}
                        }
                    }
                    out.push(c);
                }
            }
        }
    }

    fn possible_heredoc(&mut self) -> String {
        self.next();
        if self.peek() != Some('<') {
            return "<".to_string();
        }
        self.next();
        let mut out = "<<".to_string();
        while let Some(c) = self.peek().filter(|c| *c == ' ' || *c == '\t') {
            out.push(c);
            self.next();
        }
        out
    }

    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if name.is_empty() && c.is_numeric() {
                while let Some(d) = self.peek().filter(|d| d.is_numeric()) {
                    name.push(d);
                    self.next();
                }
                return name;
            }
            if name.is_empty() && matches!(c, '@' | '*' | '#' | '?' | '-' | '$' | '!' | '0') {
                self.next();
                return c.to_string();
            }
            if !(c.is_alphanumeric() || c == '_') {
                break;
            }
            name.push(c);
            self.next();
        }
        name
    }

    fn dollar(&mut self) -> Result<String, Fail> {
        self.next();
        if self.peek() != Some('{') {
            let name = self.name();
            if name.is_empty() {
                return Ok("$".to_string());
            }
            return Ok(self.lookup(&name).unwrap_or_default());
        }
        self.next();
        match self.peek() {
            None | Some('{' | '}' | ':') => return Err(()),
            _ => {}
        }
        let name = self.name();
        let mut modifier = self.next();
        let mut null_is_unset = false;
        match modifier {
            Some('}') => return Ok(self.lookup(&name).unwrap_or_default()),
            Some(':') => {
                null_is_unset = true;
                modifier = self.next();
            }
            Some('/') => return self.replace(&name),
            _ => {}
        }
        let Some(m @ ('+' | '-' | '?' | '#' | '%')) = modifier else {
            return Err(());
        };
        let raw = m == '#' || m == '%';
        if null_is_unset && raw {
            return Err(());
        }
        let (word, _) = self.until(Some('}'), raw)?;
        let value = self.lookup(&name);
        let empty = |v: &Option<String>| v.is_none() || (null_is_unset && v.as_deref() == Some(""));
        match m {
            '-' => Ok(if empty(&value) {
                word
            } else {
                value.unwrap_or_default()
            }),
            '+' => Ok(if empty(&value) { String::new() } else { word }),
            '?' => {
                if value.is_none() || (null_is_unset && value.as_deref() == Some("")) {
                    Err(())
                } else {
                    Ok(value.unwrap_or_default())
                }
            }
            _ => {
                let (greedy, pattern) = match word.strip_prefix(m) {
                    Some(rest) => (true, rest),
                    None => (false, word.as_str()),
                };
                let value = value.unwrap_or_default();
                Ok(if m == '#' {
                    trim_prefix(&value, pattern, greedy)
                } else {
                    trim_suffix(&value, pattern, greedy)
                })
            }
        }
    }

    fn replace(&mut self, name: &str) -> Result<String, Fail> {
        let all = self.peek() == Some('/');
        if all {
            self.next();
        }
        let (pattern, _) = self.until(Some('/'), true)?;
        let (replacement, _) = self.until(Some('}'), true)?;
        let value = self.lookup(name).unwrap_or_default();
        let pattern = glob(&pattern);
        let chars: Vec<char> = value.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let mut replaced = false;
        while i <= chars.len() {
            if !replaced || all {
                // Leftmost, longest match starting at `i`.
                if let Some(len) = (0..=chars.len() - i)
                    .rev()
                    .find(|&len| matches(&pattern, &chars[i..i + len]))
                {
                    out.push_str(&replacement);
                    replaced = true;
                    if len > 0 {
                        i += len;
                        continue;
                    }
                }
            }
            if i < chars.len() {
                out.push(chars[i]);
            }
            i += 1;
        }
        Ok(out)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Glob {
    Any,
    One,
    Char(char),
}

fn glob(pattern: &str) -> Vec<Glob> {
    let mut out = Vec::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(match c {
            '*' => Glob::Any,
            '?' => Glob::One,
            '\\' => match chars.next() {
                Some(n) => Glob::Char(n),
                None => Glob::Char('\\'),
            },
            c => Glob::Char(c),
        });
    }
    out
}

fn matches(pattern: &[Glob], text: &[char]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((Glob::Any, rest)) => (0..=text.len()).any(|i| matches(rest, &text[i..])),
        Some((Glob::One, rest)) => !text.is_empty() && matches(rest, &text[1..]),
        Some((Glob::Char(c), rest)) => text.first() == Some(c) && matches(rest, &text[1..]),
    }
}

fn trim_prefix(value: &str, pattern: &str, greedy: bool) -> String {
    let pattern = glob(pattern);
    let chars: Vec<char> = value.chars().collect();
    let mut lengths: Box<dyn Iterator<Item = usize>> = if greedy {
        Box::new((0..=chars.len()).rev())
    } else {
        Box::new(0..=chars.len())
    };
    match lengths.find(|&n| matches(&pattern, &chars[..n])) {
        Some(n) => chars[n..].iter().collect(),
        None => value.to_string(),
    }
}

fn trim_suffix(value: &str, pattern: &str, greedy: bool) -> String {
    let pattern = glob(pattern);
    let chars: Vec<char> = value.chars().collect();
    let mut starts: Box<dyn Iterator<Item = usize>> = if greedy {
        Box::new(0..=chars.len())
    } else {
        Box::new((0..=chars.len()).rev())
    };
    match starts.find(|&s| matches(&pattern, &chars[s..])) {
        Some(s) => chars[..s].iter().collect(),
        None => value.to_string(),
    }
}

/// Expands `word` against `env`.
pub fn expand(word: &str, env: &Env, lexer: Lexer) -> Expansion {
    let mut scan = Scan {
        chars: word.chars().collect(),
        pos: 0,
        lexer,
        env,
        matched: Vec::new(),
        unmatched: Vec::new(),
    };
    let outcome = scan.until(None, false);
    let failed = outcome.is_err();
    let (result, words) = outcome.unwrap_or_default();
    Expansion {
        result,
        words,
        matched: scan.matched,
        unmatched: scan.unmatched,
        failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEX: Lexer = Lexer {
        escape: '\\',
        skip_quotes: false,
    };

    fn env() -> Env {
        let mut env = Env::default();
        env.set("A", "apple");
        env.set("EMPTY", "");
        env.set("P", "/usr/local/bin");
        env
    }

    fn result(word: &str) -> String {
        expand(word, &env(), LEX).result
    }

    #[test]
    fn expands_names_and_quotes() {
        assert_eq!(result("$A/${A}"), "apple/apple");
        assert_eq!(result("'$A' \"$A\" \\$A"), "$A apple $A");
        assert_eq!(result("$"), "$");
        assert_eq!(result("$B-x"), "-x");
        assert_eq!(result("a<b<<c"), "a<b<<c");
    }

    #[test]
    fn modifiers() {
        assert_eq!(
            result("${B:-dflt} ${A:-dflt} ${EMPTY:-e} ${EMPTY-e}"),
            "dflt apple e "
        );
        assert_eq!(result("${A:+set} ${B+set}"), "set ");
        assert_eq!(
            result("${P#*/} ${P##*/} ${P%/*} ${P%%/*}"),
            "usr/local/bin bin /usr/local "
        );
        assert_eq!(result("${A/p/P} ${A//p/P}"), "aPple aPPle");
    }

    #[test]
    fn records_matches_in_order() {
        let e = expand("${X:-$A} $Y $X ${1}", &env(), LEX);
        assert_eq!(e.matched, ["A"]);
        assert_eq!(e.unmatched, ["X", "Y", "1"]);
        assert!(!e.failed);
    }

    #[test]
    fn failures() {
        for word in [
            "${}",
            "${:x}",
            "${A",
            "${B?}",
            "${EMPTY:?no}",
            "${A:#x}",
            "'open",
            "${A!}",
        ] {
            assert!(expand(word, &env(), LEX).failed, "{word}");
        }
    }

    #[test]
    fn words_split_outside_quotes() {
        let mut env = env();
        env.set("TWO", "80 443");
        let e = expand("$TWO \"a b\" c\\ d", &env, LEX);
        assert_eq!(e.words, ["80", "443", "a b", "c d"]);
    }
}
