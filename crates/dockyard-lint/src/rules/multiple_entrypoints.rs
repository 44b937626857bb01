//! DL4004: more than one `ENTRYPOINT` in a stage.

use dockyard_dockerfile::Keyword;

use super::util::flag_repeats_in_stage;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags every `ENTRYPOINT` after the first one of a stage.
    ///
    /// ## Why is this bad?
    /// Only the last `ENTRYPOINT` takes effect; the earlier ones are dead
    /// code that misleads the reader about what the container runs.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// ENTRYPOINT ["/usr/bin/tini", "--"]
    /// ENTRYPOINT ["/docker-entrypoint.sh"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ENTRYPOINT ["/usr/bin/tini", "--", "/docker-entrypoint.sh"]
    /// ```
    pub struct MultipleEntrypoints {
        seen: bool,
    }
    code: "DL4004",
    severity: Error,
    message: "Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect",
}

impl Rule for MultipleEntrypoints {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        flag_repeats_in_stage(&mut self.seen, Keyword::Entrypoint, item, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches(
            "DL4004",
            "FROM a:1\nENTRYPOINT a\nENTRYPOINT [\"b\"]\n",
            &[3],
        );
        passes("DL4004", "FROM a:1\nENTRYPOINT a\nFROM b:1\nENTRYPOINT b\n");
        passes("DL4004", "FROM a:1\nENTRYPOINT a\nONBUILD ENTRYPOINT b\n");
    }
}
