//! DL3022: `COPY --from` a stage that was not defined before.

use std::collections::HashSet;

use dockyard_dockerfile::Args;

use super::language_docker::copy_from;
use super::util::drop_quotes;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `COPY --from=X` where `X` is neither the name of an earlier
    /// stage, nor the number of an earlier stage, nor an image reference
    /// with a tag (anything containing `:`).
    ///
    /// ## Why is this bad?
    /// A name that matches no earlier stage is read as an image to pull:
    /// a typo in a stage name silently copies from some image on Docker
    /// Hub, or fails the build.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM golang:1.23 AS build
    /// RUN go build -o /app .
    /// FROM debian:12
    /// COPY --from=biuld /app /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM golang:1.23 AS build
    /// RUN go build -o /app .
    /// FROM debian:12
    /// COPY --from=build /app /app
    /// ```
    pub struct CopyFromUnknownStage {
        stages: usize,
        names: HashSet<String>,
    }
    code: "DL3022",
    severity: Warning,
    message: "`COPY --from` should reference a previously defined `FROM` alias",
}

/// The number at the start of `text`, as far as it goes (`1abc` is 1).
fn leading_number(text: &str) -> Option<u128> {
    let digits: &str = &text[..text.bytes().take_while(u8::is_ascii_digit).count()];
    if digits.is_empty() {
        return None;
    }
    Some(digits.parse().unwrap_or(u128::MAX))
}

impl Rule for CopyFromUnknownStage {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::From(from)) = item.args() {
            self.stages += 1;
            if let Some(alias) = &from.alias {
                self.names.insert(alias.text.clone());
            }
            return;
        }
        let Some(source) = item.instruction().and_then(copy_from) else {
            return;
        };
        let known = drop_quotes(source).contains(':')
            || self.names.contains(source)
            || leading_number(source).is_some_and(|n| n < self.stages as u128);
        if !known {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3022", "FROM a:1\nCOPY --from=build /x /x\n", &[2]);
        catches("DL3022", "FROM a:1\nCOPY --from=1 /x /x\n", &[2]);
        catches(
            "DL3022",
            "FROM a:1 AS b\nFROM c:1\nCOPY --from=\"b\" /x /x\n",
            &[3],
        );
        catches(
            "DL3022",
            "FROM a:1 AS Foo\nFROM c:1\nCOPY --from=foo /x /x\n",
            &[3],
        );
        catches("DL3022", "FROM a:1\nCOPY --from=hello-world /x /x\n", &[2]);
        catches(
            "DL3022",
            "FROM a:1\nCOPY --from=later /x /x\nFROM b:1 AS later\n",
            &[2],
        );
        passes(
            "DL3022",
            "FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\n",
        );
        passes("DL3022", "FROM a:1\nFROM b:1\nCOPY --from=0 /x /x\n");
        passes("DL3022", "FROM a:1\nFROM b:1\nCOPY --from=1abc /x /x\n");
        passes("DL3022", "FROM a:1\nCOPY --from=nginx:1.27 /x /x\n");
        passes("DL3022", "FROM a:1\nONBUILD COPY --from=nowhere /x /x\n");
    }
}
