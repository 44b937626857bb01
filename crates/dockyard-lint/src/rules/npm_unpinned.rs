//! DL3016: `npm install` of a package without a version.

use crate::shell::Command;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `npm install <package>` where a package has no `@version`
    /// (after its `@scope/`), a git URL has no `#ref`. Tarballs and local
    /// paths are fine, and a bare `npm install` (from `package.json`) is
    /// not checked. `install` must be the first word after the options.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs the newest release, so two
    /// builds of the same Dockerfile can differ and a new release can
    /// break the image without any change to it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20
    /// RUN npm install express
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20
    /// RUN npm install express@4.19.2
    /// ```
    pub struct NpmUnpinned {}
    code: "DL3016",
    severity: Warning,
    message: "Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`",
}

/// The packages of `npm install`, if `install` is its first word.
fn packages(cmd: &Command) -> Option<Vec<String>> {
    if !cmd.has_args("npm", &["install"]) {
        return None;
    }
    let args = cmd.drop_flag_args(&["loglevel", "registry"]);
    let args = args.args_no_flags();
    if args.first() != Some(&"install") {
        return None;
    }
    Some(
        args.into_iter()
            .skip_while(|a| *a == "install")
            .map(str::to_string)
            .collect(),
    )
}

fn version_fixed(package: &str) -> bool {
    let git = ["git://", "git+ssh://", "git+http://", "git+https://"];
    if git.iter().any(|p| package.starts_with(p)) {
        package.contains('#')
    } else if [".tar", ".tar.gz", ".tgz"]
        .iter()
        .any(|s| package.ends_with(s))
        || ["/", "./", "../", "~/"]
            .iter()
            .any(|p| package.starts_with(p))
    {
        true
    } else {
        // hadolint skips a scope by dropping the leading characters that
        // sort after `/` (so `@my-scope/x` keeps `-scope/x`).
        let name = if package.starts_with('@') {
            package.trim_start_matches(|c: char| c > '/')
        } else {
            package
        };
        name.contains('@')
    }
}

impl Rule for NpmUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        if shell
            .commands
            .iter()
            .filter_map(packages)
            .any(|packages| !packages.iter().all(|p| version_fixed(p)))
        {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3016", "FROM a:1\nRUN npm install express\n", &[2]);
        catches(
            "DL3016",
            "FROM a:1\nRUN npm install -g @angular/cli\n",
            &[2],
        );
        catches(
            "DL3016",
            "FROM a:1\nRUN npm install git+https://github.com/a/b\n",
            &[2],
        );
        catches("DL3016", "FROM a:1\nRUN npm install @my-scope/x\n", &[2]);
        catches(
            "DL3016",
            "FROM a:1\nRUN npm install --loglevel info express\n",
            &[2],
        );
        catches(
            "DL3016",
            "FROM a:1\nONBUILD RUN npm install express\n",
            &[2],
        );
        passes("DL3016", "FROM a:1\nRUN npm install\n");
        passes(
            "DL3016",
            "FROM a:1\nRUN npm install express@4 @types/node@20\n",
        );
        passes(
            "DL3016",
            "FROM a:1\nRUN npm install git+https://github.com/a/b#v1\n",
        );
        passes("DL3016", "FROM a:1\nRUN npm install ./pkg x.tgz ~/y\n");
        passes("DL3016", "FROM a:1\nRUN npm ci\n");
        // `install` must come first.
        passes("DL3016", "FROM a:1\nRUN npm run install x\n");
    }
}
