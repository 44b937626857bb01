//! Command-line options: argv and `MAKEFLAGS` into [`Options`], the usage text, the
//! version text, and the `MAKEFLAGS` value passed on to recipes and sub-makes.

/// `make --help`, verbatim from make 4.3.
pub const HELP: &str = r#"Usage: make [options] [target] ...
Options:
  -b, -m                      Ignored for compatibility.
  -B, --always-make           Unconditionally make all targets.
  -C DIRECTORY, --directory=DIRECTORY
                              Change to DIRECTORY before doing anything.
  -d                          Print lots of debugging information.
  --debug[=FLAGS]             Print various types of debugging information.
  -e, --environment-overrides
                              Environment variables override makefiles.
  -E STRING, --eval=STRING    Evaluate STRING as a makefile statement.
  -f FILE, --file=FILE, --makefile=FILE
                              Read FILE as a makefile.
  -h, --help                  Print this message and exit.
  -i, --ignore-errors         Ignore errors from recipes.
  -I DIRECTORY, --include-dir=DIRECTORY
                              Search DIRECTORY for included makefiles.
  -j [N], --jobs[=N]          Allow N jobs at once; infinite jobs with no arg.
  -k, --keep-going            Keep going when some targets can't be made.
  -l [N], --load-average[=N], --max-load[=N]
                              Don't start multiple jobs unless load is below N.
  -L, --check-symlink-times   Use the latest mtime between symlinks and target.
  -n, --just-print, --dry-run, --recon
                              Don't actually run any recipe; just print them.
  -o FILE, --old-file=FILE, --assume-old=FILE
                              Consider FILE to be very old and don't remake it.
  -O[TYPE], --output-sync[=TYPE]
                              Synchronize output of parallel jobs by TYPE.
  -p, --print-data-base       Print make's internal database.
  -q, --question              Run no recipe; exit status says if up to date.
  -r, --no-builtin-rules      Disable the built-in implicit rules.
  -R, --no-builtin-variables  Disable the built-in variable settings.
  -s, --silent, --quiet       Don't echo recipes.
  --no-silent                 Echo recipes (disable --silent mode).
  -S, --no-keep-going, --stop
                              Turns off -k.
  -t, --touch                 Touch targets instead of remaking them.
  --trace                     Print tracing information.
  -v, --version               Print the version number of make and exit.
  -w, --print-directory       Print the current directory.
  --no-print-directory        Turn off -w, even if it was turned on implicitly.
  -W FILE, --what-if=FILE, --new-file=FILE, --assume-new=FILE
                              Consider FILE to be infinitely new.
  --warn-undefined-variables  Warn when an undefined variable is referenced.

This program built for x86_64-pc-linux-gnu
Report bugs to <bug-make@gnu.org>
"#;

/// `make --version`, verbatim from make 4.3.
pub const VERSION: &str = r#"GNU Make 4.3
Built for x86_64-pc-linux-gnu
Copyright (C) 1988-2020 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
"#;

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub makefiles: Vec<String>,
    pub dirs: Vec<String>,
    pub dry_run: bool,
    pub silent: bool,
    pub keep_going: bool,
    pub ignore: bool,
    pub always: bool,
    pub question: bool,
    pub touch: bool,
    pub env_override: bool,
    pub print_dir: bool,
    pub no_print_dir: bool,
    pub no_builtin_rules: bool,
    pub no_builtin_vars: bool,
    pub warn_undefined: bool,
    pub jobs: Option<u32>,
    pub old_files: Vec<String>,
    pub new_files: Vec<String>,
    pub evals: Vec<String>,
    pub goals: Vec<String>,
    pub assignments: Vec<String>,
    pub help: bool,
    pub version: bool,
}

pub enum ArgError {
    /// Printed as `make: MESSAGE` followed by the usage.
    Message(String),
    /// Printed as `make: *** MESSAGE.  Stop.`
    Fatal(String),
}

const WITH_ARG: &str = "CfIjloOWE";

fn long_name(name: &str) -> Option<(char, bool)> {
    Some(match name {
        "always-make" => ('B', false),
        "directory" => ('C', true),
        "environment-overrides" => ('e', false),
        "eval" => ('E', true),
        "file" | "makefile" => ('f', true),
        "help" => ('h', false),
        "ignore-errors" => ('i', false),
        "include-dir" => ('I', true),
        "jobs" => ('j', false),
        "keep-going" => ('k', false),
        "load-average" | "max-load" => ('l', false),
        "check-symlink-times" => ('L', false),
        "just-print" | "dry-run" | "recon" => ('n', false),
        "old-file" | "assume-old" => ('o', true),
        "output-sync" => ('O', false),
        "print-data-base" => ('p', false),
        "question" => ('q', false),
        "no-builtin-rules" => ('r', false),
        "no-builtin-variables" => ('R', false),
        "silent" | "quiet" => ('s', false),
        "no-keep-going" | "stop" => ('S', false),
        "touch" => ('t', false),
        "version" => ('v', false),
        "print-directory" => ('w', false),
        "what-if" | "new-file" | "assume-new" => ('W', true),
        "no-print-directory" => ('1', false),
        "warn-undefined-variables" => ('2', false),
        "no-silent" => ('3', false),
        "trace" => ('4', false),
        "debug" => ('d', false),
        _ => return None,
    })
}

impl Options {
    fn flag(&mut self, c: char, arg: Option<String>) -> Result<(), ArgError> {
        match c {
            'B' => self.always = true,
            'C' => self.dirs.push(arg.unwrap_or_default()),
            'e' => self.env_override = true,
            'E' => self.evals.push(arg.unwrap_or_default()),
            'f' => self.makefiles.push(arg.unwrap_or_default()),
            'h' => self.help = true,
            'i' => self.ignore = true,
            'j' => {
                if let Some(a) = arg {
                    match a.parse::<i64>() {
                        Ok(n) if n > 0 => self.jobs = Some(n as u32),
                        _ => {
                            return Err(ArgError::Message(
                                "the '-j' option requires a positive integer argument".into(),
                            ))
                        }
                    }
                }
            }
            'k' => self.keep_going = true,
            'S' => self.keep_going = false,
            'n' => self.dry_run = true,
            'o' => self.old_files.push(arg.unwrap_or_default()),
            'W' => self.new_files.push(arg.unwrap_or_default()),
            'q' => self.question = true,
            'r' => self.no_builtin_rules = true,
            'R' => {
                self.no_builtin_vars = true;
                self.no_builtin_rules = true;
            }
            's' => self.silent = true,
            '3' => self.silent = false,
            't' => self.touch = true,
            'v' => self.version = true,
            'w' => self.print_dir = true,
            '1' => self.no_print_dir = true,
            '2' => self.warn_undefined = true,
            _ => {}
        }
        Ok(())
    }

    /// The flags part of `MAKEFLAGS` (`ks`, ` --no-print-directory`, `n -- X=1`).
    pub fn makeflags(&self, assignments: &[String], print_dir: bool) -> String {
        let mut letters = String::new();
        for (on, c) in [
            (self.always, 'B'),
            (self.env_override, 'e'),
            (self.ignore, 'i'),
            (self.keep_going, 'k'),
            (self.dry_run, 'n'),
            (self.question, 'q'),
            (self.no_builtin_rules && !self.no_builtin_vars, 'r'),
            (self.no_builtin_vars, 'R'),
            (self.silent, 's'),
            (self.touch, 't'),
            (print_dir, 'w'),
        ] {
            if on {
                letters.push(c);
            }
        }
        let mut out = letters;
        if self.no_print_dir {
            out.push_str(" --no-print-directory");
        }
        if self.warn_undefined {
            out.push_str(" --warn-undefined-variables");
        }
        if !assignments.is_empty() {
            out.push_str(" --");
            for a in assignments {
                out.push(' ');
                out.push_str(&a.replace('\\', "\\\\").replace(' ', "\\ "));
            }
        }
        out
    }
}

/// Whether a word is a variable assignment `NAME=value` (any operator).
pub fn is_assignment(word: &str) -> bool {
    match word.find('=') {
        Some(0) | None => false,
        Some(i) => {
            let name = word[..i].trim_end_matches([':', '+', '?', '!']);
            !name.is_empty() && !name.contains([' ', '\t'])
        }
    }
}

fn parse_words(o: &mut Options, args: &[String], from_env: bool) -> Result<(), ArgError> {
    let mut i = 0;
    let mut only_operands = false;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if only_operands || a == "-" || !a.starts_with('-') {
            if is_assignment(a) {
                o.assignments.push(a.clone());
            } else if !from_env && !a.is_empty() {
                o.goals.push(a.clone());
            }
            continue;
        }
        if a == "--" {
            only_operands = true;
            continue;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let Some((c, needs)) = long_name(name) else {
                return Err(ArgError::Message(format!("unrecognized option '{a}'")));
            };
            let value = if needs && value.is_none() {
                if i < args.len() {
                    i += 1;
                    Some(args[i - 1].clone())
                } else {
                    return Err(ArgError::Message(format!(
                        "option '--{name}' requires an argument"
                    )));
                }
            } else {
                value
            };
            if c == 'j' {
                if let Some(v) = &value {
                    if v.parse::<i64>().map_or(true, |n| n <= 0) {
                        return Err(ArgError::Message(
                            "the '-j' option requires a positive integer argument".into(),
                        ));
                    }
                }
            }
            o.flag(c, value)?;
            continue;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            k += 1;
            if !"bBCdeEfhiIjklLmnoOpqrRsStvwW".contains(c) {
                return Err(ArgError::Message(format!("invalid option -- '{c}'")));
            }
            if WITH_ARG.contains(c) {
                let rest: String = chars[k..].iter().collect();
                let optional = matches!(c, 'j' | 'l' | 'O');
                let value = if !rest.is_empty() {
                    k = chars.len();
                    Some(rest)
                } else if optional {
                    if c == 'j' && i < args.len() && args[i].parse::<i64>().is_ok() {
                        i += 1;
                        Some(args[i - 1].clone())
                    } else {
                        None
                    }
                } else if i < args.len() {
                    i += 1;
                    Some(args[i - 1].clone())
                } else {
                    return Err(ArgError::Message(format!(
                        "option requires an argument -- '{c}'"
                    )));
                };
                if c == 'l' || c == 'O' || c == 'I' {
                    continue;
                }
                o.flag(c, value)?;
            } else {
                o.flag(c, None)?;
            }
        }
    }
    Ok(())
}

/// Splits a `MAKEFLAGS` value into words (backslash escapes a space).
pub fn split_makeflags(value: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut chars = value.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                cur.push(n);
                any = true;
            }
        } else if c == ' ' || c == '\t' {
            if any {
                words.push(std::mem::take(&mut cur));
                any = false;
            }
        } else {
            cur.push(c);
            any = true;
        }
    }
    if any {
        words.push(cur);
    }
    if let Some(first) = words.first_mut() {
        if !first.starts_with('-') && !is_assignment(first) {
            first.insert(0, '-');
        }
    }
    words
}

/// Applies `MAKEFLAGS` words (from the environment or the makefile).
pub fn apply_makeflags(o: &mut Options, value: &str) -> Result<(), ArgError> {
    let words = split_makeflags(value);
    parse_words(o, &words, true)
}

pub fn parse(argv: &[String], env: &[(String, String)]) -> Result<Options, ArgError> {
    let mut o = Options::default();
    if let Some((_, v)) = env.iter().find(|(k, _)| k == "MAKEFLAGS") {
        let mut from_env = Options::default();
        if apply_makeflags(&mut from_env, v).is_ok() {
            o = from_env;
            o.goals.clear();
        }
    }
    let env_assignments = std::mem::take(&mut o.assignments);
    parse_words(&mut o, argv.get(1..).unwrap_or(&[]), false)?;
    let mut all = env_assignments;
    all.append(&mut o.assignments);
    o.assignments = all;
    for d in &o.dirs {
        if d.is_empty() {
            return Err(ArgError::Fatal(": No such file or directory".into()));
        }
    }
    Ok(o)
}
