//! `find PATH... [-name P] [-iname P] [-type f|d|l] [-maxdepth N] [-mindepth N]
//! [-path P] [-newer F] [-empty] [-print] [-delete]`, expressions joined by "and" (and `!`).

use super::fail;
use crate::registry::Ctx;

#[derive(Debug)]
enum Test {
    Name(String, bool),
    Path(String),
    Type(char),
    Newer(u64),
    Empty,
    Not(Box<Test>),
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let args = &argv[1..];
    let mut i = 0;
    let mut roots = Vec::new();
    while i < args.len() && !args[i].starts_with('-') && args[i] != "!" && args[i] != "(" {
        roots.push(args[i].clone());
        i += 1;
    }
    if roots.is_empty() {
        roots.push(".".into());
    }
    let mut tests = Vec::new();
    let mut maxdepth = usize::MAX;
    let mut mindepth = 0;
    let mut delete = false;
    let mut negate = false;
    while i < args.len() {
        let arg = args[i].as_str();
        let value = args.get(i + 1).cloned();
        let needs = |v: &Option<String>| v.is_some();
        let test = match arg {
            "!" | "-not" => {
                negate = !negate;
                i += 1;
                continue;
            }
            "-print" | "-a" | "-and" => {
                i += 1;
                continue;
            }
            "-delete" => {
                delete = true;
                i += 1;
                continue;
            }
            "-name" | "-iname" | "-path" | "-wholename" | "-type" | "-maxdepth" | "-mindepth"
            | "-newer"
                if !needs(&value) =>
            {
                fail(ctx, "find", &format!("missing argument to `{arg}'"));
                return 1;
            }
            "-name" => Some(Test::Name(value.clone().unwrap_or_default(), false)),
            "-iname" => Some(Test::Name(value.clone().unwrap_or_default(), true)),
            "-path" | "-wholename" => Some(Test::Path(value.clone().unwrap_or_default())),
            "-type" => {
                let t = value.clone().unwrap_or_default();
                match t.as_str() {
                    "f" | "d" | "l" => Some(Test::Type(t.chars().next().unwrap_or('f'))),
                    _ => {
                        fail(ctx, "find", &format!("Unknown argument to -type: {t}"));
                        return 1;
                    }
                }
            }
            "-maxdepth" | "-mindepth" => {
                let v = value.clone().unwrap_or_default();
                let Ok(n) = v.parse::<usize>() else {
                    fail(
                        ctx,
                        "find",
                        &format!(
                            "Expected a positive decimal integer argument to {arg}, but got `{v}'"
                        ),
                    );
                    return 1;
                };
                if arg == "-maxdepth" {
                    maxdepth = n;
                } else {
                    mindepth = n;
                }
                None
            }
            "-newer" => {
                let f = value.clone().unwrap_or_default();
                match ctx.fs().stat(&ctx.path(&f)) {
                    Ok(m) => Some(Test::Newer(m.mtime)),
                    Err(e) => {
                        fail(ctx, "find", &format!("'{f}': {e}"));
                        return 1;
                    }
                }
            }
            "-empty" => {
                i += 1;
                let t = Test::Empty;
                tests.push(if negate { Test::Not(Box::new(t)) } else { t });
                negate = false;
                continue;
            }
            other => {
                fail(ctx, "find", &format!("unknown predicate `{other}'"));
                return 1;
            }
        };
        if let Some(t) = test {
            tests.push(if negate { Test::Not(Box::new(t)) } else { t });
        }
        negate = false;
        i += 2;
    }
    let mut status = 0;
    let mut out = String::new();
    let mut doomed = Vec::new();
    for root in &roots {
        let path = ctx.path(root);
        if let Err(e) = ctx.fs().lstat(&path) {
            fail(ctx, "find", &format!("'{root}': {e}"));
            status = 1;
            continue;
        }
        walk(
            ctx,
            root,
            0,
            maxdepth,
            mindepth,
            &tests,
            &mut out,
            &mut doomed,
        );
    }
    if delete {
        for p in doomed.iter().rev() {
            let full = ctx.path(p);
            let r = if ctx.fs().lstat(&full).is_ok_and(|m| m.is_dir()) {
                ctx.vfs().remove_dir(&full)
            } else {
                ctx.vfs().remove_file(&full)
            };
            if let Err(e) = r {
                fail(ctx, "find", &format!("cannot delete '{p}': {e}"));
                status = 1;
            }
        }
    } else {
        ctx.out(out);
    }
    status
}

fn matches(ctx: &Ctx<'_>, test: &Test, path: &str, meta: &dockyard_vfs::Metadata) -> bool {
    match test {
        Test::Name(pattern, icase) => {
            let name = super::basename::base(path);
            if *icase {
                dockyard_vfs::fnmatch(&pattern.to_lowercase(), &name.to_lowercase())
            } else {
                dockyard_vfs::fnmatch(pattern, &name)
            }
        }
        Test::Path(pattern) => dockyard_vfs::fnmatch(pattern, path),
        Test::Type(t) => match t {
            'd' => meta.is_dir(),
            'l' => meta.is_symlink(),
            _ => meta.is_file(),
        },
        Test::Newer(t) => meta.mtime > *t,
        Test::Empty => {
            if meta.is_dir() {
                ctx.fs()
                    .read_dir(&ctx.path(path))
                    .is_ok_and(|e| e.is_empty())
            } else {
                meta.is_file() && meta.size == 0
            }
        }
        Test::Not(inner) => !matches(ctx, inner, path, meta),
    }
}

#[allow(clippy::too_many_arguments)]
fn walk(
    ctx: &mut Ctx<'_>,
    path: &str,
    depth: usize,
    maxdepth: usize,
    mindepth: usize,
    tests: &[Test],
    out: &mut String,
    hits: &mut Vec<String>,
) {
    if !ctx.step() {
        return;
    }
    let full = ctx.path(path);
    let Ok(meta) = ctx.fs().lstat(&full) else {
        return;
    };
    if depth >= mindepth && tests.iter().all(|t| matches(ctx, t, path, &meta)) {
        out.push_str(path);
        out.push('\n');
        hits.push(path.to_string());
    }
    if meta.is_dir() && depth < maxdepth && depth < 100 {
        for entry in ctx.fs().read_dir(&full).unwrap_or_default() {
            let sub = if path.ends_with('/') {
                format!("{path}{}", entry.name)
            } else {
                format!("{path}/{}", entry.name)
            };
            walk(ctx, &sub, depth + 1, maxdepth, mindepth, tests, out, hits);
        }
    }
}
