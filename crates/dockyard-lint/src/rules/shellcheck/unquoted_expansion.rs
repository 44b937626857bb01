//! SC2086: an unquoted variable that may hold spaces or globs.

use super::analysis::SPECIAL_WITHOUT_SPACES;
use super::{declare_check, Analysis, Comments};
use dockyard_shell::{ParamOp, TestOp, WordPartKind};

declare_check! {
    /// ## What it does
    /// Flags `$var` and `${...}` outside double quotes where the result is
    /// split and globbed, unless the variable is known to hold no spaces or
    /// glob characters at that point (a literal like `x=1`, an `ARG`/`ENV`
    /// variable, `$?`, `$#`, `$$`, `$!`, `$-`). Assignments, `[[ ]]`,
    /// arithmetic, `case`, here-documents and command names are exempt.
    ///
    /// ## Why is this bad?
    /// A value with a space becomes two arguments, and `*` expands to file
    /// names.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo $HOME
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN echo "$HOME"
    /// ```
    code: "SC2086",
    severity: Info,
    message: "Double quote to prevent globbing and word splitting.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for p in &cx.parts {
        let WordPartKind::Parameter(param) = &p.part.kind else {
            continue;
        };
        if p.quote_free || p.command_name || p.clean {
            continue;
        }
        if SPECIAL_WITHOUT_SPACES.contains(&param.name.as_str()) || param.name == "@" {
            continue;
        }
        match &param.op {
            ParamOp::Length => continue,
            ParamOp::Test {
                test: TestOp::Alternative,
                ..
            } => continue,
            ParamOp::NonPosix { rest, .. } => {
                let text = cx.text(rest.span);
                if text.contains("[@]") {
                    continue;
                }
            }
            _ => {}
        }
        // `$foo=42` as a command: SC2281's business.
        if let Some(i) = p.cmd {
            let c = &cx.cmds[i];
            if p.word_index == Some(0) {
                if let Some(w) = c.cmd.words.first() {
                    let first_is_me = w.parts.first().map(|f| f.span) == Some(p.part.span);
                    let then_eq = matches!(w.parts.get(1).map(|f| &f.kind), Some(WordPartKind::Literal(t)) if t.starts_with('='));
                    if first_is_me && then_eq {
                        continue;
                    }
                }
            }
        }
        out.add(p.part.span.start, &META);
    }
}
