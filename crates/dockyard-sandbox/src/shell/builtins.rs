//! dash's builtins that live inside the shell (they change its state): `set`, `export`,
//! `read`, `eval`, `.`, `trap`, ... The standalone ones (`cd`, `echo`, `printf`, `test`)
//! are modules of `crate::builtins`.

use super::{Flow, Res, Shell};
use crate::registry::Ctx;

/// dash's special builtins: errors in them end a non-interactive shell, and
/// assignments before them persist.
pub(crate) fn is_special_builtin(name: &str) -> bool {
    matches!(
        name,
        ":" | "."
            | "break"
            | "continue"
            | "eval"
            | "exec"
            | "exit"
            | "export"
            | "readonly"
            | "return"
            | "set"
            | "shift"
            | "times"
            | "trap"
            | "unset"
            | "local"
    )
}

/// dash's regular builtins.
pub(crate) fn is_builtin(name: &str) -> bool {
    matches!(
        name,
        "alias"
            | "cd"
            | "command"
            | "echo"
            | "false"
            | "getopts"
            | "hash"
            | "printf"
            | "pwd"
            | "read"
            | "test"
            | "["
            | "true"
            | "type"
            | "umask"
            | "unalias"
            | "wait"
    )
}

pub(crate) fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Single-quotes a value the way dash's `set`/`export -p` print it.
pub(crate) fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_/.,:+-=%@".contains(c))
    {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "'\"'\"'"))
}

fn signal_name(s: &str) -> Option<&'static str> {
    const SIGNALS: [(&str, &str); 10] = [
        ("0", "EXIT"),
        ("1", "HUP"),
        ("2", "INT"),
        ("3", "QUIT"),
        ("6", "ABRT"),
        ("9", "KILL"),
        ("14", "ALRM"),
        ("15", "TERM"),
        ("10", "USR1"),
        ("12", "USR2"),
    ];
    let upper = s.to_ascii_uppercase();
    let upper = upper.strip_prefix("SIG").unwrap_or(&upper);
    SIGNALS
        .iter()
        .find(|(n, name)| *n == s || *name == upper)
        .map(|(_, name)| *name)
}

impl Shell {
    pub(crate) fn run_builtin(&mut self, argv: &[String]) -> Res {
        let saved = self.cmdname.replace(argv[0].clone());
        let result = self.builtin(argv);
        self.cmdname = saved;
        result
    }

    fn fail(&mut self, message: &str) -> Res {
        self.error(message);
        Err(Flow::Exit(2))
    }

    fn number_arg(&mut self, arg: &str) -> Result<i64, Flow> {
        match super::arith::parse_number(arg) {
            Some(n) if !arg.starts_with('+') && !arg.contains('x') => Ok(n),
            _ => {
                let message = format!("Illegal number: {arg}");
                self.fail(&message)?;
                Ok(0)
            }
        }
    }

    fn builtin(&mut self, argv: &[String]) -> Res {
        let args = &argv[1..];
        let name = argv[0].as_str();
        match name {
            ":" | "true" => Ok(0),
            "false" => Ok(1),
            "cd" | "pwd" | "echo" | "printf" | "test" | "[" => {
                let mut ctx = Ctx { shell: self };
                let status = match name {
                    "cd" => crate::builtins::cd::run(&mut ctx, argv),
                    "pwd" => crate::builtins::pwd::run(&mut ctx, argv),
                    "echo" => crate::builtins::echo::run(&mut ctx, argv),
                    "printf" => crate::builtins::printf::run(&mut ctx, argv),
                    _ => crate::builtins::test::run(&mut ctx, argv),
                };
                Ok(status)
            }
            "exit" => {
                let status = match args.first() {
                    Some(arg) => self.number_arg(arg)? as i32 & 0xff,
                    None => self.st.status,
                };
                Err(Flow::Exit(status))
            }
            "return" => {
                let status = match args.first() {
                    Some(arg) => self.number_arg(arg)? as i32 & 0xff,
                    None => self.st.status,
                };
                Err(Flow::Return(status))
            }
            "break" | "continue" => {
                let n = match args.first() {
                    Some(arg) => {
                        let n = self.number_arg(arg)?;
                        if n <= 0 {
                            let message = format!("Illegal number: {arg}");
                            return self.fail(&message);
                        }
                        n as usize
                    }
                    None => 1,
                };
                if self.st.loop_depth == 0 {
                    return Ok(0);
                }
                let n = n.min(self.st.loop_depth);
                Err(if name == "break" {
                    Flow::Break(n)
                } else {
                    Flow::Continue(n)
                })
            }
            "eval" => {
                if args.is_empty() {
                    return Ok(0);
                }
                self.step()?;
                let text = args.join(" ");
                self.enter()?;
                let line = self.lineno;
                let result = self.run_text(&text);
                self.lineno = line;
                self.leave();
                result
            }
            "." => self.dot(args),
            "exec" => {
                if args.is_empty() {
                    return Ok(0);
                }
                let saved = self.cmdname.take();
                let status = self.run_found(args);
                self.cmdname = saved;
                Err(Flow::Exit(status?))
            }
            "export" | "readonly" => self.export(name, args),
            "unset" => {
                let mut functions = false;
                for arg in args {
                    match arg.as_str() {
                        "-f" => functions = true,
                        "-v" => functions = false,
                        _ if functions => {
                            self.st.funcs.remove(arg);
                        }
                        _ => {
                            if let Err(message) = self.unset_var(arg) {
                                return self.fail(&message);
                            }
                        }
                    }
                }
                Ok(0)
            }
            "set" => self.set(args),
            "shift" => {
                let n = match args.first() {
                    Some(arg) => self.number_arg(arg)?,
                    None => 1,
                };
                if n < 0 || n as usize > self.st.positional.len() {
                    return self.fail("can't shift that many");
                }
                self.st.positional.drain(..n as usize);
                Ok(0)
            }
            "local" => {
                if self.st.locals.is_empty() {
                    return self.fail("not in a function");
                }
                for arg in args {
                    let (var, value) = match arg.split_once('=') {
                        Some((v, val)) => (v.to_string(), Some(val.to_string())),
                        None => (arg.clone(), None),
                    };
                    if !is_name(&var) {
                        let message = format!("{var}: bad variable name");
                        return self.fail(&message);
                    }
                    let old = self.st.vars.get(&var).cloned();
                    let frame = self.st.locals.last_mut().expect("frame");
                    if !frame.iter().any(|(n, _)| *n == var) {
                        frame.push((var.clone(), old));
                    }
                    if let Some(value) = value {
                        if let Err(message) = self.set_var(&var, &value) {
                            return self.fail(&message);
                        }
                    }
                }
                Ok(0)
            }
            "trap" => self.trap(args),
            "times" => {
                let text = "0m0.000000s 0m0.000000s\n0m0.000000s 0m0.000000s\n";
                let _ = self.write(1, text.as_bytes());
                Ok(0)
            }
            "read" => self.read(args),
            "command" => self.command(args),
            "type" => {
                let mut status = 0;
                for arg in args {
                    match self.type_of(arg) {
                        Some(text) => {
                            let _ = self.write(1, format!("{text}\n").as_bytes());
                        }
                        None => {
                            let _ = self.write(1, format!("{arg}: not found\n").as_bytes());
                            status = 127;
                        }
                    }
                }
                Ok(status)
            }
            "alias" => {
                if args.is_empty() {
                    let text: String = self
                        .st
                        .aliases
                        .iter()
                        .map(|(k, v)| format!("{k}={}\n", shell_quote_always(v)))
                        .collect();
                    let _ = self.write(1, text.as_bytes());
                    return Ok(0);
                }
                let mut status = 0;
                for arg in args {
                    match arg.split_once('=') {
                        Some((k, v)) => {
                            self.st.aliases.insert(k.to_string(), v.to_string());
                        }
                        None => match self.st.aliases.get(arg) {
                            Some(v) => {
                                let text = format!("{arg}={}\n", shell_quote_always(v));
                                let _ = self.write(1, text.as_bytes());
                            }
                            None => {
                                let message = format!("{arg} not found");
                                self.error(&message);
                                status = 1;
                            }
                        },
                    }
                }
                Ok(status)
            }
            "unalias" => {
                for arg in args {
                    if arg == "-a" {
                        self.st.aliases.clear();
                    } else if self.st.aliases.remove(arg).is_none() {
                        let message = format!("{arg} not found");
                        self.error(&message);
                        return Ok(1);
                    }
                }
                Ok(0)
            }
            "umask" => {
                let symbolic = args.first().is_some_and(|a| a == "-S");
                let rest: Vec<&String> = args.iter().filter(|a| *a != "-S").collect();
                match rest.first() {
                    None => {
                        let mask = self.vfs.umask();
                        let text = if symbolic {
                            let perm = |bits: u32| {
                                let allowed = 7 & !bits;
                                let mut s = String::new();
                                for (bit, c) in [(4, 'r'), (2, 'w'), (1, 'x')] {
                                    if allowed & bit != 0 {
                                        s.push(c);
                                    }
                                }
                                s
                            };
                            format!(
                                "u={},g={},o={}\n",
                                perm(mask >> 6 & 7),
                                perm(mask >> 3 & 7),
                                perm(mask & 7)
                            )
                        } else {
                            format!("{mask:04o}\n")
                        };
                        let _ = self.write(1, text.as_bytes());
                        Ok(0)
                    }
                    Some(value) => match u32::from_str_radix(value, 8) {
                        Ok(mask) if mask <= 0o777 => {
                            self.vfs.set_umask(mask);
                            Ok(0)
                        }
                        _ => {
                            let message = format!("Illegal number: {value}");
                            self.error(&message);
                            Ok(2)
                        }
                    },
                }
            }
            "wait" => match args.last() {
                Some(pid) => match pid.parse::<u32>() {
                    Ok(pid) => Ok(self.st.jobs.remove(&pid).unwrap_or(127)),
                    Err(_) => {
                        let message = format!("Illegal number: {pid}");
                        self.fail(&message)
                    }
                },
                None => {
                    self.st.jobs.clear();
                    Ok(0)
                }
            },
            "hash" => Ok(0),
            "getopts" => self.getopts(args),
            _ => Ok(0),
        }
    }

    fn dot(&mut self, args: &[String]) -> Res {
        let Some(file) = args.first() else {
            return Ok(0);
        };
        let path = if file.contains('/') {
            Some(file.clone())
        } else {
            self.get_var("PATH").and_then(|p| {
                p.split(':').find_map(|dir| {
                    let dir = if dir.is_empty() { "." } else { dir };
                    let candidate = format!("{dir}/{file}");
                    let full = dockyard_vfs::join(&self.st.cwd, &candidate);
                    self.vfs.is_file(&full).then_some(candidate)
                })
            })
        };
        let Some(path) = path else {
            let message = format!("{file}: not found");
            return self.fail(&message);
        };
        let full = dockyard_vfs::join(&self.st.cwd, &path);
        let text = match self.vfs.read(&full) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                let reason = match e {
                    dockyard_vfs::FsError::NotFound | dockyard_vfs::FsError::NotADirectory => {
                        "No such file".to_string()
                    }
                    other => other.to_string(),
                };
                let message = format!("cannot open {path}: {reason}");
                return self.fail(&message);
            }
        };
        self.enter()?;
        let saved_name = self.cmdname.replace(path.clone());
        let line = self.lineno;
        let result = self.run_text(&text);
        self.lineno = line;
        self.cmdname = saved_name;
        self.leave();
        match result {
            Err(Flow::Return(s)) => Ok(s),
            other => other,
        }
    }

    fn export(&mut self, name: &str, args: &[String]) -> Res {
        let readonly = name == "readonly";
        let args: Vec<&String> = args.iter().filter(|a| *a != "-p").collect();
        if args.is_empty() {
            let mut text = String::new();
            for (k, v) in &self.st.vars {
                if (readonly && v.readonly) || (!readonly && v.exported) {
                    match &v.value {
                        Some(value) => {
                            text.push_str(&format!("{name} {k}={}\n", shell_quote(value)))
                        }
                        None => text.push_str(&format!("{name} {k}\n")),
                    }
                }
            }
            let _ = self.write(1, text.as_bytes());
            return Ok(0);
        }
        for arg in args {
            let (var, value) = match arg.split_once('=') {
                Some((v, val)) => (v.to_string(), Some(val.to_string())),
                None => (arg.clone(), None),
            };
            if !is_name(&var) {
                let message = format!("{var}: bad variable name");
                return self.fail(&message);
            }
            if let Some(value) = value {
                if let Err(message) = self.set_var(&var, &value) {
                    return self.fail(&message);
                }
            }
            let entry = self.st.vars.entry(var).or_default();
            if readonly {
                entry.readonly = true;
            } else {
                entry.exported = true;
            }
        }
        Ok(0)
    }

    fn set(&mut self, args: &[String]) -> Res {
        if args.is_empty() {
            let text: String = self
                .st
                .vars
                .iter()
                .filter_map(|(k, v)| {
                    v.value
                        .as_ref()
                        .map(|val| format!("{k}={}\n", shell_quote(val)))
                })
                .collect();
            let _ = self.write(1, text.as_bytes());
            return Ok(0);
        }
        let mut i = 0;
        while i < args.len() {
            let arg = &args[i];
            if arg == "--" {
                self.st.positional = args[i + 1..].to_vec();
                return Ok(0);
            }
            let on = arg.starts_with('-');
            if !(on || arg.starts_with('+')) || arg.len() < 2 {
                if arg == "-" {
                    self.st.opts.xtrace = false;
                    self.st.opts.verbose = false;
                    i += 1;
                    continue;
                }
                self.st.positional = args[i..].to_vec();
                return Ok(0);
            }
            for c in arg[1..].chars() {
                let opts = &mut self.st.opts;
                match c {
                    'e' => opts.errexit = on,
                    'u' => opts.nounset = on,
                    'x' => opts.xtrace = on,
                    'f' => opts.noglob = on,
                    'n' => opts.noexec = on,
                    'C' => opts.noclobber = on,
                    'v' => opts.verbose = on,
                    'a' => opts.allexport = on,
                    'o' => {
                        i += 1;
                        let Some(name) = args.get(i) else {
                            let text: String = [
                                ("errexit", opts.errexit),
                                ("noglob", opts.noglob),
                                ("noexec", opts.noexec),
                                ("nounset", opts.nounset),
                                ("verbose", opts.verbose),
                                ("xtrace", opts.xtrace),
                                ("noclobber", opts.noclobber),
                                ("allexport", opts.allexport),
                            ]
                            .iter()
                            .map(|(n, v)| format!("{n:<16}{}\n", if *v { "on" } else { "off" }))
                            .collect();
                            let _ = self.write(1, text.as_bytes());
                            return Ok(0);
                        };
                        match name.as_str() {
                            "errexit" => opts.errexit = on,
                            "nounset" => opts.nounset = on,
                            "xtrace" => opts.xtrace = on,
                            "noglob" => opts.noglob = on,
                            "noexec" => opts.noexec = on,
                            "noclobber" => opts.noclobber = on,
                            "verbose" => opts.verbose = on,
                            "allexport" => opts.allexport = on,
                            "pipefail" | "vi" | "emacs" | "monitor" | "ignoreeof" | "notify" => {}
                            other => {
                                let message = format!("Illegal option -o {other}");
                                return self.fail(&message);
                            }
                        }
                    }
                    _ => {
                        let sign = if on { '-' } else { '+' };
                        let message = format!("Illegal option {sign}{c}");
                        return self.fail(&message);
                    }
                }
            }
            i += 1;
        }
        Ok(0)
    }

    fn trap(&mut self, args: &[String]) -> Res {
        if args.is_empty() {
            let text: String = self
                .st
                .traps
                .iter()
                .map(|(sig, action)| format!("trap -- {} {sig}\n", shell_quote_always(action)))
                .collect();
            let _ = self.write(1, text.as_bytes());
            return Ok(0);
        }
        let (action, signals) = if args.len() == 1
            || signal_name(&args[0]).is_some() && args[0].bytes().all(|b| b.is_ascii_digit())
        {
            (None, args)
        } else {
            (Some(args[0].as_str()), &args[1..])
        };
        let action = match action {
            Some("-") | None => None,
            Some(a) => Some(a.to_string()),
        };
        for sig in signals {
            let Some(name) = signal_name(sig) else {
                let message = format!("{sig}: bad trap");
                self.error(&message);
                return Ok(1);
            };
            match &action {
                Some(a) => {
                    self.st.traps.insert(name.to_string(), a.clone());
                }
                None => {
                    self.st.traps.remove(name);
                }
            }
        }
        Ok(0)
    }

    fn read(&mut self, args: &[String]) -> Res {
        let mut raw = false;
        let mut names = Vec::new();
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "-r" => raw = true,
                "-p" => {
                    i += 1;
                    if let Some(prompt) = args.get(i) {
                        let _ = self.write(2, prompt.as_bytes());
                    }
                }
                a => names.push(a.to_string()),
            }
            i += 1;
        }
        if names.is_empty() {
            return self.fail("arg count");
        }
        // Characters of the line with whether each was escaped.
        let mut chars: Vec<(char, bool)> = Vec::new();
        let mut status = 0;
        loop {
            let Some(line) = self.read_line(0) else {
                status = 1;
                break;
            };
            let text = String::from_utf8_lossy(&line).into_owned();
            let ended = text.ends_with('\n');
            let text = text.strip_suffix('\n').unwrap_or(&text).to_string();
            let mut it = text.chars().peekable();
            let mut continued = false;
            while let Some(c) = it.next() {
                if c == '\\' && !raw {
                    match it.next() {
                        Some(n) => chars.push((n, true)),
                        None => continued = ended,
                    }
                } else {
                    chars.push((c, false));
                }
            }
            if !ended {
                status = 1;
                break;
            }
            if !continued {
                break;
            }
        }
        let ifs = self.ifs();
        let is_ifs = |(c, esc): (char, bool)| !esc && ifs.contains(c);
        let is_ws =
            |(c, esc): (char, bool)| !esc && ifs.contains(c) && matches!(c, ' ' | '\t' | '\n');
        let mut pos = 0;
        while pos < chars.len() && is_ws(chars[pos]) {
            pos += 1;
        }
        for (n, name) in names.iter().enumerate() {
            let value: String;
            if n + 1 == names.len() {
                let mut end = chars.len();
                while end > pos && is_ws(chars[end - 1]) {
                    end -= 1;
                }
                value = chars[pos.min(end)..end].iter().map(|(c, _)| *c).collect();
                pos = chars.len();
            } else {
                let start = pos;
                while pos < chars.len() && !is_ifs(chars[pos]) {
                    pos += 1;
                }
                value = chars[start..pos].iter().map(|(c, _)| *c).collect();
                while pos < chars.len() && is_ws(chars[pos]) {
                    pos += 1;
                }
                if pos < chars.len() && is_ifs(chars[pos]) && !is_ws(chars[pos]) {
                    pos += 1;
                    while pos < chars.len() && is_ws(chars[pos]) {
                        pos += 1;
                    }
                }
            }
            if let Err(message) = self.set_var(name, &value) {
                self.error(&message);
                return Ok(2);
            }
        }
        Ok(status)
    }

    fn command(&mut self, args: &[String]) -> Res {
        let mut i = 0;
        let mut mode = None;
        while i < args.len() && args[i].starts_with('-') && args[i].len() > 1 {
            match args[i].as_str() {
                "-v" => mode = Some('v'),
                "-V" => mode = Some('V'),
                "-p" => {}
                "--" => {
                    i += 1;
                    break;
                }
                other => {
                    let message = format!("Illegal option {other}");
                    self.error(&message);
                    return Ok(2);
                }
            }
            i += 1;
        }
        let rest = &args[i..];
        match mode {
            Some(m) => {
                let mut status = 0;
                for name in rest {
                    let text = if m == 'v' {
                        self.describe(name)
                    } else {
                        self.type_of(name)
                    };
                    match text {
                        Some(t) => {
                            let _ = self.write(1, format!("{t}\n").as_bytes());
                        }
                        None => {
                            if m == 'V' {
                                let message = format!("{name}: not found");
                                self.error(&message);
                            }
                            status = 127;
                        }
                    }
                }
                Ok(status)
            }
            None => {
                if rest.is_empty() {
                    return Ok(0);
                }
                if is_special_builtin(&rest[0]) || is_builtin(&rest[0]) {
                    return self.run_builtin(rest);
                }
                let saved = self.cmdname.take();
                let result = match self.find(&rest[0], false) {
                    super::Found::Program(program) => Ok(self.run_program(&program, rest)),
                    super::Found::Script(path) => Ok(self.run_script_file(&path, rest)),
                    super::Found::Denied => {
                        let message = format!("{}: Permission denied", rest[0]);
                        self.error(&message);
                        Ok(126)
                    }
                    _ => {
                        let message = format!("{}: not found", rest[0]);
                        self.error(&message);
                        Ok(127)
                    }
                };
                self.cmdname = saved;
                result
            }
        }
    }

    fn getopts(&mut self, args: &[String]) -> Res {
        if args.len() < 2 {
            return self.fail("usage: getopts optstring var [arg]");
        }
        let optstring = args[0].clone();
        let var = args[1].clone();
        let params: Vec<String> = if args.len() > 2 {
            args[2..].to_vec()
        } else {
            self.st.positional.clone()
        };
        let mut optind: usize = self
            .get_var("OPTIND")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1)
            .max(1);
        if optind == 1 && self.st.optoff == 0 {
            self.st.optoff = 0;
        }
        let silent = optstring.starts_with(':');
        let done = |sh: &mut Shell, optind: usize| {
            sh.st.optoff = 0;
            let _ = sh.set_var("OPTIND", &optind.to_string());
            let _ = sh.set_var(&var, "?");
            Ok(1)
        };
        let Some(arg) = params.get(optind - 1).cloned() else {
            return done(self, optind);
        };
        if self.st.optoff == 0 {
            if arg == "--" {
                return done(self, optind + 1);
            }
            if !arg.starts_with('-') || arg.len() < 2 {
                return done(self, optind);
            }
            self.st.optoff = 1;
        }
        let chars: Vec<char> = arg.chars().collect();
        let c = chars[self.st.optoff];
        self.st.optoff += 1;
        let at_end = self.st.optoff >= chars.len();
        let spec = optstring.find(c).filter(|_| c != ':');
        let mut status = 0;
        match spec {
            None => {
                if silent {
                    let _ = self.set_var("OPTARG", &c.to_string());
                } else {
                    let message = format!("Illegal option -{c}");
                    self.error(&message);
                    self.unset_var("OPTARG").ok();
                }
                let _ = self.set_var(&var, "?");
                if at_end {
                    optind += 1;
                    self.st.optoff = 0;
                }
            }
            Some(index) => {
                let takes_arg = optstring[index + 1..].starts_with(':');
                if takes_arg {
                    let value = if !at_end {
                        let v: String = chars[self.st.optoff..].iter().collect();
                        optind += 1;
                        Some(v)
                    } else {
                        let v = params.get(optind).cloned();
                        optind += 2;
                        v
                    };
                    self.st.optoff = 0;
                    match value {
                        Some(v) => {
                            let _ = self.set_var("OPTARG", &v);
                            let _ = self.set_var(&var, &c.to_string());
                        }
                        None => {
                            if silent {
                                let _ = self.set_var("OPTARG", &c.to_string());
                                let _ = self.set_var(&var, ":");
                            } else {
                                let message = format!("No arg for -{c} option");
                                self.error(&message);
                                let _ = self.set_var(&var, "?");
                            }
                            status = 0;
                        }
                    }
                } else {
                    self.unset_var("OPTARG").ok();
                    let _ = self.set_var(&var, &c.to_string());
                    if at_end {
                        optind += 1;
                        self.st.optoff = 0;
                    }
                }
            }
        }
        let _ = self.set_var("OPTIND", &optind.to_string());
        Ok(status)
    }
}

fn shell_quote_always(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\"'\"'"))
}
