//! DL3020: `ADD` of plain local files.

use dockyard_dockerfile::Args;

use super::util::drop_quotes;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an `ADD` with a source that is neither an archive (by its
    /// extension) nor an `http://` or `https://` URL.
    ///
    /// ## Why is this bad?
    /// `ADD` does more than copy: it unpacks archives and downloads URLs.
    /// For plain files and folders, `COPY` says exactly what happens and
    /// cannot surprise anyone later.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// ADD app.py /srv/
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM python:3.12-slim
    /// COPY app.py /srv/
    /// ```
    pub struct AddForLocalFiles {}
    code: "DL3020",
    severity: Error,
    message: "Use COPY instead of ADD for files and folders",
}

/// The extensions hadolint treats as archives.
const ARCHIVE_EXTENSIONS: [&str; 15] = [
    ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz",
    ".tpz", ".txz", ".xz",
];

fn is_archive_or_url(source: &str) -> bool {
    let source = drop_quotes(source);
    ARCHIVE_EXTENSIONS.iter().any(|ext| source.ends_with(ext))
        || source.starts_with("https://")
        || source.starts_with("http://")
}

impl Rule for AddForLocalFiles {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::Add(add)) = item.args() {
            if !add.sources.iter().all(|s| is_archive_or_url(&s.text)) {
                out.fail(item.line());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3020", "FROM a:1\nADD foo.txt /x/\n", &[2]);
        catches("DL3020", "FROM a:1\nADD a.tar.gz dir /x/\n", &[2]);
        catches("DL3020", "FROM a:1\nADD [\"a b\", \"/x/\"]\n", &[2]);
        passes("DL3020", "FROM a:1\nADD a.tar.gz \"b.tgz\" /x/\n");
        passes("DL3020", "FROM a:1\nADD https://example.com/f /x\n");
        passes("DL3020", "FROM a:1\nONBUILD ADD foo /x\n");
    }
}
