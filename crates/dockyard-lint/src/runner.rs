//! One hadolint run from arguments to output: configuration lookup and
//! merging, reading the files, linting, writing every requested format, and
//! the exit status. All I/O goes through [`Host`], so the native CLI and
//! the sandbox share this code.

use crate::cli::{parse_args, HELP, VERSION};
use crate::config::{from_env, from_yaml, Config, LabelType, PartialConfig};
use crate::format::{render, Format, RenderOptions, Timestamp};
use crate::report::{exit_status, ExitPolicy, FileReport, Outcome};

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    IsDirectory,
}

/// What a run may ask of the world around it.
pub trait Host {
    fn read_file(&self, path: &str) -> Result<String, ReadError>;
    fn read_stdin(&self) -> String;
    fn env(&self, name: &str) -> Option<String>;
    /// The working directory, for the configuration search.
    fn cwd(&self) -> String;
    fn now(&self) -> Timestamp;
}

/// Everything a run produces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutput {
    pub stdout: String,
    pub stderr: String,
    /// Reports written with `-o FILE`, as `(path, contents)`.
    pub files: Vec<(String, String)>,
    pub status: i32,
}

/// Lints one file's text with the merged configuration; the second
/// argument is the name a parse error gives the input.
pub type Linter = fn(&str, &str, &Config) -> Outcome;

/// The exception hadolint's runtime prints for a file it cannot open.
fn open_failure(path: &str, error: &ReadError) -> String {
    let reason = match error {
        ReadError::NotFound => "does not exist (No such file or directory)",
        ReadError::IsDirectory => "inappropriate type (is a directory)",
    };
    format!(
        "hadolint: {path}: withBinaryFile: {reason}\n\
         HasCallStack backtrace:\n  \
         collectBacktraces, called at libraries/ghc-internal/src/GHC/Internal/Exception.hs:169:13 in ghc-internal:GHC.Internal.Exception\n  \
         toExceptionWithBacktrace, called at libraries/ghc-internal/src/GHC/Internal/IO.hs:260:11 in ghc-internal:GHC.Internal.IO\n  \
         throwIO, called at libraries/ghc-internal/src/GHC/Internal/IO/Exception.hs:315:19 in ghc-internal:GHC.Internal.IO.Exception\n  \
         ioException, called at libraries/ghc-internal/src/GHC/Internal/IO/Exception.hs:319:20 in ghc-internal:GHC.Internal.IO.Exception\n\n\n"
    )
}

/// hadolint's configuration search, first existing file wins.
fn config_candidates(host: &dyn Host) -> Vec<String> {
    let cwd = host.cwd();
    let cwd = cwd.trim_end_matches('/');
    let home = host.env("HOME").unwrap_or_default();
    let home = home.trim_end_matches('/');
    let xdg = host
        .env("XDG_CONFIG_HOME")
        .filter(|x| !x.is_empty())
        .unwrap_or_else(|| format!("{home}/.config"));
    let mut paths = vec![
        format!("{cwd}/.hadolint.yaml"),
        format!("{cwd}/.hadolint.yml"),
    ];
    for name in ["hadolint.yaml", "hadolint.yml"] {
        paths.push(format!("{xdg}/{name}"));
    }
    for name in ["hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml"] {
        paths.push(format!("{home}/.hadolint/{name}"));
    }
    paths.push(format!("{home}/.hadolint.yaml"));
    paths.push(format!("{home}/.hadolint.yml"));
    paths
}

/// Runs hadolint with `args` (without the program name).
pub fn run(args: &[String], host: &dyn Host, lint: Linter) -> RunOutput {
    let mut out = RunOutput::default();
    let invocation = match parse_args(args) {
        Ok(inv) => inv,
        Err(e) => {
            out.stderr = e.message();
            out.status = 1;
            return out;
        }
    };
    if invocation.help {
        out.stdout = HELP.to_string();
        return out;
    }
    // The configuration file: `-c FILE`, or the first one found. Only
    // `--verbose` on the command line (not the file or environment) makes
    // hadolint say which file it uses, before it reads it.
    let env = from_env(|name| host.env(name));
    let config_path = match &invocation.config_file {
        Some(path) => Some(path.clone()),
        None => config_candidates(host)
            .into_iter()
            .find(|path| host.read_file(path).is_ok()),
    };
    if invocation.settings.verbose == Some(true) {
        out.stderr += &match &config_path {
            Some(path) => format!("\"Configuration file used: {path}\"\n"),
            None => "\"No configuration was specified. Using default configuration\"\n".into(),
        };
    }
    let file_settings = match &config_path {
        Some(path) => match host.read_file(path) {
            Ok(text) => match from_yaml(&text) {
                Ok(settings) => settings,
                Err(e) => {
                    // Reported at once; the run goes on without the file.
                    out.stderr += &e.message(path);
                    PartialConfig::default()
                }
            },
            Err(e) => {
                out.stderr += &open_failure(path, &e);
                out.status = 1;
                return out;
            }
        },
        None => PartialConfig::default(),
    };
    let mut config = Config::merge(&[&env, &file_settings, &invocation.settings]);
    config.buildkit = invocation.buildkit;

    if config.verbose {
        out.stderr += &describe_config(&config);
    }

    if invocation.version {
        out.stdout = VERSION.to_string();
        return out;
    }
    if invocation.files.is_empty() {
        out.stdout = "Please provide a Dockerfile\n".into();
        out.status = 1;
        return out;
    }

    let mut reports = Vec::new();
    for file in &invocation.files {
        let text = if file == "-" {
            host.read_stdin()
        } else {
            match host.read_file(file) {
                Ok(text) => text,
                Err(e) => {
                    out.stderr += &open_failure(file, &e);
                    out.status = 1;
                    return out;
                }
            }
        };
        let source_name = if file == "-" {
            "/dev/stdin"
        } else {
            file.as_str()
        };
        let outcome = if config.buildkit && file != "-" {
            let config = Config {
                dockerignore: dockerignore_for(host, file),
                ..config.clone()
            };
            lint(&text, source_name, &config)
        } else {
            lint(&text, source_name, &config)
        };
        reports.push(FileReport {
            file: file.clone(),
            outcome,
        });
    }

    let options = RenderOptions {
        color: !config.no_color,
        file_path_in_report: invocation.file_path_in_report.clone(),
        now: host.now(),
    };
    let formats = &config.formats;
    let count = formats.len().max(invocation.outputs.len()).max(1);
    for i in 0..count {
        let format = formats.get(i).copied().unwrap_or(Format::Tty);
        let text = render(format, &reports, &options);
        match invocation.outputs.get(i) {
            Some(path) => out.files.push((path.clone(), text)),
            None => out.stdout += &text,
        }
    }
    out.status = exit_status(
        &reports,
        ExitPolicy {
            failure_threshold: config.failure_threshold,
            no_fail: config.no_fail,
            always_succeeds: formats.iter().any(|f| f.always_succeeds()),
        },
    );
    out
}

/// The `.dockerignore` Docker would use for a Dockerfile built with its
/// own directory as the context: `<Dockerfile>.dockerignore` first, then
/// `.dockerignore` beside it.
fn dockerignore_for(host: &dyn Host, dockerfile: &str) -> Option<String> {
    let dir = match dockerfile.rfind('/') {
        Some(i) => &dockerfile[..=i],
        None => "",
    };
    host.read_file(&format!("{dockerfile}.dockerignore"))
        .or_else(|_| host.read_file(&format!("{dir}.dockerignore")))
        .ok()
}

/// The effective configuration as `--verbose` prints it.
fn describe_config(config: &Config) -> String {
    fn list(items: &[String], quote: bool) -> String {
        if items.is_empty() {
            return "    none\n".into();
        }
        items
            .iter()
            .map(|i| {
                if quote {
                    format!("    - \"{i}\"\n")
                } else {
                    format!("    - {i}\n")
                }
            })
            .collect()
    }
    let yes_no = |b: bool| if b { "True" } else { "False" };
    let formats: Vec<String> = config
        .formats
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    let labels: Vec<String> = config
        .label_schema
        .iter()
        .map(|(name, kind)| format!("{name}: {}", label_type_name(*kind)))
        .collect();
    let mut registries: Vec<String> = config
        .trusted_registries
        .iter()
        .map(|r| format!("- {r}"))
        .collect();
    registries.sort();
    registries.dedup();
    format!(
        "Configuration:\n  no fail: {}\n  no color: {}\n  output format:\n{}  failure threshold: {}\n  \
         override error:\n{}  override warning:\n{}  override info:\n{}  override style:\n{}  \
         override ignore:\n{}  strict labels: {}\n  label schema:\n{}  disable ignore pragma: {}\n  \
         allowed registries:\n{}",
        yes_no(config.no_fail),
        yes_no(config.no_color),
        list(&formats, false),
        config.failure_threshold,
        list(&config.override_error, true),
        list(&config.override_warning, true),
        list(&config.override_info, true),
        list(&config.override_style, true),
        list(&config.ignored, true),
        yes_no(config.strict_labels),
        list(&labels, false),
        yes_no(config.disable_ignore_pragma),
        list(&registries, false),
    )
}

fn label_type_name(kind: LabelType) -> &'static str {
    match kind {
        LabelType::Text => "text",
        LabelType::Url => "url",
        LabelType::Semver => "semver",
        LabelType::Hash => "hash",
        LabelType::Rfc3339 => "rfc3339",
        LabelType::Spdx => "spdx",
        LabelType::Email => "email",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Finding;
    use crate::severity::Severity;
    use std::collections::BTreeMap;

    struct FakeHost {
        files: BTreeMap<String, String>,
        env: BTreeMap<String, String>,
        stdin: String,
    }

    impl Host for FakeHost {
        fn read_file(&self, path: &str) -> Result<String, ReadError> {
            self.files.get(path).cloned().ok_or(ReadError::NotFound)
        }
        fn read_stdin(&self) -> String {
            self.stdin.clone()
        }
        fn env(&self, name: &str) -> Option<String> {
            self.env.get(name).cloned()
        }
        fn cwd(&self) -> String {
            "/project".into()
        }
        fn now(&self) -> Timestamp {
            Timestamp::default()
        }
    }

    fn host(files: &[(&str, &str)], env: &[(&str, &str)]) -> FakeHost {
        FakeHost {
            files: files
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            stdin: "FROM stdin\n".into(),
        }
    }

    /// A stand-in linter: one finding per line that says `FROM x` without a
    /// tag, at the severity the configuration gives DL3006.
    fn fake_lint(text: &str, _name: &str, config: &Config) -> Outcome {
        let severity = config
            .overridden_severity("DL3006")
            .unwrap_or(Severity::Warning);
        let findings = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("FROM ") && !l.contains(':'))
            .filter(|_| !config.is_ignored("DL3006"))
            .map(|(i, _)| Finding {
                code: "DL3006".into(),
                severity,
                message: "Always tag the version of an image explicitly".into(),
                line: i as u32 + 1,
                column: 1,
            })
            .collect();
        Outcome::Findings(findings)
    }

    fn run_with(args: &str, host: &FakeHost) -> RunOutput {
        let args: Vec<String> = args.split_whitespace().map(str::to_string).collect();
        run(&args, host, fake_lint)
    }

    #[test]
    fn lints_files_and_stdin_in_order() {
        let h = host(&[("Dockerfile", "FROM debian\n")], &[]);
        let out = run_with("--no-color Dockerfile -", &h);
        assert_eq!(
            out.stdout,
            "Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly\n\
             -:1 DL3006 warning: Always tag the version of an image explicitly\n"
        );
        assert_eq!(out.status, 1);
    }

    #[test]
    fn no_file_and_missing_file() {
        let h = host(&[], &[]);
        let out = run_with("", &h);
        assert_eq!(
            (out.stdout.as_str(), out.status),
            ("Please provide a Dockerfile\n", 1)
        );
        let out = run_with("nonexist", &h);
        assert!(out.stderr.starts_with(
            "hadolint: nonexist: withBinaryFile: does not exist (No such file or directory)\n"
        ));
        assert_eq!((out.stdout.as_str(), out.status), ("", 1));
    }

    #[test]
    fn config_is_found_and_merged_with_environment_and_options() {
        let h = host(
            &[
                ("Dockerfile", "FROM debian\n"),
                ("/project/.hadolint.yaml", "failure-threshold: error\n"),
            ],
            &[("NO_COLOR", "")],
        );
        assert_eq!(run_with("Dockerfile", &h).status, 0);
        assert_eq!(run_with("-t warning Dockerfile", &h).status, 1);
        let h = host(
            &[
                ("Dockerfile", "FROM debian\n"),
                ("/home/u/.config/hadolint.yaml", "ignored: [DL3006]\n"),
            ],
            &[("HOME", "/home/u")],
        );
        assert_eq!(run_with("Dockerfile", &h).stdout, "");
    }

    #[test]
    fn a_rejected_config_is_reported_and_dropped() {
        let h = host(
            &[
                ("Dockerfile", "FROM debian\n"),
                ("/project/.hadolint.yaml", "ignored: DL3006\n"),
            ],
            &[],
        );
        let out = run_with("--no-color Dockerfile", &h);
        assert!(out.stdout.contains("DL3006"));
        assert!(out
            .stderr
            .starts_with("\"Error parsing your config file in  '/project/.hadolint.yaml'"));
        assert!(out
            .stderr
            .ends_with("expected !!seq instead of !!str\\n\"\n"));
    }

    #[test]
    fn formats_zip_with_outputs_and_codeclimate_always_succeeds() {
        let h = host(&[("Dockerfile", "FROM debian\n")], &[]);
        let out = run_with("-f json -o out.json -f gnu Dockerfile", &h);
        assert_eq!(out.files.len(), 1);
        assert!(out.files[0].1.starts_with("[{\"code\":\"DL3006\""));
        assert!(out.stdout.starts_with("hadolint:Dockerfile:1: DL3006"));
        assert_eq!(run_with("-f codeclimate Dockerfile", &h).status, 0);
        assert_eq!(run_with("--no-fail Dockerfile", &h).status, 0);
    }

    #[test]
    fn colour_unless_disabled() {
        let h = host(&[("Dockerfile", "FROM debian\n")], &[]);
        assert!(run_with("Dockerfile", &h)
            .stdout
            .contains("\x1b[1m\x1b[93mwarning\x1b[0m"));
    }

    /// A linter that reports what it was configured with.
    fn echo_lint(_text: &str, _name: &str, config: &Config) -> Outcome {
        Outcome::Findings(vec![Finding {
            code: "ECHO".into(),
            severity: Severity::Warning,
            message: format!("{}|{:?}", config.buildkit, config.dockerignore),
            line: 1,
            column: 1,
        }])
    }

    #[test]
    fn buildkit_is_asked_for_with_the_dockerignore_beside_the_file() {
        let h = host(
            &[
                ("app/Dockerfile", "FROM a\n"),
                ("app/.dockerignore", "*.md\n"),
                ("Dockerfile", "FROM a\n"),
                ("Dockerfile.dockerignore", "x\n"),
            ],
            &[],
        );
        let message = |args: &str| {
            let args: Vec<String> = args.split_whitespace().map(str::to_string).collect();
            let out = run(&args, &h, echo_lint);
            out.stdout
        };
        assert!(message("--no-color app/Dockerfile").contains("false|None"));
        assert!(message("--no-color --buildkit app/Dockerfile").contains("true|Some(\"*.md\\n\")"));
        assert!(message("--no-color --buildkit Dockerfile").contains("true|Some(\"x\\n\")"));
    }

    #[test]
    fn verbose_describes_the_configuration() {
        let h = host(&[("Dockerfile", "FROM a:1\n")], &[]);
        let out = run_with("-V Dockerfile", &h);
        assert!(out.stderr.starts_with(
            "\"No configuration was specified. Using default configuration\"\nConfiguration:\n  no fail: False\n"
        ));
        assert!(out.stderr.ends_with("  allowed registries:\n    none\n"));
    }
}
