//! The `check` configuration as BuildKit reads it: from the `# check=`
//! directive at the top of the file (or the `BUILDKIT_DOCKERFILE_CHECK`
//! build argument), and merged with a `# check=` comment right above an
//! instruction for the checks that instruction triggers.

use super::CheckMeta;

/// Which checks run and how they are reported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckConfig {
    pub skip_all: bool,
    pub skip: Vec<String>,
    pub experimental_all: bool,
    pub experimental: Vec<String>,
    /// `error=true`: violations fail the build (reported as errors).
    pub error: bool,
}

/// Go's `strconv.ParseBool`.
fn parse_bool(value: &str) -> Option<bool> {
    match value {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

fn list(value: &str) -> Vec<String> {
    value.split(',').map(|r| r.trim().to_string()).collect()
}

impl CheckConfig {
    /// Parses `skip=A,B;error=true;experimental=all`. BuildKit splits on
    /// `;` into at most three options (a fourth stays glued to the third)
    /// and refuses unknown keys and bad booleans: `Err` with its message.
    pub fn parse(text: &str) -> Result<CheckConfig, String> {
        let text = text.trim();
        let mut config = CheckConfig::default();
        if text.is_empty() {
            return Ok(config);
        }
        for option in text.splitn(3, ';') {
            let Some((key, value)) = option.split_once('=') else {
                return Err(format!("invalid check option {option:?}"));
            };
            let value = value.trim();
            match key.trim() {
                "skip" if value == "all" => config.skip_all = true,
                "skip" => config.skip = list(value),
                "experimental" if value == "all" => config.experimental_all = true,
                "experimental" => config.experimental = list(value),
                "error" => match parse_bool(value) {
                    Some(b) => config.error = b,
                    None => return Err(format!("failed to parse check option {option:?}")),
                },
                other => return Err(format!("invalid check option {other:?}")),
            }
        }
        Ok(config)
    }

    /// This configuration with another's skips and experiments added
    /// (`error` is the file's alone).
    pub fn merged(&self, other: &CheckConfig) -> CheckConfig {
        let mut merged = self.clone();
        merged.skip_all |= other.skip_all;
        merged.experimental_all |= other.experimental_all;
        merged.skip.extend(other.skip.iter().cloned());
        merged
            .experimental
            .extend(other.experimental.iter().cloned());
        merged
    }

    /// The configuration for an instruction whose preceding comments are
    /// `comments` (`#` and surrounding blanks removed): the first comment
    /// that reads as a `check=` directive is merged in; one that does not
    /// parse leaves the configuration as it is.
    pub fn with_comments(&self, comments: &[String]) -> CheckConfig {
        for comment in comments {
            let Some((key, value)) = directive(comment) else {
                continue;
            };
            if key != "check" {
                continue;
            }
            let first = value.split(' ').next().unwrap_or("");
            return match CheckConfig::parse(first) {
                Ok(other) => self.merged(&other),
                Err(_) => self.clone(),
            };
        }
        self.clone()
    }

    /// Whether `check` is reported: experimental checks only when named by
    /// `experimental` (whatever `skip` says), others unless skipped.
    pub fn runs(&self, check: &CheckMeta) -> bool {
        let named = |list: &[String]| list.iter().any(|n| n == check.name);
        if check.experimental {
            self.experimental_all || named(&self.experimental)
        } else {
            !(self.skip_all || named(&self.skip))
        }
    }
}

/// `key=value` as BuildKit's directive parser reads a line (here without
/// the comment marker): a key of letters and digits starting with a
/// letter, lower-cased; the value trimmed and not empty.
pub(super) fn directive(line: &str) -> Option<(String, &str)> {
    let line = line.trim_start();
    let key_len = line
        .char_indices()
        .take_while(|&(i, c)| {
            if i == 0 {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_alphanumeric()
            }
        })
        .count();
    if key_len == 0 {
        return None;
    }
    let (key, rest) = line.split_at(key_len);
    let value = rest.trim_start().strip_prefix('=')?.trim();
    if value.is_empty() {
        return None;
    }
    let key = key.to_ascii_lowercase();
    matches!(key.as_str(), "syntax" | "escape" | "check").then_some((key, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(name: &'static str, experimental: bool) -> CheckMeta {
        CheckMeta {
            name,
            experimental,
            doc: "",
        }
    }

    #[test]
    fn options_combine() {
        let c = CheckConfig::parse("skip=A, B;error=true;experimental=C").unwrap();
        assert_eq!(c.skip, ["A", "B"]);
        assert!(c.error);
        assert_eq!(c.experimental, ["C"]);
        assert!(CheckConfig::parse("skip=all").unwrap().skip_all);
        assert!(
            CheckConfig::parse("experimental=all")
                .unwrap()
                .experimental_all
        );
        assert_eq!(CheckConfig::parse("  ").unwrap(), CheckConfig::default());
    }

    #[test]
    fn bad_options_are_refused() {
        assert!(CheckConfig::parse("skip").is_err());
        assert!(CheckConfig::parse("error=maybe").is_err());
        assert!(CheckConfig::parse("warn=true").is_err());
        // A fourth option stays glued to the third one's value.
        let c = CheckConfig::parse("error=false;skip=A;experimental=B;skip=C").unwrap();
        assert_eq!(c.skip, ["A"]);
        assert_eq!(c.experimental, ["B;skip=C"]);
    }

    #[test]
    fn skip_never_hides_an_enabled_experiment() {
        let c = CheckConfig::parse("skip=all;experimental=X").unwrap();
        assert!(c.runs(&meta("X", true)));
        assert!(!c.runs(&meta("Y", true)));
        assert!(!c.runs(&meta("Z", false)));
        let c = CheckConfig::parse("skip=Z").unwrap();
        assert!(!c.runs(&meta("Z", false)));
        assert!(c.runs(&meta("W", false)));
    }

    #[test]
    fn a_comment_above_an_instruction_adds_skips() {
        let file = CheckConfig::parse("error=true").unwrap();
        let c = file.with_comments(&["just words".into(), "check=skip=A extra".into()]);
        assert_eq!(c.skip, ["A"]);
        assert!(c.error);
        let c = file.with_comments(&["check=bogus".into()]);
        assert_eq!(c, file);
    }
}
