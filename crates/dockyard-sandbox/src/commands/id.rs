//! `id` (`-u -g -n -G`).

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let user = ctx.fs().user();
    let uname = ctx
        .user_name(user.uid)
        .unwrap_or_else(|| user.uid.to_string());
    let gname = ctx
        .group_name(user.gid)
        .unwrap_or_else(|| user.gid.to_string());
    let flags: String = argv[1..]
        .iter()
        .filter(|a| a.starts_with('-'))
        .map(|a| &a[1..])
        .collect();
    let names = flags.contains('n');
    let text = if flags.contains('u') {
        if names {
            uname
        } else {
            user.uid.to_string()
        }
    } else if flags.contains('g') || flags.contains('G') {
        if names {
            gname
        } else {
            user.gid.to_string()
        }
    } else {
        format!(
            "uid={}({uname}) gid={}({gname}) groups={}({gname})",
            user.uid, user.gid, user.gid
        )
    };
    ctx.out(format!("{text}\n"));
    0
}
