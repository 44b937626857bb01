//! DL4001: both `curl` and `wget` in one stage.

use dockyard_dockerfile::Keyword;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags, within a stage, the `RUN` that uses `curl` once `wget` was
    /// used (or the other way round), and every later `RUN` of the stage
    /// that uses either.
    ///
    /// ## Why is this bad?
    /// Both tools do the same job. Installing and maintaining two of them
    /// makes the image bigger and gives twice the attack surface.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLO https://example.com/a.tar.gz
    /// RUN wget -q https://example.com/b.tar.gz
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN curl -fsSLO https://example.com/a.tar.gz
    /// RUN curl -fsSLO https://example.com/b.tar.gz
    /// ```
    pub struct CurlAndWget {
        curl: bool,
        wget: bool,
    }
    code: "DL4001",
    severity: Warning,
    message: "Either use Wget or Curl but not both",
}

impl Rule for CurlAndWget {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if item.is(Keyword::From) {
            *self = CurlAndWget::default();
            return;
        }
        let Some(shell) = item.run() else { return };
        let curl = shell.using_program("curl");
        let wget = shell.using_program("wget");
        self.curl |= curl;
        self.wget |= wget;
        if (curl || wget) && self.curl && self.wget {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches(
            "DL4001",
            "FROM a:1\nRUN curl x\nRUN wget y\nRUN ls\nRUN curl z\n",
            &[3, 5],
        );
        catches("DL4001", "FROM a:1\nRUN curl x && wget y\n", &[2]);
        catches(
            "DL4001",
            "FROM a:1\nONBUILD RUN curl x\nONBUILD RUN wget y\n",
            &[3],
        );
        passes("DL4001", "FROM a:1\nRUN curl x\nFROM b:1\nRUN wget y\n");
        passes("DL4001", "FROM a:1\nRUN curl x\nONBUILD RUN wget y\n");
        passes("DL4001", "FROM a:1\nRUN echo wget curl\n");
    }
}
