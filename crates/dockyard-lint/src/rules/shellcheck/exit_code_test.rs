//! SC2181: testing `$?` against 0 instead of the command itself.

use dockyard_shell::{Command as ShellCommand, CompoundKind, Visit, Word, WordPart, WordPartKind};

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `[ $? -eq 0 ]`, `[ $? != 0 ]`, `[[ 0 -ne $? ]]` and the like
    /// when that comparison is the whole test (not the first command of a
    /// function, where `$?` is the caller's).
    ///
    /// ## Why is this bad?
    /// `$?` is easy to clobber by a command in between; testing the
    /// command directly says the same thing more robustly.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN make; if [ $? -ne 0 ]; then exit 1; fi
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN if ! make; then exit 1; fi
    /// ```
    code: "SC2181",
    severity: Style,
    message: "Check exit code directly with e.g. 'if mycmd;', not indirectly with $?.",
}

/// Whether the word is just `$?` (quoted or not).
fn is_exit_code(w: &Word) -> bool {
    fn flat(parts: &[WordPart], out: &mut Vec<WordPart>) {
        for p in parts {
            match &p.kind {
                WordPartKind::DoubleQuoted(inner) => flat(inner, out),
                _ => out.push(p.clone()),
            }
        }
    }
    let mut parts = Vec::new();
    flat(&w.parts, &mut parts);
    matches!(parts.as_slice(), [WordPart { kind: WordPartKind::Parameter(p), .. }] if p.name == "?" && matches!(p.op, dockyard_shell::ParamOp::Plain))
}

/// The expression of a test without the negations and parentheses that
/// wrap it whole.
fn unwrap(mut words: &[Word]) -> &[Word] {
    loop {
        match words {
            [first, rest @ ..] if first.literal_value().as_deref() == Some("!") => words = rest,
            [first, mid @ .., last]
                if first.literal_value().as_deref() == Some("(")
                    && last.literal_value().as_deref() == Some(")") =>
            {
                words = mid
            }
            _ => return words,
        }
    }
}

fn check_expression(words: &[Word], out: &mut Comments) {
    let [lhs, op, rhs] = unwrap(words) else {
        return;
    };
    let Some(op) = op.literal_value() else { return };
    let zero = |w: &Word| w.literal_value().as_deref() == Some("0");
    let (pos, success) = if zero(rhs) && is_exit_code(lhs) {
        (
            lhs.span.start,
            !["-gt", "-ne", "!=", "!"].contains(&op.as_str()),
        )
    } else if zero(lhs) && is_exit_code(rhs) {
        (rhs.span.start, !["-ne", "!="].contains(&op.as_str()))
    } else {
        return;
    };
    let not = if success { "" } else { "! " };
    out.add_msg(
        pos,
        &META,
        format!("Check exit code directly with e.g. 'if {not}mycmd;', not indirectly with $?."),
    );
}

/// The start of the first command of each function body.
struct FirstInFunction(Vec<usize>);

fn first_command(c: &ShellCommand) -> usize {
    match c {
        ShellCommand::Compound(cc) => match &cc.kind {
            CompoundKind::BraceGroup(l) | CompoundKind::Subshell(l) => l
                .items
                .first()
                .and_then(|i| i.and_or.first.commands.first())
                .map(first_command)
                .unwrap_or(cc.span.start),
            CompoundKind::If(clause) => clause
                .branches
                .first()
                .and_then(|b| b.condition.items.first())
                .and_then(|i| i.and_or.first.commands.first())
                .map(first_command)
                .unwrap_or(cc.span.start),
            _ => cc.span.start,
        },
        ShellCommand::FunctionDef(f) => first_command(&f.body),
        ShellCommand::Simple(s) => s.span.start,
    }
}

impl<'a> Visit<'a> for FirstInFunction {
    fn visit_function_def(&mut self, f: &'a dockyard_shell::FunctionDef) {
        self.0.push(first_command(&f.body));
        self.visit_command(&f.body);
    }
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    let mut firsts = FirstInFunction(Vec::new());
    firsts.visit_list(&cx.script.body);
    for c in &cx.cmds {
        if c.name.as_deref() != Some("[") || firsts.0.contains(&c.start()) {
            continue;
        }
        let args = c.args();
        let inner = match args.split_last() {
            Some((last, inner)) if last.literal_value().as_deref() == Some("]") => inner,
            _ => continue,
        };
        check_expression(inner, out);
    }
    for (span, words) in &cx.double_brackets {
        if firsts.0.contains(&span.start) {
            continue;
        }
        let mut inner: &[_] = words;
        if inner.first().and_then(|w| w.literal_value()).as_deref() == Some("[[") {
            inner = &inner[1..];
        }
        if inner.last().and_then(|w| w.literal_value()).as_deref() == Some("]]") {
            inner = &inner[..inner.len() - 1];
        }
        check_expression(inner, out);
    }
}
