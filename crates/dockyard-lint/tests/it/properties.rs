//! The linter never panics: every corpus Dockerfile, cut, spliced and
//! mutated in many deterministic ways, is linted and rendered in every
//! format without a panic.

use dockyard_lint::config::Config;
use dockyard_lint::{render, FileReport, Format, RenderOptions};

use crate::fixtures::{read, root};

#[path = "../../fuzz/mutate.rs"]
mod mutate;
use mutate::{mutate, Rng};

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
