//! DL3064: an `ARG` or `ENV` whose name suggests a secret.

use dockyard_dockerfile::Args;

use super::language_docker::{arg_name, pairs};
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an `ARG` or `ENV` whose name is a well-known secret (such as
    /// `GITHUB_TOKEN` or `AWS_SECRET_ACCESS_KEY`) or contains `api_key`,
    /// `client_key`, `password`, `private`, `secret`, `token` or
    /// `username` (case ignored).
    ///
    /// ## Why is this bad?
    /// Build arguments and environment variables end up in the image's
    /// history and configuration, readable by anyone who can pull it. Pass
    /// secrets with `RUN --mount=type=secret` instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22
    /// ARG NPM_TOKEN
    /// RUN npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22
    /// RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    /// ```
    pub struct SensitiveBuildVariable {}
    code: "DL3064",
    severity: Warning,
    message: "Potentially sensitive data should not be used in the `ARG` or `ENV` commands",
}

/// Names hadolint knows to hold secrets (compared upper-cased).
const KNOWN_SENSITIVE: [&str; 48] = [
    "ACCESS_TOKEN",
    "APPLICATION_KEY",
    "APP_SECRET",
    "AUTH_TOKEN",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "BITTREX_API_KEY",
    "BITTREX_API_SECRET",
    "CF_PASSWORD",
    "CF_USERNAME",
    "CIRCLE_TOKEN",
    "CI_DEPLOY_PASSWORD",
    "CI_DEPLOY_USER",
    "DOCKERHUB_PASSWORD",
    "DOCKER_EMAIL",
    "DOCKER_PASSWORD",
    "DOCKER_USERNAME",
    "FACEBOOK_ACCESS_TOKEN",
    "FACEBOOK_APP_ID",
    "FACEBOOK_APP_SECRET",
    "FIREBASE_API_TOKEN",
    "FIREBASE_TOKEN",
    "FOSSA_API_KEY",
    "GH_ENTERPRISE_TOKEN",
    "GH_TOKEN",
    "GITHUB_ENTERPRISE_TOKEN",
    "GITHUB_TOKEN",
    "HEROKU_API_KEY",
    "HEROKU_API_USER",
    "NPM_AUTH_TOKEN",
    "NPM_TOKEN",
    "OKTA_AUTHN_GROUPID",
    "OKTA_CLIENT_ORGURL",
    "OKTA_CLIENT_TOKEN",
    "OKTA_OAUTH2_CLIENTID",
    "OKTA_OAUTH2_CLIENTSECRET",
    "OPENAI_API_KEY",
    "OS_PASSWORD",
    "OS_USERNAME",
    "POSTGRES_PASSWORD",
    "SLACK_TOKEN",
    "STRIPE_API_KEY",
    "STRIPE_DEVICE_NAME",
    "TRAVIS_OS_NAME",
    "TRAVIS_SECURE_ENV_VARS",
    "TRAVIS_SUDO",
    "VAULT_CLIENT_KEY",
    "VAULT_TOKEN",
];

/// Fragments that make any name suspicious (compared lower-cased).
const SUSPICIOUS_FRAGMENTS: [&str; 7] = [
    "api_key",
    "client_key",
    "password",
    "private",
    "secret",
    "token",
    "username",
];

fn is_sensitive(name: &str) -> bool {
    let lower = name.to_lowercase();
    KNOWN_SENSITIVE.contains(&name.to_uppercase().as_str())
        || SUSPICIOUS_FRAGMENTS.iter().any(|f| lower.contains(f))
}

impl Rule for SensitiveBuildVariable {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(inst) = item.instruction() else {
            return;
        };
        let sensitive = match &inst.args {
            Args::Arg(_) => arg_name(inst).is_some_and(is_sensitive),
            Args::Env(env) => pairs(inst, env).iter().any(|(key, _)| is_sensitive(key)),
            _ => false,
        };
        if sensitive {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3064", "FROM a:1\nARG github_token\n", &[2]);
        catches("DL3064", "FROM a:1\nARG DB_PASSWORD=x\n", &[2]);
        catches("DL3064", "FROM a:1\nENV A=1 MY_SECRET_FILE=/x\n", &[2]);
        catches("DL3064", "FROM a:1\nENV TRAVIS_SUDO true\n", &[2]);
        catches("DL3064", "FROM a:1\nONBUILD ARG API_KEY\n", &[2]);
        passes("DL3064", "FROM a:1\nARG VERSION=1\nENV PATH=/x\n");
        passes("DL3064", "FROM a:1\nARG VERSION PASSWORD\n");
        passes("DL3064", "FROM a:1\nENV A=password\n");
        passes("DL3064", "FROM a:1\nENV A=1\\\n  TOKEN=x\n");
    }
}
