//! The rules, one file each, named after what they flag. Each file declares
//! its rule with [`declare_rule!`], whose doc comment is the rule's
//! documentation (what it does, why, an example and the fix) and is kept in
//! the binary for the app to show. [`registry`] lists every rule once, in
//! hadolint's order; nothing registers itself.

use dockyard_dockerfile::{Args, Command as DockerCommand, From, Instruction, Keyword};

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
                // Without the `docs` feature the text is left out of the binary.
                doc: if cfg!(feature = "docs") { concat!($($doc, "\n"),*) } else { "" },
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
mod add_for_local_files;
mod apk_add_without_no_cache;
mod apk_unpinned;
mod apt_get_missing_yes;
mod apt_get_no_install_recommends;
mod apt_get_unpinned;
mod apt_instead_of_apt_get;
mod apt_lists_kept;
mod cd_instead_of_workdir;
mod consecutive_runs;
mod copied_archive_extracted;
mod copy_entire_filesystem;
mod copy_from_own_stage;
mod copy_from_unknown_stage;
mod copy_many_to_non_directory;
mod copy_relative_without_workdir;
mod curl_and_wget;
mod dnf_missing_clean;
mod dnf_missing_yes;
mod dnf_unpinned;
mod duplicate_stage_name;
mod empty_required_label;
mod env_self_reference;
mod expose_port_out_of_range;
mod from_platform_flag;
mod gem_unpinned;
mod go_unpinned;
mod image_without_tag;
mod inline_ignore_pragma;
mod instruction_before_from;
mod invalid_label_key;
mod kept_stages;
mod label_not_email;
mod label_not_git_hash;
mod label_not_rfc3339;
mod label_not_semver;
mod label_not_spdx;
mod label_not_url;
mod label_values;
mod language_docker;
mod last_user_root;
mod latest_tag;
mod maintainer_deprecated;
mod missing_healthcheck;
mod missing_required_label;
mod multiple_cmds;
mod multiple_entrypoints;
mod multiple_healthchecks;
mod non_numeric_user;
mod npm_unpinned;
mod onbuild_forbidden_trigger;
mod pip_cache_dir;
mod pip_unpinned;
mod pipe_without_pipefail;
mod pointless_commands;
mod redundant_target_platform;
mod replace_bin_sh;
mod reserved_stage_name;
mod rpm_versions;
mod sensitive_build_variable;
mod shell_form_command;
pub mod shellcheck;
mod sudo;
mod superfluous_label;
mod untrusted_registry;
mod useradd_without_no_log_init;
mod wget_without_progress;
mod yarn_cache_kept;
mod yum_missing_clean;
mod yum_missing_yes;
mod yum_unpinned;
mod zypper_dist_upgrade;
mod zypper_missing_clean;
mod zypper_missing_yes;
mod zypper_unpinned;

use absolute_workdir::AbsoluteWorkdir;
use add_for_local_files::AddForLocalFiles;
use apk_add_without_no_cache::ApkAddWithoutNoCache;
use apk_unpinned::ApkUnpinned;
use apt_get_missing_yes::AptGetMissingYes;
use apt_get_no_install_recommends::AptGetNoInstallRecommends;
use apt_get_unpinned::AptGetUnpinned;
use apt_instead_of_apt_get::AptInsteadOfAptGet;
use apt_lists_kept::AptListsKept;
use cd_instead_of_workdir::CdInsteadOfWorkdir;
use consecutive_runs::ConsecutiveRuns;
use copied_archive_extracted::CopiedArchiveExtracted;
use copy_entire_filesystem::CopyEntireFilesystem;
use copy_from_own_stage::CopyFromOwnStage;
use copy_from_unknown_stage::CopyFromUnknownStage;
use copy_many_to_non_directory::CopyManyToNonDirectory;
use copy_relative_without_workdir::CopyRelativeWithoutWorkdir;
use curl_and_wget::CurlAndWget;
use dnf_missing_clean::DnfMissingClean;
use dnf_missing_yes::DnfMissingYes;
use dnf_unpinned::DnfUnpinned;
use duplicate_stage_name::DuplicateStageName;
use empty_required_label::EmptyRequiredLabel;
use env_self_reference::EnvSelfReference;
use expose_port_out_of_range::ExposePortOutOfRange;
use from_platform_flag::FromPlatformFlag;
use gem_unpinned::GemUnpinned;
use go_unpinned::GoUnpinned;
use image_without_tag::ImageWithoutTag;
use inline_ignore_pragma::InlineIgnorePragma;
use instruction_before_from::InstructionBeforeFrom;
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
use missing_healthcheck::MissingHealthcheck;
use missing_required_label::MissingRequiredLabel;
use multiple_cmds::MultipleCmds;
use multiple_entrypoints::MultipleEntrypoints;
use multiple_healthchecks::MultipleHealthchecks;
use non_numeric_user::NonNumericUser;
use npm_unpinned::NpmUnpinned;
use onbuild_forbidden_trigger::OnbuildForbiddenTrigger;
use pip_cache_dir::PipCacheDir;
use pip_unpinned::PipUnpinned;
use pipe_without_pipefail::PipeWithoutPipefail;
use pointless_commands::PointlessCommands;
use redundant_target_platform::RedundantTargetPlatform;
use replace_bin_sh::ReplaceBinSh;
use reserved_stage_name::ReservedStageName;
use sensitive_build_variable::SensitiveBuildVariable;
use shell_form_command::ShellFormCommand;
use shellcheck::ShellCheck;
use sudo::Sudo;
use superfluous_label::SuperfluousLabel;
use untrusted_registry::UntrustedRegistry;
use useradd_without_no_log_init::UseraddWithoutNoLogInit;
use wget_without_progress::WgetWithoutProgress;
use yarn_cache_kept::YarnCacheKept;
use yum_missing_clean::YumMissingClean;
use yum_missing_yes::YumMissingYes;
use yum_unpinned::YumUnpinned;
use zypper_dist_upgrade::ZypperDistUpgrade;
use zypper_missing_clean::ZypperMissingClean;
use zypper_missing_yes::ZypperMissingYes;
use zypper_unpinned::ZypperUnpinned;

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
        entry!(AptListsKept, onbuild),
        entry!(CopiedArchiveExtracted),
        entry!(PipUnpinned, onbuild),
        entry!(NpmUnpinned, onbuild),
        entry!(ApkUnpinned, onbuild),
        entry!(ApkAddWithoutNoCache, onbuild),
        entry!(AptInsteadOfAptGet, onbuild),
        entry!(GemUnpinned, onbuild),
        entry!(YumMissingYes, onbuild),
        entry!(YumMissingClean, onbuild),
        entry!(YumUnpinned, onbuild),
        entry!(ZypperMissingYes, onbuild),
        entry!(ZypperDistUpgrade, onbuild),
        entry!(ZypperMissingClean, onbuild),
        entry!(ZypperUnpinned, onbuild),
        entry!(DnfMissingYes, onbuild),
        entry!(DnfMissingClean, onbuild),
        entry!(DnfUnpinned, onbuild),
        entry!(PipCacheDir, onbuild),
        entry!(UseraddWithoutNoLogInit, onbuild),
        entry!(WgetWithoutProgress, onbuild),
        entry!(YarnCacheKept, onbuild),
        entry!(GoUnpinned, onbuild),
        entry!(InlineIgnorePragma),
        entry!(ExposePortOutOfRange),
        entry!(MultipleHealthchecks),
        entry!(AddForLocalFiles),
        entry!(CopyManyToNonDirectory),
        entry!(CopyFromUnknownStage),
        entry!(CopyFromOwnStage),
        entry!(DuplicateStageName),
        entry!(ShellFormCommand),
        Entry {
            meta: &UntrustedRegistry::META,
            make: |config| Box::new(UntrustedRegistry::new(config)),
            onbuild: false,
        },
        entry!(FromPlatformFlag),
        entry!(OnbuildForbiddenTrigger),
        entry!(EnvSelfReference),
        entry!(CopyRelativeWithoutWorkdir),
        entry!(MissingHealthcheck),
        entry!(ConsecutiveRuns),
        entry!(InstructionBeforeFrom),
        entry!(ReservedStageName),
        entry!(SensitiveBuildVariable, onbuild),
        entry!(RedundantTargetPlatform),
        entry!(NonNumericUser),
        entry!(CopyEntireFilesystem),
        entry!(CurlAndWget, onbuild),
        entry!(MultipleCmds),
        entry!(MultipleEntrypoints),
        entry!(ReplaceBinSh, onbuild),
        entry!(PipeWithoutPipefail),
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
        // ShellCheck's findings are collected after every DL rule's.
        entry!(ShellCheck, onbuild),
    ];
    rules.sort_by_key(|e| e.meta.code);
    rules
}

/// Looks up a rule's metadata by code, SC checks included.
pub fn meta(code: &str) -> Option<&'static RuleMeta> {
    registry()
        .into_iter()
        .map(|e| e.meta)
        .find(|m| m.code == code)
        .or_else(|| shellcheck::check_meta(code))
}

/// Every documented check with an example: the DL rules and each SC check
/// (the ShellCheck rule itself reports the SC codes).
pub fn documented() -> Vec<&'static RuleMeta> {
    registry()
        .into_iter()
        .map(|e| e.meta)
        .filter(|m| m.code != ShellCheck::META.code)
        .chain(shellcheck::CHECKS.iter().map(|c| c.meta))
        .collect()
}

/// Whether `code` is implemented: a registered rule or an SC check.
pub fn implemented(code: &str) -> bool {
    meta(code).is_some()
}

/// Helpers shared by rules.
pub mod util {
    use super::*;

    /// The rules against a repeated instruction in one stage (`CMD`,
    /// `ENTRYPOINT`, `HEALTHCHECK`): every `keyword` after the first of its
    /// stage fails. `seen` is the rule's state.
    pub fn flag_repeats_in_stage(
        seen: &mut bool,
        keyword: Keyword,
        item: &Item<'_>,
        out: &mut Out,
    ) {
        if item.is(Keyword::From) {
            *seen = false;
        } else if item.is(keyword) {
            if *seen {
                out.fail(item.line());
            }
            *seen = true;
        }
    }

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

    /// hadolint's `hasCacheOrTmpfsMountWith`: the instruction has a
    /// `--mount` of type `cache` or `tmpfs` whose target contains `fragment`.
    pub fn has_cache_or_tmpfs_mount_with(inst: &Instruction, fragment: &str) -> bool {
        inst.flags
            .iter()
            .filter_map(|f| f.mount.as_ref())
            .filter(|m| matches!(m.mount_type(), "cache" | "tmpfs"))
            .any(|m| m.target().is_some_and(|t| t.contains(fragment)))
    }

    /// A `FROM` as hadolint compares them (its `BaseImage`): two `FROM`s
    /// are equal when image, alias and platform are written alike.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct BaseImage {
        pub image: String,
        pub alias: Option<String>,
        pub platform: Option<String>,
    }

    impl BaseImage {
        pub fn of(from: &From) -> BaseImage {
            BaseImage {
                image: from
                    .image
                    .as_ref()
                    .map(|i| i.raw.clone())
                    .unwrap_or_default(),
                alias: from.alias.as_ref().map(|a| a.text.clone()),
                platform: from.platform.clone(),
            }
        }

        /// What hadolint pretends a stage is before any `FROM`.
        pub fn scratch() -> BaseImage {
            BaseImage {
                image: "scratch".to_string(),
                alias: None,
                platform: None,
            }
        }

        /// The image name as hadolint reads it: see [`image_name`].
        pub fn name(&self) -> &str {
            image_name(&self.image)
        }
    }

    /// The image name of a `FROM` reference as hadolint's parser splits
    /// it: without a leading `domain.tld/` registry (the first `.` before
    /// a `/`), up to the first `:` or `@`; `${...}` is opaque throughout.
    pub fn image_name(raw: &str) -> &str {
        let rest = match (find_unbraced(raw, '.'), raw) {
            (Some(dot), _) if dot > 0 => match find_unbraced(&raw[dot + 1..], '/') {
                Some(slash) if slash > 0 => &raw[dot + 1 + slash + 1..],
                _ => raw,
            },
            _ => raw,
        };
        let end = [find_unbraced(rest, ':'), find_unbraced(rest, '@')]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        &rest[..end]
    }

    /// Byte index of the first `want` outside `${...}`.
    fn find_unbraced(text: &str, want: char) -> Option<usize> {
        let mut depth = 0usize;
        let mut prev = '\0';
        for (i, c) in text.char_indices() {
            match c {
                '{' if prev == '$' || depth > 0 => depth += 1,
                '}' if depth > 0 => depth -= 1,
                _ if depth == 0 && c == want => return Some(i),
                _ => {}
            }
            prev = c;
        }
        None
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
        for meta in documented() {
            let doc = meta.documentation();
            let block = |heading: &str| -> String {
                let after = doc
                    .split(heading)
                    .nth(1)
                    .unwrap_or_else(|| panic!("{}: no {heading:?} section", meta.code));
                let code = after
                    .split("```dockerfile\n")
                    .nth(1)
                    .expect("a dockerfile block");
                code.split("```").next().unwrap().to_string()
            };
            for heading in ["## What it does", "## Why is this bad?"] {
                assert!(doc.contains(heading), "{}: no {heading:?}", meta.code);
            }
            let example = block("## Example");
            let fix = block("## Use instead");
            let config = match meta.example_config {
                Some(yaml) => Config::merge(&[&crate::config::from_yaml(yaml).unwrap()]),
                None => Config::default(),
            };
            assert!(
                !testing::lines_with(meta.code, &example, &config).is_empty(),
                "{}: example does not trigger:\n{example}",
                meta.code
            );
            assert_eq!(
                testing::lines_with(meta.code, &fix, &config),
                Vec::<u32>::new(),
                "{}: fix still triggers:\n{fix}",
                meta.code
            );
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = documented().iter().map(|m| m.code).collect();
        codes.sort();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }
}
