//! Redirections: opening files, duplicating and closing descriptors, here-documents,
//! with dash's messages (`cannot open x: No such file`, `cannot create x: Directory nonexistent`).

use dockyard_shell::{RedirOp, Redirect, RedirectTarget};
use dockyard_vfs::FsError;

use super::{Flow, SavedFds, Shell};
use crate::io::{Fd, InBuf, FD_COUNT};

/// dash's wording for a failed `open` (it has its own short texts for two errnos).
fn open_error(error: FsError, creating: bool) -> String {
    match error {
        FsError::NotFound | FsError::NotADirectory if creating => "Directory nonexistent".into(),
        FsError::NotFound | FsError::NotADirectory => "No such file".into(),
        other => other.to_string(),
    }
}

fn is_dev_null(path: &str) -> bool {
    dockyard_vfs::resolve("/", path) == "/dev/null"
}

impl Shell {
    /// Applies `redirects` in order. `Ok(Err(status))`: one failed (message printed,
    /// the ones before undone); the command must not run.
    pub(crate) fn apply_redirects(
        &mut self,
        redirects: &[Redirect],
    ) -> Result<Result<SavedFds, i32>, Flow> {
        let mut saved: SavedFds = Vec::new();
        for redirect in redirects {
            let fd = redirect.effective_fd() as usize;
            match self.open_redirect(redirect) {
                Ok(Ok(new)) => {
                    if fd < FD_COUNT {
                        saved.push((fd, self.st.fds[fd].clone()));
                        self.st.fds[fd] = new;
                    }
                }
                Ok(Err(message)) => {
                    self.restore_fds(saved);
                    self.shell_error(&message);
                    return Ok(Err(2));
                }
                Err(flow) => {
                    self.restore_fds(saved);
                    return Err(flow);
                }
            }
        }
        Ok(Ok(saved))
    }

    fn open_redirect(&mut self, redirect: &Redirect) -> Result<Result<Option<Fd>, String>, Flow> {
        let word = match &redirect.target {
            RedirectTarget::HereDoc(doc) => {
                let text = if doc.quoted {
                    let mut s = String::new();
                    for part in &doc.body {
                        if let dockyard_shell::WordPartKind::Literal(t) = &part.kind {
                            s.push_str(t);
                        } else if let dockyard_shell::WordPartKind::Escaped(c) = &part.kind {
                            s.push('\\');
                            s.push(*c);
                        }
                    }
                    s
                } else {
                    self.expand_here_doc(&doc.body)?
                };
                return Ok(Ok(Some(Fd::Input(InBuf::shared(text.into_bytes())))));
            }
            RedirectTarget::Word(word) => self.expand_to_string(word)?,
        };
        let path = dockyard_vfs::join(&self.st.cwd, &word);
        let opened = match redirect.op {
            RedirOp::Input => {
                if is_dev_null(&path) {
                    return Ok(Ok(Some(Fd::Input(InBuf::shared(Vec::new())))));
                }
                match self.vfs.read(&path) {
                    Ok(data) => Some(Fd::Input(InBuf::shared(data))),
                    Err(FsError::IsADirectory) => Some(Fd::Input(InBuf::shared(Vec::new()))),
                    Err(e) => {
                        return Ok(Err(format!("cannot open {word}: {}", open_error(e, false))))
                    }
                }
            }
            RedirOp::ReadWrite => {
                if is_dev_null(&path) {
                    return Ok(Ok(Some(Fd::Input(InBuf::shared(Vec::new())))));
                }
                let data = match self.vfs.read(&path) {
                    Ok(data) => data,
                    Err(FsError::NotFound) => match self.vfs.append(&path, b"") {
                        Ok(()) => Vec::new(),
                        Err(e) => {
                            return Ok(Err(format!(
                                "cannot create {word}: {}",
                                open_error(e, true)
                            )))
                        }
                    },
                    Err(e) => {
                        return Ok(Err(format!("cannot open {word}: {}", open_error(e, false))))
                    }
                };
                Some(Fd::Input(InBuf::shared(data)))
            }
            RedirOp::Output | RedirOp::Clobber | RedirOp::Append => {
                if is_dev_null(&path) {
                    return Ok(Ok(Some(Fd::Null)));
                }
                if redirect.op == RedirOp::Output && self.st.opts.noclobber {
                    if let Ok(meta) = self.vfs.stat(&path) {
                        if meta.is_file() {
                            return Ok(Err(format!("cannot create {word}: File exists")));
                        }
                    }
                }
                let result = if redirect.op == RedirOp::Append {
                    self.vfs.append(&path, b"")
                } else {
                    self.vfs.write(&path, b"")
                };
                match result {
                    Ok(()) => Some(Fd::File(path)),
                    Err(e) => {
                        return Ok(Err(format!(
                            "cannot create {word}: {}",
                            open_error(e, true)
                        )))
                    }
                }
            }
            RedirOp::DupOutput | RedirOp::DupInput => {
                if word == "-" {
                    None
                } else {
                    match word.parse::<usize>() {
                        Ok(n) if n < FD_COUNT => match self.st.fds[n].clone() {
                            Some(fd) => Some(fd),
                            None => return Ok(Err(format!("{n}: Bad file descriptor"))),
                        },
                        _ => return Ok(Err("Syntax error: Bad fd number".to_string())),
                    }
                }
            }
            RedirOp::HereDoc
            | RedirOp::HereDocStripTabs
            | RedirOp::HereString
            | RedirOp::OutputAndError
            | RedirOp::AppendOutputAndError => {
                let data = format!("{word}\n");
                Some(Fd::Input(InBuf::shared(data.into_bytes())))
            }
        };
        Ok(Ok(opened))
    }
}
