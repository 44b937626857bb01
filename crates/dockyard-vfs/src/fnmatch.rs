//! Shell pattern matching (`*`, `?`, `[...]`, backslash escapes) as dash does it, for `case`, globbing and ignore files.

/// Options for [`fnmatch_with`], named after `fnmatch(3)`'s flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MatchOptions {
    /// `FNM_PATHNAME`: `/` is matched only by a literal `/` in the pattern.
    pub pathname: bool,
    /// `FNM_PERIOD`: a leading `.` (of the name, or of a component with `pathname`)
    /// is matched only by a literal `.` in the pattern.
    pub period: bool,
}

/// Whether `name` matches the shell pattern `pattern`, as in a `case` statement:
/// `*` and `?` match any characters including `/` and a leading `.`.
///
/// Syntax, as dash 0.5.12 accepts it: `*` any string, `?` any one character,
/// `[abc]`, ranges `[a-z]`, classes `[[:alpha:]]`, negation `[!...]` (a `^` is an
/// ordinary character, as in dash), `]` first in a bracket is literal, a `[`
/// without its `]` is literal, and `\c` stands for `c` itself. Characters are
/// Unicode scalar values compared by code point (the C locale for ASCII).
/// Matching takes time proportional to pattern length times name length.
pub fn fnmatch(pattern: &str, name: &str) -> bool {
    fnmatch_with(pattern, name, MatchOptions::default())
}

/// [`fnmatch`] with `fnmatch(3)`-style options.
pub fn fnmatch_with(pattern: &str, name: &str, options: MatchOptions) -> bool {
    let tokens = Pattern::parse(pattern);
    tokens.matches_with(name, options)
}

/// Whether `pattern` contains an unescaped `*`, `?` or a complete `[...]`, i.e.
/// whether the shell would try pathname expansion on it.
pub fn has_glob_chars(pattern: &str) -> bool {
    Pattern::parse(pattern).has_wildcards()
}

/// Removes the backslashes that escape characters in a pattern (what the shell's
/// quote removal leaves of an unmatched glob word).
pub fn unescape(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(chars.next().unwrap_or('\\'));
        } else {
            out.push(c);
        }
    }
    out
}

/// A POSIX character class inside a bracket expression, with C-locale (ASCII) members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NamedClass {
    Alnum,
    Alpha,
    Blank,
    Cntrl,
    Digit,
    Graph,
    Lower,
    Print,
    Punct,
    Space,
    Upper,
    Xdigit,
    /// An unknown name, which matches nothing.
    Unknown,
}

impl NamedClass {
    fn from_name(name: &str) -> NamedClass {
        match name {
            "alnum" => NamedClass::Alnum,
            "alpha" => NamedClass::Alpha,
            "blank" => NamedClass::Blank,
            "cntrl" => NamedClass::Cntrl,
            "digit" => NamedClass::Digit,
            "graph" => NamedClass::Graph,
            "lower" => NamedClass::Lower,
            "print" => NamedClass::Print,
            "punct" => NamedClass::Punct,
            "space" => NamedClass::Space,
            "upper" => NamedClass::Upper,
            "xdigit" => NamedClass::Xdigit,
            _ => NamedClass::Unknown,
        }
    }

    fn contains(self, c: char) -> bool {
        match self {
            NamedClass::Alnum => c.is_ascii_alphanumeric(),
            NamedClass::Alpha => c.is_ascii_alphabetic(),
            NamedClass::Blank => c == ' ' || c == '\t',
            NamedClass::Cntrl => c.is_ascii_control(),
            NamedClass::Digit => c.is_ascii_digit(),
            NamedClass::Graph => c.is_ascii_graphic(),
            NamedClass::Lower => c.is_ascii_lowercase(),
            NamedClass::Print => c.is_ascii_graphic() || c == ' ',
            NamedClass::Punct => c.is_ascii_punctuation(),
            NamedClass::Space => c.is_ascii_whitespace() || c == '\x0b',
            NamedClass::Upper => c.is_ascii_uppercase(),
            NamedClass::Xdigit => c.is_ascii_hexdigit(),
            NamedClass::Unknown => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ClassItem {
    Char(char),
    Range(char, char),
    Named(NamedClass),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    /// A character matched literally (also an escaped one).
    Literal(char),
    /// `?`
    AnyChar,
    /// `*`
    Star,
    /// `[...]`
    Bracket {
        negated: bool,
        items: Vec<ClassItem>,
    },
}

/// A parsed shell pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern {
    tokens: Vec<Token>,
}

impl Pattern {
    pub(crate) fn parse(pattern: &str) -> Pattern {
        let chars: Vec<char> = pattern.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '\\' if i + 1 < chars.len() => {
                    tokens.push(Token::Literal(chars[i + 1]));
                    i += 2;
                }
                '*' => {
                    if tokens.last() != Some(&Token::Star) {
                        tokens.push(Token::Star);
                    }
                    i += 1;
                }
                '?' => {
                    tokens.push(Token::AnyChar);
                    i += 1;
                }
                '[' => match parse_bracket(&chars, i + 1) {
                    Some((token, next)) => {
                        tokens.push(token);
                        i = next;
                    }
                    None => {
                        tokens.push(Token::Literal('['));
                        i += 1;
                    }
                },
                c => {
                    tokens.push(Token::Literal(c));
                    i += 1;
                }
            }
        }
        Pattern { tokens }
    }

    pub(crate) fn has_wildcards(&self) -> bool {
        self.tokens.iter().any(|t| !matches!(t, Token::Literal(_)))
    }

    /// Whether the pattern begins with a literal `.` (so it may match hidden names).
    pub(crate) fn starts_with_dot(&self) -> bool {
        self.tokens.first() == Some(&Token::Literal('.'))
    }

    pub(crate) fn matches_with(&self, name: &str, options: MatchOptions) -> bool {
        let name: Vec<char> = name.chars().collect();
        if !options.pathname {
            return match_tokens(&self.tokens, &name, options.period);
        }
        let pattern_parts = self.tokens.split(|t| *t == Token::Literal('/'));
        let mut name_parts = name.split(|c| *c == '/');
        for tokens in pattern_parts {
            let Some(part) = name_parts.next() else {
                return false;
            };
            if !match_tokens(tokens, part, options.period) {
                return false;
            }
        }
        name_parts.next().is_none()
    }
}

/// Parses a bracket expression whose `[` is just before `start`; `None` if it has no `]`.
fn parse_bracket(chars: &[char], start: usize) -> Option<(Token, usize)> {
    let mut i = start;
    let negated = chars.get(i) == Some(&'!');
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    let first = i;
    loop {
        let c = *chars.get(i)?;
        if c == ']' && i > first {
            return Some((Token::Bracket { negated, items }, i + 1));
        }
        if c == '[' && chars.get(i + 1) == Some(&':') {
            if let Some(len) = chars[i + 2..].windows(2).position(|w| w == [':', ']']) {
                let name: String = chars[i + 2..i + 2 + len].iter().collect();
                items.push(ClassItem::Named(NamedClass::from_name(&name)));
                i += len + 4;
                continue;
            }
        }
        let (low, after_low) = if c == '\\' && i + 1 < chars.len() {
            (chars[i + 1], i + 2)
        } else {
            (c, i + 1)
        };
        if chars.get(after_low) == Some(&'-') && chars.get(after_low + 1).is_some_and(|c| *c != ']')
        {
            let (high, after_high) = if chars[after_low + 1] == '\\' && after_low + 2 < chars.len()
            {
                (chars[after_low + 2], after_low + 3)
            } else {
                (chars[after_low + 1], after_low + 2)
            };
            items.push(ClassItem::Range(low, high));
            i = after_high;
        } else {
            items.push(ClassItem::Char(low));
            i = after_low;
        }
    }
}

fn token_matches(token: &Token, c: char) -> bool {
    match token {
        Token::Literal(l) => *l == c,
        Token::AnyChar | Token::Star => true,
        Token::Bracket { negated, items } => {
            let found = items.iter().any(|item| match item {
                ClassItem::Char(x) => *x == c,
                ClassItem::Range(low, high) => *low <= c && c <= *high,
                ClassItem::Named(class) => class.contains(c),
            });
            found != *negated
        }
    }
}

/// Matches tokens against a whole name with one backtracking point (the latest `*`),
/// which is exact for shell patterns and runs in O(tokens × name).
fn match_tokens(tokens: &[Token], name: &[char], period: bool) -> bool {
    if period && name.first() == Some(&'.') && tokens.first() != Some(&Token::Literal('.')) {
        return false;
    }
    let (mut t, mut n) = (0, 0);
    let mut resume: Option<(usize, usize)> = None;
    loop {
        if let Some(token) = tokens.get(t) {
            if *token == Token::Star {
                resume = Some((t + 1, n));
                t += 1;
                continue;
            }
            if let Some(&c) = name.get(n) {
                if token_matches(token, c) {
                    t += 1;
                    n += 1;
                    continue;
                }
            }
        } else if n == name.len() {
            return true;
        }
        match resume {
            Some((after_star, from)) if from < name.len() => {
                resume = Some((after_star, from + 1));
                t = after_star;
                n = from + 1;
            }
            _ => return false,
        }
    }
}
