//! Inline pragmas: Dockerfile comments that steer the linter, in hadolint's
//! grammar (`# hadolint ignore=DL3006,SC2086`, `# hadolint global ignore=…`,
//! `# hadolint stage ignore=…`, `# hadolint shell=bash`).

/// A recognised pragma.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pragma {
    /// Ignore these codes on the next line only.
    Ignore(Vec<String>),
    /// Ignore these codes everywhere in the file.
    GlobalIgnore(Vec<String>),
    /// Ignore these codes in the stage whose `FROM` follows.
    StageIgnore(Vec<String>),
    /// The shell to assume for `RUN` from here on.
    Shell(String),
}

/// A tiny cursor over the comment text.
struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn blanks(&mut self) -> usize {
        let before = self.rest.len();
        self.rest = self.rest.trim_start_matches([' ', '\t']);
        before - self.rest.len()
    }

    fn word(&mut self, word: &str) -> bool {
        match self.rest.strip_prefix(word) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    /// A rule code: one or more of `D L S C 0-9`, as hadolint matches them.
    fn code(&mut self) -> Option<&'a str> {
        let len = self
            .rest
            .bytes()
            .take_while(|b| matches!(b, b'D' | b'L' | b'S' | b'C' | b'0'..=b'9'))
            .count();
        (len > 0).then(|| {
            let (code, rest) = self.rest.split_at(len);
            self.rest = rest;
            code
        })
    }
}

/// Parses the text of a comment, after its `#`. Anything that is not
/// exactly a pragma is an ordinary comment (`None`).
pub fn parse(comment: &str) -> Option<Pragma> {
    let mut c = Cursor { rest: comment };
    c.blanks();
    if !c.word("hadolint") || c.blanks() == 0 {
        return None;
    }
    enum Kind {
        Ignore,
        Global,
        Stage,
        Shell,
    }
    let kind = if c.word("ignore") {
        Kind::Ignore
    } else if c.word("global") && c.blanks() > 0 && c.word("ignore") {
        Kind::Global
    } else if c.word("stage") && c.blanks() > 0 && c.word("ignore") {
        Kind::Stage
    } else if c.word("shell") {
        Kind::Shell
    } else {
        return None;
    };
    c.blanks();
    if !c.word("=") {
        return None;
    }
    c.blanks();
    if let Kind::Shell = kind {
        let shell = c.rest.trim_end();
        return (!shell.is_empty()).then(|| Pragma::Shell(shell.to_string()));
    }
    let mut codes = vec![c.code()?.to_string()];
    loop {
        c.blanks();
        if c.word(",") {
            c.blanks();
            codes.push(c.code()?.to_string());
        } else {
            break;
        }
    }
    // Only a trailing comment may follow the list.
    if !(c.rest.is_empty() || c.rest.starts_with('#')) {
        return None;
    }
    Some(match kind {
        Kind::Ignore => Pragma::Ignore(codes),
        Kind::Global => Pragma::GlobalIgnore(codes),
        Kind::Stage => Pragma::StageIgnore(codes),
        Kind::Shell => unreachable!("handled above"),
    })
}

#[cfg(test)]
mod tests {
    use super::{parse, Pragma};

    fn ignore(codes: &[&str]) -> Option<Pragma> {
        Some(Pragma::Ignore(
            codes.iter().map(|c| c.to_string()).collect(),
        ))
    }

    fn check(comment: &str, expected: Option<Pragma>) {
        assert_eq!(parse(comment), expected, "comment {comment:?}");
    }

    // Whether hadolint 2.15.1 honours each form was observed by running it
    // on `<comment>\nFROM debian\n` and checking whether DL3006 was reported.
    #[test]
    fn ignore_pragmas_as_hadolint_reads_them() {
        check(" hadolint ignore=DL3006", ignore(&["DL3006"]));
        check("hadolint ignore = DL3006", ignore(&["DL3006"]));
        check(" hadolint ignore=DL3006 # reason", ignore(&["DL3006"]));
        check(
            " hadolint ignore=DL3003, DL3006",
            ignore(&["DL3003", "DL3006"]),
        );
        check("   hadolint    ignore=DL3006", ignore(&["DL3006"]));
        check("\thadolint\tignore=DL3006", ignore(&["DL3006"]));
        check(" hadolint ignore=DL3006 ", ignore(&["DL3006"]));
        check(" hadolint ignore =DL3006", ignore(&["DL3006"]));
        check(" hadolint ignore= DL3006", ignore(&["DL3006"]));
        check(" hadolint ignore=DL3006\t# x", ignore(&["DL3006"]));
        check(" hadolint ignore=SC2086", ignore(&["SC2086"]));
    }

    #[test]
    fn near_misses_are_plain_comments() {
        check(" hadolint ignore=DL3006 reason", None);
        check(" hadolint ignore=DL3006,", None);
        check(" hadolint ignore=dl3006", None);
        check(" hadolint ignore=DL3006;", None);
        check(" hadolint ignore=DL3006,,DL3003", None);
        check(" hadolint ignore=XYZ,DL3006", None);
        check(" HADOLINT ignore=DL3006", None);
        check(" hadolintignore=DL3006", None);
        check(" just a comment", None);
        check("", None);
    }

    #[test]
    fn global_stage_and_shell_pragmas() {
        check(
            " hadolint global ignore=DL3006",
            Some(Pragma::GlobalIgnore(vec!["DL3006".into()])),
        );
        check(
            " hadolint global  ignore=DL3006",
            Some(Pragma::GlobalIgnore(vec!["DL3006".into()])),
        );
        check(
            " hadolint stage ignore=DL3011",
            Some(Pragma::StageIgnore(vec!["DL3011".into()])),
        );
        check(
            " hadolint shell=powershell",
            Some(Pragma::Shell("powershell".into())),
        );
        check(
            " hadolint shell = bash ",
            Some(Pragma::Shell("bash".into())),
        );
        check(" hadolint shell=", None);
    }
}
