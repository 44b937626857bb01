//! ExposeInvalidFormat: an IP address or host port in `EXPOSE`.

use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags an `EXPOSE` port written with an IP address or a host-port
    /// mapping, like `127.0.0.1:80:80` or `8080:80` (after variable
    /// expansion). hadolint cannot even parse such a file.
    ///
    /// ## Why is this bad?
    /// `EXPOSE` only documents the container's port; publishing to a host
    /// address or port is decided by `docker run -p`. The extra parts are
    /// ignored and will become an error in a future release.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx
    /// EXPOSE 8080:80
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx
    /// EXPOSE 80
    /// ```
    name: "ExposeInvalidFormat",
    experimental: false,
}

/// A port spec `[ip:][host:]container[/proto]` split as BuildKit does:
/// `(ip, host, container, proto)`; `None` when BuildKit rejects it (no
/// port, or a protocol other than tcp, udp, sctp in any case).
pub(super) fn split(raw: &str) -> Option<(String, String, String, String)> {
    let parts: Vec<&str> = raw.split(':').collect();
    let n = parts.len();
    let (ip, host, container) = match n {
        1 => (String::new(), String::new(), parts[0]),
        2 => (String::new(), parts[0].to_string(), parts[1]),
        _ => (
            parts[..n - 2].join(":"),
            parts[n - 2].to_string(),
            parts[n - 1],
        ),
    };
    let (port, proto) = container.split_once('/').unwrap_or((container, ""));
    if port.is_empty() || !matches!(proto.to_lowercase().as_str(), "" | "tcp" | "udp" | "sctp") {
        return None;
    }
    Some((ip, host, port.to_string(), proto.to_string()))
}

/// `port` is one expanded port spec that [`split`] accepts.
pub(super) fn check(lint: &mut Lint, config: &CheckConfig, line: u32, port: &str) {
    let Some((ip, host, _, _)) = split(port) else {
        return;
    };
    if !ip.is_empty() || !host.is_empty() {
        let message = format!(
            "EXPOSE instruction should not define an IP address or host-port mapping, found '{port}'"
        );
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use super::split;
    use crate::buildkit::testing::{passes, says};

    #[test]
    fn spec() {
        says(
            "ExposeInvalidFormat",
            "FROM a\nEXPOSE 80 127.0.0.1:80:80/tcp 8080:80\n",
            &[
                (2, "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80/tcp'"),
                (2, "EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80'"),
            ],
        );
        passes(
            "ExposeInvalidFormat",
            "FROM a\nEXPOSE 80 443/tcp 5000-5010/udp\n",
        );
        // After expansion.
        says(
            "ExposeInvalidFormat",
            "FROM a\nENV P=81:81\nEXPOSE $P\n",
            &[(3, "EXPOSE instruction should not define an IP address or host-port mapping, found '81:81'")],
        );
    }

    #[test]
    fn splits_like_buildkit() {
        let s = |raw: &str| split(raw).map(|(a, b, c, d)| [a, b, c, d].join("|"));
        assert_eq!(s("80").as_deref(), Some("||80|"));
        assert_eq!(s("::1:80:81/UDP").as_deref(), Some("::1|80|81|UDP"));
        assert_eq!(s("80/xyz"), None);
        assert_eq!(s("/tcp"), None);
    }
}
