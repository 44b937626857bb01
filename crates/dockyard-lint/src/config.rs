//! Configuration as hadolint reads it: the `.hadolint.yaml` file, the
//! `HADOLINT_*` environment variables and the command line, merged the way
//! hadolint merges them (environment < file < command line; a later source
//! wins for single values, lists are concatenated).
//!
//! This module does no I/O: callers pass file contents and variables in.

use std::collections::BTreeMap;

use yaml_rust2::{Yaml, YamlLoader};

use crate::format::Format;
use crate::severity::Severity;

/// The type a `label-schema` entry requires of a label's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelType {
    Text,
    Url,
    Semver,
    Hash,
    Rfc3339,
    Spdx,
    Email,
}

impl LabelType {
    /// Parses a type name; the empty name means `text`.
    pub fn parse(name: &str) -> Option<LabelType> {
        Some(match name {
            "" | "text" => LabelType::Text,
            "url" => LabelType::Url,
            "semver" => LabelType::Semver,
            "hash" => LabelType::Hash,
            "rfc3339" => LabelType::Rfc3339,
            "spdx" => LabelType::Spdx,
            "email" => LabelType::Email,
            _ => return None,
        })
    }
}

/// One source's settings: `None` or empty where that source says nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartialConfig {
    pub no_fail: Option<bool>,
    pub no_color: Option<bool>,
    pub verbose: Option<bool>,
    pub strict_labels: Option<bool>,
    pub disable_ignore_pragma: Option<bool>,
    pub failure_threshold: Option<Severity>,
    pub formats: Vec<Format>,
    pub ignored: Vec<String>,
    pub override_error: Vec<String>,
    pub override_warning: Vec<String>,
    pub override_info: Vec<String>,
    pub override_style: Vec<String>,
    pub trusted_registries: Vec<String>,
    pub label_schema: Vec<(String, LabelType)>,
}

/// The settings a run uses, after merging every source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub no_fail: bool,
    pub no_color: bool,
    pub verbose: bool,
    pub strict_labels: bool,
    pub disable_ignore_pragma: bool,
    pub failure_threshold: Severity,
    /// Every format asked for, in order; empty means `tty`.
    pub formats: Vec<Format>,
    pub ignored: Vec<String>,
    pub override_error: Vec<String>,
    pub override_warning: Vec<String>,
    pub override_info: Vec<String>,
    pub override_style: Vec<String>,
    pub trusted_registries: Vec<String>,
    /// The label schema, ordered by label name, one entry per label.
    pub label_schema: Vec<(String, LabelType)>,
    /// Dockyard's addition (`--buildkit`): also run Docker's own build
    /// checks. Off by default, so the output stays hadolint's.
    pub buildkit: bool,
    /// The build context's `.dockerignore`, for the CopyIgnoredFile check.
    pub dockerignore: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config::merge(&[])
    }
}

impl Config {
    /// Merges sources given from lowest to highest precedence.
    pub fn merge(sources: &[&PartialConfig]) -> Config {
        let last = |pick: fn(&PartialConfig) -> Option<bool>| {
            sources.iter().rev().find_map(|s| pick(s)).unwrap_or(false)
        };
        let concat = |pick: fn(&PartialConfig) -> &Vec<String>| {
            sources
                .iter()
                .flat_map(|s| pick(s).iter().cloned())
                .collect::<Vec<_>>()
        };
        Config {
            no_fail: last(|s| s.no_fail),
            no_color: last(|s| s.no_color),
            verbose: last(|s| s.verbose),
            strict_labels: last(|s| s.strict_labels),
            disable_ignore_pragma: last(|s| s.disable_ignore_pragma),
            failure_threshold: sources
                .iter()
                .rev()
                .find_map(|s| s.failure_threshold)
                .unwrap_or(Severity::Info),
            formats: sources
                .iter()
                .flat_map(|s| s.formats.iter().copied())
                .collect(),
            ignored: concat(|s| &s.ignored),
            override_error: concat(|s| &s.override_error),
            override_warning: concat(|s| &s.override_warning),
            override_info: concat(|s| &s.override_info),
            override_style: concat(|s| &s.override_style),
            trusted_registries: concat(|s| &s.trusted_registries),
            label_schema: merge_label_schemas(sources),
            buildkit: false,
            dockerignore: None,
        }
    }

    /// The severity of `code` after overrides (`None` if not overridden).
    /// Overrides apply style, info, warning, then error, so the most
    /// severe list that names a rule wins.
    pub fn overridden_severity(&self, code: &str) -> Option<Severity> {
        [
            (&self.override_error, Severity::Error),
            (&self.override_warning, Severity::Warning),
            (&self.override_info, Severity::Info),
            (&self.override_style, Severity::Style),
        ]
        .into_iter()
        .find(|(list, _)| list.iter().any(|c| c == code))
        .map(|(_, severity)| severity)
    }

    pub fn is_ignored(&self, code: &str) -> bool {
        self.ignored.iter().any(|c| c == code)
    }
}

/// hadolint keeps the label schema in a map: within one source a later
/// entry for a label replaces an earlier one, but across sources the
/// *first* source that names a label wins (the environment over the file
/// over the command line). The result is ordered by label name.
fn merge_label_schemas(sources: &[&PartialConfig]) -> Vec<(String, LabelType)> {
    let mut merged: BTreeMap<String, LabelType> = BTreeMap::new();
    for source in sources {
        let own: BTreeMap<String, LabelType> = source.label_schema.iter().cloned().collect();
        for (label, kind) in own {
            merged.entry(label).or_insert(kind);
        }
    }
    merged.into_iter().collect()
}

/// hadolint's test for a true environment value.
fn truthy(value: &str) -> bool {
    matches!(
        value.to_ascii_lowercase().as_str(),
        "1" | "y" | "on" | "true" | "yes"
    )
}

fn comma_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads the `HADOLINT_*` variables (and `NO_COLOR`) from `lookup`.
/// Invalid values are dropped silently, as hadolint does.
pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> PartialConfig {
    let flag = |name: &str| lookup(name).map(|v| truthy(&v));
    let list = |name: &str| lookup(name).map(|v| comma_list(&v)).unwrap_or_default();
    PartialConfig {
        no_fail: flag("HADOLINT_NOFAIL"),
        no_color: lookup("NO_COLOR").map(|_| true),
        verbose: flag("HADOLINT_VERBOSE"),
        strict_labels: flag("HADOLINT_STRICT_LABELS"),
        disable_ignore_pragma: flag("HADOLINT_DISABLE_IGNORE_PRAGMA"),
        failure_threshold: lookup("HADOLINT_FAILURE_THRESHOLD")
            .and_then(|v| Severity::parse(v.trim())),
        formats: list("HADOLINT_FORMAT")
            .iter()
            .filter_map(|f| Format::parse(f))
            .collect(),
        ignored: list("HADOLINT_IGNORE"),
        override_error: list("HADOLINT_OVERRIDE_ERROR"),
        override_warning: list("HADOLINT_OVERRIDE_WARNING"),
        override_info: list("HADOLINT_OVERRIDE_INFO"),
        override_style: list("HADOLINT_OVERRIDE_STYLE"),
        trusted_registries: list("HADOLINT_TRUSTED_REGISTRIES"),
        label_schema: list("HADOLINT_REQUIRE_LABELS")
            .iter()
            .filter_map(|entry| parse_label_requirement(entry))
            .collect(),
    }
}

/// Parses `name:type` (as `--require-label` takes it); a missing type is `text`.
pub fn parse_label_requirement(entry: &str) -> Option<(String, LabelType)> {
    let (name, kind) = entry.split_once(':').unwrap_or((entry, ""));
    Some((name.to_string(), LabelType::parse(kind)?))
}

/// Why a config file was rejected. hadolint then uses no file settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// What the YAML decoder said, e.g. `expected !!seq instead of !!str`.
    pub detail: String,
}

impl ConfigError {
    /// The text hadolint writes to stderr for a rejected file at `path`:
    /// its help blurb and the decoder's complaint, as a quoted string.
    pub fn message(&self, path: &str) -> String {
        let text = format!(
            "Error parsing your config file in  '{path}':\n\
             It should contain one of the keys 'override', 'ignored'\n\
             or 'trustedRegistries'. For example:\n\n\
             ignored:\n\t- DL3000\n\t- SC1099\n\n\n\
             The key 'override' should contain only lists with names 'error',\n\
             'warning', 'info' or 'style', which each name rules to override the\n\
             severity on. For example:\n\n\
             override:\n\terror:\n\t\t- DL3008\n\n\n\
             The key 'trustedRegistries' should contain the names of the allowed\n\
             docker registries:\n\n\
             trustedRegistries:\n\t- docker.io\n\t- my-company.com\n\n{}\n",
            self.detail
        );
        format!("{}\n", haskell_show(&text))
    }
}

/// A string as Haskell's `show` prints it (how hadolint reports config errors).
fn haskell_show(s: &str) -> String {
    let mut out = String::from("\"");
    let mut previous_numeric_escape = false;
    for c in s.chars() {
        let numeric = !(' '..='~').contains(&c) && !matches!(c, '\n' | '\t' | '\r');
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if numeric => out.push_str(&format!("\\{}", c as u32)),
            c => {
                // A digit right after a numeric escape needs `\&` to stay apart.
                if previous_numeric_escape && c.is_ascii_digit() {
                    out.push_str("\\&");
                }
                out.push(c);
            }
        }
        previous_numeric_escape = numeric;
    }
    out.push('"');
    out
}

/// How the YAML decoder names a node's type in its complaints.
fn describe(node: &Yaml) -> &'static str {
    match node {
        Yaml::String(_) => "!!str",
        Yaml::Integer(_) => "!!int",
        Yaml::Real(_) => "!!float",
        Yaml::Boolean(_) => "!!bool",
        Yaml::Null => "!!null",
        Yaml::Array(_) => "tag:yaml.org,2002:seq tagged sequence",
        Yaml::Hash(_) => "tag:yaml.org,2002:map tagged mapping",
        Yaml::Alias(_) | Yaml::BadValue => "!!str",
    }
}

fn expected(what: &str, node: &Yaml) -> ConfigError {
    ConfigError {
        detail: format!("expected {what} instead of {}", describe(node)),
    }
}

fn string(node: &Yaml) -> Result<String, ConfigError> {
    match node {
        Yaml::String(s) => Ok(s.clone()),
        other => Err(expected("!!str", other)),
    }
}

fn boolean(node: &Yaml) -> Result<bool, ConfigError> {
    match node {
        Yaml::Boolean(b) => Ok(*b),
        other => Err(expected("!!bool", other)),
    }
}

fn strings(node: &Yaml) -> Result<Vec<String>, ConfigError> {
    match node {
        Yaml::Array(items) => items.iter().map(string).collect(),
        other => Err(expected("!!seq", other)),
    }
}

fn severity(node: &Yaml) -> Result<Severity, ConfigError> {
    match node {
        Yaml::String(s) => Severity::parse(s).ok_or_else(|| expected("severity", node)),
        other => Err(expected("severity", other)),
    }
}

fn format(node: &Yaml) -> Result<Format, ConfigError> {
    match node {
        Yaml::String(s) => Format::parse(s).ok_or_else(|| expected("output format", node)),
        other => Err(expected("output format", other)),
    }
}

/// Whether a flow collection (`[`, `{`) or quoted scalar left open at the
/// end of a line goes on with a line indented no deeper than the line it
/// started on (or does not go on at all). HsYAML, which hadolint uses,
/// rejects that with `Unexpected '\n'`; the YAML library here reports other
/// errors, or none.
fn breaks_open_flow(text: &str) -> bool {
    let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let lines: Vec<&str> = text.lines().collect();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut opened_at_indent = 0;
    for (i, line) in lines.iter().enumerate() {
        let was_open = depth > 0 || quote.is_some();
        if was_open && !line.trim().is_empty() && indent(line) <= opened_at_indent {
            return true;
        }
        let mut previous = ' ';
        for c in line.chars() {
            match quote {
                Some(q) => {
                    if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '#' if previous == ' ' || previous == '\t' => break,
                    '[' | '{' => {
                        if depth == 0 {
                            opened_at_indent = indent(line);
                        }
                        depth += 1;
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    '"' | '\'' if matches!(previous, ' ' | '[' | '{' | ',' | ':' | '-') => {
                        if depth == 0 {
                            opened_at_indent = indent(line);
                        }
                        quote = Some(c);
                    }
                    _ => {}
                },
            }
            previous = c;
        }
        let open = depth > 0 || quote.is_some();
        let more = lines[i + 1..].iter().any(|l| !l.trim().is_empty());
        if open && !more {
            return true;
        }
    }
    false
}

/// Parses the contents of a `.hadolint.yaml`. Unknown keys are accepted.
pub fn from_yaml(text: &str) -> Result<PartialConfig, ConfigError> {
    if breaks_open_flow(text) {
        return Err(ConfigError {
            detail: "Unexpected '\n'".into(),
        });
    }
    let docs = YamlLoader::load_from_str(text).map_err(|e| ConfigError {
        detail: e.to_string(),
    })?;
    let Some(root) = docs.first() else {
        return Err(ConfigError {
            detail: "empty YAML stream".into(),
        });
    };
    let Yaml::Hash(map) = root else {
        return Err(expected("Configuration", root));
    };
    let mut config = PartialConfig::default();
    // hadolint lists the `formats` entries first, then `format`.
    let mut single_format = None;
    for (key, value) in map {
        let Yaml::String(key) = key else { continue };
        match key.as_str() {
            "no-fail" => config.no_fail = Some(boolean(value)?),
            "no-color" => config.no_color = Some(boolean(value)?),
            "verbose" => config.verbose = Some(boolean(value)?),
            "strict-labels" => config.strict_labels = Some(boolean(value)?),
            "disable-ignore-pragma" => config.disable_ignore_pragma = Some(boolean(value)?),
            "failure-threshold" => config.failure_threshold = Some(severity(value)?),
            "format" => single_format = Some(format(value)?),
            "formats" => match value {
                Yaml::Array(items) => {
                    for item in items {
                        config.formats.push(format(item)?);
                    }
                }
                other => return Err(expected("!!seq", other)),
            },
            "ignored" => config.ignored = strings(value)?,
            "trustedRegistries" => config.trusted_registries = strings(value)?,
            "override" => {
                let Yaml::Hash(levels) = value else {
                    return Err(expected("OverrideConfig", value));
                };
                for (level, codes) in levels {
                    let Yaml::String(level) = level else { continue };
                    let target = match level.as_str() {
                        "error" => &mut config.override_error,
                        "warning" => &mut config.override_warning,
                        "info" => &mut config.override_info,
                        "style" => &mut config.override_style,
                        _ => continue,
                    };
                    *target = strings(codes)?;
                }
            }
            "label-schema" => {
                let Yaml::Hash(labels) = value else {
                    return Err(expected("!!map", value));
                };
                for (name, kind) in labels {
                    let name = string(name)?;
                    let kind = match kind {
                        Yaml::String(s) => {
                            LabelType::parse(s).ok_or_else(|| expected("labeltype", kind))?
                        }
                        other => return Err(expected("labeltype", other)),
                    };
                    config.label_schema.push((name, kind));
                }
            }
            _ => {}
        }
    }
    config.formats.extend(single_format);
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_error(yaml: &str, detail: &str) {
        assert_eq!(
            from_yaml(yaml),
            Err(ConfigError {
                detail: detail.into()
            }),
            "{yaml}"
        );
    }

    #[test]
    fn reads_every_key() {
        let config = from_yaml(
            "failure-threshold: warning\nformat: json\nignored: [DL3006, SC2086]\n\
             override:\n  error: [DL3008]\n  style: [DL3015]\n\
             trustedRegistries:\n  - docker.io\n  - '*.gcr.io'\n\
             label-schema:\n  author: text\n  version: semver\n\
             strict-labels: true\nno-fail: false\nno-color: true\nunknown: 3\n",
        )
        .unwrap();
        assert_eq!(config.failure_threshold, Some(Severity::Warning));
        assert_eq!(config.formats, vec![Format::Json]);
        assert_eq!(config.ignored, ["DL3006", "SC2086"]);
        assert_eq!(config.override_error, ["DL3008"]);
        assert_eq!(config.override_style, ["DL3015"]);
        assert_eq!(config.trusted_registries, ["docker.io", "*.gcr.io"]);
        assert_eq!(
            config.label_schema,
            [
                ("author".to_string(), LabelType::Text),
                ("version".to_string(), LabelType::Semver)
            ]
        );
        assert_eq!(config.strict_labels, Some(true));
        assert_eq!(config.no_fail, Some(false));
        assert_eq!(config.no_color, Some(true));
    }

    // Each complaint was recorded from hadolint 2.15.1 given the same file.
    #[test]
    fn type_errors_name_what_was_expected() {
        check_error(
            "trustedRegistries: docker.io\n",
            "expected !!seq instead of !!str",
        );
        check_error(
            "failure-threshold: bogus\n",
            "expected severity instead of !!str",
        );
        check_error("no-fail: yes\n", "expected !!bool instead of !!str");
        check_error("no-fail: 1\n", "expected !!bool instead of !!int");
        check_error("format: bogus\n", "expected output format instead of !!str");
        check_error("ignored: DL3006\n", "expected !!seq instead of !!str");
        check_error(
            "override: [a]\n",
            "expected OverrideConfig instead of tag:yaml.org,2002:seq tagged sequence",
        );
        check_error(
            "override:\n  error: DL3006\n",
            "expected !!seq instead of !!str",
        );
        check_error(
            "label-schema:\n  a: bogus\n",
            "expected labeltype instead of !!str",
        );
        check_error(
            "label-schema: [a]\n",
            "expected !!map instead of tag:yaml.org,2002:seq tagged sequence",
        );
        check_error("ignored: [DL3006, 12]\n", "expected !!str instead of !!int");
        check_error(
            "failure-threshold: [a]\n",
            "expected severity instead of tag:yaml.org,2002:seq tagged sequence",
        );
        check_error("formats: gnu\n", "expected !!seq instead of !!str");
        check_error("just text\n", "expected Configuration instead of !!str");
        check_error("", "empty YAML stream");
        check_error(
            "ignored: [DL3006\noverride:\n  - error\n",
            "Unexpected '\n'",
        );
        check_error("ignored: [DL3006,\nDL3008]\n", "Unexpected '\n'");
        check_error("a:\n  b: [x\n  c: 1\n", "Unexpected '\n'");
        check_error("ignored: {a: 1\n", "Unexpected '\n'");
        check_error("ignored: \"abc\n", "Unexpected '\n'");
        check_error("a: [b, c\n]\n", "Unexpected '\n'");
        assert!(from_yaml("ignored: [DL3006\n  , DL3008]\n").is_ok());
        assert!(from_yaml("a:\n  b: [x\n   , y]\n").is_ok());
        assert!(from_yaml("ignored: [DL3006] # don't\n").is_ok());
    }

    #[test]
    fn formats_come_before_format() {
        let config = from_yaml("format: gnu\nformats: [json]\n").unwrap();
        assert_eq!(config.formats, [Format::Json, Format::Gnu]);
    }

    #[test]
    fn unknown_keys_and_levels_are_accepted() {
        assert_eq!(from_yaml("foo: bar\n"), Ok(PartialConfig::default()));
        assert_eq!(
            from_yaml("override:\n  bogus: [DL3006]\n"),
            Ok(PartialConfig::default())
        );
    }

    #[test]
    fn error_message_is_printed_as_a_quoted_string() {
        let error = ConfigError {
            detail: "expected !!seq instead of !!str".into(),
        };
        let message = error.message("c1.yaml");
        assert!(message.starts_with("\"Error parsing your config file in  'c1.yaml':\\nIt should"));
        assert!(message.ends_with("\\n\\nexpected !!seq instead of !!str\\n\"\n"));
        assert!(message.contains("ignored:\\n\\t- DL3000\\n\\t- SC1099\\n\\n\\n"));
    }

    #[test]
    fn environment_follows_hadolint() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            from_env(move |name| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            })
        };
        let config = env(&[
            ("HADOLINT_NOFAIL", "Yes"),
            ("HADOLINT_FORMAT", "json,bogus,gnu"),
            ("HADOLINT_IGNORE", "DL3006, DL3008"),
            ("HADOLINT_FAILURE_THRESHOLD", "nonsense"),
            (
                "HADOLINT_REQUIRE_LABELS",
                "maintainer:text,version:semver,x:bogus",
            ),
            ("NO_COLOR", ""),
        ]);
        assert_eq!(config.no_fail, Some(true));
        assert_eq!(config.no_color, Some(true));
        assert_eq!(config.formats, [Format::Json, Format::Gnu]);
        assert_eq!(config.ignored, ["DL3006", "DL3008"]);
        assert_eq!(config.failure_threshold, None);
        assert_eq!(config.label_schema.len(), 2);
        assert_eq!(env(&[("HADOLINT_NOFAIL", "0")]).no_fail, Some(false));
    }

    #[test]
    fn later_sources_win_and_lists_concatenate() {
        let env = PartialConfig {
            no_fail: Some(true),
            ignored: vec!["DL3006".into()],
            formats: vec![Format::Sarif],
            ..Default::default()
        };
        let file = PartialConfig {
            no_fail: Some(false),
            ignored: vec!["DL3003".into()],
            formats: vec![Format::Gnu],
            failure_threshold: Some(Severity::Error),
            ..Default::default()
        };
        let cli = PartialConfig {
            ignored: vec!["DL3025".into()],
            ..Default::default()
        };
        let merged = Config::merge(&[&env, &file, &cli]);
        assert!(!merged.no_fail);
        assert_eq!(merged.ignored, ["DL3006", "DL3003", "DL3025"]);
        assert_eq!(merged.formats, [Format::Sarif, Format::Gnu]);
        assert_eq!(merged.failure_threshold, Severity::Error);
        assert_eq!(Config::default().failure_threshold, Severity::Info);
    }

    #[test]
    fn most_severe_override_wins() {
        let config = Config {
            override_style: vec!["DL3008".into()],
            override_error: vec!["DL3008".into()],
            ..Config::default()
        };
        assert_eq!(config.overridden_severity("DL3008"), Some(Severity::Error));
        assert_eq!(config.overridden_severity("DL3009"), None);
    }
}
