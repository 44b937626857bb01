//! InvalidDefinitionDescription (experimental): a comment above a named
//! `FROM` or an `ARG` that does not describe it.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Experimental: only runs with `# check=experimental=InvalidDefinitionDescription`
    /// (or `experimental=all`). Flags a `FROM … AS name` or an `ARG` whose
    /// comment lines just above do not end with one starting with the
    /// stage's (lower-cased) name or one of the argument names, the form
    /// `docker build --call=outline` shows as a description.
    ///
    /// As in BuildKit's parser, a blank line does not separate a comment
    /// from the instruction below it (its documentation says it does; its
    /// source does not); an empty `#` line does.
    ///
    /// ## Why is this bad?
    /// The comment reads as the stage's or argument's description, but
    /// tools do not pick it up.
    ///
    /// ## Example
    /// ```dockerfile
    /// # the version to install
    /// ARG VERSION=1.0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// # VERSION is the version to install
    /// ARG VERSION=1.0
    /// ```
    name: "InvalidDefinitionDescription",
    experimental: true,
}

/// `instruction` is `FROM` or `ARG`; `keys` the stage name or argument
/// names; `comments` the instruction's preceding comments.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    instruction: &str,
    keys: &[&str],
    comments: &[String],
) {
    let (Some(last), Some(first_key)) = (comments.last(), keys.first()) else {
        return;
    };
    let first_word = last.split(' ').next().unwrap_or("");
    if keys.contains(&first_word) {
        return;
    }
    let example = if keys.len() > 1 {
        "<arg_key>"
    } else {
        first_key
    };
    let message =
        format!("Comment for {instruction} should follow the format: `# {example} <description>`");
    lint.report(config, &META, line, message);
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    const ON: &str = "# check=experimental=InvalidDefinitionDescription\n";

    #[test]
    fn spec() {
        says(
            "InvalidDefinitionDescription",
            &format!(
                "{ON}# bar is bar\nARG foo=1\n# Base image\nFROM a AS base\n# nope\nARG x y\n"
            ),
            &[
                (
                    3,
                    "Comment for ARG should follow the format: `# foo <description>`",
                ),
                (
                    5,
                    "Comment for FROM should follow the format: `# base <description>`",
                ),
                (
                    7,
                    "Comment for ARG should follow the format: `# <arg_key> <description>`",
                ),
            ],
        );
        passes(
            "InvalidDefinitionDescription",
            &format!("{ON}# foo is foo\nARG foo=1\n# base is the base\nFROM a AS Base\n# y too\nARG x y\n# unnamed\nFROM b\n# copy\nCOPY . .\n"),
        );
        // An empty comment line separates; a blank line does not.
        passes(
            "InvalidDefinitionDescription",
            &format!("{ON}# note\n#\nARG foo\n"),
        );
        says(
            "InvalidDefinitionDescription",
            &format!("{ON}# note\n\nARG foo\n"),
            &[(
                4,
                "Comment for ARG should follow the format: `# foo <description>`",
            )],
        );
        // Off unless enabled, and `skip=all` does not switch it off.
        passes("InvalidDefinitionDescription", "# note\nARG foo\n");
        says(
            "InvalidDefinitionDescription",
            "# check=skip=all;experimental=all\n# note\nARG foo\n",
            &[(
                3,
                "Comment for ARG should follow the format: `# foo <description>`",
            )],
        );
    }
}
