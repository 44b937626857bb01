//! MultipleInstructionsDisallowed: a second `CMD`, `ENTRYPOINT` or
//! `HEALTHCHECK` in a stage.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a `CMD`, `ENTRYPOINT` or `HEALTHCHECK` that a later one of the
    /// same kind in the same stage overrides. The finding is on the
    /// earlier, ignored instruction (hadolint's DL4003, DL4004 and DL3012
    /// point at the later one).
    ///
    /// ## Why is this bad?
    /// Only the last one takes effect; the earlier one is dead code that
    /// misleads the reader.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// CMD ["echo", "one"]
    /// CMD ["echo", "two"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// CMD ["echo", "two"]
    /// ```
    name: "MultipleInstructionsDisallowed",
    experimental: false,
}

/// Where an instruction kind was last used in the stage.
#[derive(Default)]
pub(super) struct Tracker {
    line: Option<u32>,
}

/// One tracker per kind.
#[derive(Default)]
pub(super) struct Trackers {
    pub cmd: Tracker,
    pub entrypoint: Tracker,
    pub healthcheck: Tracker,
}

impl Tracker {
    /// The instruction `name` (as written) is used on `line`.
    pub fn used(&mut self, lint: &mut Lint, config: &CheckConfig, line: u32, name: &str) {
        if let Some(previous) = self.line {
            let message = format!(
                "Multiple {name} instructions should not be used in the same stage because only the last one will be used"
            );
            lint.report(config, &META, previous, message);
        }
        self.line = Some(line);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{catches, passes, says};

    #[test]
    fn spec() {
        says(
            "MultipleInstructionsDisallowed",
            "FROM a\nCMD [\"a\"]\nENTRYPOINT [\"b\"]\ncmd [\"c\"]\nCMD [\"d\"]\n",
            &[
                (2, "Multiple cmd instructions should not be used in the same stage because only the last one will be used"),
                (4, "Multiple CMD instructions should not be used in the same stage because only the last one will be used"),
            ],
        );
        catches(
            "MultipleInstructionsDisallowed",
            "FROM a\nHEALTHCHECK NONE\nHEALTHCHECK CMD [\"x\"]\n",
            &[2],
        );
        // Per stage.
        passes(
            "MultipleInstructionsDisallowed",
            "FROM a\nCMD [\"a\"]\nFROM a\nCMD [\"b\"]\n",
        );
    }
}
