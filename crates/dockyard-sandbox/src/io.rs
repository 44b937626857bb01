//! File descriptors as the interpreter sees them: where each of fds 0–9 writes or reads,
//! and the terminal's output buffers (stdout, stderr, and both interleaved in write order).

use std::cell::RefCell;
use std::rc::Rc;

/// Which terminal stream an output descriptor reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stream {
    Stdout,
    Stderr,
}

/// Bytes being read, shared by every descriptor duplicated from the same open (so a
/// `while read` loop consumes one line per iteration from one position).
#[derive(Debug, Default)]
pub(crate) struct InBuf {
    pub data: Vec<u8>,
    pub pos: usize,
}

impl InBuf {
    pub fn shared(data: Vec<u8>) -> Rc<RefCell<InBuf>> {
        Rc::new(RefCell::new(InBuf { data, pos: 0 }))
    }
}

/// What one file descriptor is connected to.
#[derive(Clone, Debug)]
pub(crate) enum Fd {
    /// The session's terminal.
    Term(Stream),
    /// `/dev/null`.
    Null,
    /// A file opened for writing: every write appends at its end (the open truncated it).
    File(String),
    /// A pipe or command substitution: an in-memory buffer (index into the capture stack).
    Capture(usize),
    /// Something open for reading.
    Input(Rc<RefCell<InBuf>>),
}

/// Number of descriptors a script can name (`0>` to `9>`).
pub(crate) const FD_COUNT: usize = 10;

/// The default table: empty stdin, stdout and stderr on the terminal.
pub(crate) fn default_fds(stdin: Vec<u8>) -> Vec<Option<Fd>> {
    let mut fds = vec![None; FD_COUNT];
    fds[0] = Some(Fd::Input(InBuf::shared(stdin)));
    fds[1] = Some(Fd::Term(Stream::Stdout));
    fds[2] = Some(Fd::Term(Stream::Stderr));
    fds
}

/// What the terminal showed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Terminal {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub merged: Vec<u8>,
}

impl Terminal {
    pub fn write(&mut self, stream: Stream, bytes: &[u8]) {
        match stream {
            Stream::Stdout => self.stdout.extend_from_slice(bytes),
            Stream::Stderr => self.stderr.extend_from_slice(bytes),
        }
        self.merged.extend_from_slice(bytes);
    }
}
