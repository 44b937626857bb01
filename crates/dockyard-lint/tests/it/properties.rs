//! The linter never panics: every corpus Dockerfile, cut, spliced and
//! mutated in many deterministic ways, is linted and rendered in every
//! format without a panic.

use dockyard_lint::config::Config;
use dockyard_lint::{render, FileReport, Format, RenderOptions};

use crate::fixtures::{read, root};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Fragments that stress the parsers: escapes, quotes, heredocs, JSON,
/// expansions, keywords, control characters.
const FRAGMENTS: &[&str] = &[
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

fn mutate(rng: &mut Rng, base: &str, corpus: &[String]) -> String {
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

#[test]
fn linting_mutated_dockerfiles_never_panics() {
    let dir = root().join("cases");
    let mut corpus: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "Dockerfile").then(|| read(&path))
        })
        .collect();
    corpus.sort();
    let mut rng = Rng(0x5eed_d0c4_e12f_11e5);
    let config = Config::default();
    let options = RenderOptions::default();
    let mut linted = 0;
    for round in 0..12 {
        for base in &corpus {
            let text = if round == 0 {
                base.clone()
            } else {
                mutate(&mut rng, base, &corpus)
            };
            let outcome = dockyard_lint::lint::lint(&text, "Dockerfile", &config);
            let reports = [FileReport {
                file: "Dockerfile".into(),
                outcome,
            }];
            for format in Format::ALL {
                let _ = render(format, &reports, &options);
            }
            linted += 1;
        }
    }
    assert!(linted > 2000, "only {linted} inputs");
}
