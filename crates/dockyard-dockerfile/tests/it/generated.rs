//! Property-style test: many generated and mutated inputs never panic and
//! are always reproduced exactly. A tiny deterministic generator, no crates.

use crate::support::assert_lossless;
use dockyard_dockerfile::parse;

/// xorshift64*: deterministic pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FRAGMENTS: &[&str] = &[
    "FROM",
    "RUN",
    "CMD",
    "ENTRYPOINT",
    "ENV",
    "LABEL",
    "ARG",
    "EXPOSE",
    "COPY",
    "ADD",
    "WORKDIR",
    "USER",
    "VOLUME",
    "SHELL",
    "STOPSIGNAL",
    "HEALTHCHECK",
    "ONBUILD",
    "MAINTAINER",
    "FOO",
    "from",
    "run",
    " ",
    "  ",
    "\t",
    "\\",
    "`",
    "\n",
    "\r\n",
    "#",
    "# escape=`",
    "# syntax=x",
    "=",
    "\"",
    "'",
    "[",
    "]",
    ",",
    "<<EOF",
    "<<-EOF",
    "<<'EOF'",
    "EOF",
    "\tEOF",
    "--mount=type=cache,target=/x",
    "--from=a",
    "--chown=a:b",
    "--link",
    "--platform=linux/amd64",
    "--device=/dev/x",
    "--network=none",
    "AS",
    "as",
    "NONE",
    "CMD",
    "--interval=5s",
    "a",
    "b=c",
    "80/tcp",
    "80:80",
    "${X:-y}",
    "$Y",
    "debian:12",
    "img@sha256:ab",
    "\u{e9}",
    "\u{1F600}",
    "\u{feff}",
    "{",
    "}",
    "-",
    "/",
    ":",
    "@",
    "\0",
];

fn generate(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(40) {
        out.push_str(rng.pick(FRAGMENTS));
        if rng.below(4) == 0 {
            out.push(' ');
        }
    }
    out
}

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(4) {
        let at = if chars.is_empty() {
            0
        } else {
            rng.below(chars.len() + 1)
        };
        match rng.below(3) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 => {
                let insert: Vec<char> = rng.pick(FRAGMENTS).chars().collect();
                chars.splice(at..at, insert);
            }
            _ => chars.insert(at, ['\n', '\\', '`', '"', '\t', '#'][rng.below(6)]),
        }
    }
    chars.into_iter().collect()
}

const SEEDS: &[&str] = &[
    "FROM debian:12 AS build\nRUN apt-get update \\\n  && apt-get install -y curl\nCOPY --from=build /a /b\n",
    "# escape=`\nFROM mcr.microsoft.com/windows:ltsc\nRUN dir `\n  /s\n",
    "FROM a\nRUN <<EOF\necho hi\nEOF\n\nCOPY <<-X /etc/x\n\tbody\n\tX\n",
    "FROM a\nENV a=\"b c\" d='e'\nLABEL x=y\nHEALTHCHECK --interval=5s CMD [\"true\"]\nONBUILD RUN make\n",
];

#[test]
fn generated_inputs_never_panic_and_stay_lossless() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3_000 {
        let input = generate(&mut rng);
        assert_lossless(&input, &parse(&input));
    }
}

#[test]
fn mutated_dockerfiles_never_panic_and_stay_lossless() {
    let mut rng = Rng(42);
    for seed in SEEDS {
        let mut current = seed.to_string();
        for _ in 0..1_000 {
            current = mutate(&mut rng, &current);
            let file = parse(&current);
            assert_lossless(&current, &file);
            for diagnostic in &file.diagnostics {
                assert!(diagnostic.span.end <= current.len());
                assert!(diagnostic.line >= 1 && diagnostic.column >= 1);
            }
            if current.len() > 2_000 {
                current = seed.to_string();
            }
        }
    }
}
