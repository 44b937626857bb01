//! `sh` / `dash`: a child shell (`-c SCRIPT [NAME [ARGS]]`, `SCRIPT [ARGS]`, or the
//! script on standard input; `-e -u -x -f -n -C -v -a` set options).

use crate::registry::Ctx;
use crate::shell::Options;

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let mut options = Options::default();
    let mut command = false;
    let mut i = 1;
    while i < argv.len() {
        let arg = &argv[i];
        if arg == "--" {
            i += 1;
            break;
        }
        let on = arg.starts_with('-');
        if !(on || arg.starts_with('+')) || arg.len() < 2 {
            break;
        }
        for c in arg[1..].chars() {
            match c {
                'c' => command = true,
                'e' => options.errexit = on,
                'u' => options.nounset = on,
                'x' => options.xtrace = on,
                'f' => options.noglob = on,
                'n' => options.noexec = on,
                'C' => options.noclobber = on,
                'v' => options.verbose = on,
                'a' => options.allexport = on,
                's' | 'i' | 'l' => {}
                other => {
                    ctx.err(format!("{}: 0: Illegal option -{other}\n", argv[0]));
                    return 2;
                }
            }
        }
        i += 1;
    }
    let rest = &argv[i..];
    let env = ctx.env();
    if command {
        let Some(script) = rest.first() else {
            ctx.err(format!("{}: 0: -c requires an argument\n", argv[0]));
            return 2;
        };
        let name = rest.get(1).cloned().unwrap_or_else(|| argv[0].clone());
        let args = rest.get(2..).map(<[String]>::to_vec).unwrap_or_default();
        return ctx.shell.run_child(script, &name, args, env, Some(options));
    }
    match rest.first() {
        Some(file) => {
            let script = match ctx.read_operand(file) {
                Ok(d) => String::from_utf8_lossy(&d).into_owned(),
                Err(_) => {
                    ctx.err(format!(
                        "{}: 0: cannot open {file}: No such file\n",
                        argv[0]
                    ));
                    return 2;
                }
            };
            ctx.shell
                .run_child(&script, file, rest[1..].to_vec(), env, Some(options))
        }
        None => {
            let script = String::from_utf8_lossy(&ctx.stdin()).into_owned();
            ctx.shell
                .run_child(&script, &argv[0], Vec::new(), env, Some(options))
        }
    }
}
