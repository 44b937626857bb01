//! `du` (`-s`, `-h`, `-a`, `-b`): sizes in 1 KiB blocks as ext4 allocates them (4 KiB per block).

use super::{fail, getopt};
use crate::registry::Ctx;

fn usage_of(ctx: &Ctx<'_>, path: &str, depth: usize, apparent: bool) -> u64 {
    let Ok(meta) = ctx.fs().lstat(path) else {
        return 0;
    };
    let own = if apparent {
        meta.size
    } else if meta.is_symlink() {
        0
    } else {
        meta.size.div_ceil(4096) * 4
    };
    if meta.is_dir() && depth < 100 {
        own + ctx
            .fs()
            .read_dir(path)
            .unwrap_or_default()
            .iter()
            .map(|e| {
                usage_of(
                    ctx,
                    &format!("{}/{}", path.trim_end_matches('/'), e.name),
                    depth + 1,
                    apparent,
                )
            })
            .sum::<u64>()
    } else {
        own
    }
}

fn show(size: u64, human: bool, bytes: bool) -> String {
    if human {
        let b = if bytes { size } else { size * 1024 };
        if b < 1024 {
            return b.to_string();
        }
        let k = b as f64 / 1024.0;
        if k < 1024.0 {
            return if k < 10.0 {
                format!("{:.1}K", (k * 10.0).ceil() / 10.0)
            } else {
                format!("{}K", k.ceil())
            };
        }
        let m = k / 1024.0;
        return if m < 10.0 {
            format!("{:.1}M", (m * 10.0).ceil() / 10.0)
        } else {
            format!("{}M", m.ceil())
        };
    }
    size.to_string()
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "du",
        &argv[1..],
        "shabc",
        &[
            ("summarize", 's'),
            ("human-readable", 'h'),
            ("all", 'a'),
            ("bytes", 'b'),
        ],
        1,
    ) else {
        return 1;
    };
    let mut operands = opts.operands.clone();
    if operands.is_empty() {
        operands.push(".".into());
    }
    let bytes = opts.has('b');
    let mut status = 0;
    let mut out = String::new();
    for operand in &operands {
        let path = ctx.path(operand);
        if let Err(e) = ctx.fs().lstat(&path) {
            fail(ctx, "du", &format!("cannot access '{operand}': {e}"));
            status = 1;
            continue;
        }
        if !opts.has('s') && ctx.fs().is_dir(&path) {
            list(
                ctx,
                operand,
                &mut out,
                opts.has('h'),
                bytes,
                opts.has('a'),
                0,
            );
            continue;
        }
        let size = usage_of(ctx, &path, 0, bytes);
        out.push_str(&format!(
            "{}\t{operand}\n",
            show(size, opts.has('h'), bytes)
        ));
    }
    ctx.out(out);
    status
}

fn list(
    ctx: &Ctx<'_>,
    operand: &str,
    out: &mut String,
    human: bool,
    bytes: bool,
    all: bool,
    depth: usize,
) {
    let path = ctx.path(operand);
    for entry in ctx.fs().read_dir(&path).unwrap_or_default() {
        let sub = format!("{}/{}", operand.trim_end_matches('/'), entry.name);
        if entry.kind == dockyard_vfs::EntryKind::Dir && depth < 100 {
            list(ctx, &sub, out, human, bytes, all, depth + 1);
        } else if all {
            let size = usage_of(ctx, &ctx.path(&sub), 0, bytes);
            out.push_str(&format!("{}\t{sub}\n", show(size, human, bytes)));
        }
    }
    let size = usage_of(ctx, &path, 0, bytes);
    out.push_str(&format!("{}\t{operand}\n", show(size, human, bytes)));
}
