//! DL3026: an image from a registry outside the configured trusted list.

use std::collections::HashSet;

use dockyard_dockerfile::{Args, Instruction, Keyword};

use crate::config::Config;

use super::language_docker::{copy_from, image_from_text, image_name};
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// When trusted registries are configured (`trustedRegistries`,
    /// `--trusted-registry`), flags a `FROM`, a `COPY --from` or a
    /// `RUN --mount=...,from=` whose image comes from another registry.
    /// An image without a registry comes from `docker.io`; earlier stage
    /// names and `scratch` are always allowed. A trusted entry may start or
    /// end with `*` to match a suffix or prefix.
    ///
    /// ## Why is this bad?
    /// Images run code in your build and your containers. An organisation
    /// that vets its base images wants a mistyped or unexpected registry
    /// caught before anything is pulled from it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM quay.io/example/app:1.0
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ```
    pub struct UntrustedRegistry {
        trusted: Vec<String>,
        /// Stage names so far (`None` for a stage without one).
        stages: HashSet<Option<String>>,
    }
    code: "DL3026",
    severity: Error,
    message: "Use only an allowed registry in the FROM image",
    example_config: "trustedRegistries: [docker.io]",
}

impl UntrustedRegistry {
    pub fn new(config: &Config) -> UntrustedRegistry {
        UntrustedRegistry {
            trusted: config.trusted_registries.clone(),
            stages: HashSet::new(),
        }
    }

    fn registry_trusted(&self, registry: &str) -> bool {
        self.trusted.iter().any(|allow| {
            if allow == "*" {
                true
            } else if let Some(suffix) = allow.strip_prefix('*') {
                registry.ends_with(suffix)
            } else if let Some(prefix) = allow.strip_suffix('*') {
                registry.starts_with(prefix)
            } else {
                registry == allow
            }
        })
    }

    fn allowed(&self, registry: Option<&str>, name: &str) -> bool {
        self.stages.contains(&Some(name.to_string()))
            || self.trusted.is_empty()
            || match registry {
                Some(registry) => self.registry_trusted(registry),
                None => {
                    name == "scratch"
                        || self.registry_trusted("docker.io")
                        || self.registry_trusted("hub.docker.com")
                }
            }
    }

    /// Whether every `--mount` of a `RUN` with a `from=` image is allowed
    /// (bind and cache mounts; others name no image).
    fn mounts_allowed(&self, inst: &Instruction) -> bool {
        inst.flags
            .iter()
            .filter_map(|f| f.mount.as_ref())
            .filter(|m| matches!(m.mount_type(), "bind" | "cache"))
            .all(|m| {
                let (registry, name) = image_from_text(m.get("from").unwrap_or("scratch"));
                self.allowed(registry, &name)
            })
    }
}

impl Rule for UntrustedRegistry {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(inst) = item.instruction() else {
            return;
        };
        let ok = match &inst.args {
            Args::From(from) => {
                let ok = match &from.image {
                    Some(image) => {
                        let (registry, name) = image_name(&image.raw);
                        self.allowed(registry, name)
                    }
                    None => true,
                };
                self.stages
                    .insert(from.alias.as_ref().map(|a| a.text.clone()));
                ok
            }
            Args::Copy(_) => match copy_from(inst) {
                Some(source) => {
                    let (registry, name) = image_from_text(source);
                    self.allowed(registry, &name)
                }
                None => true,
            },
            _ if inst.keyword == Keyword::Run => self.mounts_allowed(inst),
            _ => true,
        };
        if !ok {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::rules::testing::lines_with;

    fn trusting(registries: &[&str]) -> Config {
        Config {
            trusted_registries: registries.iter().map(|r| r.to_string()).collect(),
            ..Config::default()
        }
    }

    fn catches(trusted: &[&str], dockerfile: &str, expected: &[u32]) {
        assert_eq!(
            lines_with("DL3026", dockerfile, &trusting(trusted)),
            expected,
            "{dockerfile}"
        );
    }

    #[test]
    fn spec() {
        catches(&["docker.io"], "FROM quay.io/a/b:1\n", &[1]);
        catches(&["quay.io"], "FROM debian:12\n", &[1]);
        catches(
            &["docker.io"],
            "FROM a:1\nCOPY --from=gcr.io/x/y /a /b\n",
            &[2],
        );
        catches(
            &["docker.io"],
            "FROM a:1\nRUN --mount=type=cache,target=/c,from=gcr.io/x/y make\n",
            &[2],
        );
        catches(&["*.example.com"], "FROM example.com/a:1\n", &[1]);
        // A stage name matches an image of that name from any registry.
        catches(
            &["docker.io"],
            "FROM a:1 AS b\nFROM quay.io/b:1\nFROM quay.io/c:1\n",
            &[3],
        );
        catches(&["docker.io"], "FROM library/foo.bar/x:1\n", &[1]);
        catches(&["quay.io"], "FROM a:1 AS b\nFROM b\n", &[1]);
        catches(
            &["docker.io"],
            "FROM debian:12\nFROM scratch\nFROM hub.docker.com/a:1\n",
            &[3],
        );
        catches(
            &["docker.io"],
            "FROM a:1\nCOPY --from=builder /a /b\nRUN --mount=type=bind,target=/x x\n",
            &[],
        );
        catches(&["*.example.com"], "FROM r.example.com/a:1\n", &[]);
        catches(&["quay*"], "FROM quay.io/a:1\n", &[]);
        catches(&["*"], "FROM quay.io/a:1\n", &[]);
        catches(&[], "FROM quay.io/a:1\n", &[]);
        catches(&["quay.io"], "FROM scratch\n", &[]);
    }
}
