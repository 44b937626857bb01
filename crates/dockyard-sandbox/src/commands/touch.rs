//! `touch` (`-c`, `-d DATE`, `-t STAMP`, `-r FILE`): times come from the logical clock.

use super::{fail, getopt, time, usage};
use crate::registry::Ctx;

fn parse_stamp(s: &str) -> Option<i64> {
    let (main, secs) = match s.split_once('.') {
        Some((m, sec)) => (m, sec.parse::<i64>().ok()?),
        None => (s, 0),
    };
    if !main.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match main.len() {
        12 => (main[..4].parse::<i64>().ok()?, &main[4..]),
        10 => {
            let yy: i64 = main[..2].parse().ok()?;
            (if yy < 69 { 2000 + yy } else { 1900 + yy }, &main[2..])
        }
        8 => (1970, main),
        _ => return None,
    };
    let month: u32 = rest[..2].parse().ok()?;
    let day: u32 = rest[2..4].parse().ok()?;
    let hour: i64 = rest[4..6].parse().ok()?;
    let minute: i64 = rest[6..8].parse().ok()?;
    Some(time::days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + secs)
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let Ok(opts) = getopt(
        ctx,
        "touch",
        &argv[1..],
        "acmd:t:r:",
        &[("no-create", 'c'), ("date", 'd'), ("reference", 'r')],
        1,
    ) else {
        return 1;
    };
    if opts.operands.is_empty() {
        usage(ctx, "touch", "missing file operand");
        return 1;
    }
    let now = ctx.now() as i64;
    let mut stamp = None;
    if let Some(d) = opts.value('d') {
        match time::parse_date(d, now) {
            Some(t) => stamp = Some(t),
            None => {
                fail(ctx, "touch", &format!("invalid date format '{d}'"));
                return 1;
            }
        }
    }
    if let Some(t) = opts.value('t') {
        match parse_stamp(t) {
            Some(t) => stamp = Some(t),
            None => {
                fail(ctx, "touch", &format!("invalid date format '{t}'"));
                return 1;
            }
        }
    }
    if let Some(r) = opts.value('r') {
        match ctx.fs().stat(&ctx.path(r)) {
            Ok(m) => stamp = Some(m.mtime as i64),
            Err(e) => {
                fail(
                    ctx,
                    "touch",
                    &format!("failed to get attributes of '{r}': {e}"),
                );
                return 1;
            }
        }
    }
    let mut status = 0;
    for operand in &opts.operands {
        let path = ctx.path(operand);
        if dockyard_vfs::resolve("/", &path) == "/dev/null" {
            continue;
        }
        let exists = ctx.fs().exists(&path);
        if !exists && opts.has('c') {
            continue;
        }
        let result = match stamp {
            Some(t) => {
                let r = if exists {
                    Ok(())
                } else {
                    ctx.vfs().append(&path, b"")
                };
                r.and_then(|_| ctx.vfs().set_mtime(&path, t.max(0) as u64))
            }
            None => {
                if exists && ctx.fs().is_dir(&path) {
                    let t = ctx.vfs().tick();
                    ctx.vfs().set_mtime(&path, t)
                } else {
                    ctx.vfs().touch(&path)
                }
            }
        };
        if let Err(e) = result {
            fail(ctx, "touch", &format!("cannot touch '{operand}': {e}"));
            status = 1;
        }
    }
    status
}
