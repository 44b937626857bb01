//! DL3044: an `ENV` that uses a variable it defines itself.

use std::collections::HashSet;

use dockyard_dockerfile::Args;

use super::language_docker::{arg_name, pairs};
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an `ENV` where one pair's value refers (`$NAME` or `${NAME}`)
    /// to a variable defined by another pair of the same `ENV`, unless an
    /// earlier `ENV` or `ARG` already defined it.
    ///
    /// ## Why is this bad?
    /// All values of one `ENV` are expanded before any of its variables is
    /// set, so the reference sees the old value (usually nothing), not the
    /// one defined next to it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// ENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ENV APP_HOME=/srv/app
    /// ENV APP_BIN=$APP_HOME/bin
    /// ```
    pub struct EnvSelfReference {
        defined: HashSet<String>,
    }
    code: "DL3044",
    severity: Error,
    message: "Do not refer to an environment variable within the same `ENV` statement where it is defined.",
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `text` refers to `name` as `${name}`, or as `$name` not followed
/// by a character that would extend the name.
fn refers_to(text: &str, name: &str) -> bool {
    if text.contains(&format!("${{{name}}}")) {
        return true;
    }
    let bare = format!("${name}");
    text.split(bare.as_str())
        .skip(1)
        .any(|after| !after.starts_with(is_name_char))
}

impl Rule for EnvSelfReference {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(inst) = item.instruction() else {
            return;
        };
        match &inst.args {
            Args::Env(env) => {
                let pairs = pairs(inst, env);
                let referenced_here = pairs.iter().enumerate().any(|(i, (key, _))| {
                    !self.defined.contains(key)
                        && pairs
                            .iter()
                            .enumerate()
                            .any(|(j, (_, value))| i != j && refers_to(value, key))
                });
                self.defined.extend(pairs.into_iter().map(|(key, _)| key));
                if referenced_here {
                    out.fail(item.line());
                }
            }
            Args::Arg(_) => {
                if let Some(name) = arg_name(inst) {
                    self.defined.insert(name.to_string());
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3044", "FROM a:1\nENV A=1 B=$A\n", &[2]);
        catches("DL3044", "FROM a:1\nENV A=1 B=${A}/x\n", &[2]);
        catches("DL3044", "FROM a:1\nENV B=$A A=1\n", &[2]);
        catches("DL3044", "FROM a:1\nENV A=1 B=$A_$AB$A\n", &[2]);
        passes("DL3044", "FROM a:1\nENV A=1\nENV B=$A\n");
        passes("DL3044", "FROM a:1\nENV A=1\nENV A=2 B=$A\n");
        passes("DL3044", "ARG A\nFROM a:1\nENV A=1 B=$A\n");
        passes("DL3044", "FROM a:1\nENV A=1 B=$AB\n");
        passes("DL3044", "FROM a:1\nENV A=$A:/x\n");
        passes("DL3044", "FROM a:1\nONBUILD ENV A=1 B=$A\n");
        // A value running into a line continuation takes in the next pair.
        passes("DL3044", "FROM a:1\nENV A=1\\\n  B=$A\n");
        catches("DL3044", "FROM a:1\nENV A=1 B=2\\\n  C=$A\n", &[2]);
    }
}
