//! SC3040: `set -o pipefail` (and other bash options) under `/bin/sh`.

use super::{declare_check, Analysis, Comments, Dialect};

declare_check! {
    /// ## What it does
    /// Flags `set -o NAME` with an option POSIX sh does not define, such as
    /// `pipefail` on older shells, when the shell is `sh`.
    ///
    /// ## Why is this bad?
    /// dash before 0.5.11 stops with "set: Illegal option -o pipefail". Use
    /// `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN set -o pipefail && wget -O - https://x | tar x
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    /// RUN wget -O - https://x | tar x
    /// ```
    code: "SC3040",
    severity: Warning,
    message: "In POSIX sh, set option pipefail is undefined.",
}

const LONG_OPTIONS: &[&str] = &[
    "allexport",
    "errexit",
    "ignoreeof",
    "monitor",
    "noclobber",
    "noexec",
    "noglob",
    "nolog",
    "notify",
    "nounset",
    "verbose",
    "vi",
    "xtrace",
];

const OPTIONS: &str = "abCefhmnuvxo";

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    if cx.dialect != Dialect::Sh {
        return;
    }
    for c in cx.commands("set") {
        if c.name.as_deref() != Some("set") {
            continue;
        }
        // The literal arguments, up to the first that is not.
        let args: Vec<(usize, String)> = c
            .args()
            .iter()
            .map_while(|w| w.literal_value().map(|v| (w.span.start, v)))
            .collect();
        let mut i = 0;
        while i < args.len() {
            let flag = &args[i].1;
            let is_o_flag = (flag.starts_with('-') || flag.starts_with('+'))
                && flag.len() >= 2
                && flag.ends_with('o')
                && flag[1..flag.len() - 1]
                    .chars()
                    .all(|ch| OPTIONS.contains(ch));
            if is_o_flag {
                if let Some((pos, opt)) = args.get(i + 1) {
                    if !LONG_OPTIONS.contains(&opt.as_str()) {
                        out.bashism(cx, *pos, &META, &format!("set option {opt} is"));
                    }
                    i += 2;
                    continue;
                }
            }
            let starts_option = flag.starts_with('+')
                || (flag.starts_with('-') && flag.len() > 1 && !flag.starts_with("--"));
            if starts_option || (flag.starts_with("--") && flag.len() > 2) {
                i += 1;
                continue;
            }
            break;
        }
    }
}
