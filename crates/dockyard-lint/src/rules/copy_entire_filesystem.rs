//! DL3067: `COPY --from=... / /`.

use dockyard_dockerfile::Args;

use super::language_docker::copy_from;
use super::util::drop_quotes;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `COPY --from` whose sources include `/` and whose
    /// destination is `/`.
    ///
    /// ## Why is this bad?
    /// Copying a whole filesystem over another one drags in everything the
    /// other stage had (package databases, caches, users) and overwrites
    /// this stage's files: copy the artefacts you need instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.23 AS build
    /// RUN go build -o /app .
    /// FROM debian:12
    /// COPY --from=build / /
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.23 AS build
    /// RUN go build -o /app .
    /// FROM debian:12
    /// COPY --from=build /app /app
    /// ```
    pub struct CopyEntireFilesystem {}
    code: "DL3067",
    severity: Warning,
    message: "Do not copy an entire filesystem from another stage",
}

impl Rule for CopyEntireFilesystem {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(inst) = item.instruction() else {
            return;
        };
        let (Args::Copy(copy), Some(_)) = (&inst.args, copy_from(inst)) else {
            return;
        };
        let dest = copy.dest.as_ref().map_or("", |d| d.text.as_str());
        if drop_quotes(dest) == "/" && copy.sources.iter().any(|s| drop_quotes(&s.text) == "/") {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches(
            "DL3067",
            "FROM a:1 AS b\nFROM c:1\nCOPY --from=b / /\n",
            &[3],
        );
        catches("DL3067", "FROM a:1\nCOPY --from=img:1 /x \"/\" /\n", &[2]);
        passes("DL3067", "FROM a:1\nCOPY / /\n");
        passes("DL3067", "FROM a:1\nCOPY --from=b / /x\n");
        passes("DL3067", "FROM a:1\nONBUILD COPY --from=b / /\n");
    }
}
