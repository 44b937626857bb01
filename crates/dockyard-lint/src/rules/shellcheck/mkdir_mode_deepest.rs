//! SC2174: `mkdir -p -m`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `mkdir -p -m MODE` with a path that has subdirectories.
    ///
    /// ## Why is this bad?
    /// The mode applies only to the last directory; the parents get the
    /// default mode.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN mkdir -p -m 700 /a/b
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN mkdir -p /a/b && chmod 700 /a /a/b
    /// ```
    code: "SC2174",
    severity: Warning,
    message: "When used with -p, -m only applies to the deepest directory.",
}

fn could_have_subdirs(name: Option<String>) -> bool {
    let Some(name) = name else { return true };
    if !name.contains('/') {
        return false;
    }
    // `../dir` and `./dir` are fine.
    let mut rest = name.as_str();
    let mut prefixed = false;
    while let Some(r) = rest.strip_prefix("../").or_else(|| rest.strip_prefix("./")) {
        rest = r.trim_start_matches('/');
        prefixed = true;
    }
    !(prefixed && !rest.is_empty() && !rest.contains('/'))
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in cx.commands("mkdir") {
        let flags = c.flags();
        if !flags.iter().any(|(_, f)| f == "p" || f == "parents") {
            continue;
        }
        let Some((m, _)) = flags.iter().find(|(_, f)| f == "m" || f == "mode") else {
            continue;
        };
        if c.args()
            .iter()
            .skip(1)
            .any(|w| could_have_subdirs(w.literal_value()))
        {
            out.add(c.args()[*m].span.start, &META);
        }
    }
}
