//! SecretsUsedInArgOrEnv: an `ARG` or `ENV` named like a secret.

use super::golang::quote;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags an `ENV` key, or an `ARG` name inside a stage, that has a
    /// `_`-separated word (any case) among `apikey`, `auth`, `credential`,
    /// `credentials`, `key`, `password`, `pword`, `passwd`, `secret`,
    /// `token`, unless another word is `public`, `file` or `version`.
    /// This is BuildKit's heuristic; hadolint's DL3064 uses a fixed list
    /// of names instead. `ARG`s before the first `FROM` are not checked,
    /// as in BuildKit.
    ///
    /// ## Why is this bad?
    /// Build arguments and environment variables end up in the image's
    /// metadata and history, readable by anyone with the image. Secrets
    /// belong in `RUN --mount=type=secret`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// ARG GITHUB_TOKEN
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN ./fetch.sh
    /// ```
    name: "SecretsUsedInArgOrEnv",
    experimental: false,
}

const DENY: [&str; 10] = [
    "apikey",
    "auth",
    "credential",
    "credentials",
    "key",
    "password",
    "pword",
    "passwd",
    "secret",
    "token",
];

const ALLOW: [&str; 3] = ["public", "file", "version"];

fn has_word(key: &str, words: &[&str]) -> bool {
    key.split('_')
        .any(|part| words.iter().any(|w| part.eq_ignore_ascii_case(w)))
}

/// `instruction` is `ARG` or `ENV`.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    instruction: &str,
    key: &str,
) {
    if has_word(key, &DENY) && !has_word(key, &ALLOW) {
        let message = format!(
            "Do not use ARG or ENV instructions for sensitive data ({instruction} {})",
            quote(key)
        );
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "SecretsUsedInArgOrEnv",
            "FROM a\nARG api_key\nENV DB_PASSWORD=x AUTH=y\narg SecretMessage_TOKEN\n",
            &[
                (2, "Do not use ARG or ENV instructions for sensitive data (ARG \"api_key\")"),
                (3, "Do not use ARG or ENV instructions for sensitive data (ENV \"DB_PASSWORD\")"),
                (3, "Do not use ARG or ENV instructions for sensitive data (ENV \"AUTH\")"),
                (4, "Do not use ARG or ENV instructions for sensitive data (ARG \"SecretMessage_TOKEN\")"),
            ],
        );
        passes(
            "SecretsUsedInArgOrEnv",
            "FROM a\nARG PUBLIC_KEY\nENV DB_PASSWORD_FILE=/run/secrets/db KEYBOARD=us TOKENS=1\nARG TOKEN_VERSION\n",
        );
        // Global ARGs are not checked.
        passes("SecretsUsedInArgOrEnv", "ARG PASSWORD\nFROM a\n");
    }
}
