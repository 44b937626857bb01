//! SC2140: `"A"B"C"`, an unquoted word between two double-quoted strings.

use dockyard_shell::{Visit, Word, WordPart, WordPartKind};

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags literal text between two double-quoted strings of one word,
    /// as in `"a"b"c"`, unless it is `=`, `:` or `/`, or both strings
    /// quote a single expansion (`"$dir"x"$file"`).
    ///
    /// ## Why is this bad?
    /// Double quotes do not nest: the middle is outside the quotes. It
    /// was usually meant as quotes inside the string (`"a\"b\"c"`).
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo "{"name": "x"}" > /etc/x.json
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo '{"name": "x"}' > /etc/x.json
    /// ```
    code: "SC2140",
    severity: Warning,
    message: "Word is of the form \"A\"B\"C\" (B indicated). Did you mean \"ABC\" or \"A\\\"B\\\"C\"?",
}

/// Words outside `${...}` (where quotes inside are expected) and not the
/// right side of `=~`.
struct Words<'a> {
    words: Vec<&'a Word>,
    in_parameter: usize,
}

impl<'a> Visit<'a> for Words<'a> {
    fn visit_word(&mut self, w: &'a Word) {
        if self.in_parameter == 0 {
            self.words.push(w);
        }
        dockyard_shell::walk_parts(self, &w.parts);
    }

    fn visit_word_part(&mut self, part: &'a WordPart) {
        match &part.kind {
            WordPartKind::Parameter(_) => {
                self.in_parameter += 1;
                dockyard_shell::walk_word_part(self, part);
                self.in_parameter -= 1;
            }
            WordPartKind::CommandSubstitution(_)
            | WordPartKind::Backquoted(_)
            | WordPartKind::ProcessSubstitution { .. } => {
                let saved = std::mem::take(&mut self.in_parameter);
                dockyard_shell::walk_word_part(self, part);
                self.in_parameter = saved;
            }
            _ => dockyard_shell::walk_word_part(self, part),
        }
    }
}

/// The words of the script where quotes around a literal are suspicious.
pub fn checked_words<'a>(cx: &Analysis<'a>) -> Vec<&'a Word> {
    let mut w = Words {
        words: Vec::new(),
        in_parameter: 0,
    };
    w.visit_list(&cx.script.body);
    let regex_rhs: Vec<usize> = cx
        .double_brackets
        .iter()
        .flat_map(|(_, words)| {
            words
                .windows(2)
                .filter(|p| p[0].literal_value().as_deref() == Some("=~"))
                .map(|p| p[1].span.start)
                .collect::<Vec<_>>()
        })
        .collect();
    w.words
        .into_iter()
        .filter(|w| !regex_rhs.contains(&w.span.start))
        .collect()
}

fn single_expansion(parts: &[WordPart]) -> bool {
    matches!(
        parts,
        [WordPart {
            kind: WordPartKind::Parameter(_)
                | WordPartKind::CommandSubstitution(_)
                | WordPartKind::Backquoted(_),
            ..
        }]
    )
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for w in checked_words(cx) {
        for t in w.parts.windows(3) {
            let (
                WordPartKind::DoubleQuoted(a),
                WordPartKind::Literal(s),
                WordPartKind::DoubleQuoted(b),
            ) = (&t[0].kind, &t[1].kind, &t[2].kind)
            else {
                continue;
            };
            if single_expansion(a) && single_expansion(b) || ["=", ":", "/"].contains(&s.as_str()) {
                continue;
            }
            out.add(t[1].span.start, &META);
        }
    }
}
