//! Deterministic mutation of Dockerfiles, shared by the property test
//! (`tests/it/properties.rs`) and the long-running fuzzer (`examples/fuzz.rs`).

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Fragments that stress the parsers: escapes, quotes, heredocs, JSON,
/// expansions, keywords, control characters.
pub const FRAGMENTS: &[&str] = &[
    "\\",
    "\\\n",
    "`",
    "\"",
    "'",
    "$",
    "${",
    "}",
    "$(",
    ")",
    "<<EOF\n",
    "EOF\n",
    "<<-'X'\n",
    "[\"",
    "\"]",
    "\n",
    "\r\n",
    "\t",
    " ",
    "#",
    "# hadolint ignore=DL3006\n",
    "# escape=`\n",
    "RUN ",
    "FROM ",
    "ONBUILD ",
    "COPY --from=",
    "--mount=type=cache,target=",
    "&&",
    "||",
    "|",
    ";",
    "apt-get install ",
    "pip install ",
    "\u{0}",
    "\u{feff}",
    "é",
    "ONBUILD ONBUILD ONBUILD RUN x\n",
    "$((",
    "))",
    "case x in",
    "esac",
    "if",
    "fi",
    "(",
    "{",
    "[[",
    "]]",
];

pub fn mutate(rng: &mut Rng, base: &str, corpus: &[String]) -> String {
    let mut text: Vec<char> = base.chars().collect();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(text.len() + 1);
        match rng.below(4) {
            0 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                text.splice(at..at, fragment.chars());
            }
            1 if !text.is_empty() => {
                let end = (at + rng.below(40)).min(text.len());
                text.drain(at.min(end)..end);
            }
            2 => {
                let other: Vec<char> = corpus[rng.below(corpus.len())].chars().collect();
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(200)).min(other.len());
                text.splice(at..at, other[from..to].iter().copied());
            }
            _ => text.truncate(at),
        }
    }
    text.into_iter().collect()
}
