//! The make differential suite: every make case recorded from GNU make 4.3 and dash
//! (`tests/fixtures/make-sh/make`) run through a `Session`'s `make`, comparing stdout,
//! stderr, the interleaved output, the exit status and the files of every run.
//! Cases that still differ are listed in `KNOWN_GAPS` with the reason; they are run
//! and reported, and the test fails if one of them starts to pass (so the list stays true).

use std::path::Path;

use dockyard_sandbox::Session;
use dockyard_vfs::EntryKind;

use crate::recorded::{
    cases, environment, files_left, mtimes, session, string_table, BASE, UNSIMULATED_TAGS, WORK,
};

/// Cases that differ today, each with why. FIXME: shrink this list.
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "functions/017-call-nested.toml",
        "a nested $(call) does not see the outer call's arguments as make does",
    ),
    (
        "functions/025-dir-notdir.toml",
        "$(notdir) keeps an empty word for a name ending in '/'",
    ),
    (
        "functions/046-shell-escaped-percent-and-hash.toml",
        "'\\#' inside a function call is kept with its backslash by make",
    ),
    (
        "jobs/001-parallel-independent.toml",
        "-j runs recipes one after another; real make interleaves them by time",
    ),
    (
        "jobs/002-m40-waiting-for-jobs.toml",
        "-j: no 'Waiting for unfinished jobs' and no parallel siblings",
    ),
    (
        "jobs/003-parallel-respects-deps.toml",
        "-j: output order of parallel recipes",
    ),
    (
        "jobs/006-jobs-makeflags.toml",
        "-j is not passed on in MAKEFLAGS",
    ),
    (
        "options/031-old-file.toml",
        "-o FILE: a prerequisite assumed old still triggers its parent",
    ),
    (
        "patterns/007-normal-dir-prereq-rebuilds.toml",
        "directory mtimes do not change when an entry is added to them",
    ),
    (
        "patterns/011-intermediate-deleted.toml",
        "an intermediate file already deleted still triggers a rebuild",
    ),
    (
        "patterns/012-secondary-kept.toml",
        ".SECONDARY with no prerequisites (all targets secondary) is not honoured",
    ),
    (
        "recursion/011-makeflags-parse-time.toml",
        "MAKEFLAGS at parse time shows command-line variables; 4.3 shows only flags",
    ),
    (
        "recursion/017-jobserver-literal-make.toml",
        "no jobserver warning for a literal 'make' under -j",
    ),
    (
        "syntax/019-prereqs-accumulate.toml",
        "prerequisites of a later rule with a recipe come first in make",
    ),
    (
        "timestamps/015-precious-keeps-intermediate.toml",
        ".PRECIOUS given as a pattern is not honoured",
    ),
    (
        "variables/006-append-keeps-flavor.toml",
        "+= to a simple variable with an empty value keeps a trailing space",
    ),
    (
        "variables/014-m10-self-reference.toml",
        "self-reference is reported where it is used, not at the assignment line",
    ),
    (
        "variables/016-indirect-self-reference.toml",
        "self-reference is reported where it is used, not at the assignment line",
    ),
    (
        "variables/035-pattern-specific.toml",
        "make's quirk: a pattern-specific += with a command-line value duplicates it",
    ),
    (
        "variables/045-builtin-variables.toml",
        "$(origin SHELL) says file; make says default",
    ),
];

fn list(value: Option<&toml::Value>) -> Vec<String> {
    value
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn full(path: &str) -> String {
    format!("{WORK}/{}", path.trim_end_matches('/'))
}

fn insert(session: &mut Session, path: &str, content: &str, mtime: u64) {
    let vfs = session.vfs_mut();
    let trimmed = path.trim_end_matches('/');
    let mut parent = String::new();
    let parts: Vec<&str> = trimmed.split('/').collect();
    for component in &parts[..parts.len() - 1] {
        parent = if parent.is_empty() {
            component.to_string()
        } else {
            format!("{parent}/{component}")
        };
        if !vfs.exists(&full(&parent)) {
            vfs.insert_entry(&full(&parent), EntryKind::Dir, b"", 0o755, BASE)
                .expect("parent directory");
        }
    }
    if path.ends_with('/') {
        vfs.insert_entry(&full(path), EntryKind::Dir, b"", 0o755, mtime)
            .expect("directory");
    } else {
        vfs.insert_entry(
            &full(path),
            EntryKind::File,
            content.as_bytes(),
            0o644,
            mtime,
        )
        .expect("file");
    }
}

fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', "'\\''"))
}

/// Sets a case up, runs each of its runs, and describes every difference.
fn run_case(case: &toml::Table) -> Vec<String> {
    let env = environment(case);
    let mut session = session(env.clone());
    let mtimes = mtimes(case);
    let offset = |path: &str| {
        mtimes
            .iter()
            .find(|(k, _)| k.trim_end_matches('/') == path.trim_end_matches('/'))
            .map_or(0, |(_, v)| *v)
    };
    let mut latest = BASE;
    for (path, content) in string_table(case.get("files")) {
        let mtime = (BASE as i64 + offset(&path)) as u64;
        latest = latest.max(mtime);
        insert(&mut session, &path, &content, mtime);
    }
    for (path, mode) in string_table(case.get("modes")) {
        let mode = u32::from_str_radix(&mode, 8).expect("octal mode");
        let vfs = session.vfs_mut();
        let mtime = vfs.stat(&full(&path)).expect("moded file").mtime;
        vfs.set_mode(&full(&path), mode).expect("mode");
        vfs.set_mtime(&full(&path), mtime).expect("mtime");
    }
    let vfs = session.vfs_mut();
    // The recording machine had no hadolint (the fixtures' README lists it as absent).
    vfs.remove_file("/usr/bin/hadolint").expect("hadolint stub");
    vfs.set_mtime(WORK, BASE).expect("work directory");
    vfs.set_now(latest.max(vfs.now()) + 1);

    let mut differences = Vec::new();
    let runs = case
        .get("run")
        .and_then(toml::Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (index, run) in runs.iter().enumerate() {
        let run = run.as_table().expect("run table");
        for path in list(run.get("remove")) {
            let vfs = session.vfs_mut();
            let p = full(&path);
            if vfs.is_dir(&p) {
                let _ = vfs.remove_dir_all(&p);
            } else {
                let _ = vfs.remove_file(&p);
            }
        }
        for (path, content) in string_table(run.get("write")) {
            let now = session.vfs_mut().tick();
            insert(&mut session, &path, &content, now);
        }
        for path in list(run.get("touch")) {
            let vfs = session.vfs_mut();
            let now = vfs.tick();
            if vfs.exists(&full(&path)) {
                vfs.set_mtime(&full(&path), now).expect("touch");
            } else {
                insert(&mut session, &path, "", now);
            }
        }
        for (path, off) in string_table(run.get("mtimes")) {
            let off: i64 = off.parse().expect("mtime offset");
            let _ = session
                .vfs_mut()
                .set_mtime(&full(&path), (BASE as i64 + off) as u64);
        }
        session.vfs_mut().tick();
        let before = session.vfs().clone();
        let mut line = String::new();
        let run_env = string_table(run.get("env"));
        for (k, v) in &run_env {
            line.push_str(&format!("{k}={} ", quote(v)));
        }
        if !run_env.is_empty() {
            line.insert_str(0, "env ");
        }
        line.push_str("make");
        for arg in list(run.get("args")) {
            line.push(' ');
            line.push_str(&quote(&arg));
        }
        line.push_str(" </dev/null");
        let output = session.run(&line);
        let _ = before;
        let expect = |key: &str| {
            run.get(key)
                .and_then(toml::Value::as_str)
                .unwrap_or_default()
                .replace("{{PWD}}", WORK)
        };
        for (key, got) in [
            ("expect_stdout", &output.stdout),
            ("expect_stderr", &output.stderr),
            ("expect_merged", &output.merged),
        ] {
            let want = expect(key);
            if &want != got {
                differences.push(format!(
                    "run {index} {key}:\n  want {want:?}\n  got  {got:?}"
                ));
            }
        }
        let status = run
            .get("expect_status")
            .and_then(toml::Value::as_integer)
            .expect("status");
        if i64::from(output.status) != status {
            differences.push(format!(
                "run {index} expect_status: want {status}, got {}",
                output.status
            ));
        }
        let want = list(run.get("expect_files"));
        let got = files_left(&session);
        if got != want {
            differences.push(format!(
                "run {index} expect_files:\n  want {want:?}\n  got  {got:?}"
            ));
        }
        for (path, content) in string_table(run.get("expect_file_contents")) {
            let got = session
                .vfs()
                .read(&full(&path))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let content = content.replace("{{PWD}}", WORK);
            if got != content {
                differences.push(format!(
                    "run {index} file {path}:\n  want {content:?}\n  got  {got:?}"
                ));
            }
        }
    }
    differences
}

#[test]
fn make_cases_match_the_recording() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/make-sh/make");
    let paths = cases(&root);
    let (mut ran, mut identical, mut skipped) = (0, 0, Vec::new());
    let (mut failures, mut gaps, mut fixed) = (Vec::new(), Vec::new(), Vec::new());
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("case file");
        let case: toml::Table = toml::from_str(&text).expect("case TOML");
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let tags = list(case.get("tags"));
        if let Some(tag) = tags.iter().find(|t| UNSIMULATED_TAGS.contains(&t.as_str())) {
            skipped.push(format!("{name} ({tag})"));
            continue;
        }
        ran += 1;
        let differences = run_case(&case);
        let gap = KNOWN_GAPS.iter().find(|(n, _)| *n == name);
        match (differences.is_empty(), gap) {
            (true, None) => identical += 1,
            (true, Some(_)) => {
                identical += 1;
                fixed.push(name);
            }
            (false, Some((_, why))) => gaps.push(format!("{name}: {why}")),
            (false, None) => failures.push(format!("{name}\n{}", differences.join("\n"))),
        }
    }
    println!(
        "make differential: {} cases, {ran} run, {identical} identical, {} in the known-gaps list, {} skipped {:?}",
        paths.len(),
        gaps.len(),
        skipped.len(),
        skipped
    );
    for gap in &gaps {
        println!("  known gap: {gap}");
    }
    assert!(
        fixed.is_empty(),
        "these cases now pass: remove them from KNOWN_GAPS: {fixed:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {ran} cases differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
