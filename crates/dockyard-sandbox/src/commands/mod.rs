//! The simulated programs in `/usr/bin`, one module per command, with GNU coreutils
//! 9.1's messages and exit statuses. [`register_all`] is the one list of them.

use crate::registry::{CommandRegistry, Ctx};

mod basename;
mod cat;
mod chmod;
mod clear;
mod cp;
mod cut;
mod date;
mod df;
mod dirname;
mod du;
mod env;
mod find;
mod grep;
mod hadolint;
mod head;
mod history;
mod id;
mod ln;
mod ls;
mod make;
mod mkdir;
mod mv;
mod readlink;
mod realpath;
mod rm;
mod rmdir;
mod sed;
mod seq;
mod sh;
mod sleep;
mod sort;
mod stat;
mod tail;
mod tee;
mod time;
mod touch;
mod tr;
mod uname;
mod uniq;
mod wc;
mod which;
mod whoami;
mod xargs;
mod yes;

type Main = fn(&mut Ctx<'_>, &[String]) -> i32;

/// Every standard program, by name.
const PROGRAMS: &[(&str, Main)] = &[
    ("basename", basename::run),
    ("cat", cat::run),
    ("chmod", chmod::run),
    ("clear", clear::run),
    ("cp", cp::run),
    ("cut", cut::run),
    ("dash", sh::run),
    ("date", date::run),
    ("df", df::run),
    ("dirname", dirname::run),
    ("du", du::run),
    ("env", env::run),
    ("find", find::run),
    ("grep", grep::run),
    ("egrep", grep::run_egrep),
    ("fgrep", grep::run_fgrep),
    ("hadolint", hadolint::run),
    ("make", make::run),
    ("head", head::run),
    ("history", history::run),
    ("id", id::run),
    ("ln", ln::run),
    ("ls", ls::run),
    ("mkdir", mkdir::run),
    ("mv", mv::run),
    ("readlink", readlink::run),
    ("realpath", realpath::run),
    ("rm", rm::run),
    ("rmdir", rmdir::run),
    ("sed", sed::run),
    ("seq", seq::run),
    ("sh", sh::run),
    ("sleep", sleep::run),
    ("sort", sort::run),
    ("stat", stat::run),
    ("tail", tail::run),
    ("tee", tee::run),
    ("touch", touch::run),
    ("tr", tr::run),
    ("uname", uname::run),
    ("uniq", uniq::run),
    ("wc", wc::run),
    ("which", which::run),
    ("whoami", whoami::run),
    ("xargs", xargs::run),
    ("yes", yes::run),
    ("echo", builtin_echo),
    ("printf", builtin_printf),
    ("test", builtin_test),
    ("[", builtin_test),
    ("true", |_, _| 0),
    ("false", |_, _| 1),
    ("pwd", builtin_pwd),
];

fn builtin_echo(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    crate::builtins::echo::run(ctx, argv)
}
fn builtin_printf(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    crate::builtins::printf::run(ctx, argv)
}
fn builtin_test(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    crate::builtins::test::run(ctx, argv)
}
fn builtin_pwd(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    crate::builtins::pwd::run(ctx, argv)
}

/// Registers every standard program.
pub fn register_all(registry: &mut CommandRegistry) {
    for (name, main) in PROGRAMS {
        registry.register_fn(name, *main);
    }
}

/// `PROG: MESSAGE` on stderr.
pub(crate) fn fail(ctx: &mut Ctx<'_>, prog: &str, message: &str) {
    ctx.err(format!("{prog}: {message}\n"));
}

/// GNU's usage error: the message, then `Try 'PROG --help' for more information.`
/// `cp` and `mv`: the sources, each paired with where it goes (into `DEST`
/// when that is a directory, else `DEST` itself), after coreutils' checks of
/// the operands. `None` when a check failed (its message is printed).
pub(crate) fn sources_to_targets(
    ctx: &mut Ctx<'_>,
    prog: &str,
    operands: &[String],
) -> Option<Vec<(String, String)>> {
    match operands {
        [] => {
            usage(ctx, prog, "missing file operand");
            return None;
        }
        [only] => {
            usage(
                ctx,
                prog,
                &format!("missing destination file operand after '{only}'"),
            );
            return None;
        }
        _ => {}
    }
    let (sources, dest) = operands.split_at(operands.len() - 1);
    let dest = &dest[0];
    let dest_is_dir = ctx.fs().is_dir(&ctx.path(dest));
    if sources.len() > 1 && !dest_is_dir {
        fail(ctx, prog, &format!("target '{dest}' is not a directory"));
        return None;
    }
    Some(
        sources
            .iter()
            .map(|source| {
                let target = if dest_is_dir {
                    let name = source
                        .trim_end_matches('/')
                        .rsplit('/')
                        .next()
                        .unwrap_or(source);
                    format!("{}/{}", dest.trim_end_matches('/'), name)
                } else {
                    dest.clone()
                };
                (source.clone(), target)
            })
            .collect(),
    )
}

pub(crate) fn usage(ctx: &mut Ctx<'_>, prog: &str, message: &str) {
    ctx.err(format!(
        "{prog}: {message}\nTry '{prog} --help' for more information.\n"
    ));
}

/// Parsed command line: options in order (with their values) and operands.
#[derive(Debug, Default)]
pub(crate) struct Opts {
    pub flags: Vec<(char, Option<String>)>,
    pub operands: Vec<String>,
}

impl Opts {
    pub fn has(&self, c: char) -> bool {
        self.flags.iter().any(|(f, _)| *f == c)
    }

    pub fn value(&self, c: char) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(f, _)| *f == c)
            .and_then(|(_, v)| v.as_deref())
    }
}

/// GNU `getopt_long` in miniature: `spec` lists short options, a `:` after one means
/// it takes a value; `long` maps long names to short ones. Options may follow operands.
/// On error the message is printed and `Err(status)` returned.
pub(crate) fn getopt(
    ctx: &mut Ctx<'_>,
    prog: &str,
    args: &[String],
    spec: &str,
    long: &[(&str, char)],
    error_status: i32,
) -> Result<Opts, i32> {
    let takes = |c: char| spec.find(c).is_some_and(|i| spec[i + 1..].starts_with(':'));
    let mut opts = Opts::default();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == "--" {
            opts.operands.extend(args[i..].iter().cloned());
            break;
        }
        if let Some(name) = arg.strip_prefix("--") {
            let (name, value) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (name, None),
            };
            let found: Vec<&(&str, char)> =
                long.iter().filter(|(l, _)| l.starts_with(name)).collect();
            let exact = long.iter().find(|(l, _)| *l == name);
            let Some((_, c)) = exact.or(if found.len() == 1 {
                Some(found[0])
            } else {
                None
            }) else {
                usage(ctx, prog, &format!("unrecognized option '{arg}'"));
                return Err(error_status);
            };
            let value = if takes(*c) && value.is_none() {
                if i < args.len() {
                    i += 1;
                    Some(args[i - 1].clone())
                } else {
                    usage(ctx, prog, &format!("option '{arg}' requires an argument"));
                    return Err(error_status);
                }
            } else {
                value
            };
            opts.flags.push((*c, value));
            continue;
        }
        if arg.len() > 1 && arg.starts_with('-') {
            let chars: Vec<char> = arg[1..].chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                j += 1;
                if !spec.contains(c) || c == ':' {
                    usage(ctx, prog, &format!("invalid option -- '{c}'"));
                    return Err(error_status);
                }
                if takes(c) {
                    let value: String = chars[j..].iter().collect();
                    let value = if !value.is_empty() {
                        value
                    } else if i < args.len() {
                        i += 1;
                        args[i - 1].clone()
                    } else {
                        usage(ctx, prog, &format!("option requires an argument -- '{c}'"));
                        return Err(error_status);
                    };
                    opts.flags.push((c, Some(value)));
                    break;
                }
                opts.flags.push((c, None));
            }
            continue;
        }
        opts.operands.push(arg.clone());
    }
    Ok(opts)
}

/// Splits bytes into lines, each keeping its newline (the last may lack one).
pub(crate) fn lines(data: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in data.iter().enumerate() {
        if b == b'\n' {
            out.push(&data[start..=i]);
            start = i + 1;
        }
    }
    if start < data.len() {
        out.push(&data[start..]);
    }
    out
}

/// A file's content, with coreutils' message (`PROG: NAME: strerror`) on failure.
pub(crate) fn read_or_report(ctx: &mut Ctx<'_>, prog: &str, operand: &str) -> Option<Vec<u8>> {
    match ctx.read_operand(operand) {
        Ok(data) => Some(data),
        Err(e) => {
            fail(ctx, prog, &format!("{operand}: {e}"));
            None
        }
    }
}
