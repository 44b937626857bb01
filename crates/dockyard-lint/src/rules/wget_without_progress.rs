//! DL3047: `wget` printing its default progress bar.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags `wget` without `--progress`, and without an option that
    /// quiets or redirects its output: `-q`/`--quiet`, `-nv`/`--no-verbose`,
    /// `-o`/`--output-file` or `-a`/`--append-output`.
    ///
    /// ## Why is this bad?
    /// In a build, wget's output is not a terminal, so it falls back to a
    /// progress display that prints a line for every few kilobytes; a large
    /// download floods the build log with thousands of lines.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN wget https://example.com/tool.tar.gz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN wget --progress=dot:giga https://example.com/tool.tar.gz
    /// ```
    pub struct WgetWithoutProgress {}
    code: "DL3047",
    severity: Info,
    message: "Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).",
}

impl Rule for WgetWithoutProgress {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        let Some(shell) = item.run() else { return };
        let quiet_flags = [
            "q",
            "quiet",
            "o",
            "output-file",
            "a",
            "append-output",
            "no-verbose",
        ];
        if shell.any_command(|c| {
            c.name == "wget"
                && !c.has_flag("progress")
                && !c.has_any_flag(&quiet_flags)
                && !c.has_arg("-nv")
        }) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3047", "FROM a:1\nRUN wget http://x/y\n", &[2]);
        catches("DL3047", "FROM a:1\nRUN wget -O /tmp/y http://x/y\n", &[2]);
        catches("DL3047", "FROM a:1\nONBUILD RUN wget http://x/y\n", &[2]);
        // `RUN <<EOF cmd`: hadolint reads the line's rest, then the body.
        catches(
            "DL3047",
            "FROM a:1\nRUN <<EOF bash\nwget http://x/y\nEOF\n",
            &[2],
        );
        catches(
            "DL3047",
            "FROM a:1\nRUN <<EOF > /x\nwget http://x/y\nEOF\n",
            &[2],
        );
        passes(
            "DL3047",
            "FROM a:1\nRUN cat <<EOF > /x\nwget http://x/y\nEOF\n",
        );
        passes(
            "DL3047",
            "FROM a:1\nRUN wget --progress=dot:giga http://x/y\n",
        );
        passes("DL3047", "FROM a:1\nRUN wget -q http://x/y\n");
        passes("DL3047", "FROM a:1\nRUN wget -nv http://x/y\n");
        passes("DL3047", "FROM a:1\nRUN wget --no-verbose http://x/y\n");
        passes("DL3047", "FROM a:1\nRUN wget -o log http://x/y\n");
        passes(
            "DL3047",
            "FROM a:1\nRUN wget --append-output=log http://x/y\n",
        );
        passes("DL3047", "FROM a:1\nRUN curl http://x/y\n");
    }
}
