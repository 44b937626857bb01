//! DL3011: `EXPOSE` of a port above 65535.

use dockyard_dockerfile::Args;

use super::{Item, Out, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an `EXPOSE` whose port, or either end of a port range, is
    /// above 65535. Ports given by a variable are not checked.
    ///
    /// ## Why is this bad?
    /// TCP and UDP ports are 16-bit numbers: a larger one is a typo, and
    /// Docker refuses it when the container starts.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 80800
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM nginx:1.27
    /// EXPOSE 8080
    /// ```
    pub struct ExposePortOutOfRange {}
    code: "DL3011",
    severity: Error,
    message: "Valid UNIX ports range from 0 to 65535",
}

/// A port number as hadolint holds it: a machine integer, so digits
/// beyond its range wrap around.
fn port_number(digits: &str) -> Option<i64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.bytes().fold(0i64, |n, b| {
        n.wrapping_mul(10).wrapping_add(i64::from(b - b'0'))
    }))
}

/// Whether one `EXPOSE` entry names a port above 65535.
fn out_of_range(raw: &str) -> bool {
    if raw.contains('$') {
        return false;
    }
    let ports = raw.split_once('/').map_or(raw, |(ports, _)| ports);
    let too_big = |s: &str| port_number(s).is_some_and(|p| p > 65535);
    match ports.split_once('-') {
        Some((low, high)) => too_big(low) || too_big(high),
        None => too_big(ports),
    }
}

impl Rule for ExposePortOutOfRange {
    fn check(&mut self, item: &Item<'_>, out: &mut Out) {
        if let Some(Args::Expose(ports)) = item.args() {
            if ports.iter().any(|p| out_of_range(&p.raw)) {
                out.fail(item.line());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{catches, passes};

    #[test]
    fn spec() {
        catches("DL3011", "FROM a:1\nEXPOSE 80 65536\n", &[2]);
        catches("DL3011", "FROM a:1\nEXPOSE 80000/udp\n", &[2]);
        catches("DL3011", "FROM a:1\nEXPOSE 8000-70000\n", &[2]);
        passes("DL3011", "FROM a:1\nEXPOSE 65535 0 80/tcp 8000-9000/udp\n");
        passes("DL3011", "FROM a:1\nEXPOSE $PORT\n");
        passes("DL3011", "FROM a:1\nONBUILD EXPOSE 80000\n");
    }
}
