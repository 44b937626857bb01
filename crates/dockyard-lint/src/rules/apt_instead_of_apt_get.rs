//! DL3027: `apt` used in a `RUN`.

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a `RUN` that calls `apt`.
    ///
    /// ## Why is this bad?
    /// `apt` is the interactive front end for people at a terminal: its
    /// output and behaviour may change between releases and it warns that
    /// its command-line interface is not stable. Scripts should use
    /// `apt-get` and `apt-cache`, whose interface is meant for them.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt install -y curl
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN apt-get install -y curl
    /// ```
    pub struct AptInsteadOfAptGet {}
    code: "DL3027",
    severity: Warning,
    message: "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead",
}

impl Rule for AptInsteadOfAptGet {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if item.run().is_some_and(|shell| shell.using_program("apt")) {
            out.fail(item.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3027", "FROM a:1\nRUN apt install python\n", &[2]);
        catches("DL3027", "FROM a:1\nRUN cd /x && apt update\n", &[2]);
        catches("DL3027", "FROM a:1\nONBUILD RUN apt install python\n", &[2]);
        catches(
            "DL3027",
            "FROM a:1\nRUN [\"apt\", \"install\", \"x\"]\n",
            &[2],
        );
        passes("DL3027", "FROM a:1\nRUN apt-get install python\n");
        passes("DL3027", "FROM a:1\nRUN echo apt\n");
        passes("DL3027", "FROM a:1\nRUN bash -c \"apt install x\"\n");
    }
}
