//! POSIX regular expressions for `grep` and `sed`, written here (no dependency): basic
//! (BRE, with GNU's `\+ \? \|`) and extended (ERE) syntax, bracket expressions with
//! classes, groups and back-references, leftmost-longest matching by backtracking with
//! a step budget (a pathological pattern stops matching instead of hanging).

/// Which syntax a pattern is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Basic,
    Extended,
    /// A fixed string (`grep -F`).
    Fixed,
}

/// A pattern that does not compile; the text is GNU's (`Unmatched ( or \(`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegexError(pub String);

impl std::fmt::Display for RegexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Debug)]
enum ClassItem {
    Char(char),
    Range(char, char),
    Named(String),
}

#[derive(Clone, Debug)]
enum Node {
    Char(char),
    Any,
    Set(Vec<ClassItem>, bool),
    Start,
    End,
    WordBoundary(bool),
    WordStart,
    WordEnd,
    Group(Box<Node>, usize),
    Alt(Vec<Node>),
    Concat(Vec<Node>),
    Repeat(Box<Node>, usize, Option<usize>),
    Backref(usize),
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Regex {
    root: Node,
    groups: usize,
    icase: bool,
}

/// Matching work allowed per search before giving up.
const MATCH_STEPS: usize = 1_000_000;

type Caps = Vec<Option<(usize, usize)>>;

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    syntax: Syntax,
    groups: usize,
    _p: std::marker::PhantomData<&'a ()>,
}

fn err(s: &str) -> RegexError {
    RegexError(s.to_string())
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek2(&self) -> Option<char> {
        self.chars.get(self.pos + 1).copied()
    }

    fn ere(&self) -> bool {
        self.syntax == Syntax::Extended
    }

    fn at_alt(&self) -> bool {
        if self.ere() {
            self.peek() == Some('|')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some('|')
        }
    }

    fn at_close(&self) -> bool {
        if self.ere() {
            self.peek() == Some(')')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some(')')
        }
    }

    fn alternation(&mut self, depth: usize) -> Result<Node, RegexError> {
        let mut alts = vec![self.concat(depth)?];
        while self.at_alt() {
            self.pos += if self.ere() { 1 } else { 2 };
            alts.push(self.concat(depth)?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().expect("one")
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self, depth: usize) -> Result<Node, RegexError> {
        let mut items: Vec<Node> = Vec::new();
        let start = self.pos;
        while let Some(c) = self.peek() {
            if self.at_alt() || (depth > 0 && self.at_close()) {
                break;
            }
            if self.ere() && c == ')' && depth == 0 {
                items.push(Node::Char(')'));
                self.pos += 1;
                continue;
            }
            let atom_start = self.pos == start;
            let atom = match c {
                '^' if self.ere() || atom_start => {
                    self.pos += 1;
                    Node::Start
                }
                '$' if self.ere() || self.pos + 1 == self.chars.len() || {
                    let save = self.pos;
                    self.pos += 1;
                    let end = self.at_alt() || self.at_close();
                    self.pos = save;
                    end
                } =>
                {
                    self.pos += 1;
                    Node::End
                }
                '.' => {
                    self.pos += 1;
                    Node::Any
                }
                '[' => self.bracket()?,
                '*' if atom_start || matches!(items.last(), Some(Node::Start)) => {
                    self.pos += 1;
                    if self.ere() {
                        continue;
                    }
                    Node::Char('*')
                }
                '(' if self.ere() => {
                    self.pos += 1;
                    self.group(depth)?
                }
                '+' | '?' | '{' if self.ere() && atom_start => {
                    self.pos += 1;
                    if c == '{' {
                        Node::Char('{')
                    } else {
                        continue;
                    }
                }
                '\\' => {
                    self.pos += 1;
                    let Some(n) = self.peek() else {
                        return Err(err("Trailing backslash"));
                    };
                    self.pos += 1;
                    match n {
                        '(' if !self.ere() => self.group(depth)?,
                        ')' if !self.ere() => return Err(err("Unmatched ) or \\)")),
                        '{' if !self.ere() && atom_start => Node::Char('{'),
                        '1'..='9' => {
                            let n = n as usize - '0' as usize;
                            if n > self.groups {
                                return Err(err("Invalid back reference"));
                            }
                            Node::Backref(n)
                        }
                        'w' => Node::Set(
                            vec![ClassItem::Named("alnum".into()), ClassItem::Char('_')],
                            false,
                        ),
                        'W' => Node::Set(
                            vec![ClassItem::Named("alnum".into()), ClassItem::Char('_')],
                            true,
                        ),
                        's' => Node::Set(vec![ClassItem::Named("space".into())], false),
                        'S' => Node::Set(vec![ClassItem::Named("space".into())], true),
                        'b' => Node::WordBoundary(true),
                        'B' => Node::WordBoundary(false),
                        '<' => Node::WordStart,
                        '>' => Node::WordEnd,
                        'n' => Node::Char('\n'),
                        't' => Node::Char('\t'),
                        other => Node::Char(other),
                    }
                }
                _ => {
                    self.pos += 1;
                    Node::Char(c)
                }
            };
            let atom = self.postfix(atom)?;
            items.push(atom);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one")
        } else {
            Node::Concat(items)
        })
    }

    fn group(&mut self, depth: usize) -> Result<Node, RegexError> {
        if depth > 50 {
            return Err(err("Regular expression too big"));
        }
        self.groups += 1;
        let index = self.groups;
        let inner = self.alternation(depth + 1)?;
        if !self.at_close() {
            return Err(err("Unmatched ( or \\("));
        }
        self.pos += if self.ere() { 1 } else { 2 };
        Ok(Node::Group(Box::new(inner), index))
    }

    fn postfix(&mut self, mut atom: Node) -> Result<Node, RegexError> {
        loop {
            let (min, max, len) = match (self.peek(), self.peek2()) {
                (Some('*'), _) => (0, None, 1),
                (Some('+'), _) if self.ere() => (1, None, 1),
                (Some('?'), _) if self.ere() => (0, Some(1), 1),
                (Some('\\'), Some('+')) if !self.ere() => (1, None, 2),
                (Some('\\'), Some('?')) if !self.ere() => (0, Some(1), 2),
                (Some('{'), _) if self.ere() => {
                    let save = self.pos;
                    self.pos += 1;
                    let Ok((min, max)) = self.interval() else {
                        // GNU reads an ERE brace that starts no valid interval literally.
                        self.pos = save;
                        return Ok(atom);
                    };
                    atom = Node::Repeat(Box::new(atom), min, max);
                    continue;
                }
                (Some('\\'), Some('{')) if !self.ere() => {
                    self.pos += 2;
                    let (min, max) = self.interval()?;
                    atom = Node::Repeat(Box::new(atom), min, max);
                    continue;
                }
                _ => return Ok(atom),
            };
            self.pos += len;
            atom = Node::Repeat(Box::new(atom), min, max);
        }
    }

    fn interval(&mut self) -> Result<(usize, Option<usize>), RegexError> {
        let number = |p: &mut Parser<'_>| {
            let start = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            let text: String = p.chars[start..p.pos].iter().collect();
            text.parse::<usize>().ok()
        };
        let min = number(self);
        let max = if self.peek() == Some(',') {
            self.pos += 1;
            number(self)
        } else {
            min
        };
        let close = if self.ere() {
            self.peek() == Some('}')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some('}')
        };
        if !close {
            return Err(err(if self.ere() {
                "Unmatched { "
            } else {
                "Unmatched \\{"
            }
            .trim_end()));
        }
        self.pos += if self.ere() { 1 } else { 2 };
        let min = min.unwrap_or(0);
        if max.is_some_and(|m| m < min) || min > 32767 {
            return Err(err("Invalid content of \\{\\}"));
        }
        Ok((min, max))
    }

    fn bracket(&mut self) -> Result<Node, RegexError> {
        let unmatched = || err("Unmatched [, [^, [:, [., or [=");
        self.pos += 1;
        if self.pos >= self.chars.len() {
            return Err(err("Invalid regular expression"));
        }
        let mut negated = false;
        if self.peek() == Some('^') {
            negated = true;
            self.pos += 1;
        }
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(unmatched());
            };
            if c == ']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            if c == '[' && self.peek2() == Some(':') {
                let rest: String = self.chars[self.pos + 2..].iter().collect();
                let Some(end) = rest.find(":]") else {
                    return Err(unmatched());
                };
                let name = rest[..end].to_string();
                const CLASSES: [&str; 12] = [
                    "alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct",
                    "print", "graph", "cntrl", "xdigit",
                ];
                if !CLASSES.contains(&name.as_str()) {
                    return Err(err("Invalid character class name"));
                }
                self.pos += 2 + name.chars().count() + 2;
                items.push(ClassItem::Named(name));
                continue;
            }
            self.pos += 1;
            if self.peek() == Some('-') && self.peek2().is_some_and(|n| n != ']') {
                let hi = self.peek2().expect("peeked");
                self.pos += 2;
                items.push(ClassItem::Range(c, hi));
            } else {
                items.push(ClassItem::Char(c));
            }
        }
        Ok(Node::Set(items, negated))
    }
}

fn class_has(name: &str, c: char) -> bool {
    match name {
        "alpha" => c.is_ascii_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_ascii_alphanumeric(),
        "upper" => c.is_ascii_uppercase(),
        "lower" => c.is_ascii_lowercase(),
        "space" => matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'),
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "print" => c.is_ascii_graphic() || c == ' ',
        "graph" => c.is_ascii_graphic(),
        "cntrl" => c.is_ascii_control(),
        "xdigit" => c.is_ascii_hexdigit(),
        _ => false,
    }
}

fn is_word(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

struct Matcher<'a> {
    text: &'a [char],
    icase: bool,
    steps: usize,
}

impl Matcher<'_> {
    fn eq(&self, a: char, b: char) -> bool {
        a == b || (self.icase && a.to_lowercase().eq(b.to_lowercase()))
    }

    fn set_has(&self, items: &[ClassItem], c: char) -> bool {
        let test = |c: char| {
            items.iter().any(|item| match item {
                ClassItem::Char(x) => *x == c,
                ClassItem::Range(lo, hi) => *lo <= c && c <= *hi,
                ClassItem::Named(name) => class_has(name, c),
            })
        };
        test(c) || (self.icase && (test(c.to_ascii_lowercase()) || test(c.to_ascii_uppercase())))
    }

    fn m(
        &mut self,
        node: &Node,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        self.steps += 1;
        if self.steps > MATCH_STEPS {
            return false;
        }
        let text = self.text;
        match node {
            Node::Char(c) => pos < text.len() && self.eq(text[pos], *c) && k(self, pos + 1, caps),
            Node::Any => pos < text.len() && k(self, pos + 1, caps),
            Node::Set(items, negated) => {
                pos < text.len()
                    && self.set_has(items, text[pos]) != *negated
                    && k(self, pos + 1, caps)
            }
            Node::Start => pos == 0 && k(self, pos, caps),
            Node::End => pos == text.len() && k(self, pos, caps),
            Node::WordBoundary(want) => {
                let at =
                    is_word(pos.checked_sub(1).and_then(|p| text.get(p))) != is_word(text.get(pos));
                at == *want && k(self, pos, caps)
            }
            Node::WordStart => {
                !is_word(pos.checked_sub(1).and_then(|p| text.get(p)))
                    && is_word(text.get(pos))
                    && k(self, pos, caps)
            }
            Node::WordEnd => {
                is_word(pos.checked_sub(1).and_then(|p| text.get(p)))
                    && !is_word(text.get(pos))
                    && k(self, pos, caps)
            }
            Node::Group(inner, index) => {
                let index = *index;
                let old = caps[index];
                let ok = self.m(
                    inner,
                    pos,
                    caps,
                    &mut |me: &mut Self, end, caps: &mut Caps| {
                        let saved = caps[index];
                        caps[index] = Some((pos, end));
                        if k(me, end, caps) {
                            return true;
                        }
                        caps[index] = saved;
                        false
                    },
                );
                if !ok {
                    caps[index] = old;
                }
                ok
            }
            Node::Alt(alts) => alts.iter().any(|alt| self.m(alt, pos, caps, k)),
            Node::Concat(items) => self.seq(items, pos, caps, k),
            Node::Repeat(inner, min, max) => self.rep(inner, *min, *max, 0, pos, caps, k),
            Node::Backref(n) => match caps.get(*n).copied().flatten() {
                Some((s, e)) => {
                    let len = e - s;
                    pos + len <= text.len()
                        && (0..len).all(|i| self.eq(text[pos + i], text[s + i]))
                        && k(self, pos + len, caps)
                }
                None => false,
            },
        }
    }

    fn seq(
        &mut self,
        items: &[Node],
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        match items.split_first() {
            None => k(self, pos, caps),
            Some((first, rest)) => self.m(
                first,
                pos,
                caps,
                &mut |me: &mut Self, p, caps: &mut Caps| me.seq(rest, p, caps, k),
            ),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn rep(
        &mut self,
        inner: &Node,
        min: usize,
        max: Option<usize>,
        count: usize,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        if self.steps > MATCH_STEPS {
            return false;
        }
        if max.is_none_or(|m| count < m) {
            let ok = self.m(
                inner,
                pos,
                caps,
                &mut |me: &mut Self, p, caps: &mut Caps| {
                    if p == pos && count >= min {
                        return false;
                    }
                    me.rep(inner, min, max, count + 1, p, caps, k)
                },
            );
            if ok {
                return true;
            }
        }
        count >= min && k(self, pos, caps)
    }
}

/// A match: byte range and the groups' byte ranges (index 0 is the whole match).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub groups: Vec<Option<(usize, usize)>>,
}

impl Regex {
    /// Compiles `pattern`.
    pub fn new(pattern: &str, syntax: Syntax, icase: bool) -> Result<Regex, RegexError> {
        if syntax == Syntax::Fixed {
            let root = Node::Concat(pattern.chars().map(Node::Char).collect());
            return Ok(Regex {
                root,
                groups: 0,
                icase,
            });
        }
        let mut parser = Parser {
            chars: pattern.chars().collect(),
            pos: 0,
            syntax,
            groups: 0,
            _p: std::marker::PhantomData,
        };
        let root = parser.alternation(0)?;
        if parser.pos < parser.chars.len() {
            return Err(err("Unmatched ) or \\)"));
        }
        Ok(Regex {
            root,
            groups: parser.groups,
            icase,
        })
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.find_at(text, 0).is_some()
    }

    /// The leftmost-longest match starting at or after byte `start`.
    pub fn find_at(&self, text: &str, start: usize) -> Option<Match> {
        let chars: Vec<char> = text.chars().collect();
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let first = offsets.partition_point(|&o| o < start);
        let mut matcher = Matcher {
            text: &chars,
            icase: self.icase,
            steps: 0,
        };
        for from in first..=chars.len() {
            let mut best: Option<(usize, Caps)> = None;
            let mut caps: Caps = vec![None; self.groups + 1];
            matcher.m(
                &self.root,
                from,
                &mut caps,
                &mut |_, end, caps: &mut Caps| {
                    if best.as_ref().is_none_or(|(b, _)| end > *b) {
                        best = Some((end, caps.clone()));
                    }
                    false
                },
            );
            if let Some((end, caps)) = best {
                let mut groups: Vec<Option<(usize, usize)>> = caps
                    .iter()
                    .map(|c| c.map(|(s, e)| (offsets[s], offsets[e])))
                    .collect();
                groups[0] = Some((offsets[from], offsets[end]));
                return Some(Match {
                    start: offsets[from],
                    end: offsets[end],
                    groups,
                });
            }
            if matcher.steps > MATCH_STEPS {
                return None;
            }
        }
        None
    }
}
