//! A long-running fuzzer (not a test): lints mutated corpus Dockerfiles for
//! a given time, renders every format, and stops at the first panic.
//!
//!     cargo run --release -p dockyard-lint --example fuzz -- SECONDS [SEED]
//!
//! The machine's toolchain is stable, so `cargo fuzz` (nightly) is not an
//! option; this uses the property test's deterministic mutator instead.

use std::time::{Duration, Instant};

use dockyard_lint::config::Config;
use dockyard_lint::{render, FileReport, Format, RenderOptions};

#[path = "../fuzz/mutate.rs"]
mod mutate;
use mutate::{mutate, Rng};

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0x5eed);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hadolint/cases");
    let mut corpus: Vec<String> = std::fs::read_dir(dir)
        .expect("the corpus")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "Dockerfile").then(|| std::fs::read_to_string(&path).ok())?
        })
        .collect();
    corpus.sort();
    let mut rng = Rng(seed | 1);
    let config = Config {
        buildkit: true,
        ..Config::default()
    };
    let options = RenderOptions::default();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut inputs, mut slowest) = (0u64, Duration::ZERO);
    while Instant::now() < deadline {
        let base = &corpus[rng.below(corpus.len())];
        let text = mutate(&mut rng, base, &corpus);
        let started = Instant::now();
        let outcome = dockyard_lint::lint::lint(&text, "Dockerfile", &config);
        let reports = [FileReport {
            file: "Dockerfile".into(),
            outcome,
        }];
        for format in Format::ALL {
            let _ = render(format, &reports, &options);
        }
        slowest = slowest.max(started.elapsed());
        inputs += 1;
    }
    println!("{inputs} inputs in {seconds} s, no panic; slowest input {slowest:?}");
}
