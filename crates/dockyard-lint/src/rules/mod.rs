//! The rules, one file each, named after what they flag. Each file declares
//! its rule with [`declare_rule!`], whose doc comment is the rule's
//! documentation (what it does, why, an example and the fix) and is kept in
//! the binary for the app to show. [`registry`] lists every rule once, in
//! hadolint's order; nothing registers itself.

use dockyard_dockerfile::{Args, Command as DockerCommand, Instruction, Keyword};

use crate::config::Config;
use crate::report::Finding;
use crate::severity::Severity;
use crate::shell::ParsedShell;

/// What a rule is: its code, default severity, message and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub severity: Severity,
    pub message: &'static str,
    /// Markdown: `## What it does`, `## Why is this bad?`, `## Example`, `## Use instead`.
    pub doc: &'static str,
    /// The `.hadolint.yaml` under which the documented example triggers
    /// the rule, for rules that only run with configuration.
    pub example_config: Option<&'static str>,
}

impl RuleMeta {
    /// The documentation with the one leading space of each doc-comment line removed.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Declares a rule: its struct (with state fields, all `Default`), doc
/// comment and metadata.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }
        code: $code:literal,
        severity: $severity:ident,
        message: $message:expr
        $(, example_config: $example_config:expr)? $(,)?
    ) => {
        $(#[doc = $doc])*
        #[derive(Default)]
        pub struct $name { $($(#[$fmeta])* $field: $ty),* }

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                severity: $crate::severity::Severity::$severity,
                message: $message,
                doc: concat!($($doc, "\n"),*),
                example_config: $crate::rules::example_config(&[$($example_config)?]),
            };
        }
    };
}

/// The optional `example_config` of [`declare_rule!`].
pub const fn example_config(given: &[&'static str]) -> Option<&'static str> {
    match given {
        [config] => Some(config),
        _ => None,
    }
}

/// One element of the stream rules see: a comment line, or an instruction
/// with its first line and, for `RUN`, its parsed shell.
#[derive(Clone, Copy)]
pub enum Item<'a> {
    Comment {
        line: u32,
        text: &'a str,
    },
    Instruction {
        line: u32,
        inst: &'a Instruction,
        shell: Option<&'a ParsedShell>,
    },
}

impl<'a> Item<'a> {
    pub fn line(&self) -> u32 {
        match self {
            Item::Comment { line, .. } | Item::Instruction { line, .. } => *line,
        }
    }

    pub fn instruction(&self) -> Option<&'a Instruction> {
        match self {
            Item::Instruction { inst, .. } => Some(inst),
            Item::Comment { .. } => None,
        }
    }

    pub fn keyword(&self) -> Option<&'a Keyword> {
        self.instruction().map(|i| &i.keyword)
    }

    pub fn is(&self, keyword: Keyword) -> bool {
        self.keyword() == Some(&keyword)
    }

    /// The parsed shell of a `RUN`.
    pub fn run(&self) -> Option<&'a ParsedShell> {
        match self {
            Item::Instruction { inst, shell, .. } if inst.keyword == Keyword::Run => *shell,
            _ => None,
        }
    }

    /// The `RUN` instruction itself (for its flags) with its shell.
    pub fn run_with_flags(&self) -> Option<(&'a Instruction, &'a ParsedShell)> {
        match self {
            Item::Instruction {
                inst,
                shell: Some(shell),
                ..
            } if inst.keyword == Keyword::Run => Some((inst, shell)),
            _ => None,
        }
    }

    pub fn args(&self) -> Option<&'a Args> {
        self.instruction().map(|i| &i.args)
    }
}

/// Findings of one rule, with its default code, severity and message.
pub struct Out {
    pub meta: &'static RuleMeta,
    pub findings: Vec<Finding>,
}

impl Out {
    pub fn fail(&mut self, line: u32) {
        self.fail_with(line, self.meta.message.to_string());
    }

    pub fn fail_with(&mut self, line: u32, message: String) {
        self.findings.push(Finding {
            code: self.meta.code.to_string(),
            severity: self.meta.severity,
            message,
            line,
            column: 1,
        });
    }
}

/// A rule: a fold over the items, with a last look at the end.
pub trait Rule {
    fn check(&mut self, item: &Item<'_>, out: &mut Out);
    fn finish(&mut self, _out: &mut Out) {}
}

/// A rule in the registry.
pub struct Entry {
    pub meta: &'static RuleMeta,
    pub make: fn(&Config) -> Box<dyn Rule>,
    /// Also run, with its own state, over the instructions inside `ONBUILD`.
    pub onbuild: bool,
}

macro_rules! entry {
    ($rule:ident) => {
        Entry {
            meta: &$rule::META,
            make: |_| Box::<$rule>::default(),
            onbuild: false,
        }
    };
    ($rule:ident, configured) => {
        Entry {
            meta: &$rule::META,
            make: |config| Box::new($rule::new(config)),
            onbuild: false,
        }
    };
    ($rule:ident, onbuild) => {
        Entry {
            meta: &$rule::META,
            make: |_| Box::<$rule>::default(),
            onbuild: true,
        }
    };
}

mod absolute_workdir;
mod apt_get_missing_yes;
mod apt_get_no_install_recommends;
mod apt_get_unpinned;
mod cd_instead_of_workdir;
mod empty_required_label;
mod image_without_tag;
mod invalid_label_key;
mod label_not_email;
mod label_not_git_hash;
mod label_not_rfc3339;
mod label_not_semver;
mod label_not_spdx;
mod label_not_url;
mod label_values;
mod last_user_root;
mod latest_tag;
mod maintainer_deprecated;
mod missing_required_label;
mod pointless_commands;
mod sudo;
mod superfluous_label;

use absolute_workdir::AbsoluteWorkdir;
use apt_get_missing_yes::AptGetMissingYes;
use apt_get_no_install_recommends::AptGetNoInstallRecommends;
use apt_get_unpinned::AptGetUnpinned;
use cd_instead_of_workdir::CdInsteadOfWorkdir;
use empty_required_label::EmptyRequiredLabel;
use image_without_tag::ImageWithoutTag;
use invalid_label_key::InvalidLabelKey;
use label_not_email::LabelNotEmail;
use label_not_git_hash::LabelNotGitHash;
use label_not_rfc3339::LabelNotRfc3339;
use label_not_semver::LabelNotSemver;
use label_not_spdx::LabelNotSpdx;
use label_not_url::LabelNotUrl;
use last_user_root::LastUserRoot;
use latest_tag::LatestTag;
use maintainer_deprecated::MaintainerDeprecated;
use missing_required_label::MissingRequiredLabel;
use pointless_commands::PointlessCommands;
use sudo::Sudo;
use superfluous_label::SuperfluousLabel;

/// Every rule, in hadolint's order (by code). Findings are collected rule
/// by rule in this order, which decides how ties print.
pub fn registry() -> Vec<Entry> {
    let mut rules = vec![
        entry!(AbsoluteWorkdir),
        entry!(PointlessCommands, onbuild),
        entry!(LastUserRoot),
        entry!(CdInsteadOfWorkdir),
        entry!(Sudo, onbuild),
        entry!(ImageWithoutTag),
        entry!(LatestTag),
        entry!(AptGetUnpinned, onbuild),
        entry!(AptGetMissingYes, onbuild),
        entry!(AptGetNoInstallRecommends, onbuild),
        entry!(MaintainerDeprecated),
        entry!(InvalidLabelKey),
        entry!(MissingRequiredLabel, configured),
        entry!(SuperfluousLabel, configured),
        entry!(EmptyRequiredLabel, configured),
        entry!(LabelNotUrl, configured),
        entry!(LabelNotRfc3339, configured),
        entry!(LabelNotSpdx, configured),
        entry!(LabelNotGitHash, configured),
        entry!(LabelNotSemver, configured),
        entry!(LabelNotEmail, configured),
    ];
    rules.sort_by_key(|e| e.meta.code);
    rules
}

/// Looks up a rule's metadata by code.
pub fn meta(code: &str) -> Option<&'static RuleMeta> {
    registry()
        .into_iter()
        .map(|e| e.meta)
        .find(|m| m.code == code)
}

/// Helpers shared by rules.
pub mod util {
    use super::*;

    /// hadolint's `dropQuotes`: strips `"` and `'` from both ends.
    pub fn drop_quotes(s: &str) -> &str {
        s.trim_matches(|c| c == '"' || c == '\'')
    }

    /// The command of a shell- or exec-form instruction.
    pub fn command(args: &Args) -> Option<&DockerCommand> {
        match args {
            Args::Run(c) | Args::Cmd(c) | Args::Entrypoint(c) | Args::Shell(c) => c.as_ref(),
            _ => None,
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! One-line rule specs: `catches(code, dockerfile, lines)`.
    use crate::config::Config;
    use crate::report::Outcome;

    /// The lines where `code` fires on `dockerfile` (default config).
    pub fn lines(code: &str, dockerfile: &str) -> Vec<u32> {
        lines_with(code, dockerfile, &Config::default())
    }

    pub fn lines_with(code: &str, dockerfile: &str, config: &Config) -> Vec<u32> {
        let config = Config {
            // Report every rule, whatever its default severity.
            override_error: vec![code.to_string()],
            ..config.clone()
        };
        match crate::lint::lint(dockerfile, "Dockerfile", &config) {
            Outcome::Findings(findings) => findings
                .iter()
                .filter(|f| f.code == code)
                .map(|f| f.line)
                .collect(),
            Outcome::ParseError(e) => panic!("parse error: {e:?}"),
        }
    }

    pub fn catches(code: &str, dockerfile: &str, expected: &[u32]) {
        assert_eq!(
            lines(code, dockerfile),
            expected,
            "{code} on:\n{dockerfile}"
        );
    }

    pub fn passes(code: &str, dockerfile: &str) {
        catches(code, dockerfile, &[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule's documented example triggers it, and its fix does not.
    #[test]
    fn documented_examples_trigger_and_fixes_do_not() {
        for entry in registry() {
            let doc = entry.meta.documentation();
            let block = |heading: &str| -> String {
                let after = doc
                    .split(heading)
                    .nth(1)
                    .unwrap_or_else(|| panic!("{}: no {heading:?} section", entry.meta.code));
                let code = after
                    .split("```dockerfile\n")
                    .nth(1)
                    .expect("a dockerfile block");
                code.split("```").next().unwrap().to_string()
            };
            for heading in ["## What it does", "## Why is this bad?"] {
                assert!(doc.contains(heading), "{}: no {heading:?}", entry.meta.code);
            }
            let example = block("## Example");
            let fix = block("## Use instead");
            let config = match entry.meta.example_config {
                Some(yaml) => Config::merge(&[&crate::config::from_yaml(yaml).unwrap()]),
                None => Config::default(),
            };
            assert!(
                !testing::lines_with(entry.meta.code, &example, &config).is_empty(),
                "{}: example does not trigger:\n{example}",
                entry.meta.code
            );
            assert_eq!(
                testing::lines_with(entry.meta.code, &fix, &config),
                Vec::<u32>::new(),
                "{}: fix still triggers:\n{fix}",
                entry.meta.code
            );
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = registry().iter().map(|e| e.meta.code).collect();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }
}
