//! Shared by DL3033 (yum) and DL3041 (dnf): hadolint's guess whether an
//! RPM package name carries a version, and the `ENV`/`ARG` names a
//! `${VAR}` in it may come from.

use std::collections::{BTreeMap, BTreeSet};

use dockyard_dockerfile::Args;

use super::util::image_name;
use super::Item;

/// The variables defined so far: `ENV` names per stage (a stage built
/// `FROM` an earlier stage's alias starts with that stage's names) and
/// `ARG` names from anywhere before. Empty until the first `FROM`, `ENV`
/// or `ARG`, as in hadolint.
#[derive(Default)]
pub struct DefinedVars {
    scopes: Option<Scopes>,
}

struct Scopes {
    stage: usize,
    /// Stage index -> its alias (`""` when it has none).
    aliases: BTreeMap<usize, String>,
    envs: BTreeMap<usize, BTreeSet<String>>,
    args: BTreeSet<String>,
}

impl Scopes {
    /// The state hadolint starts from when an `ENV` or `ARG` comes first.
    fn before_from() -> Scopes {
        Scopes {
            stage: 0,
            aliases: BTreeMap::from([(0, String::new())]),
            envs: BTreeMap::from([(0, BTreeSet::new())]),
            args: BTreeSet::new(),
        }
    }
}

impl DefinedVars {
    /// Takes note of `FROM`, `ENV` and `ARG`.
    pub fn observe(&mut self, item: &Item<'_>) {
        match item.args() {
            Some(Args::Env(env)) => {
                let scopes = self.scopes.get_or_insert_with(Scopes::before_from);
                let names = env.pairs.iter().map(|p| p.key.clone());
                if let Some(envs) = scopes.envs.get_mut(&scopes.stage) {
                    envs.extend(names);
                }
            }
            Some(Args::Arg(decls)) => {
                // hadolint reads only the first name of an `ARG`.
                if let Some(decl) = decls.first() {
                    let scopes = self.scopes.get_or_insert_with(Scopes::before_from);
                    scopes.args.insert(decl.name.clone());
                }
            }
            Some(Args::From(from)) => {
                let alias = from
                    .alias
                    .as_ref()
                    .map(|a| a.text.clone())
                    .unwrap_or_default();
                match &mut self.scopes {
                    None => {
                        self.scopes = Some(Scopes {
                            stage: 1,
                            aliases: BTreeMap::from([(1, alias)]),
                            envs: BTreeMap::from([(1, BTreeSet::new())]),
                            args: BTreeSet::new(),
                        });
                    }
                    Some(scopes) => {
                        let image = from.image.as_ref().map_or("", |i| image_name(&i.raw));
                        let stage = scopes.stage + 1;
                        let inherited = scopes
                            .aliases
                            .iter()
                            .find(|(_, a)| a.as_str() == image)
                            .and_then(|(parent, _)| scopes.envs.get(parent))
                            .cloned()
                            .unwrap_or_default();
                        scopes.stage = stage;
                        scopes.aliases.insert(stage, alias);
                        scopes.envs.insert(stage, inherited);
                    }
                }
            }
            _ => {}
        }
    }

    /// Whether `text` mentions `${NAME}` for an `ENV` of this stage or any `ARG`.
    fn mentions_defined(&self, text: &str) -> bool {
        let Some(scopes) = &self.scopes else {
            return false;
        };
        let mentioned = |name: &String| text.contains(&format!("${{{name}}}"));
        scopes
            .envs
            .get(&scopes.stage)
            .is_some_and(|envs| envs.iter().any(mentioned))
            || scopes.args.iter().any(mentioned)
    }

    /// hadolint's guess that `package` names a version: `name-<version>`
    /// where every part after the first `-` is made of letters, digits and
    /// `.~^_:+` and one of them starts with a digit; an `.rpm` file; or a
    /// name with a `-` built from a defined variable.
    pub fn version_fixed(&self, package: &str) -> bool {
        let parts: Vec<&str> = package.split('-').collect();
        if parts.len() <= 1 {
            false
        } else if package.ends_with(".rpm") {
            true
        } else if package.contains('$') {
            self.mentions_defined(package)
        } else {
            version_like(&parts[1..])
        }
    }
}

fn version_like(parts: &[&str]) -> bool {
    let valid = |c: char| c.is_ascii_alphanumeric() || ".~^_:+".contains(c);
    parts.iter().all(|p| p.chars().all(valid))
        && parts
            .iter()
            .any(|p| p.starts_with(|c: char| c.is_ascii_digit()))
}

/// A module stream is pinned with `module:stream`.
pub fn module_version_fixed(module: &str) -> bool {
    module.contains(':')
}
