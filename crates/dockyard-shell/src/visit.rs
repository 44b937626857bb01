//! Walking the tree: a read-only [`Visit`] trait, `simple_commands`, and the crate's
//! internal mutable passes (span remapping for backquotes, filling here-document bodies).

use crate::ast::*;
use crate::parser::HereDocBody;
use crate::span::Span;
use std::collections::HashMap;

/// A read-only visitor. Every method's default walks into the children, so an
/// implementation overrides what it cares about and calls the `walk_*` function to go on.
pub trait Visit<'a> {
    fn visit_list(&mut self, list: &'a List) {
        walk_list(self, list);
    }
    fn visit_pipeline(&mut self, pipeline: &'a Pipeline) {
        walk_pipeline(self, pipeline);
    }
    fn visit_command(&mut self, command: &'a Command) {
        walk_command(self, command);
    }
    fn visit_simple_command(&mut self, command: &'a SimpleCommand) {
        walk_simple_command(self, command);
    }
    fn visit_compound_command(&mut self, command: &'a CompoundCommand) {
        walk_compound_command(self, command);
    }
    fn visit_function_def(&mut self, function: &'a FunctionDef) {
        self.visit_command(&function.body);
    }
    fn visit_assignment(&mut self, assignment: &'a Assignment) {
        self.visit_word(&assignment.value);
    }
    fn visit_redirect(&mut self, redirect: &'a Redirect) {
        walk_redirect(self, redirect);
    }
    fn visit_word(&mut self, word: &'a Word) {
        walk_parts(self, &word.parts);
    }
    fn visit_word_part(&mut self, part: &'a WordPart) {
        walk_word_part(self, part);
    }
}

pub fn walk_list<'a, V: Visit<'a> + ?Sized>(v: &mut V, list: &'a List) {
    for item in &list.items {
        v.visit_pipeline(&item.and_or.first);
        for (_, pipeline) in &item.and_or.rest {
            v.visit_pipeline(pipeline);
        }
    }
}

pub fn walk_pipeline<'a, V: Visit<'a> + ?Sized>(v: &mut V, pipeline: &'a Pipeline) {
    for command in &pipeline.commands {
        v.visit_command(command);
    }
}

pub fn walk_command<'a, V: Visit<'a> + ?Sized>(v: &mut V, command: &'a Command) {
    match command {
        Command::Simple(c) => v.visit_simple_command(c),
        Command::Compound(c) => v.visit_compound_command(c),
        Command::FunctionDef(f) => v.visit_function_def(f),
    }
}

/// Visits assignments, then words and redirections in source order.
pub fn walk_simple_command<'a, V: Visit<'a> + ?Sized>(v: &mut V, command: &'a SimpleCommand) {
    for assignment in &command.assignments {
        v.visit_assignment(assignment);
    }
    let mut words = command.words.iter().peekable();
    let mut redirects = command.redirects.iter().peekable();
    loop {
        match (words.peek(), redirects.peek()) {
            (Some(w), Some(r)) if r.span.start < w.span.start => {
                v.visit_redirect(redirects.next().expect("peeked"));
            }
            (Some(_), _) => v.visit_word(words.next().expect("peeked")),
            (None, Some(_)) => v.visit_redirect(redirects.next().expect("peeked")),
            (None, None) => break,
        }
    }
}

pub fn walk_compound_command<'a, V: Visit<'a> + ?Sized>(v: &mut V, command: &'a CompoundCommand) {
    match &command.kind {
        CompoundKind::Subshell(list) | CompoundKind::BraceGroup(list) => v.visit_list(list),
        CompoundKind::If(clause) => {
            for branch in &clause.branches {
                v.visit_list(&branch.condition);
                v.visit_list(&branch.body);
            }
            if let Some(list) = &clause.else_body {
                v.visit_list(list);
            }
        }
        CompoundKind::For(clause) => {
            for word in clause.words.iter().flatten() {
                v.visit_word(word);
            }
            v.visit_list(&clause.body);
        }
        CompoundKind::While(clause) | CompoundKind::Until(clause) => {
            v.visit_list(&clause.condition);
            v.visit_list(&clause.body);
        }
        CompoundKind::Case(clause) => {
            v.visit_word(&clause.subject);
            for arm in &clause.arms {
                for pattern in &arm.patterns {
                    v.visit_word(pattern);
                }
                v.visit_list(&arm.body);
            }
        }
        CompoundKind::DoubleBracket(words) => {
            for word in words {
                v.visit_word(word);
            }
        }
    }
    for redirect in &command.redirects {
        v.visit_redirect(redirect);
    }
}

pub fn walk_redirect<'a, V: Visit<'a> + ?Sized>(v: &mut V, redirect: &'a Redirect) {
    match &redirect.target {
        RedirectTarget::Word(word) => v.visit_word(word),
        RedirectTarget::HereDoc(here_doc) => walk_parts(v, &here_doc.body),
    }
}

pub fn walk_parts<'a, V: Visit<'a> + ?Sized>(v: &mut V, parts: &'a [WordPart]) {
    for part in parts {
        v.visit_word_part(part);
    }
}

pub fn walk_word_part<'a, V: Visit<'a> + ?Sized>(v: &mut V, part: &'a WordPart) {
    match &part.kind {
        WordPartKind::DoubleQuoted(parts)
        | WordPartKind::Arithmetic(parts)
        | WordPartKind::BraceExpansion(parts) => walk_parts(v, parts),
        WordPartKind::Parameter(parameter) => match &parameter.op {
            ParamOp::Test { word, .. } => v.visit_word(word),
            ParamOp::Trim { pattern, .. } => v.visit_word(pattern),
            ParamOp::NonPosix { rest, .. } => v.visit_word(rest),
            ParamOp::Plain | ParamOp::Length => {}
        },
        WordPartKind::CommandSubstitution(list)
        | WordPartKind::Backquoted(list)
        | WordPartKind::ProcessSubstitution { body: list, .. } => v.visit_list(list),
        WordPartKind::Array(words) => {
            for word in words {
                v.visit_word(word);
            }
        }
        WordPartKind::Literal(_)
        | WordPartKind::Escaped(_)
        | WordPartKind::SingleQuoted(_)
        | WordPartKind::Glob(_)
        | WordPartKind::Tilde(_)
        | WordPartKind::DollarSingleQuoted(_) => {}
    }
}

/// Every simple command in the script in source order, including those inside
/// compound commands, function bodies, command substitutions and here-documents.
pub fn simple_commands(script: &Script) -> impl Iterator<Item = &SimpleCommand> {
    struct Collect<'a>(Vec<&'a SimpleCommand>);
    impl<'a> Visit<'a> for Collect<'a> {
        fn visit_simple_command(&mut self, command: &'a SimpleCommand) {
            self.0.push(command);
            walk_simple_command(self, command);
        }
    }
    let mut collect = Collect(Vec::new());
    collect.visit_list(&script.body);
    collect.0.into_iter()
}

// ----- internal mutable passes ------------------------------------------------------------

trait VisitMut {
    fn span(&mut self, _span: &mut Span) {}
    fn here_doc(&mut self, _here_doc: &mut HereDoc) {}
}

fn list_mut(v: &mut dyn VisitMut, list: &mut List) {
    v.span(&mut list.span);
    for item in &mut list.items {
        v.span(&mut item.span);
        v.span(&mut item.and_or.span);
        pipeline_mut(v, &mut item.and_or.first);
        for (_, pipeline) in &mut item.and_or.rest {
            pipeline_mut(v, pipeline);
        }
    }
}

fn pipeline_mut(v: &mut dyn VisitMut, pipeline: &mut Pipeline) {
    v.span(&mut pipeline.span);
    for command in &mut pipeline.commands {
        command_mut(v, command);
    }
}

fn command_mut(v: &mut dyn VisitMut, command: &mut Command) {
    match command {
        Command::Simple(c) => {
            v.span(&mut c.span);
            for assignment in &mut c.assignments {
                v.span(&mut assignment.span);
                v.span(&mut assignment.name_span);
                word_mut(v, &mut assignment.value);
            }
            for word in &mut c.words {
                word_mut(v, word);
            }
            for redirect in &mut c.redirects {
                redirect_mut(v, redirect);
            }
        }
        Command::Compound(c) => {
            v.span(&mut c.span);
            match &mut c.kind {
                CompoundKind::Subshell(list) | CompoundKind::BraceGroup(list) => list_mut(v, list),
                CompoundKind::If(clause) => {
                    for branch in &mut clause.branches {
                        list_mut(v, &mut branch.condition);
                        list_mut(v, &mut branch.body);
                    }
                    if let Some(list) = &mut clause.else_body {
                        list_mut(v, list);
                    }
                }
                CompoundKind::For(clause) => {
                    v.span(&mut clause.variable_span);
                    for word in clause.words.iter_mut().flatten() {
                        word_mut(v, word);
                    }
                    list_mut(v, &mut clause.body);
                }
                CompoundKind::While(clause) | CompoundKind::Until(clause) => {
                    list_mut(v, &mut clause.condition);
                    list_mut(v, &mut clause.body);
                }
                CompoundKind::Case(clause) => {
                    word_mut(v, &mut clause.subject);
                    for arm in &mut clause.arms {
                        v.span(&mut arm.span);
                        for pattern in &mut arm.patterns {
                            word_mut(v, pattern);
                        }
                        list_mut(v, &mut arm.body);
                    }
                }
                CompoundKind::DoubleBracket(words) => {
                    for word in words {
                        word_mut(v, word);
                    }
                }
            }
            for redirect in &mut c.redirects {
                redirect_mut(v, redirect);
            }
        }
        Command::FunctionDef(f) => {
            v.span(&mut f.span);
            v.span(&mut f.name_span);
            command_mut(v, &mut f.body);
        }
    }
}

fn redirect_mut(v: &mut dyn VisitMut, redirect: &mut Redirect) {
    v.span(&mut redirect.span);
    match &mut redirect.target {
        RedirectTarget::Word(word) => word_mut(v, word),
        RedirectTarget::HereDoc(here_doc) => {
            v.here_doc(here_doc);
            v.span(&mut here_doc.delimiter_span);
            v.span(&mut here_doc.body_span);
            parts_mut(v, &mut here_doc.body);
        }
    }
}

fn word_mut(v: &mut dyn VisitMut, word: &mut Word) {
    v.span(&mut word.span);
    parts_mut(v, &mut word.parts);
}

fn parts_mut(v: &mut dyn VisitMut, parts: &mut [WordPart]) {
    for part in parts {
        v.span(&mut part.span);
        match &mut part.kind {
            WordPartKind::DoubleQuoted(parts)
            | WordPartKind::Arithmetic(parts)
            | WordPartKind::BraceExpansion(parts) => parts_mut(v, parts),
            WordPartKind::Parameter(parameter) => match &mut parameter.op {
                ParamOp::Test { word, .. } => word_mut(v, word),
                ParamOp::Trim { pattern, .. } => word_mut(v, pattern),
                ParamOp::NonPosix { rest, .. } => word_mut(v, rest),
                ParamOp::Plain | ParamOp::Length => {}
            },
            WordPartKind::CommandSubstitution(list)
            | WordPartKind::Backquoted(list)
            | WordPartKind::ProcessSubstitution { body: list, .. } => list_mut(v, list),
            WordPartKind::Array(words) => {
                for word in words {
                    word_mut(v, word);
                }
            }
            WordPartKind::Literal(_)
            | WordPartKind::Escaped(_)
            | WordPartKind::SingleQuoted(_)
            | WordPartKind::Glob(_)
            | WordPartKind::Tilde(_)
            | WordPartKind::DollarSingleQuoted(_) => {}
        }
    }
}

/// Rewrites every span with `map(offset, is_end)` (used to move a backquote body's
/// spans from its unescaped text back into the source).
pub(crate) fn shift_spans(list: &mut List, map: &dyn Fn(usize, bool) -> usize) {
    struct Shift<'m>(&'m dyn Fn(usize, bool) -> usize);
    impl VisitMut for Shift<'_> {
        fn span(&mut self, span: &mut Span) {
            let start = (self.0)(span.start, false);
            let end = if span.is_empty() {
                start
            } else {
                (self.0)(span.end, true)
            };
            *span = Span::new(start, end.max(start));
        }
    }
    list_mut(&mut Shift(map), list);
}

/// Moves each read here-document body into its [`HereDoc`] node (matched by id).
pub(crate) fn fill_here_docs(list: &mut List, bodies: &mut Vec<HereDocBody>) {
    struct Fill(HashMap<usize, HereDocBody>);
    impl VisitMut for Fill {
        fn here_doc(&mut self, here_doc: &mut HereDoc) {
            if let Some(body) = self.0.remove(&here_doc.id) {
                here_doc.body = body.parts;
                here_doc.body_span = body.span;
                here_doc.terminated = body.terminated;
            }
        }
    }
    if !bodies.is_empty() {
        let by_id = bodies.drain(..).map(|body| (body.id, body)).collect();
        list_mut(&mut Fill(by_id), list);
    }
}
