//! Whole hadolint runs against the recorded `config/` cases: arguments,
//! environment, configuration files, stdin and the filesystem as hadolint
//! saw them, through [`runner::run`] with the real linter; stdout, stderr,
//! exit status and `-o` files must match byte for byte.
//!
//! Cases whose expected output has findings of rules not implemented yet
//! (or ShellCheck's) are compared without those findings, and listed.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use dockyard_lint::rules::registry;
use dockyard_lint::runner::{self, Host, ReadError};
use dockyard_lint::Timestamp;

use crate::fixtures::{read, root};

/// Where `record.sh` ran each case (its working directory).
const RUN_ROOT: &str = "/tmp/dockyard-lint-fixtures-run";

/// What the recording left in a case directory besides its inputs.
const OUTPUTS: &[&str] = &["stdout", "stderr", "exit", "created"];

/// The recorded world of one case: its directory stands for the run
/// directory, and nothing else exists but the (empty) default home.
struct CaseHost {
    case_dir: PathBuf,
    run_dir: String,
    env: BTreeMap<String, String>,
}

impl CaseHost {
    fn new(name: &str, case_dir: &Path) -> CaseHost {
        let run_dir = format!("{RUN_ROOT}/config/{name}");
        let mut env: BTreeMap<String, String> = [
            ("PATH", "/usr/bin:/bin".to_string()),
            ("LANG", "C.UTF-8".to_string()),
            ("HOME", format!("{RUN_ROOT}/home")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        if let Ok(text) = std::fs::read_to_string(case_dir.join("env")) {
            for line in text.lines().filter(|l| !l.is_empty()) {
                let line = line.replace("@CASEDIR@", &run_dir);
                let (key, value) = line.split_once('=').expect("VAR=value");
                env.insert(key.to_string(), value.to_string());
            }
        }
        CaseHost {
            case_dir: case_dir.to_path_buf(),
            run_dir,
            env,
        }
    }

    /// The case file standing for `path` as the run saw it, if any.
    fn local(&self, path: &str) -> Option<PathBuf> {
        let absolute = if path.starts_with('/') {
            path.to_string()
        } else {
            format!("{}/{path}", self.run_dir)
        };
        // Resolve `.` and `..` as the kernel would.
        let mut parts: Vec<&str> = Vec::new();
        for part in absolute.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let normal = format!("/{}", parts.join("/"));
        let inside = normal
            .strip_prefix(&self.run_dir)
            .filter(|rest| rest.is_empty() || rest.starts_with('/'))?;
        let inside = inside.trim_start_matches('/');
        let top = inside.split('/').next().unwrap_or("");
        if OUTPUTS.contains(&top) {
            return None;
        }
        Some(self.case_dir.join(inside))
    }
}

impl Host for CaseHost {
    fn read_file(&self, path: &str) -> Result<String, ReadError> {
        let default_home = format!("{RUN_ROOT}/home");
        if path.trim_end_matches('/') == default_home {
            return Err(ReadError::IsDirectory);
        }
        let local = self.local(path).ok_or(ReadError::NotFound)?;
        if local.is_dir() {
            return Err(ReadError::IsDirectory);
        }
        std::fs::read_to_string(local).map_err(|_| ReadError::NotFound)
    }

    fn read_stdin(&self) -> String {
        std::fs::read_to_string(self.case_dir.join("stdin")).unwrap_or_default()
    }

    fn env(&self, name: &str) -> Option<String> {
        self.env.get(name).cloned()
    }

    fn cwd(&self) -> String {
        self.run_dir.clone()
    }

    /// The recording blanks junit's wall-clock time to all zeros.
    fn now(&self) -> Timestamp {
        Timestamp::default()
    }
}

/// Rule codes (`DLxxxx`, `SCxxxx`) named in `text`, in order.
fn codes_in(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(5)).filter_map(move |i| {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let prefix = &bytes[i..i + 2];
        let code = boundary
            && (prefix == b"DL" || prefix == b"SC")
            && bytes[i + 2..i + 6].iter().all(u8::is_ascii_digit)
            && !bytes.get(i + 6).is_some_and(u8::is_ascii_alphanumeric);
        code.then(|| &text[i..i + 6])
    })
}

/// Codes named in `text` that no implemented rule has.
fn foreign_codes(text: &str, implemented: &BTreeSet<&str>) -> BTreeSet<String> {
    codes_in(text)
        .filter(|code| *code != "DL1000" && !implemented.contains(code))
        .map(str::to_string)
        .collect()
}

/// The byte ranges of the findings in an output of any format: the
/// innermost JSON objects naming a rule, XML `<error/>` and `<testcase>`
/// elements, and text lines naming a rule.
fn finding_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => open.push(i),
            '}' => {
                let Some(start) = open.pop() else { continue };
                let holds_finding = spans.last().is_some_and(|s| s.start > start);
                let object = &text[start..=i];
                let names_rule = [
                    "\"code\":",
                    "\"check_name\":",
                    "\"ruleId\":",
                    "\"patternId\":",
                ]
                .iter()
                .any(|key| object.contains(key));
                if names_rule && !holds_finding {
                    spans.push(start..i + 1);
                }
            }
            _ => {}
        }
    }
    for (opening, closing) in [("<error ", "/>"), ("<testcase ", "</testcase>")] {
        let mut from = 0;
        while let Some(at) = text[from..].find(opening) {
            let start = from + at;
            let end = text[start..]
                .find(closing)
                .map_or(text.len(), |e| start + e + closing.len());
            spans.push(start..end);
            from = end;
        }
    }
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let plain = !line.starts_with(['[', '{', '<']);
        if plain && codes_in(line).next().is_some() && !spans.iter().any(|s| s.contains(&at)) {
            spans.push(at..at + line.len());
        }
        at += line.len();
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// A piece of an output: a finding, or the text between findings.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Piece<'a> {
    Finding(&'a str),
    Text(String),
}

/// The output as pieces, without the findings of `codes`. The findings
/// between two texts are sorted: which of several findings on one line
/// comes first depends on the missing ones (hadolint sorts unstably).
/// Separators between findings (`,`, NUL, new lines) are dropped, and
/// junit's failure count, which counts the missing findings, is blanked.
fn without_findings<'a>(text: &'a str, codes: &BTreeSet<String>) -> Vec<Piece<'a>> {
    if codes.is_empty() {
        return vec![Piece::Text(text.to_string())];
    }
    let text_piece = |between: &str| {
        let mut between = between.to_string();
        if let Some(i) = between.find(" failures=\"") {
            let value = i + " failures=\"".len();
            let end = between[value..]
                .find('"')
                .map_or(between.len(), |e| value + e);
            between.replace_range(value..end, "?");
        }
        Piece::Text(between)
    };
    let mut pieces = Vec::new();
    let mut findings: Vec<Piece<'a>> = Vec::new();
    let mut at = 0;
    for span in finding_spans(text) {
        let between = &text[at..span.start];
        if !between
            .chars()
            .all(|c| matches!(c, ',' | '\0' | '\n' | ' '))
        {
            findings.sort();
            pieces.append(&mut findings);
            pieces.push(text_piece(between));
        }
        let finding = &text[span.clone()];
        if !codes_in(finding)
            .next()
            .is_some_and(|code| codes.contains(code))
        {
            findings.push(Piece::Finding(finding));
        }
        at = span.end;
    }
    findings.sort();
    pieces.append(&mut findings);
    pieces.push(text_piece(&text[at..]));
    // Texts that met where findings were dropped are one text.
    let mut merged: Vec<Piece<'a>> = Vec::new();
    for piece in pieces {
        match (merged.last_mut(), piece) {
            (Some(Piece::Text(last)), Piece::Text(next)) => last.push_str(&next),
            (_, piece) => merged.push(piece),
        }
    }
    merged
}

/// Where two texts part, with some context.
fn first_difference(expected: &str, actual: &str) -> String {
    let at = expected
        .chars()
        .zip(actual.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let excerpt = |s: &str| {
        let text: String = s.chars().skip(at.saturating_sub(80)).take(240).collect();
        format!("{text:?}")
    };
    format!(
        "(from character {}):\n    hadolint: {}\n    dockyard: {}",
        at.saturating_sub(80),
        excerpt(expected),
        excerpt(actual)
    )
}

#[test]
fn whole_runs_agree_with_hadolint() {
    let implemented: BTreeSet<&str> = registry().iter().map(|e| e.meta.code).collect();
    let dir = root().join("config");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let e = e.ok()?;
            e.path()
                .is_dir()
                .then(|| e.file_name().into_string().ok())?
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 124, "config cases");

    let mut failures = Vec::new();
    let mut partial = Vec::new();
    for name in &names {
        let case_dir = dir.join(name);
        let args: Vec<String> = read(&case_dir.join("args"))
            .lines()
            .map(str::to_string)
            .collect();
        let host = CaseHost::new(name, &case_dir);
        let out = runner::run(&args, &host, dockyard_lint::lint::lint);

        let expected_stdout = read(&case_dir.join("stdout"));
        let expected_stderr = read(&case_dir.join("stderr"));
        let expected_exit: i32 = read(&case_dir.join("exit")).trim().parse().unwrap();
        let mut expected_files: BTreeMap<String, String> = BTreeMap::new();
        if let Ok(entries) = std::fs::read_dir(case_dir.join("created")) {
            for entry in entries {
                let path = entry.unwrap().path();
                let file = path.file_name().unwrap().to_string_lossy().to_string();
                expected_files.insert(file, read(&path));
            }
        }

        let mut foreign = foreign_codes(&expected_stdout, &implemented);
        for text in expected_files.values() {
            foreign.extend(foreign_codes(text, &implemented));
        }
        let mut problems = Vec::new();
        let compare = |what: &str, expected: &str, actual: &str| {
            let same = without_findings(expected, &foreign) == without_findings(actual, &foreign);
            (!same).then(|| format!("  {what} {}", first_difference(expected, actual)))
        };
        problems.extend(compare("stdout", &expected_stdout, &out.stdout));
        problems.extend(compare("stderr", &expected_stderr, &out.stderr));
        let actual_files: BTreeMap<String, String> = out
            .files
            .iter()
            .map(|(path, text)| {
                let file = path.rsplit('/').next().unwrap_or(path).to_string();
                (file, text.clone())
            })
            .collect();
        if expected_files.keys().ne(actual_files.keys()) {
            problems.push(format!(
                "  files written: hadolint {:?}, dockyard {:?}",
                expected_files.keys().collect::<Vec<_>>(),
                actual_files.keys().collect::<Vec<_>>()
            ));
        }
        for (file, expected) in &expected_files {
            let actual = actual_files.get(file).map(String::as_str).unwrap_or("");
            problems.extend(compare(&format!("file {file}"), expected, actual));
        }
        // Missing findings can only turn success into failure.
        let exit_explained = !foreign.is_empty() && expected_exit == 1 && out.status == 0;
        if out.status != expected_exit && !exit_explained {
            problems.push(format!(
                "  exit: hadolint {expected_exit}, dockyard {}",
                out.status
            ));
        }
        if !foreign.is_empty() {
            partial.push(format!(
                "{name} (without findings of {}{})",
                foreign.into_iter().collect::<Vec<_>>().join(", "),
                if exit_explained {
                    "; they alone make hadolint exit 1"
                } else {
                    ""
                }
            ));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}:\n{}", problems.join("\n")));
        }
    }
    eprintln!(
        "config cases: {} compared fully, {} without findings of rules not implemented yet:\n  {}",
        names.len() - partial.len(),
        partial.len(),
        partial.join("\n  ")
    );
    assert!(
        failures.is_empty(),
        "{} of {} config cases differ from hadolint:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
