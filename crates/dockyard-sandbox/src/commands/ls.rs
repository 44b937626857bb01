//! `ls` (`-a -A -l -1 -R -d -h -r -t -S -F`), one name per line as when output is not a
//! terminal; `-l` with modes, owners from the passwd table, sizes and ls's dates.

use dockyard_vfs::{EntryKind, Metadata};

use super::{getopt, time};
use crate::registry::Ctx;

/// `drwxr-xr-x` from a file's metadata.
pub(crate) fn mode_string(meta: &Metadata) -> String {
    let mut s = String::new();
    s.push(match meta.kind {
        EntryKind::Dir => 'd',
        EntryKind::Symlink => 'l',
        EntryKind::File => '-',
    });
    let m = meta.mode;
    for (shift, special, special_char) in [(6, 0o4000, 's'), (3, 0o2000, 's'), (0, 0o1000, 't')] {
        let bits = (m >> shift) & 7;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        let x = bits & 1 != 0;
        s.push(match (m & special != 0, x) {
            (true, true) => special_char,
            (true, false) => special_char.to_ascii_uppercase(),
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    s
}

/// ls's time column: recent files show the time, others (older than six months, or
/// in the future) the year.
pub(crate) fn ls_time(mtime: u64, now: u64) -> String {
    let six_months = 31_556_952 / 2;
    let recent = mtime <= now && now - mtime < six_months;
    if recent {
        time::strftime("%b %e %H:%M", mtime as i64)
    } else {
        time::strftime("%b %e  %Y", mtime as i64)
    }
}

struct Flags {
    all: bool,
    almost: bool,
    long: bool,
    recursive: bool,
    directory: bool,
    reverse: bool,
    by_time: bool,
    by_size: bool,
    classify: bool,
    human: bool,
}

fn blocks(meta: &Metadata) -> u64 {
    match meta.kind {
        EntryKind::Symlink => 0,
        EntryKind::Dir => 4,
        EntryKind::File => meta.size.div_ceil(4096) * 4,
    }
}

fn human(size: u64) -> String {
    if size < 1024 {
        return size.to_string();
    }
    let mut value = size as f64;
    for unit in ["K", "M", "G", "T"] {
        value /= 1024.0;
        if value < 1024.0 {
            return if value < 10.0 {
                format!("{:.1}{unit}", (value * 10.0).ceil() / 10.0)
            } else {
                format!("{}{unit}", value.ceil() as u64)
            };
        }
    }
    format!("{}P", value.ceil() as u64)
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "ls",
        &argv[1..],
        "aAlR1dhrtSFCx",
        &[
            ("all", 'a'),
            ("almost-all", 'A'),
            ("recursive", 'R'),
            ("directory", 'd'),
            ("human-readable", 'h'),
            ("reverse", 'r'),
            ("classify", 'F'),
        ],
        2,
    ) else {
        return 2;
    };
    let flags = Flags {
        all: opts.has('a'),
        almost: opts.has('A'),
        long: opts.has('l'),
        recursive: opts.has('R'),
        directory: opts.has('d'),
        reverse: opts.has('r'),
        by_time: opts.has('t'),
        by_size: opts.has('S'),
        classify: opts.has('F'),
        human: opts.has('h'),
    };
    let mut operands = opts.operands.clone();
    let implicit = operands.is_empty();
    if implicit {
        operands.push(".".into());
    }
    let mut status = 0;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for operand in &operands {
        let path = ctx.path(operand);
        let meta = if flags.long || flags.directory {
            ctx.fs().lstat(&path).ok().and_then(|m| {
                if m.is_symlink() && !flags.directory && operand.ends_with('/') {
                    ctx.fs().stat(&path).ok()
                } else {
                    Some(m)
                }
            })
        } else {
            ctx.fs().stat(&path).or_else(|_| ctx.fs().lstat(&path)).ok()
        };
        match meta {
            None => {
                let error = ctx
                    .fs()
                    .lstat(&path)
                    .err()
                    .map_or("No such file or directory".to_string(), |e| e.to_string());
                super::fail(ctx, "ls", &format!("cannot access '{operand}': {error}"));
                status = 2;
            }
            Some(meta) => {
                let is_dir =
                    meta.is_dir() || (meta.is_symlink() && !flags.long && ctx.fs().is_dir(&path));
                if is_dir && !flags.directory {
                    dirs.push(operand.clone());
                } else {
                    files.push((operand.clone(), meta));
                }
            }
        }
    }
    sort_entries(ctx, &mut files, &flags, None);
    let mut out = String::new();
    if !files.is_empty() {
        out.push_str(&render(ctx, &files, &flags, None));
    }
    let mut dir_list: Vec<(String, Metadata)> = dirs
        .iter()
        .filter_map(|d| ctx.fs().stat(&ctx.path(d)).ok().map(|m| (d.clone(), m)))
        .collect();
    sort_entries(ctx, &mut dir_list, &flags, None);
    let show_header = operands.len() > 1 || flags.recursive || status != 0;
    let mut first = files.is_empty();
    for (dir, _) in dir_list {
        list_dir(
            ctx,
            &dir,
            &flags,
            show_header,
            &mut first,
            &mut out,
            &mut status,
            0,
        );
    }
    ctx.out(out);
    status
}

fn sort_entries(
    ctx: &Ctx<'_>,
    entries: &mut [(String, Metadata)],
    flags: &Flags,
    _base: Option<&str>,
) {
    let _ = ctx;
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    if flags.by_time {
        entries.sort_by_key(|e| std::cmp::Reverse(e.1.mtime));
    } else if flags.by_size {
        entries.sort_by_key(|e| std::cmp::Reverse(e.1.size));
    }
    if flags.reverse {
        entries.reverse();
    }
}

#[allow(clippy::too_many_arguments)]
fn list_dir(
    ctx: &mut Ctx<'_>,
    dir: &str,
    flags: &Flags,
    header: bool,
    first: &mut bool,
    out: &mut String,
    status: &mut i32,
    depth: usize,
) {
    if depth > 64 {
        return;
    }
    let path = ctx.path(dir);
    let entries = match ctx.fs().read_dir(&path) {
        Ok(e) => e,
        Err(e) => {
            ctx.out(std::mem::take(out));
            super::fail(ctx, "ls", &format!("cannot open directory '{dir}': {e}"));
            *status = 2;
            return;
        }
    };
    if !*first {
        out.push('\n');
    }
    *first = false;
    if header {
        out.push_str(&format!("{dir}:\n"));
    }
    let mut items: Vec<(String, Metadata)> = Vec::new();
    if flags.all {
        for name in [".", ".."] {
            if let Ok(meta) = ctx.fs().stat(&format!("{path}/{name}")) {
                items.push((name.to_string(), meta));
            }
        }
    }
    for entry in entries {
        if entry.name.starts_with('.') && !flags.all && !flags.almost {
            continue;
        }
        if let Ok(meta) = ctx
            .fs()
            .lstat(&format!("{}/{}", path.trim_end_matches('/'), entry.name))
        {
            items.push((entry.name.clone(), meta));
        }
    }
    sort_entries(ctx, &mut items, flags, Some(dir));
    if flags.long {
        let total: u64 = items.iter().map(|(_, m)| blocks(m)).sum();
        out.push_str(&format!("total {total}\n"));
    }
    out.push_str(&render(ctx, &items, flags, Some(&path)));
    if flags.recursive {
        for (name, meta) in &items {
            if meta.is_dir() && name != "." && name != ".." {
                let sub = if dir.ends_with('/') {
                    format!("{dir}{name}")
                } else {
                    format!("{dir}/{name}")
                };
                if !ctx.step() {
                    return;
                }
                list_dir(ctx, &sub, flags, true, first, out, status, depth + 1);
            }
        }
    }
}

fn render(
    ctx: &Ctx<'_>,
    items: &[(String, Metadata)],
    flags: &Flags,
    base: Option<&str>,
) -> String {
    let suffix = |meta: &Metadata| -> &str {
        if !flags.classify {
            return "";
        }
        match meta.kind {
            EntryKind::Dir => "/",
            EntryKind::Symlink => "@",
            EntryKind::File if meta.is_executable() => "*",
            EntryKind::File => "",
        }
    };
    if !flags.long {
        return items
            .iter()
            .map(|(name, meta)| format!("{name}{}\n", suffix(meta)))
            .collect();
    }
    let now = ctx.now();
    let rows: Vec<[String; 6]> = items
        .iter()
        .map(|(name, meta)| {
            let owner = ctx
                .user_name(meta.uid)
                .unwrap_or_else(|| meta.uid.to_string());
            let group = ctx
                .group_name(meta.gid)
                .unwrap_or_else(|| meta.gid.to_string());
            let size = if flags.human {
                human(meta.size)
            } else {
                meta.size.to_string()
            };
            let mut shown = format!(
                "{name}{}",
                if meta.is_symlink() { "" } else { suffix(meta) }
            );
            if meta.is_symlink() {
                let full = match base {
                    Some(b) => format!("{}/{}", b.trim_end_matches('/'), name),
                    None => ctx.path(name),
                };
                if let Ok(target) = ctx.fs().read_link(&full) {
                    shown.push_str(&format!(" -> {target}"));
                }
            }
            [
                mode_string(meta),
                meta.nlink.to_string(),
                owner,
                group,
                size,
                format!("{} {shown}", ls_time(meta.mtime, now)),
            ]
        })
        .collect();
    let width = |i: usize| rows.iter().map(|r| r[i].len()).max().unwrap_or(0);
    let (w1, w2, w3, w4) = (width(1), width(2), width(3), width(4));
    rows.iter()
        .map(|r| {
            format!(
                "{} {:>w1$} {:<w2$} {:<w3$} {:>w4$} {}\n",
                r[0], r[1], r[2], r[3], r[4], r[5]
            )
        })
        .collect()
}
