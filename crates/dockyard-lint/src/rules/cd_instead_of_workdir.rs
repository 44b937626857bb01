//! DL3003: `cd` in a `RUN` instead of `WORKDIR`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` that calls `cd` (anywhere, including inside a subshell).
    ///
    /// ## Why is this bad?
    /// A `cd` lasts only until the end of that `RUN`; the next instruction
    /// starts in the old directory again, which is a common surprise.
    /// `WORKDIR` sets the directory for every later instruction and for the
    /// running container, and documents it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// RUN cd /app && pip install --no-cache-dir -r requirements.txt
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// WORKDIR /app
    /// RUN pip install --no-cache-dir -r requirements.txt
    /// ```
    pub struct CdInsteadOfWorkdir {}
    code: "DL3003",
    severity: Warning,
    message: "Use WORKDIR to switch to a directory",
}

impl Rule for CdInsteadOfWorkdir {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if item.run().is_some_and(|shell| shell.using_program("cd")) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3003", "FROM a:1\nRUN cd /tmp && make\n", &[2]);
        catches("DL3003", "FROM a:1\nRUN (cd /tmp && make)\n", &[2]);
        passes("DL3003", "FROM a:1\nRUN bash -c \"cd /x\"\n");
        passes("DL3003", "FROM a:1\nONBUILD RUN cd /tmp\n");
    }
}
