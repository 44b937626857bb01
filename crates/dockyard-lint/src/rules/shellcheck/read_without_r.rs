//! SC2162: `read` without `-r`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `read` without `-r`.
    ///
    /// ## Why is this bad?
    /// Without `-r`, backslashes in the input escape characters and are
    /// removed, so `C:\dir` is read as `C:dir`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN read y < /etc/hostname && echo "$y"
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN read -r y < /etc/hostname && echo "$y"
    /// ```
    code: "SC2162",
    severity: Info,
    message: "read without -r will mangle backslashes.",
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if c.name.as_deref() != Some("read") || c.has_flag("r") {
            continue;
        }
        let args: Vec<Option<String>> = c.args().iter().map(|w| w.literal_value()).collect();
        let t0 = args
            .windows(2)
            .any(|w| w[0].as_deref() == Some("-t") && w[1].as_deref() == Some("0"));
        if !t0 {
            out.add(c.cmd.words[0].span.start, &META);
        }
    }
}
