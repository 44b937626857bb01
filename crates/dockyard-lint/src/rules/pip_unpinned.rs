//! DL3013: `pip install` of a package without a version.

use crate::shell::Command;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `pip install` (any `pip*` but `pipenv`, or `python -m pip`)
    /// of a package given without a version specifier (`==`, `>=`, `~=`,
    /// ...). Wheels, `.tar.gz` archives, paths and VCS URLs with `@ref`
    /// are fine, and installs from a requirements file (`-r`), of `.`, or
    /// under a constraints file (`-c`) are not checked.
    ///
    /// ## Why is this bad?
    /// Without a version, each build installs the newest release, so two
    /// builds of the same Dockerfile can differ and a new release can
    /// break the image without any change to it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12
    /// RUN pip install --no-cache-dir flask
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12
    /// RUN pip install --no-cache-dir flask==3.0.3
    /// ```
    pub struct PipUnpinned {}
    code: "DL3013",
    severity: Warning,
    message: "Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`",
}

/// pip options whose value is the next word.
const VALUE_FLAGS: &[&str] = &[
    "abi",
    "b",
    "build",
    "e",
    "editable",
    "extra-index-url",
    "f",
    "find-links",
    "i",
    "index-url",
    "implementation",
    "no-binary",
    "only-binary",
    "platform",
    "prefix",
    "progress-bar",
    "proxy",
    "python",
    "python-version",
    "root",
    "root-user-action",
    "src",
    "t",
    "target",
    "trusted-host",
    "upgrade-strategy",
];

/// The VCS schemes pip knows (`git+https`, `hg+ssh`, ...).
const VCS_SCHEMES: &[&str] = &[
    "git+file",
    "git+https",
    "git+ssh",
    "git+http",
    "git+git",
    "git",
    "hg+file",
    "hg+http",
    "hg+https",
    "hg+ssh",
    "hg+static-http",
    "svn",
    "svn+svn",
    "svn+http",
    "svn+https",
    "svn+ssh",
    "bzr+http",
    "bzr+https",
    "bzr+ssh",
    "bzr+sftp",
    "bzr+ftp",
    "bzr+lp",
];

/// The packages: the words after the first `install`.
fn packages(cmd: &Command) -> Vec<String> {
    cmd.drop_flag_args(VALUE_FLAGS)
        .args_no_flags()
        .into_iter()
        .skip_while(|a| *a != "install")
        .skip_while(|a| *a == "install")
        .map(str::to_string)
        .collect()
}

fn version_fixed(package: &str) -> bool {
    let vcs = VCS_SCHEMES.iter().any(|s| package.starts_with(s));
    ["==", ">=", "<=", ">", "<", "!=", "~=", "==="]
        .iter()
        .any(|s| package.contains(s))
        || (vcs && package.contains('@'))
        || package.ends_with(".whl")
        || package.ends_with(".tar.gz")
        || (!vcs && package.contains('/'))
}

fn forgets_to_pin(cmd: &Command) -> bool {
    let from_file = cmd.has_arg("--requirement") || cmd.has_arg("-r") || cmd.has_arg(".");
    let constrained = cmd.has_flag("constraint") || cmd.has_flag("c");
    cmd.is_pip_install()
        && !from_file
        && !constrained
        && !packages(cmd).iter().all(|p| version_fixed(p))
}

impl Rule for PipUnpinned {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if item.run().is_some_and(|s| s.any_command(forgets_to_pin)) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3013", "FROM a:1\nRUN pip install flask\n", &[2]);
        catches(
            "DL3013",
            "FROM a:1\nRUN pip3 install flask==1 requests\n",
            &[2],
        );
        catches(
            "DL3013",
            "FROM a:1\nRUN python3 -m pip install flask\n",
            &[2],
        );
        catches(
            "DL3013",
            "FROM a:1\nRUN pip install git+https://github.com/x/y\n",
            &[2],
        );
        catches("DL3013", "FROM a:1\nONBUILD RUN pip install flask\n", &[2]);
        passes(
            "DL3013",
            "FROM a:1\nRUN pip install flask==1 'b>=2' c~=3 d!=4\n",
        );
        passes("DL3013", "FROM a:1\nRUN pip install -r requirements.txt\n");
        passes("DL3013", "FROM a:1\nRUN pip install --requirement r.txt\n");
        passes("DL3013", "FROM a:1\nRUN pip install .\n");
        passes("DL3013", "FROM a:1\nRUN pip install -c c.txt flask\n");
        passes("DL3013", "FROM a:1\nRUN pip install x.whl y.tar.gz ./dir\n");
        passes(
            "DL3013",
            "FROM a:1\nRUN pip install git+https://github.com/x/y@v1\n",
        );
        passes(
            "DL3013",
            "FROM a:1\nRUN pip install -i https://pypi.org/simple flask==1\n",
        );
        passes("DL3013", "FROM a:1\nRUN pipenv install flask\n");
        passes("DL3013", "FROM a:1\nRUN pip install --upgrade pip==24.0\n");
    }
}
