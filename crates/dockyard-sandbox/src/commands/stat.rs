//! `stat` (the default report and `-c FORMAT` with `%n %s %a %A %U %G %u %g %F %Y %y`).

use super::{fail, getopt, ls::mode_string, time};
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "stat",
        &argv[1..],
        "c:L",
        &[("format", 'c'), ("dereference", 'L')],
        1,
    ) else {
        return 1;
    };
    if opts.operands.is_empty() {
        super::usage(ctx, "stat", "missing operand");
        return 1;
    }
    let mut status = 0;
    for operand in &opts.operands {
        let path = ctx.path(operand);
        let meta = if opts.has('L') {
            ctx.fs().stat(&path)
        } else {
            ctx.fs().lstat(&path)
        };
        let meta = match meta {
            Ok(m) => m,
            Err(e) => {
                fail(ctx, "stat", &format!("cannot statx '{operand}': {e}"));
                status = 1;
                continue;
            }
        };
        let user = ctx.user_name(meta.uid).unwrap_or_else(|| "UNKNOWN".into());
        let group = ctx.group_name(meta.gid).unwrap_or_else(|| "UNKNOWN".into());
        let kind = match meta.kind {
            dockyard_vfs::EntryKind::Dir => "directory",
            dockyard_vfs::EntryKind::Symlink => "symbolic link",
            dockyard_vfs::EntryKind::File if meta.size == 0 => "regular empty file",
            dockyard_vfs::EntryKind::File => "regular file",
        };
        let stamp = time::strftime("%Y-%m-%d %H:%M:%S.000000000 +0000", meta.mtime as i64);
        if let Some(format) = opts.value('c') {
            let mut out = String::new();
            let mut chars = format.chars();
            while let Some(c) = chars.next() {
                if c != '%' {
                    out.push(c);
                    continue;
                }
                match chars.next() {
                    Some('n') => out.push_str(operand),
                    Some('s') => out.push_str(&meta.size.to_string()),
                    Some('a') => out.push_str(&format!("{:o}", meta.mode)),
                    Some('A') => out.push_str(&mode_string(&meta)),
                    Some('U') => out.push_str(&user),
                    Some('G') => out.push_str(&group),
                    Some('u') => out.push_str(&meta.uid.to_string()),
                    Some('g') => out.push_str(&meta.gid.to_string()),
                    Some('F') => out.push_str(kind),
                    Some('Y') => out.push_str(&meta.mtime.to_string()),
                    Some('y') => out.push_str(&stamp),
                    Some('h') => out.push_str(&meta.nlink.to_string()),
                    Some('%') => out.push('%'),
                    Some(o) => {
                        out.push('?');
                        let _ = o;
                    }
                    None => out.push('%'),
                }
            }
            out.push('\n');
            ctx.out(out);
            continue;
        }
        let blocks = meta.size.div_ceil(4096) * 8;
        let text = format!(
            "  File: {operand}\n  Size: {:<15} Blocks: {:<10} IO Block: 4096   {kind}\nDevice: 0,42\tInode: 1           Links: {}\nAccess: ({:04o}/{})  Uid: ({:>5}/{:>8})   Gid: ({:>5}/{:>8})\nAccess: {stamp}\nModify: {stamp}\nChange: {stamp}\n Birth: -\n",
            meta.size, blocks, meta.nlink, meta.mode, mode_string(&meta), meta.uid, user, meta.gid, group
        );
        ctx.out(text);
    }
    status
}
