//! `env`: print the environment, or run a command with a changed one (`-i`, `-u NAME`, `NAME=value`).

use super::usage;
use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let mut env = ctx.env();
    let mut i = 1;
    while i < argv.len() {
        let arg = &argv[i];
        match arg.as_str() {
            "-i" | "-" | "--ignore-environment" => env.clear(),
            "-u" => {
                i += 1;
                let Some(name) = argv.get(i) else {
                    usage(ctx, "env", "option requires an argument -- 'u'");
                    return 125;
                };
                env.retain(|(k, _)| k != name);
            }
            "--" => {
                i += 1;
                break;
            }
            a if a.starts_with('-') && a.len() > 1 => {
                usage(ctx, "env", &format!("invalid option -- '{}'", &a[1..2]));
                return 125;
            }
            _ => break,
        }
        i += 1;
    }
    while i < argv.len() {
        match argv[i].split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                env.retain(|(name, _)| name != k);
                env.push((k.to_string(), v.to_string()));
                i += 1;
            }
            _ => break,
        }
    }
    if i >= argv.len() {
        let text: String = env.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
        ctx.out(text);
        return 0;
    }
    let command = argv[i..].to_vec();
    let saved = ctx.shell.st.vars.clone();
    for var in ctx.shell.st.vars.values_mut() {
        var.exported = false;
    }
    for (k, v) in &env {
        let _ = ctx.shell.set_var(k, v);
        if let Some(var) = ctx.shell.st.vars.get_mut(k) {
            var.exported = true;
        }
    }
    let found = ctx.shell.path_lookup(&command[0]).is_some() || command[0].contains('/');
    let status = if found {
        ctx.exec(&command)
    } else {
        super::fail(
            ctx,
            "env",
            &format!("'{}': No such file or directory", command[0]),
        );
        127
    };
    ctx.shell.st.vars = saved;
    status
}
