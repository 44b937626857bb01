//! Tab completion for the terminal: the word under the cursor completed
//! against command names (for the first word) or the session's files.

use dockyard_vfs::join;

use crate::session::Session;

/// The shell's own words, offered with the programs for a first word.
const BUILTINS: &[&str] = &[
    "cd", "echo", "exit", "export", "printf", "pwd", "read", "set", "test", "type", "unset",
];

/// What Tab may put in place of the last word of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// Byte offset where the word being completed starts.
    pub start: usize,
    /// Each a whole replacement of that word (directories end in `/`),
    /// sorted, without duplicates.
    pub candidates: Vec<String>,
}

impl Session {
    /// Completions for the last word of `line`.
    pub fn complete(&self, line: &str) -> Completion {
        Completion {
            start: word_start(line),
            candidates: self.completions(line),
        }
    }

    /// The candidates of [`Session::complete`].
    pub fn completions(&self, line: &str) -> Vec<String> {
        let start = word_start(line);
        let word = &line[start..];
        let first_word = starts_a_command(line[..start].trim_end());
        let mut found: Vec<String> = if first_word && !word.contains('/') {
            self.registry()
                .names()
                .chain(BUILTINS.iter().copied())
                .filter(|name| name.starts_with(word))
                .map(str::to_string)
                .collect()
        } else {
            self.path_completions(word)
        };
        found.sort();
        found.dedup();
        found
    }

    fn path_completions(&self, word: &str) -> Vec<String> {
        let (dir_part, prefix) = match word.rfind('/') {
            Some(i) => (&word[..=i], &word[i + 1..]),
            None => ("", word),
        };
        let dir = join(self.cwd(), if dir_part.is_empty() { "." } else { dir_part });
        let Ok(entries) = self.vfs().read_dir(&dir) else {
            return Vec::new();
        };
        entries
            .into_iter()
            .filter(|e| {
                e.name.starts_with(prefix) && (prefix.starts_with('.') || !e.name.starts_with('.'))
            })
            .map(|e| {
                let path = join(&dir, &e.name);
                let slash = if self.vfs().is_dir(&path) { "/" } else { "" };
                format!("{dir_part}{}{slash}", e.name)
            })
            .collect()
    }
}

/// Where the last word of `line` starts.
fn word_start(line: &str) -> usize {
    line.rfind(|c: char| c.is_whitespace() || matches!(c, ';' | '|' | '&' | '(' | '<' | '>'))
        .map_or(0, |i| i + 1)
}

/// Whether what precedes a word makes it a command name.
fn starts_a_command(before: &str) -> bool {
    before.is_empty() || before.ends_with([';', '|', '&', '('])
}

/// The longest prefix all `candidates` share: what Tab can fill in at once.
pub fn common_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else {
        return String::new();
    };
    let mut end = first.len();
    for other in &candidates[1..] {
        end = first
            .char_indices()
            .zip(other.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(end);
    }
    first[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::common_prefix;
    use crate::{Session, SessionConfig};

    fn check(setup: &str, line: &str, expected: &[&str]) {
        let mut session = Session::new(SessionConfig::default());
        session.run(setup);
        assert_eq!(session.completions(line), expected, "{line:?}");
    }

    #[test]
    fn commands_then_paths() {
        check("", "hado", &["hadolint"]);
        check("", "wh", &["which", "whoami"]);
        check("", "ls; ca", &["cat"]);
        check(
            "mkdir src; touch Dockerfile Makefile",
            "cat D",
            &["Dockerfile"],
        );
        check(
            "mkdir src; touch Dockerfile Makefile",
            "ls ",
            &["Dockerfile", "Makefile", "src/"],
        );
        check(
            "mkdir -p src/app; touch src/app/main.py",
            "cat src/app/m",
            &["src/app/main.py"],
        );
        check("touch .hidden visible", "ls ", &["visible"]);
        check("touch .hidden visible", "ls .h", &[".hidden"]);
        check("", "cat nothing", &[]);
        check("mkdir -p a/b", "cd a/", &["a/b/"]);
    }

    #[test]
    fn longest_common_prefix() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(common_prefix(&v(&["which", "whoami"])), "wh");
        assert_eq!(common_prefix(&v(&["Dockerfile"])), "Dockerfile");
        assert_eq!(common_prefix(&v(&[])), "");
        assert_eq!(common_prefix(&v(&["é1", "é2"])), "é");
    }
}
