//! DL3021: `COPY` of several sources to a destination without a trailing `/`.

use dockyard_dockerfile::Args;

use super::util::drop_quotes;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `COPY` with more than one source whose destination does not
    /// end with `/`.
    ///
    /// ## Why is this bad?
    /// Several sources can only be copied into a directory, and Docker
    /// insists that the destination says so with a trailing `/`; the build
    /// fails otherwise.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY app.py util.py /srv
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY app.py util.py /srv/
    /// ```
    pub struct CopyManyToNonDirectory {}
    code: "DL3021",
    severity: Error,
    message: "COPY with more than 2 arguments requires the last argument to end with /",
}

impl Rule for CopyManyToNonDirectory {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(Args::Copy(copy)) = item.args() else {
            return;
        };
        let dest = copy.dest.as_ref().map_or("", |d| d.text.as_str());
        if copy.sources.len() > 1 && !drop_quotes(dest).ends_with('/') {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3021", "FROM a:1\nCOPY a b /dest\n", &[2]);
        catches("DL3021", "FROM a:1\nCOPY [\"a\", \"b\", \"dest\"]\n", &[2]);
        passes("DL3021", "FROM a:1\nCOPY a b /dest/\n");
        passes("DL3021", "FROM a:1\nCOPY a b \"/dest/\"\n");
        passes("DL3021", "FROM a:1\nCOPY a /dest\n");
        passes("DL3021", "FROM a:1\nONBUILD COPY a b /dest\n");
    }
}
