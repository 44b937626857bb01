//! `cd`: dash's logical directory change, `cd -`, `cd` to `$HOME`, `PWD`/`OLDPWD`.

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let mut args = &argv[1..];
    let mut physical = false;
    while let Some(first) = args.first() {
        match first.as_str() {
            "-L" => physical = false,
            "-P" => physical = true,
            "--" => {
                args = &args[1..];
                break;
            }
            _ => break,
        }
        args = &args[1..];
    }
    let (target, print) = match args.first().map(String::as_str) {
        None => match ctx.shell.get_var("HOME") {
            Some(home) if !home.is_empty() => (home.to_string(), false),
            _ => return 0,
        },
        Some("-") => match ctx.shell.get_var("OLDPWD") {
            Some(old) => (old.to_string(), true),
            None => (ctx.cwd().to_string(), true),
        },
        Some(dir) => (dir.to_string(), false),
    };
    let logical = dockyard_vfs::resolve(ctx.cwd(), &target);
    let ok = ctx.fs().is_dir(&logical)
        && ctx
            .fs()
            .access(&logical, dockyard_vfs::Access::Execute)
            .is_ok();
    if !ok {
        ctx.builtin_error("cd", &format!("can't cd to {target}"));
        return 2;
    }
    let new = if physical {
        ctx.fs().canonicalize(&logical).unwrap_or(logical)
    } else {
        logical
    };
    let old = ctx.cwd().to_string();
    ctx.shell.st.cwd = new.clone();
    let _ = ctx.shell.set_var("OLDPWD", &old);
    let _ = ctx.shell.set_var("PWD", &new);
    if print {
        ctx.out(format!("{new}\n"));
    }
    0
}
