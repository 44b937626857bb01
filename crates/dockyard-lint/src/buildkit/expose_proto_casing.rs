//! ExposeProtoCasing: an upper-case protocol in `EXPOSE`.

use super::expose_invalid_format::split;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags an `EXPOSE` port whose protocol is not lower case, like
    /// `80/TCP` (after variable expansion).
    ///
    /// ## Why is this bad?
    /// Docker lower-cases the protocol anyway; writing it in lower case
    /// matches what `docker inspect` shows.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx
    /// EXPOSE 80/TCP
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx
    /// EXPOSE 80/tcp
    /// ```
    name: "ExposeProtoCasing",
    experimental: false,
}

/// `port` is one expanded port spec.
pub(super) fn check(lint: &mut Lint, config: &CheckConfig, line: u32, port: &str) {
    let Some((_, _, _, proto)) = split(port) else {
        return;
    };
    if proto != proto.to_lowercase() {
        let message =
            format!("Defined protocol '{port}' in EXPOSE instruction should be lowercase");
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "ExposeProtoCasing",
            "FROM a\nEXPOSE 80/TCP 53/Udp\n",
            &[
                (
                    2,
                    "Defined protocol '53/Udp' in EXPOSE instruction should be lowercase",
                ),
                (
                    2,
                    "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase",
                ),
            ],
        );
        passes("ExposeProtoCasing", "FROM a\nEXPOSE 80/tcp 53/udp 9000\n");
    }
}
