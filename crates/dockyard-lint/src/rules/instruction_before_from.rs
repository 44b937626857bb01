//! DL3061: an instruction other than `ARG` before the first `FROM`.

use dockyard_dockerfile::Keyword;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags every instruction before the first `FROM` except `ARG`
    /// (comments and parser directives are fine).
    ///
    /// ## Why is this bad?
    /// Only `ARG` may come before `FROM`, to parameterise the base image;
    /// Docker rejects anything else there.
    ///
    /// ## Example
    /// ```dockerfile
    /// LABEL maintainer="ops@example.com"
    /// FROM debian:12
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// LABEL maintainer="ops@example.com"
    /// ```
    pub struct InstructionBeforeFrom {
        seen_from: bool,
    }
    code: "DL3061",
    severity: Error,
    message: "Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.",
}

impl Rule for InstructionBeforeFrom {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        match item.keyword() {
            Some(Keyword::From) => self.seen_from = true,
            None | Some(Keyword::Arg) => {}
            Some(_) if !self.seen_from => out.fail(item.line()),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3061", "ENV A=1\nRUN x\nFROM a:1\n", &[1, 2]);
        catches("DL3061", "ONBUILD RUN x\nFROM a:1\n", &[1]);
        passes(
            "DL3061",
            "# syntax=docker/dockerfile:1\n# c\nARG V=1\nFROM a:$V\nRUN x\n",
        );
        passes("DL3061", "FROM a:1\nENV A=1\n");
    }
}
