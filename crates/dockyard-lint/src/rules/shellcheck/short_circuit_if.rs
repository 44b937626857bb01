//! SC2015: `A && B || C` used as if-then-else.

use dockyard_shell::{
    walk_word_part, AndOrOp, Command as ShellCommand, CompoundKind, List, Pipeline, Visit,
    WordPart, WordPartKind,
};

use super::analysis::command_basename;
use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `A && B || C` (the last `&&` before a final `||`) outside a
    /// condition, unless `B` is a test or `C` is a plain `echo`, `printf`,
    /// `exit`, `return`, `true`, `:` or assignment.
    ///
    /// ## Why is this bad?
    /// It is not if-then-else: `C` also runs when `A` succeeds and `B`
    /// fails, such as a download that fails after the check passed.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN command -v curl && curl -fsSLO https://example.com/x || wget https://example.com/x
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN if command -v curl; then curl -fsSLO https://example.com/x; else wget https://example.com/x; fi
    /// ```
    code: "SC2015",
    severity: Info,
    message: "Note that A && B || C is not if-then-else. C may run when A is true.",
}

struct Chains<'a> {
    src: &'a str,
    found: Vec<usize>,
    condition: bool,
}

fn is_test(p: &Pipeline) -> bool {
    match p.commands.as_slice() {
        [ShellCommand::Simple(c)] => {
            let name = c.name_value();
            matches!(name.as_deref(), Some("[")) || command_basename(c).as_deref() == Some("test")
        }
        [ShellCommand::Compound(c)] => matches!(c.kind, CompoundKind::DoubleBracket(_)),
        _ => false,
    }
}

fn is_ok(p: &Pipeline) -> bool {
    match p.commands.as_slice() {
        [ShellCommand::Simple(c)] => {
            c.words.is_empty()
                || command_basename(c).is_some_and(|n| {
                    ["echo", "exit", "return", "printf", "true", ":"].contains(&n.as_str())
                })
        }
        _ => false,
    }
}

impl<'a> Chains<'a> {
    fn pipeline_in(&mut self, p: &'a Pipeline, condition: bool) {
        let saved = self.condition;
        self.condition = condition;
        self.visit_pipeline(p);
        self.condition = saved;
    }

    fn list_in(&mut self, l: &'a List, last_is_condition: bool) {
        let n = l.items.len();
        for (i, item) in l.items.iter().enumerate() {
            let cond = self.condition || (last_is_condition && i + 1 == n);
            let ao = &item.and_or;
            let m = ao.rest.len();
            if !cond
                && m >= 2
                && ao.rest[m - 1].0 == AndOrOp::Or
                && ao.rest[m - 2].0 == AndOrOp::And
            {
                let b = &ao.rest[m - 2].1;
                let c = &ao.rest[m - 1].1;
                if !is_ok(c) && !is_test(b) {
                    let before = if m >= 3 {
                        ao.rest[m - 3].1.span.end
                    } else {
                        ao.first.span.end
                    };
                    let gap = &self.src[before..b.span.start];
                    if let Some(k) = gap.find("&&") {
                        self.found.push(before + k);
                    }
                }
            }
            // Everything left of an operator is a condition.
            self.pipeline_in(&ao.first, cond || m > 0);
            for (k, (_, p)) in ao.rest.iter().enumerate() {
                self.pipeline_in(p, cond || k + 1 < m);
            }
        }
    }
}

impl<'a> Visit<'a> for Chains<'a> {
    fn visit_list(&mut self, l: &'a List) {
        self.list_in(l, false);
    }

    fn visit_compound_command(&mut self, c: &'a dockyard_shell::CompoundCommand) {
        match &c.kind {
            CompoundKind::If(clause) => {
                for b in &clause.branches {
                    self.list_in(&b.condition, true);
                    self.list_in(&b.body, false);
                }
                if let Some(e) = &clause.else_body {
                    self.list_in(e, false);
                }
                for r in &c.redirects {
                    self.visit_redirect(r);
                }
            }
            CompoundKind::While(clause) | CompoundKind::Until(clause) => {
                self.list_in(&clause.condition, true);
                self.list_in(&clause.body, false);
                for r in &c.redirects {
                    self.visit_redirect(r);
                }
            }
            _ => dockyard_shell::walk_compound_command(self, c),
        }
    }

    fn visit_word_part(&mut self, part: &'a WordPart) {
        if let WordPartKind::CommandSubstitution(l) | WordPartKind::Backquoted(l) = &part.kind {
            self.list_in(l, false);
            return;
        }
        walk_word_part(self, part);
    }
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    let mut chains = Chains {
        src: cx.src,
        found: Vec::new(),
        condition: false,
    };
    chains.visit_list(&cx.script.body);
    for pos in chains.found {
        out.add(pos, &META);
    }
}
