//! SC2129: three or more commands in a row appending to the same file.

use dockyard_shell::{
    walk_word_part, Command as ShellCommand, CompoundKind, List, RedirOp, Redirect, RedirectTarget,
    Visit, WordPart, WordPartKind,
};

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags three or more consecutive commands of one sequence that each
    /// append (`>>`) to the same file.
    ///
    /// ## Why is this bad?
    /// Each redirect opens and closes the file again. One redirect on a
    /// `{ ...; }` group is shorter and writes the file once.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo a >> /etc/x.conf; echo b >> /etc/x.conf; echo c >> /etc/x.conf
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN { echo a; echo b; echo c; } >> /etc/x.conf
    /// ```
    code: "SC2129",
    severity: Style,
    message: "Consider using { cmd1; cmd2; } >> file instead of individual redirects.",
}

struct Sequences<'a> {
    lists: Vec<&'a List>,
}

impl<'a> Visit<'a> for Sequences<'a> {
    fn visit_compound_command(&mut self, c: &'a dockyard_shell::CompoundCommand) {
        match &c.kind {
            CompoundKind::Subshell(l) | CompoundKind::BraceGroup(l) => self.lists.push(l),
            CompoundKind::If(clause) => {
                for b in &clause.branches {
                    self.lists.push(&b.condition);
                    self.lists.push(&b.body);
                }
                if let Some(e) = &clause.else_body {
                    self.lists.push(e);
                }
            }
            CompoundKind::For(clause) => self.lists.push(&clause.body),
            CompoundKind::While(clause) | CompoundKind::Until(clause) => {
                self.lists.push(&clause.condition);
                self.lists.push(&clause.body);
            }
            _ => {}
        }
        dockyard_shell::walk_compound_command(self, c);
    }

    fn visit_word_part(&mut self, part: &'a WordPart) {
        if let WordPartKind::CommandSubstitution(l) | WordPartKind::Backquoted(l) = &part.kind {
            self.lists.push(l);
        }
        walk_word_part(self, part);
    }
}

/// The file the first `>>` of an item's last command appends to, and where the command starts.
fn target<'a>(cx: &Analysis<'a>, item: &'a dockyard_shell::ListItem) -> Option<(&'a str, usize)> {
    if item.background || !item.and_or.rest.is_empty() {
        return None;
    }
    let last = item.and_or.first.commands.last()?;
    let redirects: &[Redirect] = match last {
        ShellCommand::Simple(c) => &c.redirects,
        ShellCommand::Compound(c) => &c.redirects,
        ShellCommand::FunctionDef(_) => return None,
    };
    let r = redirects.iter().find(|r| r.op == RedirOp::Append)?;
    let RedirectTarget::Word(w) = &r.target else {
        return None;
    };
    let start = match last {
        ShellCommand::Simple(c) => c.span.start,
        other => other.span().start,
    };
    Some((cx.text(w.span), start))
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    let mut seq = Sequences {
        lists: vec![&cx.script.body],
    };
    seq.visit_list(&cx.script.body);
    for list in seq.lists {
        let targets: Vec<Option<(&str, usize)>> =
            list.items.iter().map(|item| target(cx, item)).collect();
        let mut i = 0;
        while i < targets.len() {
            let mut j = i + 1;
            while j < targets.len() && targets[j].map(|t| t.0) == targets[i].map(|t| t.0) {
                j += 1;
            }
            if let Some((_, pos)) = targets[i] {
                if j - i >= 3 {
                    out.add(pos, &META);
                }
            }
            i = j;
        }
    }
}
