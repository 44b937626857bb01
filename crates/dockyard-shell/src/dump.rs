//! A compact s-expression rendering of the tree, for tests and debugging.
//!
//! `echo "$a" >f && ls *.txt` dumps as `(&& (cmd echo (dq $a) (> f)) (cmd ls (w (glob *) .txt)))`.
//! A list of several items is `(seq ...)`, a word of several parts `(w ...)`, and single
//! literal parts print bare when unambiguous (otherwise as a Rust string literal).

use crate::ast::*;
use crate::diagnostic::Severity;
use std::fmt::Write;

/// The tree followed by one line per diagnostic (`! sh: LINE: message` for the
/// syntax error, `warning: message` for warnings).
pub fn dump(script: &Script) -> String {
    let mut out = dump_list(&script.body);
    for diagnostic in &script.diagnostics {
        match diagnostic.severity {
            Severity::Error => {
                let _ = write!(out, "\n! {}", diagnostic.dash_format("sh"));
            }
            Severity::Warning => {
                let _ = write!(out, "\nwarning: {}", diagnostic.message);
            }
        }
    }
    out
}

pub fn dump_list(list: &List) -> String {
    let mut out = String::new();
    list_into(&mut out, list);
    out
}

pub fn dump_word(word: &Word) -> String {
    let mut out = String::new();
    word_into(&mut out, word);
    out
}

fn atom(out: &mut String, text: &str) {
    let bare = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./:=+,@%^-!]".contains(c));
    if bare {
        out.push_str(text);
    } else {
        let _ = write!(out, "{text:?}");
    }
}

fn list_into(out: &mut String, list: &List) {
    if list.items.len() == 1 {
        item_into(out, &list.items[0]);
        return;
    }
    out.push_str("(seq");
    for item in &list.items {
        out.push(' ');
        item_into(out, item);
    }
    out.push(')');
}

fn item_into(out: &mut String, item: &ListItem) {
    if item.background {
        out.push_str("(& ");
        and_or_into(out, &item.and_or);
        out.push(')');
    } else {
        and_or_into(out, &item.and_or);
    }
}

fn and_or_into(out: &mut String, and_or: &AndOr) {
    let mut text = String::new();
    pipeline_into(&mut text, &and_or.first);
    for (op, pipeline) in &and_or.rest {
        let mut next = String::new();
        pipeline_into(&mut next, pipeline);
        let op = match op {
            AndOrOp::And => "&&",
            AndOrOp::Or => "||",
        };
        text = format!("({op} {text} {next})");
    }
    out.push_str(&text);
}

fn pipeline_into(out: &mut String, pipeline: &Pipeline) {
    if pipeline.negated {
        out.push_str("(! ");
    }
    if pipeline.commands.len() == 1 {
        command_into(out, &pipeline.commands[0]);
    } else {
        let all_plain = pipeline.operators.iter().all(|op| *op == PipeOp::Pipe);
        out.push_str(if all_plain { "(|" } else { "(pipe" });
        for (i, command) in pipeline.commands.iter().enumerate() {
            if !all_plain && i > 0 {
                out.push_str(match pipeline.operators[i - 1] {
                    PipeOp::Pipe => " |",
                    PipeOp::PipeWithStderr => " |&",
                });
            }
            out.push(' ');
            command_into(out, command);
        }
        out.push(')');
    }
    if pipeline.negated {
        out.push(')');
    }
}

fn command_into(out: &mut String, command: &Command) {
    match command {
        Command::Simple(c) => simple_into(out, c),
        Command::Compound(c) => compound_into(out, c),
        Command::FunctionDef(f) => {
            out.push_str(if f.function_keyword {
                "(function "
            } else {
                "(fn "
            });
            atom(out, &f.name);
            out.push(' ');
            command_into(out, &f.body);
            out.push(')');
        }
    }
}

fn simple_into(out: &mut String, command: &SimpleCommand) {
    out.push_str("(cmd");
    for assignment in &command.assignments {
        out.push_str(if assignment.append { " (+= " } else { " (= " });
        atom(out, &assignment.name);
        if !assignment.value.parts.is_empty() {
            out.push(' ');
            word_into(out, &assignment.value);
        }
        out.push(')');
    }
    let mut words = command.words.iter().peekable();
    let mut redirects = command.redirects.iter().peekable();
    loop {
        out.push(' ');
        match (words.peek(), redirects.peek()) {
            (Some(w), Some(r)) if r.span.start < w.span.start => {
                redirect_into(out, redirects.next().expect("peeked"));
            }
            (Some(_), _) => word_into(out, words.next().expect("peeked")),
            (None, Some(_)) => redirect_into(out, redirects.next().expect("peeked")),
            (None, None) => {
                out.pop();
                break;
            }
        }
    }
    out.push(')');
}

fn redirect_into(out: &mut String, redirect: &Redirect) {
    out.push('(');
    if let Some(fd) = redirect.fd {
        let _ = write!(out, "{fd}");
    }
    out.push_str(redirect.op.as_str());
    out.push(' ');
    match &redirect.target {
        RedirectTarget::Word(word) => word_into(out, word),
        RedirectTarget::HereDoc(here_doc) => {
            atom(out, &here_doc.delimiter);
            if here_doc.quoted {
                out.push_str(" quoted");
            }
            if !here_doc.terminated {
                out.push_str(" unterminated");
            }
            out.push_str(" (body");
            parts_into(out, &here_doc.body);
            out.push(')');
        }
    }
    out.push(')');
}

fn compound_into(out: &mut String, command: &CompoundCommand) {
    match &command.kind {
        CompoundKind::Subshell(list) => {
            out.push_str("(subshell ");
            list_into(out, list);
        }
        CompoundKind::BraceGroup(list) => {
            out.push_str("(group ");
            list_into(out, list);
        }
        CompoundKind::If(clause) => {
            out.push_str("(if");
            for (i, branch) in clause.branches.iter().enumerate() {
                out.push_str(if i == 0 { " " } else { " elif " });
                list_into(out, &branch.condition);
                out.push(' ');
                list_into(out, &branch.body);
            }
            if let Some(list) = &clause.else_body {
                out.push_str(" else ");
                list_into(out, list);
            }
        }
        CompoundKind::For(clause) => {
            out.push_str("(for ");
            atom(out, &clause.variable);
            if let Some(words) = &clause.words {
                out.push_str(" (in");
                for word in words {
                    out.push(' ');
                    word_into(out, word);
                }
                out.push(')');
            }
            out.push(' ');
            list_into(out, &clause.body);
        }
        CompoundKind::While(clause) | CompoundKind::Until(clause) => {
            out.push_str(if matches!(command.kind, CompoundKind::While(_)) {
                "(while "
            } else {
                "(until "
            });
            list_into(out, &clause.condition);
            out.push(' ');
            list_into(out, &clause.body);
        }
        CompoundKind::Case(clause) => {
            out.push_str("(case ");
            word_into(out, &clause.subject);
            for arm in &clause.arms {
                out.push_str(" (arm (");
                for (i, pattern) in arm.patterns.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    word_into(out, pattern);
                }
                out.push_str(") ");
                list_into(out, &arm.body);
                match arm.terminator {
                    CaseTerminator::Break | CaseTerminator::End => {}
                    CaseTerminator::FallThrough => out.push_str(" ;&"),
                    CaseTerminator::Continue => out.push_str(" ;;&"),
                }
                out.push(')');
            }
        }
        CompoundKind::DoubleBracket(words) => {
            out.push_str("([[");
            for word in words {
                out.push(' ');
                word_into(out, word);
            }
        }
    }
    for redirect in &command.redirects {
        out.push(' ');
        redirect_into(out, redirect);
    }
    out.push(')');
}

fn word_into(out: &mut String, word: &Word) {
    if word.parts.len() == 1 {
        part_into(out, &word.parts[0]);
    } else {
        out.push_str("(w");
        parts_into(out, &word.parts);
        out.push(')');
    }
}

/// Each part preceded by a space.
fn parts_into(out: &mut String, parts: &[WordPart]) {
    for part in parts {
        out.push(' ');
        part_into(out, part);
    }
}

fn part_into(out: &mut String, part: &WordPart) {
    match &part.kind {
        WordPartKind::Literal(text) => atom(out, text),
        WordPartKind::Escaped(c) => {
            out.push_str("(\\ ");
            atom(out, &c.to_string());
            out.push(')');
        }
        WordPartKind::SingleQuoted(text) => {
            out.push_str("(sq ");
            atom(out, text);
            out.push(')');
        }
        WordPartKind::DoubleQuoted(parts) => {
            out.push_str("(dq");
            parts_into(out, parts);
            out.push(')');
        }
        WordPartKind::Parameter(parameter) => parameter_into(out, parameter),
        WordPartKind::CommandSubstitution(list) => {
            out.push_str("($( ");
            list_into(out, list);
            out.push(')');
        }
        WordPartKind::Backquoted(list) => {
            out.push_str("(` ");
            list_into(out, list);
            out.push(')');
        }
        WordPartKind::Arithmetic(parts) => {
            out.push_str("($((");
            parts_into(out, parts);
            out.push(')');
        }
        WordPartKind::Glob(glob) => {
            out.push_str("(glob ");
            match glob {
                Glob::Star => out.push('*'),
                Glob::Question => out.push('?'),
                Glob::Bracket(text) => atom(out, text),
            }
            out.push(')');
        }
        WordPartKind::Tilde(user) => {
            out.push_str("(~");
            if !user.is_empty() {
                out.push(' ');
                atom(out, user);
            }
            out.push(')');
        }
        WordPartKind::DollarSingleQuoted(text) => {
            out.push_str("($' ");
            atom(out, text);
            out.push(')');
        }
        WordPartKind::BraceExpansion(parts) => {
            out.push_str("({}");
            parts_into(out, parts);
            out.push(')');
        }
        WordPartKind::ProcessSubstitution { direction, body } => {
            out.push_str(match direction {
                ProcessDirection::Input => "(<( ",
                ProcessDirection::Output => "(>( ",
            });
            list_into(out, body);
            out.push(')');
        }
        WordPartKind::Array(words) => {
            out.push_str("(array");
            for word in words {
                out.push(' ');
                word_into(out, word);
            }
            out.push(')');
        }
    }
}

fn parameter_into(out: &mut String, parameter: &Parameter) {
    match &parameter.op {
        ParamOp::Plain if !parameter.braced => {
            let _ = write!(out, "${}", parameter.name);
        }
        ParamOp::Plain => {
            let _ = write!(out, "${{{}}}", parameter.name);
        }
        ParamOp::Length => {
            let _ = write!(out, "${{#{}}}", parameter.name);
        }
        ParamOp::Test { test, colon, word } => {
            let colon = if *colon { ":" } else { "" };
            let _ = write!(out, "(${{}} {} {colon}{} ", parameter.name, test.as_char());
            word_into(out, word);
            out.push(')');
        }
        ParamOp::Trim { trim, pattern } => {
            let _ = write!(out, "(${{}} {} {} ", parameter.name, trim.as_str());
            word_into(out, pattern);
            out.push(')');
        }
        ParamOp::NonPosix { form, rest } => {
            let form = match form {
                NonPosixParam::Indirect => "indirect",
                NonPosixParam::Substring => "substring",
                NonPosixParam::Replace => "replace",
                NonPosixParam::CaseModification => "case",
                NonPosixParam::ArrayIndex => "index",
                NonPosixParam::Invalid => "invalid",
            };
            out.push_str("(${} ");
            if !parameter.name.is_empty() {
                atom(out, &parameter.name);
                out.push(' ');
            }
            let _ = write!(out, "bad-{form} ");
            word_into(out, rest);
            out.push(')');
        }
    }
}
