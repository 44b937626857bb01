//! SC2026: a word between two single-quoted strings, outside the quotes.

use dockyard_shell::{Visit, Word, WordPartKind};

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags a run of letters or digits right after a single-quoted
    /// string in the same word, as in `'a'b'c'`.
    ///
    /// ## Why is this bad?
    /// Single quotes do not nest: the middle part is outside the quotes,
    /// where spaces split the word and globs expand. Usually meant as a
    /// quote inside the string.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN sh -c 'echo 'hello''
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN sh -c 'echo "hello"'
    /// ```
    code: "SC2026",
    severity: Info,
    message: "This word is outside of quotes. Did you intend to 'nest '\"'single quotes'\"' instead'? ",
}

struct Words<'a>(Vec<&'a Word>);

impl<'a> Visit<'a> for Words<'a> {
    fn visit_word(&mut self, w: &'a Word) {
        self.0.push(w);
        dockyard_shell::walk_parts(self, &w.parts);
    }
}

/// Every word of the script, nested ones included.
pub fn all_words<'a>(cx: &Analysis<'a>) -> Vec<&'a Word> {
    let mut words = Words(Vec::new());
    words.visit_list(&cx.script.body);
    words.0
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for w in all_words(cx) {
        for pair in w.parts.windows(2) {
            if let (WordPartKind::SingleQuoted(_), WordPartKind::Literal(t)) =
                (&pair[0].kind, &pair[1].kind)
            {
                if !t.is_empty() && t.chars().all(char::is_alphanumeric) {
                    out.add(pair[1].span.start, &META);
                }
            }
        }
    }
}
