//! Tokens as dash's parser sees them, and their names in dash's error messages.

use crate::ast::{RedirOp, Word, WordPartKind};
use crate::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token {
    pub kind: Tok,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    Eof,
    Newline,
    Semi,
    Amp,
    AndIf,
    OrIf,
    Pipe,
    LParen,
    RParen,
    /// `;;`
    DoubleSemi,
    Redir {
        op: RedirOp,
        fd: Option<u32>,
    },
    Word(Word),
    Keyword(Keyword, Word),
    /// `|&` (bash)
    PipeAmp,
    /// `;&` (bash)
    SemiAmp,
    /// `;;&` (bash)
    DoubleSemiAmp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keyword {
    Bang,
    Case,
    Do,
    Done,
    Elif,
    Else,
    Esac,
    Fi,
    For,
    If,
    In,
    Then,
    Until,
    While,
    LBrace,
    RBrace,
    /// `function` (bash)
    Function,
    /// `[[` (bash)
    DoubleBracket,
}

impl Keyword {
    pub fn from_text(text: &str, bash: bool) -> Option<Keyword> {
        Some(match text {
            "!" => Keyword::Bang,
            "case" => Keyword::Case,
            "do" => Keyword::Do,
            "done" => Keyword::Done,
            "elif" => Keyword::Elif,
            "else" => Keyword::Else,
            "esac" => Keyword::Esac,
            "fi" => Keyword::Fi,
            "for" => Keyword::For,
            "if" => Keyword::If,
            "in" => Keyword::In,
            "then" => Keyword::Then,
            "until" => Keyword::Until,
            "while" => Keyword::While,
            "{" => Keyword::LBrace,
            "}" => Keyword::RBrace,
            "function" if bash => Keyword::Function,
            "[[" if bash => Keyword::DoubleBracket,
            _ => return None,
        })
    }

    pub fn text(self) -> &'static str {
        match self {
            Keyword::Bang => "!",
            Keyword::Case => "case",
            Keyword::Do => "do",
            Keyword::Done => "done",
            Keyword::Elif => "elif",
            Keyword::Else => "else",
            Keyword::Esac => "esac",
            Keyword::Fi => "fi",
            Keyword::For => "for",
            Keyword::If => "if",
            Keyword::In => "in",
            Keyword::Then => "then",
            Keyword::Until => "until",
            Keyword::While => "while",
            Keyword::LBrace => "{",
            Keyword::RBrace => "}",
            Keyword::Function => "function",
            Keyword::DoubleBracket => "[[",
        }
    }
}

impl Tok {
    /// The name dash uses in `... unexpected` messages.
    pub fn dash_name(&self) -> String {
        match self {
            Tok::Eof => "end of file".into(),
            Tok::Newline => "newline".into(),
            Tok::Redir { .. } => "redirection".into(),
            Tok::Word(_) => "word".into(),
            Tok::Keyword(kw, _) => format!("\"{}\"", kw.text()),
            other => format!("\"{}\"", other.operator_text()),
        }
    }

    pub fn operator_text(&self) -> &'static str {
        match self {
            Tok::Semi => ";",
            Tok::Amp => "&",
            Tok::AndIf => "&&",
            Tok::OrIf => "||",
            Tok::Pipe => "|",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::DoubleSemi => ";;",
            Tok::PipeAmp => "|&",
            Tok::SemiAmp => ";&",
            Tok::DoubleSemiAmp => ";;&",
            Tok::Redir { op, .. } => op.as_str(),
            Tok::Newline => "\n",
            Tok::Eof | Tok::Word(_) | Tok::Keyword(..) => "",
        }
    }

    /// Tokens that end a list (dash's `tokendlist`).
    pub fn ends_list(&self) -> bool {
        match self {
            Tok::Eof | Tok::RParen | Tok::DoubleSemi | Tok::SemiAmp | Tok::DoubleSemiAmp => true,
            Tok::Keyword(kw, _) => matches!(
                kw,
                Keyword::Do
                    | Keyword::Done
                    | Keyword::Elif
                    | Keyword::Else
                    | Keyword::Esac
                    | Keyword::Fi
                    | Keyword::Then
                    | Keyword::RBrace
            ),
            _ => false,
        }
    }

    pub fn is_keyword(&self, keyword: Keyword) -> bool {
        matches!(self, Tok::Keyword(kw, _) if *kw == keyword)
    }
}

/// The keyword spelled by a word, if it is plain unquoted text.
pub(crate) fn keyword_of(word: &Word, bash: bool) -> Option<Keyword> {
    let mut text = String::new();
    for part in &word.parts {
        match &part.kind {
            WordPartKind::Literal(t) => text.push_str(t),
            _ => return None,
        }
    }
    Keyword::from_text(&text, bash)
}
