//! The view of a `RUN` command that hadolint's rules take: every simple
//! command with a static name, its arguments reduced to text, and its flags.
//!
//! hadolint reads RUN text with a bash parser and lists commands in a
//! pre-order walk where each simple command is met twice (once through its
//! redirection wrapper, once itself). Rules that count commands depend on
//! that, so this view keeps it.

use dockyard_shell::{
    parse_with, Command as ShellCommand, Dialect, List, ParseOptions, Pipeline, Redirect,
    RedirectTarget, Script, SimpleCommand, Visit, Word, WordPart, WordPartKind,
};

/// One argument, with an id that grows along the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CmdPart {
    pub arg: String,
    pub id: usize,
}

/// A simple command as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    /// The command name, after `busybox`, `builtin`, `command` or `exec`.
    pub name: String,
    /// Every word after the first, reduced to text.
    pub arguments: Vec<CmdPart>,
    /// Flags: `--name` (without any `=value`) and each letter of `-abc`.
    pub flags: Vec<CmdPart>,
}

/// A parsed `RUN` script.
#[derive(Debug)]
pub struct ParsedShell {
    pub original: String,
    /// The parse of `original`, or of its rewrite by
    /// [`shellcheck_leniencies`] when that applies (spans then refer to it).
    pub script: Script,
    /// In hadolint's order, each simple command twice.
    pub commands: Vec<Command>,
    pub has_pipes: bool,
}

impl ParsedShell {
    pub fn parse(text: &str) -> ParsedShell {
        let options = ParseOptions {
            dialect: Dialect::Bash,
            ..ParseOptions::default()
        };
        let lenient = shellcheck_leniencies(text);
        let src = lenient.as_deref().unwrap_or(text);
        let script = parse_with(src, &options);
        let mut collector = Collector {
            src,
            commands: Vec::new(),
            has_pipes: false,
        };
        collector.visit_list(&script.body);
        ParsedShell {
            original: text.to_string(),
            commands: collector.commands,
            has_pipes: collector.has_pipes,
            script,
        }
    }

    /// The names of every command, in order (with hadolint's repetition).
    pub fn command_names(&self) -> impl Iterator<Item = &str> {
        self.commands.iter().map(|c| c.name.as_str())
    }

    pub fn any_command(&self, check: impl Fn(&Command) -> bool) -> bool {
        self.commands.iter().any(check)
    }

    pub fn using_program(&self, program: &str) -> bool {
        self.command_names().any(|n| n == program)
    }

    pub fn find_command_index(&self, check: impl Fn(&Command) -> bool) -> Option<usize> {
        self.commands.iter().position(check)
    }
}

impl Command {
    pub fn args(&self) -> impl Iterator<Item = &str> {
        self.arguments.iter().map(|a| a.arg.as_str())
    }

    pub fn has_args(&self, name: &str, wanted: &[&str]) -> bool {
        self.name == name && self.args().any(|a| wanted.contains(&a))
    }

    pub fn has_flag(&self, flag: &str) -> bool {
        self.count_flag(flag) > 0
    }

    pub fn count_flag(&self, flag: &str) -> usize {
        self.flags.iter().filter(|f| f.arg == flag).count()
    }

    pub fn has_any_flag(&self, flags: &[&str]) -> bool {
        self.flags.iter().any(|f| flags.contains(&f.arg.as_str()))
    }

    pub fn has_arg(&self, arg: &str) -> bool {
        self.args().any(|a| a == arg)
    }

    /// Arguments that are not themselves flags.
    pub fn args_no_flags(&self) -> Vec<&str> {
        self.arguments
            .iter()
            .filter(|a| !self.flags.iter().any(|f| f.id == a.id))
            .map(|a| a.arg.as_str())
            .collect()
    }

    /// The id of the argument after a flag: its value, when not inline.
    fn value_id(&self, flag_id: usize) -> Option<usize> {
        self.arguments
            .iter()
            .map(|a| a.id)
            .filter(|&id| id > flag_id)
            .min()
    }

    /// This command without the values of the given flags (the values
    /// given as separate arguments; `--flag=value` stays).
    pub fn drop_flag_args(&self, flags: &[&str]) -> Command {
        let drop: Vec<usize> = self
            .flags
            .iter()
            .filter(|f| flags.contains(&f.arg.as_str()))
            .filter(|f| {
                !self
                    .arguments
                    .iter()
                    .any(|a| a.id == f.id && a.arg.contains('='))
            })
            .filter_map(|f| self.value_id(f.id))
            .collect();
        Command {
            name: self.name.clone(),
            arguments: self
                .arguments
                .iter()
                .filter(|a| !drop.contains(&a.id))
                .cloned()
                .collect(),
            flags: self.flags.clone(),
        }
    }

    /// The values given to `flag` as separate arguments.
    pub fn flag_args(&self, flag: &str) -> Vec<&str> {
        let ids: Vec<usize> = self
            .flags
            .iter()
            .filter(|f| f.arg == flag)
            .filter_map(|f| self.value_id(f.id))
            .collect();
        self.arguments
            .iter()
            .filter(|a| ids.contains(&a.id))
            .map(|a| a.arg.as_str())
            .collect()
    }

    /// `pip install` or `python -m pip install` (not pipenv).
    pub fn is_pip_install(&self) -> bool {
        let args: Vec<&str> = self.args().collect();
        let std_pip = self.name.starts_with("pip")
            && !self.name.starts_with("pipenv")
            && args.contains(&"install");
        let python_pip = self.name.starts_with("python")
            && args.windows(3).any(|w| w == ["-m", "pip", "install"]);
        std_pip || python_pip
    }
}

/// ShellCheck's parser (hadolint's) reads two things a POSIX shell rejects:
/// `´` as a backquote, and `cmd &;` as `cmd &`. Rewrites them outside
/// quotes and comments so the commands come out as hadolint lists them;
/// `None` when there is nothing to rewrite.
fn shellcheck_leniencies(text: &str) -> Option<String> {
    if !text.contains('´') && !text.contains('&') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let (mut single, mut double) = (false, false);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if !single => {
                out.push(c);
                if let Some((_, next)) = chars.next() {
                    out.push(next);
                }
                continue;
            }
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && (i == 0 || text[..i].ends_with(char::is_whitespace)) => {
                // A comment runs to the end of the line.
                while let Some(&(_, next)) = chars.peek() {
                    if next == '\n' {
                        break;
                    }
                    out.push(next);
                    chars.next();
                }
            }
            '´' if !single => {
                out.push('`');
                changed = true;
                continue;
            }
            '&' if !single && !double => {
                let rest = &text[i + 1..];
                let after_blanks = rest.trim_start_matches([' ', '\t']);
                if after_blanks.starts_with(';')
                    && !after_blanks.starts_with(";;")
                    && !text[..i].ends_with(['&', '>', '<', '|'])
                    && !rest.starts_with(['&', '>'])
                {
                    out.push('&');
                    out.push_str(&rest[..rest.len() - after_blanks.len()]);
                    out.push(' ');
                    let skip = rest.len() - after_blanks.len() + 1;
                    for _ in 0..skip {
                        chars.next();
                    }
                    changed = true;
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    changed.then_some(out)
}

/// Flags of the arguments: `--` and `-` are none; `--a=b` is `a`; `-xy` is `x` and `y`.
fn flags_of(arguments: &[CmdPart]) -> Vec<CmdPart> {
    let mut flags = Vec::new();
    for part in arguments {
        let arg = part.arg.as_str();
        if arg == "--" || arg == "-" {
            continue;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let name = long.split('=').next().unwrap_or("");
            flags.push(CmdPart {
                arg: name.to_string(),
                id: part.id,
            });
        } else if let Some(short) = arg.strip_prefix('-') {
            flags.extend(short.chars().map(|c| CmdPart {
                arg: c.to_string(),
                id: part.id,
            }));
        }
    }
    flags
}

/// A word's text when it has no expansions or globs (the command-name rule).
fn literal_string(parts: &[WordPart]) -> Option<String> {
    let mut out = String::new();
    for part in parts {
        match &part.kind {
            WordPartKind::Literal(s) | WordPartKind::SingleQuoted(s) => out.push_str(s),
            WordPartKind::Escaped(c) => out.push(*c),
            WordPartKind::Tilde(user) => {
                out.push('~');
                out.push_str(user);
            }
            WordPartKind::DoubleQuoted(inner) => out.push_str(&literal_string(inner)?),
            WordPartKind::DollarSingleQuoted(s) => out.push_str(&decode_dollar_single(s)),
            _ => return None,
        }
    }
    Some(out)
}

/// Decodes bash's `$'...'` escapes.
fn decode_dollar_single(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('a') => out.push('\x07'),
            Some('b') => out.push('\x08'),
            Some('e') => out.push('\x1b'),
            Some('f') => out.push('\x0c'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('v') => out.push('\x0b'),
            Some(other @ ('\'' | '"' | '\\')) => out.push(other),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// hadolint's reduction of a word to text: variables become `${NAME}`,
/// command substitutions `${...}` of their words, arithmetic and
/// backquotes `${VAR}`, brace expansions nothing.
fn simplify(parts: &[WordPart], src: &str, out: &mut String) {
    for part in parts {
        match &part.kind {
            WordPartKind::Literal(s) | WordPartKind::SingleQuoted(s) => out.push_str(s),
            WordPartKind::DollarSingleQuoted(s) => out.push_str(s),
            WordPartKind::Escaped(c) => out.push(*c),
            WordPartKind::Tilde(user) => {
                out.push('~');
                out.push_str(user);
            }
            WordPartKind::DoubleQuoted(inner) => simplify(inner, src, out),
            WordPartKind::Parameter(_) => {
                // `$X` and `${X:-y}` alike become `${...}` around the text
                // inside the braces.
                let text = part.span.text(src);
                let inner = match text.strip_prefix("${") {
                    Some(braced) => braced.strip_suffix('}').unwrap_or(braced),
                    None => text.strip_prefix('$').unwrap_or(text),
                };
                out.push_str("${");
                out.push_str(inner);
                out.push('}');
            }
            WordPartKind::CommandSubstitution(list) => {
                out.push_str("${");
                simplify_list(list, src, out);
                out.push('}');
            }
            WordPartKind::Backquoted(_) | WordPartKind::Arithmetic(_) => out.push_str("${VAR}"),
            WordPartKind::Glob(g) => out.push_str(match g {
                dockyard_shell::Glob::Star => "*",
                dockyard_shell::Glob::Question => "?",
                dockyard_shell::Glob::Bracket(text) => text,
            }),
            WordPartKind::BraceExpansion(_)
            | WordPartKind::ProcessSubstitution { .. }
            | WordPartKind::Array(_) => {}
        }
    }
}

/// A command substitution reduces to the words of its one simple command,
/// run together; anything more complex reduces to nothing.
fn simplify_list(list: &List, src: &str, out: &mut String) {
    for item in &list.items {
        if !item.and_or.rest.is_empty() {
            continue;
        }
        let pipeline = &item.and_or.first;
        if let [ShellCommand::Simple(command)] = pipeline.commands.as_slice() {
            for word in &command.words {
                simplify(&word.parts, src, out);
            }
        }
    }
}

fn simplified(word: &Word, src: &str) -> String {
    let mut out = String::new();
    simplify(&word.parts, src, &mut out);
    out
}

struct Collector<'s> {
    src: &'s str,
    commands: Vec<Command>,
    has_pipes: bool,
}

impl Collector<'_> {
    fn command(&self, simple: &SimpleCommand) -> Option<Command> {
        let (first, rest) = simple.words.split_first()?;
        // ShellCheck reads a command starting with `[` as a test
        // expression, not as a command.
        if first.span.text(self.src).starts_with('[') {
            return None;
        }
        let mut name = literal_string(&first.parts)?;
        if matches!(
            name.as_str(),
            "busybox" | "builtin" | "command" | "run" | "exec"
        ) {
            let effective = if name == "exec" {
                exec_target(rest)
            } else {
                rest.first()
                    .filter(|w| !literal_string(&w.parts).is_some_and(|s| s.starts_with('-')))
            };
            if let Some(word) = effective {
                name = literal_string(&word.parts)?;
            }
        }
        let arguments: Vec<CmdPart> = rest
            .iter()
            .enumerate()
            .map(|(id, word)| CmdPart {
                arg: simplified(word, self.src),
                id: id + 1,
            })
            .collect();
        let flags = flags_of(&arguments);
        Some(Command {
            name,
            arguments,
            flags,
        })
    }
}

/// The command `exec` runs: the first word after its options `-c -l -a NAME`.
fn exec_target(words: &[Word]) -> Option<&Word> {
    let mut i = 0;
    while let Some(word) = words.get(i) {
        let text = literal_string(&word.parts)?;
        match text.as_str() {
            "--" => return words.get(i + 1),
            "-a" => i += 2,
            t if t.starts_with('-') && t.len() > 1 => i += 1,
            _ => return Some(word),
        }
    }
    None
}

impl<'a> Visit<'a> for Collector<'_> {
    fn visit_pipeline(&mut self, pipeline: &'a Pipeline) {
        if !pipeline.operators.is_empty() {
            self.has_pipes = true;
        }
        dockyard_shell::walk_pipeline(self, pipeline);
    }

    fn visit_simple_command(&mut self, simple: &'a SimpleCommand) {
        let command = self.command(simple);
        // Met first through the redirection wrapper, whose redirections
        // are walked before the command itself is met again.
        if let Some(c) = &command {
            self.commands.push(c.clone());
        }
        for redirect in &simple.redirects {
            self.visit_redirect(redirect);
        }
        if let Some(c) = command {
            self.commands.push(c);
        }
        for assignment in &simple.assignments {
            self.visit_assignment(assignment);
        }
        for word in &simple.words {
            self.visit_word(word);
        }
    }

    fn visit_redirect(&mut self, redirect: &'a Redirect) {
        if let RedirectTarget::Word(word) = &redirect.target {
            self.visit_word(word);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        ParsedShell::parse(text)
            .commands
            .into_iter()
            .map(|c| c.name)
            .collect()
    }

    fn args(text: &str) -> Vec<String> {
        ParsedShell::parse(text).commands[0]
            .args()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn commands_come_twice_in_pre_order() {
        assert_eq!(names("cd /tmp && make"), ["cd", "cd", "make", "make"]);
        assert_eq!(names("echo $(date)"), ["echo", "echo", "date", "date"]);
        assert_eq!(names("x=$(id -u)"), ["id", "id"]);
        assert_eq!(
            names("(cd /x && make) | tee log"),
            ["cd", "cd", "make", "make", "tee", "tee"]
        );
        assert_eq!(names("if [ -f a ]; then sudo rm a; fi"), ["sudo", "sudo"]);
        assert_eq!(
            names("[-f a ] && echo $(date)"),
            ["echo", "echo", "date", "date"]
        );
        assert_eq!(names("$CMD install; *.sh"), Vec::<String>::new());
    }

    #[test]
    fn wrappers_name_the_real_command() {
        assert_eq!(names("busybox wget x")[0], "wget");
        assert_eq!(names("command -v curl")[0], "command");
        assert_eq!(names("exec -a name nginx -g x")[0], "nginx");
        assert_eq!(args("busybox wget x"), ["wget", "x"]);
    }

    #[test]
    fn arguments_are_simplified_as_hadolint_does() {
        assert_eq!(
            args("apt-get install -y \"curl=$V\" '$x' ${PKG:-a} $(echo hi) `x` $((1+2)) /a/{b,c} *.deb"),
            ["install", "-y", "curl=${V}", "$x", "${PKG:-a}", "${echohi}", "${VAR}", "${VAR}", "/a/", "*.deb"]
        );
    }

    #[test]
    fn flags() {
        let shell = ParsedShell::parse("useradd -lm --uid=1000 -u 12345 -- name -");
        let c = &shell.commands[0];
        let flags: Vec<&str> = c.flags.iter().map(|f| f.arg.as_str()).collect();
        assert_eq!(flags, ["l", "m", "uid", "u"]);
        assert_eq!(c.flag_args("u"), ["12345"]);
        assert_eq!(c.args_no_flags(), ["12345", "--", "name", "-"]);
        assert_eq!(
            c.drop_flag_args(&["u"]).args_no_flags(),
            ["--", "name", "-"]
        );
    }

    #[test]
    fn shellcheck_leniencies_are_read_as_hadolint_does() {
        assert_eq!(names("echo ´date´"), ["echo", "echo", "date", "date"]);
        assert_eq!(
            names("sleep 1 &; echo hi"),
            ["sleep", "sleep", "echo", "echo"]
        );
        assert_eq!(names("echo '´x´' \"a &; b\" # c &; d"), ["echo", "echo"]);
        assert!(ParsedShell::parse("case x in a) b & ;; esac")
            .script
            .syntax_error()
            .is_none());
    }

    #[test]
    fn pipes_anywhere() {
        assert!(ParsedShell::parse("curl x | sh").has_pipes);
        assert!(ParsedShell::parse("echo $(ls | wc -l)").has_pipes);
        assert!(!ParsedShell::parse("a || b").has_pipes);
    }

    #[test]
    fn pip_install() {
        let is_pip = |t: &str| ParsedShell::parse(t).commands[0].is_pip_install();
        assert!(is_pip("pip3 install flask"));
        assert!(is_pip("python3 -m pip install flask"));
        assert!(!is_pip("pipenv install"));
        assert!(!is_pip("pip download x"));
    }
}
