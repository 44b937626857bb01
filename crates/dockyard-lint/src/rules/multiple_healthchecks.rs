//! DL3012: more than one `HEALTHCHECK` in a stage.

use dockyard_dockerfile::Keyword;

use super::util::flag_repeats_in_stage;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags every `HEALTHCHECK` after the first one of a stage.
    ///
    /// ## Why is this bad?
    /// Only the last `HEALTHCHECK` of an image takes effect; the earlier
    /// ones are dead code that misleads the reader about how the container
    /// is checked.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
    /// HEALTHCHECK CMD ["wget", "-q", "-O-", "http://localhost/"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
    /// ```
    pub struct MultipleHealthchecks {
        seen: bool,
    }
    code: "DL3012",
    severity: Error,
    message: "Multiple `HEALTHCHECK` instructions",
}

impl Rule for MultipleHealthchecks {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        flag_repeats_in_stage(&mut self.seen, Keyword::Healthcheck, item, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches(
            "DL3012",
            "FROM a:1\nHEALTHCHECK NONE\nHEALTHCHECK CMD x\nHEALTHCHECK NONE\n",
            &[3, 4],
        );
        passes(
            "DL3012",
            "FROM a:1\nHEALTHCHECK NONE\nFROM b:1\nHEALTHCHECK NONE\n",
        );
        passes(
            "DL3012",
            "FROM a:1\nHEALTHCHECK NONE\nONBUILD HEALTHCHECK NONE\n",
        );
    }
}
