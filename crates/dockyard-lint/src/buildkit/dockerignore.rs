//! `.dockerignore` patterns and Docker's matching rules (moby's
//! `ignorefile` and `patternmatcher`): comments and blanks skipped, each
//! pattern cleaned and made relative, `*` and `?` stop at `/`, `**` crosses
//! directories, `[…]` classes, `\` escapes, and a path is excluded when it
//! or one of its parent directories matches.

use super::golang::{clean_path, dir};

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Char(char),
    /// `*`: anything but `/`.
    Star,
    /// `?`: one character but `/`.
    One,
    /// `**` followed by more: any run of directories, `(.*/)?`.
    Dirs,
    /// `**` at the end: anything.
    Rest,
    /// `[…]`: (negated, ranges).
    Class(bool, Vec<(char, char)>),
    /// A `^` in the middle: only matches at the very start.
    Start,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Exact,
    Prefix,
    Suffix,
    Pattern(Vec<Token>),
}

/// One compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    text: String,
    exclusion: bool,
    kind: Kind,
}

/// The patterns of a `.dockerignore`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ignore {
    patterns: Vec<Pattern>,
}

fn compile(pattern: &str) -> Kind {
    let chars: Vec<char> = pattern.chars().collect();
    let mut tokens = Vec::new();
    let mut kind = None;
    let mut i = 0;
    let mut index = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '*' if chars.get(i) == Some(&'*') => {
                i += 1;
                if chars.get(i) == Some(&'/') {
                    i += 1;
                }
                if i >= chars.len() {
                    if kind.is_none() {
                        kind = Some("prefix");
                    } else {
                        tokens.push(Token::Rest);
                        kind = Some("regexp");
                    }
                } else {
                    tokens.push(Token::Dirs);
                    kind = Some("regexp");
                }
                if index == 0 {
                    kind = Some("suffix");
                }
            }
            '*' => {
                tokens.push(Token::Star);
                kind = Some("regexp");
            }
            '?' => {
                tokens.push(Token::One);
                kind = Some("regexp");
            }
            '\\' => match chars.get(i) {
                Some(&n) => {
                    tokens.push(Token::Char(n));
                    i += 1;
                    kind = Some("regexp");
                }
                None => tokens.push(Token::Char('\\')),
            },
            '[' => {
                let negated = chars.get(i) == Some(&'^');
                if negated {
                    i += 1;
                }
                let mut ranges = Vec::new();
                let mut first = true;
                while i < chars.len() && (first || chars[i] != ']') {
                    first = false;
                    let lo = chars[i];
                    i += 1;
                    if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|c| *c != ']') {
                        ranges.push((lo, chars[i + 1]));
                        i += 2;
                    } else {
                        ranges.push((lo, lo));
                    }
                }
                i += 1;
                tokens.push(Token::Class(negated, ranges));
                kind = Some("regexp");
            }
            '^' => tokens.push(Token::Start),
            c => tokens.push(Token::Char(c)),
        }
        index += 1;
    }
    match kind {
        None => Kind::Exact,
        Some("prefix") => Kind::Prefix,
        Some("suffix") => Kind::Suffix,
        _ => Kind::Pattern(tokens),
    }
}

fn matches(tokens: &[Token], text: &[char], at_start: bool) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        return text.is_empty();
    };
    match first {
        Token::Char(c) => text.first() == Some(c) && matches(rest, &text[1..], false),
        Token::One => text.first().is_some_and(|c| *c != '/') && matches(rest, &text[1..], false),
        Token::Star => {
            let max = text.iter().position(|c| *c == '/').unwrap_or(text.len());
            (0..=max).any(|n| matches(rest, &text[n..], at_start && n == 0))
        }
        Token::Rest => (0..=text.len()).any(|n| matches(rest, &text[n..], at_start && n == 0)),
        Token::Dirs => {
            matches(rest, text, at_start)
                || (0..text.len())
                    .filter(|&n| text[n] == '/')
                    .any(|n| matches(rest, &text[n + 1..], false))
        }
        Token::Class(negated, ranges) => {
            text.first()
                .is_some_and(|c| ranges.iter().any(|(lo, hi)| (*lo..=*hi).contains(c)) != *negated)
                && matches(rest, &text[1..], false)
        }
        Token::Start => at_start && matches(rest, text, at_start),
    }
}

impl Pattern {
    fn matches(&self, path: &str) -> bool {
        match &self.kind {
            Kind::Exact => path == self.text,
            Kind::Prefix => path.starts_with(&self.text[..self.text.len() - 2]),
            Kind::Suffix => {
                let suffix = &self.text[2..];
                path.ends_with(suffix) || (suffix.starts_with('/') && path == &suffix[1..])
            }
            Kind::Pattern(tokens) => {
                let chars: Vec<char> = path.chars().collect();
                matches(tokens, &chars, true)
            }
        }
    }
}

impl Ignore {
    /// Reads a `.dockerignore` text.
    pub fn parse(text: &str) -> Ignore {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut patterns = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut pattern = line.trim();
            if pattern.is_empty() {
                continue;
            }
            let exclusion = pattern.starts_with('!');
            if exclusion {
                pattern = pattern[1..].trim();
            }
            let mut cleaned = if pattern.is_empty() {
                String::new()
            } else {
                clean_path(pattern)
            };
            if cleaned.len() > 1 && cleaned.starts_with('/') {
                cleaned.remove(0);
            }
            // The matcher cleans once more.
            let cleaned = clean_path(&cleaned);
            patterns.push(Pattern {
                kind: compile(&cleaned),
                text: cleaned,
                exclusion,
            });
        }
        Ignore { patterns }
    }

    /// Whether any pattern re-includes files (`!pattern`); BuildKit then
    /// does not check sources at all.
    pub fn has_exclusions(&self) -> bool {
        self.patterns.iter().any(|p| p.exclusion)
    }

    /// Whether a pattern ignores the whole context (`*`, `**`, `**/*`).
    pub fn ignores_root(&self) -> bool {
        self.patterns
            .iter()
            .any(|p| !p.exclusion && matches!(p.text.as_str(), "*" | "**" | "**/*"))
    }

    /// `MatchesOrParentMatches`: the path or a parent directory matches
    /// (later `!` patterns re-including it).
    pub fn excludes(&self, path: &str) -> bool {
        let parent = dir(path);
        let parent_dirs: Vec<&str> = parent.split('/').collect();
        let mut matched = false;
        for pattern in &self.patterns {
            if pattern.exclusion != matched {
                continue;
            }
            let mut hit = pattern.matches(path);
            if !hit && parent != "." {
                hit = (1..=parent_dirs.len()).any(|n| pattern.matches(&parent_dirs[..n].join("/")));
            }
            if hit {
                matched = !pattern.exclusion;
            }
        }
        matched
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excluded(ignore: &str, path: &str) -> bool {
        Ignore::parse(ignore).excludes(path)
    }

    #[test]
    fn matches_like_docker() {
        assert!(excluded("Dockerfile\n", "Dockerfile"));
        assert!(excluded("/node_modules\n", "node_modules/x/y.js"));
        assert!(excluded("*.md\n", "README.md"));
        assert!(!excluded("*.md\n", "docs/README.md"));
        assert!(excluded("**/*.md\n", "docs/README.md"));
        assert!(excluded("**/*.md\n", "README.md"));
        assert!(excluded("**\n", "anything/at/all"));
        assert!(excluded("build/**\n", "build/out"));
        assert!(excluded("**/tmp\n", "a/b/tmp"));
        assert!(excluded("**/tmp\n", "tmp"));
        assert!(excluded("file?.txt\n", "file1.txt"));
        assert!(!excluded("file?.txt\n", "file10.txt"));
        assert!(excluded("[a-c].txt\n", "b.txt"));
        assert!(!excluded("[^a-c].txt\n", "b.txt"));
        assert!(excluded("# comment\n\n  secret.key  \n", "secret.key"));
        assert!(!excluded("#secret.key\n", "secret.key"));
        assert!(excluded("./out/../dist\n", "dist/app.js"));
        assert!(excluded("a/**/z\n", "a/z"));
        assert!(excluded("a/**/z\n", "a/b/c/z"));
    }

    #[test]
    fn exclusions_and_root() {
        let ignore = Ignore::parse("*\n!src\n");
        assert!(ignore.has_exclusions());
        assert!(ignore.ignores_root());
        assert!(!ignore.excludes("src"));
        assert!(ignore.excludes("other"));
        assert!(!Ignore::parse("*.md\n").ignores_root());
    }
}
