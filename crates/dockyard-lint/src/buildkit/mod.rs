//! Docker's own build checks (`docker build --check`), off by default: the
//! 21 checks BuildKit's Dockerfile frontend runs, with its names, messages
//! and configuration (`# check=skip=…;error=true;experimental=…`).
//!
//! BuildKit runs these while it converts a Dockerfile into a build, so
//! [`check`] replays that conversion statically ([`dispatch`]): it tracks
//! each stage's variables, shell, working directory and instructions the
//! way BuildKit does, without pulling any image. What a base image brings
//! (its environment, shell, `ONBUILD` triggers) is unknown here; each check
//! documents what that changes.
//!
//! One file per check, named after what it flags; each declares its
//! documentation with [`declare_check!`] and holds its trigger. The
//! expectations come from reading BuildKit's source (moby/buildkit
//! `frontend/dockerfile`), not from running Docker.

use dockyard_dockerfile::Dockerfile;

use crate::report::Finding;
use crate::severity::Severity;

/// Declares a check's documentation and metadata as `META`.
macro_rules! declare_check {
    (
        $(#[doc = $doc:literal])*
        name: $name:literal,
        experimental: $experimental:literal $(,)?
    ) => {
        $(#[doc = $doc])*
        pub const META: $crate::buildkit::CheckMeta = $crate::buildkit::CheckMeta {
            name: $name,
            experimental: $experimental,
            // Without the `docs` feature the text is left out of the binary.
            doc: if cfg!(feature = "docs") { concat!($($doc, "\n"),*) } else { "" },
        };
    };
}

mod config;
mod dispatch;
mod dockerignore;
mod expand;
mod golang;
mod platform;
mod reference;
mod suggest;

mod consistent_instruction_casing;
mod copy_ignored_file;
mod duplicate_stage_name;
mod expose_invalid_format;
mod expose_proto_casing;
mod from_as_casing;
mod from_platform_flag_const_disallowed;
mod invalid_default_arg_in_from;
mod invalid_definition_description;
mod json_args_recommended;
mod legacy_key_value_format;
mod maintainer_deprecated;
mod multiple_instructions_disallowed;
mod no_empty_continuation;
mod redundant_target_platform;
mod reserved_stage_name;
mod secrets_used_in_arg_or_env;
mod stage_name_casing;
mod undefined_arg_in_from;
mod undefined_var;
mod workdir_relative_path;

pub use config::CheckConfig;

/// What a check is: its name (the finding's code), whether BuildKit treats
/// it as experimental (off unless `experimental=` names it), and its
/// documentation.
#[derive(Debug)]
pub struct CheckMeta {
    pub name: &'static str,
    pub experimental: bool,
    /// Markdown: `## What it does`, `## Why is this bad?`, `## Example`, `## Use instead`.
    pub doc: &'static str,
}

impl CheckMeta {
    /// The documentation with the one leading space of each doc-comment line removed.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Every check, in the order of BuildKit's `ruleset.go`.
pub fn all_checks() -> [&'static CheckMeta; 21] {
    [
        &stage_name_casing::META,
        &from_as_casing::META,
        &no_empty_continuation::META,
        &consistent_instruction_casing::META,
        &duplicate_stage_name::META,
        &reserved_stage_name::META,
        &json_args_recommended::META,
        &maintainer_deprecated::META,
        &undefined_arg_in_from::META,
        &workdir_relative_path::META,
        &undefined_var::META,
        &multiple_instructions_disallowed::META,
        &legacy_key_value_format::META,
        &redundant_target_platform::META,
        &secrets_used_in_arg_or_env::META,
        &invalid_default_arg_in_from::META,
        &from_platform_flag_const_disallowed::META,
        &copy_ignored_file::META,
        &invalid_definition_description::META,
        &expose_proto_casing::META,
        &expose_invalid_format::META,
    ]
}

/// Looks a check up by name.
pub fn check_meta(name: &str) -> Option<&'static CheckMeta> {
    all_checks().into_iter().find(|m| m.name == name)
}

/// What the checks may know beyond the Dockerfile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildkitOptions {
    /// The build context's `.dockerignore`, if any: enables CopyIgnoredFile.
    pub dockerignore: Option<String>,
    /// The `BUILDKIT_DOCKERFILE_CHECK` build argument: replaces the
    /// file's `# check=` directive when given.
    pub check_arg: Option<String>,
}

/// Runs the build checks on a parsed Dockerfile. Each finding's code is the
/// check's name; its severity is `warning`, or `error` under
/// `# check=error=true`; its line is the one BuildKit prints.
pub fn check(file: &Dockerfile, source: &str, options: &BuildkitOptions) -> Vec<Finding> {
    dispatch::run(file, source, options)
}

/// Collects findings, each under the configuration in force where it is
/// reported (the file's, merged with a `# check=` comment above the
/// instruction).
#[derive(Default)]
pub(crate) struct Lint {
    pub findings: Vec<Finding>,
}

impl Lint {
    pub fn report(&mut self, config: &CheckConfig, meta: &CheckMeta, line: u32, message: String) {
        if !config.runs(meta) {
            return;
        }
        self.findings.push(Finding {
            code: meta.name.to_string(),
            severity: if config.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            message,
            line,
            column: 1,
        });
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! One-line check specs: `catches(name, dockerfile, lines)`.
    use super::*;

    /// The findings of `name` on `dockerfile`, with every experimental
    /// check switched on.
    pub fn findings_with(name: &str, dockerfile: &str, dockerignore: Option<&str>) -> Vec<Finding> {
        let file = dockyard_dockerfile::parse(dockerfile);
        let options = BuildkitOptions {
            dockerignore: dockerignore.map(str::to_string),
            check_arg: None,
        };
        check(&file, dockerfile, &options)
            .into_iter()
            .filter(|f| f.code == name)
            .collect()
    }

    pub fn lines(name: &str, dockerfile: &str) -> Vec<u32> {
        findings_with(name, dockerfile, None)
            .iter()
            .map(|f| f.line)
            .collect()
    }

    /// `name` fires on exactly these lines.
    pub fn catches(name: &str, dockerfile: &str, expected: &[u32]) {
        assert_eq!(
            lines(name, dockerfile),
            expected,
            "{name} on:\n{dockerfile}"
        );
    }

    pub fn passes(name: &str, dockerfile: &str) {
        catches(name, dockerfile, &[]);
    }

    /// `name` fires once per message, in order: `(line, message)`.
    pub fn says(name: &str, dockerfile: &str, expected: &[(u32, &str)]) {
        let got: Vec<(u32, String)> = findings_with(name, dockerfile, None)
            .into_iter()
            .map(|f| (f.line, f.message))
            .collect();
        let expected: Vec<(u32, String)> =
            expected.iter().map(|(l, m)| (*l, m.to_string())).collect();
        assert_eq!(got, expected, "{name} on:\n{dockerfile}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fenced block of `kind` after `heading`, if any.
    fn block(doc: &str, heading: &str, kind: &str) -> Option<String> {
        let after = doc.split(heading).nth(1)?;
        let section = after.split("\n## ").next().unwrap_or(after);
        let code = section.split(&format!("```{kind}\n")).nth(1)?;
        Some(code.split("```").next().unwrap().to_string())
    }

    /// Every check's documented example triggers it, and its fix does not.
    #[test]
    fn documented_examples_trigger_and_fixes_do_not() {
        for meta in all_checks() {
            let doc = meta.documentation();
            for heading in ["## What it does", "## Why is this bad?"] {
                assert!(doc.contains(heading), "{}: no {heading:?}", meta.name);
            }
            let example = block(&doc, "## Example", "dockerfile")
                .unwrap_or_else(|| panic!("{}: no example", meta.name));
            let fix = block(&doc, "## Use instead", "dockerfile")
                .unwrap_or_else(|| panic!("{}: no fix", meta.name));
            let ignore = block(&doc, "## Example", "dockerignore");
            let run = |text: &str| {
                let text = if meta.experimental {
                    format!("# check=experimental={}\n{text}", meta.name)
                } else {
                    text.to_string()
                };
                testing::findings_with(meta.name, &text, ignore.as_deref())
            };
            assert!(
                !run(&example).is_empty(),
                "{}: example does not trigger:\n{example}",
                meta.name
            );
            assert_eq!(
                run(&fix),
                Vec::<Finding>::new(),
                "{}: fix still triggers:\n{fix}",
                meta.name
            );
        }
    }

    #[test]
    fn names_are_unique_and_found() {
        let mut names: Vec<&str> = all_checks().iter().map(|m| m.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 21);
        assert!(check_meta("UndefinedVar").is_some());
        assert!(check_meta("DL3000").is_none());
    }

    #[test]
    fn error_true_makes_findings_errors() {
        let source = "# check=error=true\nFROM alpine AS Build\n";
        let file = dockyard_dockerfile::parse(source);
        let findings = check(&file, source, &BuildkitOptions::default());
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Error);
        assert_eq!(findings[0].code, "StageNameCasing");
    }

    #[test]
    fn the_build_argument_replaces_the_directive() {
        let source = "# check=skip=all\nFROM alpine AS Build\n";
        let file = dockyard_dockerfile::parse(source);
        let options = BuildkitOptions {
            dockerignore: None,
            check_arg: Some("skip=FromAsCasing".into()),
        };
        let names: Vec<String> = check(&file, source, &options)
            .into_iter()
            .map(|f| f.code)
            .collect();
        assert_eq!(names, ["StageNameCasing"]);
    }
}
