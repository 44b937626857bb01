//! `which` (Debian's): the path of each program on `PATH`; 1 if any is missing.

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let all = argv[1..].iter().any(|a| a == "-a");
    let mut status = 0;
    let mut out = String::new();
    let names: Vec<&String> = argv[1..].iter().filter(|a| !a.starts_with('-')).collect();
    if names.is_empty() {
        return 1;
    }
    for name in names {
        if name.contains('/') {
            let path = ctx.path(name);
            if ctx
                .fs()
                .stat(&path)
                .is_ok_and(|m| m.is_file() && m.is_executable())
            {
                out.push_str(&format!("{name}\n"));
            } else {
                status = 1;
            }
            continue;
        }
        let path_var = ctx.var("PATH").unwrap_or_default();
        let mut found = false;
        for dir in path_var.split(':') {
            let dir = if dir.is_empty() { "." } else { dir };
            let candidate = format!("{dir}/{name}");
            let full = ctx.path(&candidate);
            if ctx
                .fs()
                .stat(&full)
                .is_ok_and(|m| m.is_file() && m.is_executable())
            {
                out.push_str(&format!("{candidate}\n"));
                found = true;
                if !all {
                    break;
                }
            }
        }
        if !found {
            status = 1;
        }
    }
    ctx.out(out);
    status
}
