//! A tiny command language over a `Vfs`, so an operation test is one line: `check("cat /f/", "ENOTDIR")`.

use dockyard_vfs::{Credentials, EntryKind, FsError, Limits, Vfs};

/// The tree every `check` starts from.
pub fn sample_tree() -> Vfs {
    let mut vfs = Vfs::new();
    vfs.create_dir("/d").unwrap();
    vfs.write("/d/f", b"hello").unwrap();
    vfs.create_dir("/d/sub").unwrap();
    vfs.write("/d/sub/g", b"x").unwrap();
    vfs.create_dir("/empty").unwrap();
    vfs.write("/f", b"data").unwrap();
    vfs.write("/exe", b"#!/bin/sh\n").unwrap();
    vfs.set_mode("/exe", 0o755).unwrap();
    vfs.symlink("/d", "/link").unwrap();
    vfs.symlink("f", "/flink").unwrap();
    vfs.symlink("/nowhere", "/dangling").unwrap();
    vfs.symlink("/loop2", "/loop1").unwrap();
    vfs.symlink("/loop1", "/loop2").unwrap();
    vfs.symlink("self", "/self").unwrap();
    vfs.symlink("d/sub", "/rel").unwrap();
    vfs.symlink("../f", "/d/up").unwrap();
    vfs
}

/// Runs `;`-separated commands on [`sample_tree`] and compares the last one's output.
/// Every earlier command must succeed.
#[track_caller]
pub fn check(commands: &str, expected: &str) {
    check_on(sample_tree(), commands, expected);
}

/// [`check`] on a given starting tree.
#[track_caller]
pub fn check_on(mut vfs: Vfs, commands: &str, expected: &str) {
    let commands: Vec<&str> = commands.split("; ").collect();
    let (last, init) = commands.split_last().expect("at least one command");
    for command in init {
        if let Err(err) = run(&mut vfs, command) {
            panic!("setup command `{command}` failed: {}", err.code());
        }
    }
    let actual = match run(&mut vfs, last) {
        Ok(out) => out,
        Err(err) => err.code().to_string(),
    };
    assert_eq!(actual, expected, "commands: {commands:?}");
}

fn kind_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::File => "file",
        EntryKind::Dir => "dir",
        EntryKind::Symlink => "link",
    }
}

fn parse_num(text: &str) -> u64 {
    text.parse()
        .unwrap_or_else(|_| panic!("not a number: {text}"))
}

/// Replaces each `{N*TEXT}` with TEXT repeated N times (for long names and contents).
fn expand_repeats(command: &str) -> String {
    let mut out = String::new();
    let mut rest = command;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').expect("closing brace") + open;
        let (count, text) = rest[open + 1..close].split_once('*').expect("{N*TEXT}");
        out.push_str(&rest[..open]);
        out.push_str(&text.repeat(parse_num(count) as usize));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Runs one command: `OP ARG...`. Successful mutations print `ok`; `try CMD` turns
/// a failure of CMD into its errno name, so a later command can look at the result.
pub fn run(vfs: &mut Vfs, command: &str) -> Result<String, FsError> {
    let command = expand_repeats(command);
    if let Some(inner) = command.strip_prefix("try ") {
        return Ok(run(vfs, inner).unwrap_or_else(|err| err.code().to_string()));
    }
    let words: Vec<&str> = command.split(' ').collect();
    let arg = |i: usize| words.get(i).copied().unwrap_or("");
    let ok = |r: Result<(), FsError>| r.map(|()| "ok".to_string());
    let stat_line = |m: dockyard_vfs::Metadata| {
        format!(
            "{} {:o} {}:{} size={} nlink={}",
            kind_name(m.kind),
            m.mode,
            m.uid,
            m.gid,
            m.size,
            m.nlink
        )
    };
    match words[0] {
        "stat" => vfs.stat(arg(1)).map(stat_line),
        "lstat" => vfs.lstat(arg(1)).map(stat_line),
        "cat" => vfs.read_to_string(arg(1)),
        "write" => ok(vfs.write(arg(1), arg(2).as_bytes())),
        "append" => ok(vfs.append(arg(1), arg(2).as_bytes())),
        "touch" => ok(vfs.touch(arg(1))),
        "mkdir" => ok(vfs.create_dir(arg(1))),
        "mkdirp" => ok(vfs.create_dir_all(arg(1))),
        "rm" => ok(vfs.remove_file(arg(1))),
        "rmdir" => ok(vfs.remove_dir(arg(1))),
        "rmrf" => ok(vfs.remove_dir_all(arg(1))),
        "mv" => ok(vfs.rename(arg(1), arg(2))),
        "cp" => vfs.copy_file(arg(1), arg(2)).map(|n| n.to_string()),
        "ln" => ok(vfs.symlink(arg(1), arg(2))),
        "readlink" => vfs.read_link(arg(1)),
        "realpath" => vfs.canonicalize(arg(1)),
        "ls" => vfs.read_dir(arg(1)).map(|entries| {
            entries
                .iter()
                .map(|e| format!("{}:{}", e.name, kind_name(e.kind)))
                .collect::<Vec<_>>()
                .join(" ")
        }),
        "chmod" => ok(vfs.set_mode(arg(2), u32::from_str_radix(arg(1), 8).expect("octal mode"))),
        "chown" => {
            let (uid, gid) = arg(1).split_once(':').expect("uid:gid");
            ok(vfs.set_owner(arg(2), parse_num(uid) as u32, parse_num(gid) as u32))
        }
        "mtime" => vfs.stat(arg(1)).map(|m| m.mtime.to_string()),
        "lmtime" => vfs.lstat(arg(1)).map(|m| m.mtime.to_string()),
        "setmtime" => ok(vfs.set_mtime(arg(1), parse_num(arg(2)))),
        "now" => Ok(vfs.now().to_string()),
        "advance" => Ok(vfs.advance(parse_num(arg(1))).to_string()),
        "exists" => Ok(format!(
            "{} dir={} file={}",
            vfs.exists(arg(1)),
            vfs.is_dir(arg(1)),
            vfs.is_file(arg(1))
        )),
        "du" => vfs.disk_usage(arg(1)).map(|n| n.to_string()),
        "usage" => Ok(format!(
            "bytes={} nodes={}",
            vfs.usage().bytes,
            vfs.usage().nodes
        )),
        "user" => {
            vfs.set_user(Credentials {
                uid: parse_num(arg(1)) as u32,
                gid: parse_num(arg(2)) as u32,
            });
            Ok("ok".to_string())
        }
        "umask" => {
            vfs.set_umask(u32::from_str_radix(arg(1), 8).expect("octal umask"));
            Ok("ok".to_string())
        }
        "readonly" => {
            vfs.set_read_only(arg(1) == "on");
            Ok("ok".to_string())
        }
        "access" => {
            let access = match arg(1) {
                "r" => dockyard_vfs::Access::Read,
                "w" => dockyard_vfs::Access::Write,
                _ => dockyard_vfs::Access::Execute,
            };
            ok(vfs.access(arg(2), access))
        }
        "limits" => {
            let mut limits = Limits::default();
            for setting in &words[1..] {
                let (key, value) = setting.split_once('=').expect("key=value");
                let value = parse_num(value);
                match key {
                    "bytes" => limits.max_total_bytes = value,
                    "file" => limits.max_file_size = value,
                    "nodes" => limits.max_nodes = value,
                    "path" => limits.max_path_len = value as usize,
                    "name" => limits.max_name_len = value as usize,
                    "depth" => limits.max_depth = value as usize,
                    other => panic!("unknown limit {other}"),
                }
            }
            vfs.set_limits(limits);
            Ok("ok".to_string())
        }
        other => panic!("unknown test command {other}"),
    }
}
