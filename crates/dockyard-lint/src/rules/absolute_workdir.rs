//! DL3000: `WORKDIR` with a relative path.

use dockyard_dockerfile::Args;

use super::util::drop_quotes;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `WORKDIR` whose path is relative.
    ///
    /// ## Why is this bad?
    /// A relative `WORKDIR` is resolved against the previous working
    /// directory, which may come from the base image. When the base image
    /// changes, the directory silently changes too.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// WORKDIR app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// WORKDIR /app
    /// ```
    pub struct AbsoluteWorkdir {}
    code: "DL3000",
    severity: Error,
    message: "Use absolute WORKDIR",
}

/// `C:` and the like.
fn is_windows_absolute(path: &str) -> bool {
    let mut chars = path.chars();
    matches!((chars.next(), chars.next()), (Some(c), Some(':')) if c.is_alphabetic())
}

impl Rule for AbsoluteWorkdir {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::Workdir(Some(word))) = item.args() {
            let path = drop_quotes(&word.text);
            if !(path.starts_with('$') || path.starts_with('/') || is_windows_absolute(path)) {
                out.fail(item.line());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3000", "FROM a:1\nWORKDIR app\n", &[2]);
        catches("DL3000", "FROM a:1\nWORKDIR \"app\"\n", &[2]);
        passes("DL3000", "FROM a:1\nWORKDIR /app\n");
        passes("DL3000", "FROM a:1\nWORKDIR \"/app\"\n");
        passes("DL3000", "FROM a:1\nWORKDIR $HOME/app\n");
        passes("DL3000", "FROM a:1\nWORKDIR C:\\\\app\n");
    }
}
