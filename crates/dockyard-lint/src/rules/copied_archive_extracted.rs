//! DL3010: an archive `COPY`ed in and then extracted by a `RUN`.

use std::collections::BTreeSet;

use dockyard_dockerfile::Args;

use crate::shell::Command;

use super::util::drop_quotes;
use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `COPY` (not `--from` another stage) of an archive that a
    /// later `RUN` of the stage extracts with `tar -x` or a decompressor
    /// such as `unzip`, `gunzip` or `unxz`. Archives are matched by file
    /// name. Only the last stage is reported.
    ///
    /// ## Why is this bad?
    /// The copied archive stays in its own layer even after the `RUN`
    /// extracts and deletes it, so the image carries the same content
    /// twice. `ADD` extracts a local tar archive while copying it, in one
    /// layer.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// COPY app.tar.gz /tmp/
    /// RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// ADD app.tar.gz /opt/
    /// ```
    pub struct CopiedArchiveExtracted {
        /// `None` at the start of each stage: hadolint forgets everything,
        /// findings included, at each `FROM`.
        stage: Option<Archives>,
    }
    code: "DL3010",
    severity: Info,
    message: "Use `ADD` for extracting archives into an image",
}

#[derive(Default)]
struct Archives {
    /// `(COPY line, archive file name)`.
    copied: BTreeSet<(u32, String)>,
    extracted: BTreeSet<(u32, String)>,
}

const ARCHIVE_EXTENSIONS: &[&str] = &[
    ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz",
    ".tpz", ".txz", ".xz",
];

fn is_archive(path: &str) -> bool {
    let path = drop_quotes(path);
    ARCHIVE_EXTENSIONS.iter().any(|e| path.ends_with(e))
}

/// The file name: what follows the last `/` or `\`.
fn basename(path: &str) -> &str {
    let path = drop_quotes(path);
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn extracts(cmd: &Command) -> bool {
    let tar_extract = cmd.name == "tar"
        && cmd
            .args()
            .any(|a| a == "--extract" || a == "--get" || (a.starts_with('-') && a.contains('x')));
    let decompressor = [
        "unzip",
        "gunzip",
        "bunzip2",
        "unlzma",
        "unxz",
        "zgz",
        "uncompress",
        "zcat",
        "gzcat",
    ]
    .contains(&cmd.name.as_str());
    tar_extract || decompressor
}

impl Rule for CopiedArchiveExtracted {
    fn check(&mut self, item: &Item<'_>, _out: &mut Out) {
        let Some(inst) = item.instruction() else {
            return;
        };
        match &inst.args {
            Args::From(_) => self.stage = None,
            Args::Copy(copy) if inst.flag("from").is_none() => {
                let archives = self.stage.get_or_insert_with(Archives::default);
                let dest = copy.dest.as_ref().map_or("", |d| d.text.as_str());
                let names: Vec<&str> = if is_archive(dest) {
                    vec![basename(dest)]
                } else {
                    copy.sources
                        .iter()
                        .map(|s| basename(&s.text))
                        .filter(|b| is_archive(b))
                        .collect()
                };
                for name in names {
                    archives.copied.insert((item.line(), name.to_string()));
                }
            }
            _ => {}
        }
        let (Some(shell), Some(archives)) = (item.run(), self.stage.as_mut()) else {
            return;
        };
        for archive in &archives.copied {
            let extracted = shell.any_command(|c| {
                extracts(c)
                    && c.args_no_flags()
                        .into_iter()
                        .any(|a| basename(a) == archive.1)
            });
            if extracted {
                archives.extracted.insert(archive.clone());
            }
        }
    }

    fn finish(&mut self, out: &mut Out) {
        if let Some(archives) = self.stage.take() {
            let lines: BTreeSet<u32> = archives.extracted.iter().map(|(l, _)| *l).collect();
            for line in lines {
                out.fail(line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches(
            "DL3010",
            "FROM a:1\nCOPY x.tar.gz /tmp/\nRUN tar -xzf /tmp/x.tar.gz\n",
            &[2],
        );
        catches(
            "DL3010",
            "FROM a:1\nCOPY x.zip y.gz /t/\nRUN gunzip /t/y.gz\n",
            &[2],
        );
        catches(
            "DL3010",
            "FROM a:1\nCOPY src /t/x.tar\nRUN tar --extract -f x.tar\n",
            &[2],
        );
        // Any dash-word with an `x` makes tar extract.
        catches(
            "DL3010",
            "FROM a:1\nCOPY x.tar /t/\nRUN tar -c --exclude=a x.tar\n",
            &[2],
        );
        // Only the last stage is reported.
        catches(
            "DL3010",
            "FROM a:1\nCOPY a.tar /t/\nRUN tar -xf a.tar\nFROM b:1\nCOPY b.tar /t/\nRUN tar -xf b.tar\n",
            &[5],
        );
        passes(
            "DL3010",
            "FROM a:1\nCOPY a.tar /t/\nRUN tar -xf a.tar\nFROM b:1\nRUN echo\n",
        );
        passes("DL3010", "FROM a:1\nCOPY x.tar.gz /tmp/\n");
        passes(
            "DL3010",
            "FROM a:1\nCOPY x.tar.gz /tmp/\nRUN tar -tf x.tar.gz\n",
        );
        passes(
            "DL3010",
            "FROM a:1\nCOPY --from=b x.tar.gz /t/\nRUN tar -xf x.tar.gz\n",
        );
        passes("DL3010", "FROM a:1\nRUN tar -xf x.tar\nCOPY x.tar /t/\n");
        passes(
            "DL3010",
            "FROM a:1\nCOPY x.tar.gz /tmp/\nONBUILD RUN tar -xf x.tar.gz\n",
        );
    }
}
