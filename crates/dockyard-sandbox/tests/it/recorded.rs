//! What the dash and make differential suites share: where the recorded
//! cases live and how the recorder ran them, reading their TOML, and the
//! files a run leaves behind.

use std::path::{Path, PathBuf};

use dockyard_sandbox::{Session, SessionConfig};
use dockyard_vfs::EntryKind;

/// The recorder's mtime base (2023-11-14T22:13:20Z).
pub const BASE: u64 = 1_700_000_000;
/// Where a case's files live; `{{PWD}}` in expectations stands for it.
pub const WORK: &str = "/tmp/dockyard-fx/w";
/// Tags naming things the sandbox does not simulate.
pub const UNSIMULATED_TAGS: [&str; 3] = ["uses-bash", "uses-kill", "uses-cc"];

/// Every case file below `dir`, in path order.
pub fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture directory")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(cases(&path));
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out
}

/// A TOML table of strings (other values as their TOML text), in order.
pub fn string_table(value: Option<&toml::Value>) -> Vec<(String, String)> {
    value
        .and_then(toml::Value::as_table)
        .map(|t| {
            t.iter()
                .map(|(k, v)| {
                    let value = match v {
                        toml::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (k.clone(), value)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The paths below [`WORK`] (directories with a trailing `/`), sorted, as
/// the recorder lists them.
pub fn files_left(session: &Session) -> Vec<String> {
    let mut got = Vec::new();
    if let Ok(entries) = session.vfs().entries(WORK) {
        for (path, kind) in entries.skip(1).map(|e| (e.path, e.metadata.kind)) {
            let rel = path
                .strip_prefix(&format!("{WORK}/"))
                .unwrap_or(&path)
                .to_string();
            got.push(if kind == EntryKind::Dir {
                format!("{rel}/")
            } else {
                rel
            });
        }
    }
    got.sort();
    got
}

/// The recorder's environment (`env -i` plus these), with the case's `env`.
pub fn environment(case: &toml::Table) -> Vec<(String, String)> {
    let mut env = vec![
        ("HOME".to_string(), "/nonexistent".to_string()),
        ("LANG".to_string(), "C".to_string()),
        ("PATH".to_string(), "/usr/bin:/bin".to_string()),
    ];
    env.extend(string_table(case.get("env")));
    env
}

/// A session set up as the recorder ran: as root, in [`WORK`], its clock at [`BASE`].
pub fn session(env: Vec<(String, String)>) -> Session {
    Session::new(SessionConfig {
        user: "root".into(),
        cwd: Some(WORK.into()),
        seed: 7,
        start_time: BASE,
        env: Some(env),
        ..SessionConfig::default()
    })
}

/// The case's `mtimes`: offsets in seconds from [`BASE`], by path.
pub fn mtimes(case: &toml::Table) -> Vec<(String, i64)> {
    string_table(case.get("mtimes"))
        .into_iter()
        .map(|(k, v)| (k, v.parse().expect("mtime offset")))
        .collect()
}
