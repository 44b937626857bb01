//! hadolint's command line: the same options, usage text and usage errors.
//! Shared by the native `dockyard lint` and the sandbox's `hadolint`.

use crate::config::{parse_label_requirement, PartialConfig};
use crate::format::Format;
use crate::severity::Severity;

/// hadolint's usage synopsis, printed after every usage error.
pub const USAGE: &str = "Usage: hadolint [-v|--version] [-c|--config FILENAME] [DOCKERFILE...] 
                [--file-path-in-report FILEPATHINREPORT] [-o|--output OUTPUT] 
                [--no-fail] [--no-color] [-V|--verbose] [-f|--format ARG] 
                [--error RULECODE] [--warning RULECODE] [--info RULECODE] 
                [--style RULECODE] [--ignore RULECODE] 
                [--trusted-registry REGISTRY (e.g. docker.io)] 
                [--require-label LABELSCHEMA (e.g. maintainer:text)] 
                [--strict-labels] [--disable-ignore-pragma] 
                [-t|--failure-threshold THRESHOLD]

  Lint Dockerfile for errors and best practices
";

/// The full `--help` text.
pub const HELP: &str = "hadolint - Dockerfile Linter written in Haskell

Usage: hadolint [-v|--version] [-c|--config FILENAME] [DOCKERFILE...] 
                [--file-path-in-report FILEPATHINREPORT] [-o|--output OUTPUT] 
                [--no-fail] [--no-color] [-V|--verbose] [-f|--format ARG] 
                [--error RULECODE] [--warning RULECODE] [--info RULECODE] 
                [--style RULECODE] [--ignore RULECODE] 
                [--trusted-registry REGISTRY (e.g. docker.io)] 
                [--require-label LABELSCHEMA (e.g. maintainer:text)] 
                [--strict-labels] [--disable-ignore-pragma] 
                [-t|--failure-threshold THRESHOLD]

  Lint Dockerfile for errors and best practices

Available options:
  -h,--help                Show this help text
  -v,--version             Show version
  -c,--config FILENAME     Path to the configuration file
  --file-path-in-report FILEPATHINREPORT
                           The file path referenced in the generated report.
                           This only applies for the 'checkstyle',
                           'codeclimate', 'sonarqube', 'junit' and
                           'gitlab_codeclimate' formats and is useful when
                           running Hadolint with Docker to set the correct file
                           path.
  -o,--output OUTPUT       Output destination file
  --no-fail                Don't exit with a failure status code when any rule
                           is violated
  --no-color               Don't colorize output
  -V,--verbose             Enables verbose logging of hadolint's output to
                           stderr
  -f,--format ARG          The output format for the results [tty | json |
                           checkstyle | codeclimate | gitlab_codeclimate | gnu |
                           codacy | sonarqube | sarif | junit] (default: tty)
  --error RULECODE         Make the rule `RULECODE` have the level `error`
  --warning RULECODE       Make the rule `RULECODE` have the level `warning`
  --info RULECODE          Make the rule `RULECODE` have the level `info`
  --style RULECODE         Make the rule `RULECODE` have the level `style`
  --ignore RULECODE        A rule to ignore. If present, the ignore list in the
                           config file is ignored
  --trusted-registry REGISTRY (e.g. docker.io)
                           A docker registry to allow to appear in FROM
                           instructions
  --require-label LABELSCHEMA (e.g. maintainer:text)
                           The option --require-label=label:format makes
                           Hadolint check that the label `label` conforms to
                           format requirement `format`
  --strict-labels          Do not permit labels other than specified in
                           `label-schema`
  --disable-ignore-pragma  Disable inline ignore pragmas `# hadolint
                           ignore=DLxxxx`
  -t,--failure-threshold THRESHOLD
                           Exit with failure code only when rules with a
                           severity equal to or above THRESHOLD are violated.
                           Accepted values: [error | warning | info | style |
                           ignore | none] (default: info)
";

/// The `--version` line.
pub const VERSION: &str = "Haskell Dockerfile Linter 2.15.1\n";

/// What the command line asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invocation {
    pub help: bool,
    pub version: bool,
    pub config_file: Option<String>,
    pub files: Vec<String>,
    pub file_path_in_report: Option<String>,
    pub outputs: Vec<String>,
    /// The settings given as options, to merge over the file and environment.
    pub settings: PartialConfig,
    /// Dockyard's addition: also run Docker's own build checks.
    pub buildkit: bool,
}

/// A usage error: the first line of hadolint's complaint (the usage text
/// follows it). Exit status 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

impl UsageError {
    /// Everything hadolint prints to stderr for it.
    pub fn message(&self) -> String {
        format!("{}\n\n{USAGE}", self.0)
    }
}

/// Options that take a value, by every spelling.
const VALUE_OPTIONS: &[&str] = &[
    "-c",
    "--config",
    "--file-path-in-report",
    "-o",
    "--output",
    "-f",
    "--format",
    "--error",
    "--warning",
    "--info",
    "--style",
    "--ignore",
    "--trusted-registry",
    "--require-label",
    "-t",
    "--failure-threshold",
];

const FLAG_OPTIONS: &[&str] = &[
    "-h",
    "--help",
    "-v",
    "--version",
    "--no-fail",
    "--no-color",
    "-V",
    "--verbose",
    "--strict-labels",
    "--disable-ignore-pragma",
    "--buildkit",
];

/// Parses hadolint's arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Invocation, UsageError> {
    let mut inv = Invocation::default();
    let mut i = 0;
    let mut only_files = false;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if only_files || arg == "-" || !arg.starts_with('-') {
            inv.files.push(arg.clone());
            continue;
        }
        if arg == "--" {
            only_files = true;
            continue;
        }
        // `--name=value`, `-xVALUE`, or the value in the next argument.
        let (name, inline) = if let Some(long) = arg.strip_prefix("--") {
            match long.split_once('=') {
                Some((n, v)) => (format!("--{n}"), Some(v.to_string())),
                None => (arg.clone(), None),
            }
        } else if arg.len() > 2 && VALUE_OPTIONS.contains(&&arg[..2]) {
            (arg[..2].to_string(), Some(arg[2..].to_string()))
        } else {
            (arg.clone(), None)
        };
        if FLAG_OPTIONS.contains(&name.as_str()) && inline.is_none() {
            set_flag(&mut inv, &name);
            continue;
        }
        if !VALUE_OPTIONS.contains(&name.as_str()) {
            return Err(UsageError(format!("Invalid option `{arg}'")));
        }
        let value = match inline {
            Some(v) => v,
            None => match args.get(i) {
                Some(v) => {
                    i += 1;
                    v.clone()
                }
                None => {
                    return Err(UsageError(format!(
                        "The option `{name}` expects an argument."
                    )))
                }
            },
        };
        set_value(&mut inv, &name, value)?;
    }
    Ok(inv)
}

fn set_flag(inv: &mut Invocation, name: &str) {
    let s = &mut inv.settings;
    match name {
        "-h" | "--help" => inv.help = true,
        "-v" | "--version" => inv.version = true,
        "--no-fail" => s.no_fail = Some(true),
        "--no-color" => s.no_color = Some(true),
        "-V" | "--verbose" => s.verbose = Some(true),
        "--strict-labels" => s.strict_labels = Some(true),
        "--disable-ignore-pragma" => s.disable_ignore_pragma = Some(true),
        "--buildkit" => inv.buildkit = true,
        _ => unreachable!("{name} is listed in FLAG_OPTIONS"),
    }
}

fn set_value(inv: &mut Invocation, name: &str, value: String) -> Result<(), UsageError> {
    let s = &mut inv.settings;
    match name {
        "-c" | "--config" => inv.config_file = Some(value),
        "--file-path-in-report" => inv.file_path_in_report = Some(value),
        "-o" | "--output" => inv.outputs.push(value),
        "-f" | "--format" => match Format::parse(&value) {
            Some(f) => s.formats.push(f),
            None => {
                return Err(UsageError(format!(
                    "option {name}: cannot parse value `{value}'"
                )))
            }
        },
        "--error" => s.override_error.push(value),
        "--warning" => s.override_warning.push(value),
        "--info" => s.override_info.push(value),
        "--style" => s.override_style.push(value),
        "--ignore" => s.ignored.push(value),
        "--trusted-registry" => s.trusted_registries.push(value),
        "--require-label" => match parse_label_requirement(&value) {
            Some(requirement) => s.label_schema.push(requirement),
            None => {
                let kind = value.split_once(':').map_or("", |(_, k)| k);
                return Err(UsageError(format!(
                    "option {name}: invalid label type: {kind}"
                )));
            }
        },
        "-t" | "--failure-threshold" => match Severity::parse(&value) {
            Some(t) => s.failure_threshold = Some(t),
            None => {
                return Err(UsageError(format!(
                    "option {name}: Invalid severity: {value}"
                )))
            }
        },
        _ => unreachable!("{name} is listed in VALUE_OPTIONS"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    fn check_error(line: &str, first_line: &str) {
        assert_eq!(
            parse_args(&args(line)),
            Err(UsageError(first_line.into())),
            "{line}"
        );
    }

    #[test]
    fn options_in_every_spelling() {
        let inv = parse_args(&args(
            "-f json --format=gnu -fsarif --ignore DL3006 --error=DL3008 -t warning \
             --no-fail --trusted-registry docker.io --require-label version:semver a b - -c x.yaml",
        ))
        .unwrap();
        assert_eq!(
            inv.settings.formats,
            [Format::Json, Format::Gnu, Format::Sarif]
        );
        assert_eq!(inv.settings.ignored, ["DL3006"]);
        assert_eq!(inv.settings.override_error, ["DL3008"]);
        assert_eq!(inv.settings.failure_threshold, Some(Severity::Warning));
        assert_eq!(inv.settings.no_fail, Some(true));
        assert_eq!(inv.settings.trusted_registries, ["docker.io"]);
        assert_eq!(inv.files, ["a", "b", "-"]);
        assert_eq!(inv.config_file.as_deref(), Some("x.yaml"));
    }

    #[test]
    fn none_is_a_threshold() {
        let inv = parse_args(&args("-t none Dockerfile")).unwrap();
        assert_eq!(inv.settings.failure_threshold, Some(Severity::Ignore));
    }

    // First lines recorded from hadolint 2.15.1 with the same arguments.
    #[test]
    fn usage_errors_read_as_hadolint_prints_them() {
        check_error("--bogus Dockerfile", "Invalid option `--bogus'");
        check_error(
            "-f bogus Dockerfile",
            "option -f: cannot parse value `bogus'",
        );
        check_error("-t bogus Dockerfile", "option -t: Invalid severity: bogus");
        check_error("-f", "The option `-f` expects an argument.");
        check_error(
            "--require-label x:bogus Dockerfile",
            "option --require-label: invalid label type: bogus",
        );
    }

    #[test]
    fn usage_error_message_ends_with_the_synopsis() {
        let message = UsageError("Invalid option `--bogus'".into()).message();
        assert!(message.starts_with("Invalid option `--bogus'\n\nUsage: hadolint [-v|--version]"));
        assert!(message.ends_with("  Lint Dockerfile for errors and best practices\n"));
        assert!(HELP.contains(USAGE.trim_end()));
    }
}
