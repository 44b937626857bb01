//! The differential suite: every dash case recorded from the real dash 0.5.12 and
//! coreutils 9.1 (`tests/fixtures/make-sh/sh`) run through a `Session`, comparing
//! stdout, stderr, the interleaved output, the exit status and the files left behind.

use std::path::Path;

use dockyard_sandbox::Invocation;
use dockyard_vfs::EntryKind;

use crate::recorded::{
    cases, environment, files_left, mtimes, session, string_table, BASE, UNSIMULATED_TAGS, WORK,
};

fn string(case: &toml::Table, key: &str) -> Option<String> {
    case.get(key)
        .and_then(toml::Value::as_str)
        .map(str::to_string)
}

/// Sets a case up, runs it, and describes every difference (empty: identical).
fn run_case(case: &toml::Table) -> Vec<String> {
    let env = environment(case);
    let mut session = session(env);
    let mtimes = mtimes(case);
    let mtime_of = |path: &str| {
        let offset = mtimes
            .iter()
            .find(|(k, _)| k.trim_end_matches('/') == path.trim_end_matches('/'))
            .map_or(0, |(_, v)| *v);
        (BASE as i64 + offset) as u64
    };
    let files = string_table(case.get("files"));
    let vfs = session.vfs_mut();
    let mut latest = BASE;
    for (path, content) in &files {
        let full = format!("{WORK}/{}", path.trim_end_matches('/'));
        let mut parent = String::new();
        for component in path
            .trim_end_matches('/')
            .split('/')
            .collect::<Vec<_>>()
            .split_last()
            .map_or(&[][..], |(_, init)| init)
        {
            parent = if parent.is_empty() {
                component.to_string()
            } else {
                format!("{parent}/{component}")
            };
            vfs.insert_entry(
                &format!("{WORK}/{parent}"),
                EntryKind::Dir,
                b"",
                0o755,
                mtime_of(&parent),
            )
            .expect("parent directory");
        }
        let mtime = mtime_of(path);
        latest = latest.max(mtime);
        if path.ends_with('/') {
            vfs.insert_entry(&full, EntryKind::Dir, b"", 0o755, mtime)
                .expect("directory");
        } else {
            vfs.insert_entry(&full, EntryKind::File, content.as_bytes(), 0o644, mtime)
                .expect("file");
        }
    }
    for (path, mode) in string_table(case.get("modes")) {
        let mode = u32::from_str_radix(&mode, 8).expect("octal mode");
        let full = format!("{WORK}/{}", path.trim_end_matches('/'));
        let mtime = vfs.stat(&full).expect("moded file").mtime;
        vfs.set_mode(&full, mode).expect("mode");
        vfs.set_mtime(&full, mtime).expect("mtime");
    }
    vfs.set_mtime(WORK, BASE).expect("work directory");
    vfs.set_now(latest.max(vfs.now()) + 1);

    let positional: Vec<String> = case
        .get("positional")
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let output = session.run_script(&Invocation {
        script: string(case, "script").expect("script"),
        argv0: string(case, "argv0"),
        positional,
        stdin: string(case, "stdin").unwrap_or_default().into_bytes(),
    });

    let expect = |key: &str| {
        string(case, key)
            .unwrap_or_default()
            .replace("{{PWD}}", WORK)
    };
    let mut differences = Vec::new();
    for (key, got) in [
        ("expect_stdout", &output.stdout),
        ("expect_stderr", &output.stderr),
        ("expect_merged", &output.merged),
    ] {
        let want = expect(key);
        if &want != got {
            differences.push(format!("{key}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    let status = case
        .get("expect_status")
        .and_then(toml::Value::as_integer)
        .expect("status");
    if i64::from(output.status) != status {
        differences.push(format!(
            "expect_status: want {status}, got {}",
            output.status
        ));
    }
    if let Some(want) = case.get("expect_files").and_then(toml::Value::as_array) {
        let want: Vec<String> = want
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        let got = files_left(&session);
        if got != want {
            differences.push(format!("expect_files:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    differences
}

#[test]
fn dash_cases_match_the_recording() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/make-sh/sh");
    let paths = cases(&root);
    let (mut ran, mut identical, mut skipped) = (0, 0, Vec::new());
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("case file");
        let case: toml::Table = toml::from_str(&text).expect("case TOML");
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let tags: Vec<&str> = case
            .get("tags")
            .and_then(toml::Value::as_array)
            .map(|a| a.iter().filter_map(toml::Value::as_str).collect())
            .unwrap_or_default();
        if let Some(tag) = tags.iter().find(|t| UNSIMULATED_TAGS.contains(t)) {
            skipped.push(format!("{name} ({tag})"));
            continue;
        }
        ran += 1;
        let differences = run_case(&case);
        if differences.is_empty() {
            identical += 1;
        } else {
            failures.push(format!("{name}\n{}", differences.join("\n")));
        }
    }
    println!(
        "dash differential: {} cases, {ran} run, {identical} identical, {} skipped {:?}",
        paths.len(),
        skipped.len(),
        skipped
    );
    assert!(
        failures.is_empty(),
        "{} of {ran} cases differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
