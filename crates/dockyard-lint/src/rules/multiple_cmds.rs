//! DL4003: more than one `CMD` in a stage.

use dockyard_dockerfile::Keyword;

use super::util::flag_repeats_in_stage;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags every `CMD` after the first one of a stage.
    ///
    /// ## Why is this bad?
    /// Only the last `CMD` takes effect; the earlier ones are dead code
    /// that misleads the reader about what the container runs.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD ["python", "manage.py", "migrate"]
    /// CMD ["python", "manage.py", "runserver"]
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// CMD ["python", "manage.py", "runserver"]
    /// ```
    pub struct MultipleCmds {
        seen: bool,
    }
    code: "DL4003",
    severity: Warning,
    message: "Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect",
}

impl Rule for MultipleCmds {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        flag_repeats_in_stage(&mut self.seen, Keyword::Cmd, item, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches(
            "DL4003",
            "FROM a:1\nCMD [\"a\"]\nCMD [\"b\"]\nCMD c\n",
            &[3, 4],
        );
        passes("DL4003", "FROM a:1\nCMD [\"a\"]\nFROM b:1\nCMD [\"b\"]\n");
        passes("DL4003", "FROM a:1\nCMD [\"a\"]\nONBUILD CMD [\"b\"]\n");
    }
}
