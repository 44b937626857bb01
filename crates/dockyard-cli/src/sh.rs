//! `dockyard sh [--seed N] [-c LINE | SCRIPT [ARG]...]`: runs shell command
//! lines in one sandbox session whose working directory holds a copy of the
//! current directory. The real files are never changed.

use std::io::Write;
use std::path::Path;

use dockyard_sandbox::{Invocation, Session, SessionConfig};
use dockyard_vfs::EntryKind;

/// How much of the current directory is copied into the sandbox.
const MAX_FILES: usize = 40_000;
const MAX_FILE_BYTES: u64 = 4 << 20;
/// Folders that are never copied: build output and version control.
const SKIPPED: &[&str] = &[".git", "target", "node_modules", "dist"];

const USAGE: &str = "Usage: dockyard sh [--seed N] [-c LINE | SCRIPT [ARG]...]\n";

pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut seed = 0u64;
    let mut rest = args;
    loop {
        match rest {
            [flag, value, tail @ ..] if flag == "--seed" => match value.parse() {
                Ok(n) => {
                    seed = n;
                    rest = tail;
                }
                Err(_) => {
                    let _ = write!(
                        err,
                        "dockyard sh: --seed needs a number, not '{value}'\n{USAGE}"
                    );
                    return 2;
                }
            },
            _ => break,
        }
    }
    let invocation = match rest {
        [flag, line, positional @ ..] if flag == "-c" => Invocation {
            script: line.clone(),
            argv0: positional.first().cloned(),
            positional: positional.iter().skip(1).cloned().collect(),
            stdin: Vec::new(),
        },
        [script, positional @ ..] if !script.starts_with('-') => {
            match std::fs::read_to_string(script) {
                Ok(text) => Invocation {
                    script: text,
                    argv0: Some(script.clone()),
                    positional: positional.to_vec(),
                    stdin: Vec::new(),
                },
                Err(e) => {
                    let _ = writeln!(err, "dockyard sh: {script}: {e}");
                    return 127;
                }
            }
        }
        _ => {
            let _ = write!(err, "{USAGE}");
            return 2;
        }
    };

    let mut session = Session::new(SessionConfig {
        seed,
        ..SessionConfig::default()
    });
    let home = session.cwd().to_string();
    if let Err(message) = load(Path::new("."), &home, &mut session) {
        let _ = writeln!(err, "dockyard sh: {message}");
        return 1;
    }
    let output = session.run_script(&invocation);
    let _ = out.write_all(output.stdout.as_bytes());
    let _ = err.write_all(output.stderr.as_bytes());
    output.status
}

/// Copies `dir` (recursively) into the sandbox at `target`, keeping modes
/// and modification times.
pub(crate) fn load(dir: &Path, target: &str, session: &mut Session) -> Result<(), String> {
    let mut count = 0;
    let mut stack = vec![(dir.to_path_buf(), target.to_string())];
    while let Some((real, virtual_dir)) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&real)
            .map_err(|e| format!("{}: {e}", real.display()))?
            .filter_map(Result::ok)
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if SKIPPED.contains(&name.as_str()) {
                continue;
            }
            let Ok(meta) = entry.metadata() else { continue };
            let path = format!("{virtual_dir}/{name}");
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs());
            let mode = mode_of(&meta);
            count += 1;
            if count > MAX_FILES {
                return Err(format!(
                    "more than {MAX_FILES} files here; run it in a smaller directory"
                ));
            }
            if meta.is_dir() {
                session
                    .vfs_mut()
                    .insert_entry(&path, EntryKind::Dir, &[], mode, mtime)
                    .map_err(|e| format!("{path}: {}", e.strerror()))?;
                stack.push((entry.path(), path));
            } else if meta.is_file() && meta.len() <= MAX_FILE_BYTES {
                let data = std::fs::read(entry.path()).map_err(|e| format!("{name}: {e}"))?;
                session
                    .vfs_mut()
                    .insert_entry(&path, EntryKind::File, &data, mode, mtime)
                    .map_err(|e| format!("{path}: {}", e.strerror()))?;
            }
        }
    }
    Ok(())
}

#[cfg(unix)]
fn mode_of(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(meta: &std::fs::Metadata) -> u32 {
    if meta.is_dir() {
        0o755
    } else {
        0o644
    }
}
