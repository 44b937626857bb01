//! The value checks behind the label-schema rules (DL3052–DL3056, DL3058):
//! each accepts exactly what the Haskell library hadolint uses accepts
//! (network-uri, timerep on time, Cabal's SPDX list, semver,
//! email-validate), quirks included. Every case in the tests was checked
//! against hadolint 2.15.1.

use dockyard_dockerfile::Args;

use super::{Item, Out};
use crate::config::{Config, LabelType};

/// Per-label findings of a label-schema rule. hadolint runs one copy of
/// such a rule per schema label, in label order, so findings are kept per
/// label and reported label by label at the end.
#[derive(Default)]
pub struct PerLabel {
    labels: Vec<String>,
    lines: Vec<Vec<u32>>,
}

impl PerLabel {
    /// The schema labels (already in hadolint's order) that `select` keeps.
    pub fn new(config: &Config, select: impl Fn(LabelType) -> bool) -> PerLabel {
        let labels: Vec<String> = config
            .label_schema
            .iter()
            .filter(|(_, kind)| select(*kind))
            .map(|(name, _)| name.clone())
            .collect();
        let lines = vec![Vec::new(); labels.len()];
        PerLabel { labels, lines }
    }

    /// For a `LABEL`, records its line under every schema label for which
    /// some pair with that key has a value `bad` rejects.
    pub fn check(&mut self, item: &Item<'_>, bad: impl Fn(&str) -> bool) {
        let Some(Args::Label(pairs)) = item.args() else {
            return;
        };
        for (label, lines) in self.labels.iter().zip(&mut self.lines) {
            if pairs.pairs.iter().any(|p| &p.key == label && bad(&p.value)) {
                lines.push(item.line());
            }
        }
    }

    /// Reports every recorded line, label by label, with the rule's message
    /// template (`<label>` replaced by the label's name).
    pub fn finish(&mut self, out: &mut Out) {
        let template = out.meta.message;
        for (label, lines) in self.labels.iter().zip(std::mem::take(&mut self.lines)) {
            for line in lines {
                out.fail_with(line, template.replace("<label>", label));
            }
        }
    }
}

/// Haskell's `Data.Char.isSpace`: ASCII white space, no-break space and the
/// Unicode space separators (but not U+0085, U+2028 or U+2029).
pub fn is_haskell_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'..='\r'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// A git commit hash: 7 or 40 lowercase hexadecimal digits.
pub fn is_git_hash(value: &str) -> bool {
    (value.len() == 7 || value.len() == 40)
        && value
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// An SPDX license identifier of the list Cabal 3.12 knows (no
/// expressions, case-sensitive); trailing white space is allowed.
pub fn is_spdx_license_id(value: &str) -> bool {
    SPDX_LICENSE_IDS
        .binary_search(&value.trim_end_matches(is_haskell_space))
        .is_ok()
}

/// A semantic version as the `semver` package reads it:
/// `MAJOR.MINOR.PATCH[-pre][+build]`. Leading zeros are fine; numbers are
/// read into a wrapping 64-bit integer and must not come out negative. The
/// pre-release and build parts are runs of `[0-9A-Za-z-]`, each optionally
/// followed by one dot, and may be empty (`1.2.3-`, `1.2.3-a.` pass).
pub fn is_semver(value: &str) -> bool {
    let mut rest = value.as_bytes();
    for delimiter in [Some(b'.'), Some(b'.'), None] {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        let number = rest[..digits].iter().fold(0i64, |n, d| {
            n.wrapping_mul(10).wrapping_add(i64::from(d - b'0'))
        });
        if number < 0 {
            return false;
        }
        rest = &rest[digits..];
        if let Some(delimiter) = delimiter {
            match rest.split_first() {
                Some((&b, tail)) if b == delimiter => rest = tail,
                _ => return false,
            }
        }
    }
    for marker in [b'-', b'+'] {
        if let Some((&b, tail)) = rest.split_first() {
            if b == marker {
                rest = skip_identifiers(tail);
            }
        }
    }
    rest.is_empty()
}

/// Skips `([0-9A-Za-z-]+ "."?)*`.
fn skip_identifiers(mut rest: &[u8]) -> &[u8] {
    loop {
        let run = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if run == 0 {
            return rest;
        }
        rest = &rest[run..];
        if rest.first() == Some(&b'.') {
            rest = &rest[1..];
        }
    }
}

/// An RFC 3339 time as timerep parses it with the `time` library:
/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH[:]MM)`, with `T` and `Z` in
/// either case, surrounding white space allowed, any number of year digits
/// (optionally negative, spaces allowed after the sign), an empty fraction
/// allowed, a real calendar date, hours 0–23, minutes 0–59, seconds 0–60,
/// and any two-digit offset (`+99:99` passes).
pub fn is_rfc3339(value: &str) -> bool {
    let s = value
        .trim_start_matches(is_haskell_space)
        .trim_end_matches(is_haskell_space);
    let mut rest = s;
    let negative = rest.starts_with('-');
    if negative {
        rest = rest[1..].trim_start_matches(is_haskell_space);
    }
    let year_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if year_digits == 0 {
        return false;
    }
    let year = &rest[..year_digits];
    let rest = &rest[year_digits..];
    let bytes = rest.as_bytes();
    // -MM-DDTHH:MM:SS
    if bytes.len() < 15 {
        return false;
    }
    let two = |at: usize| -> Option<u32> {
        let (a, b) = (bytes[at], bytes[at + 1]);
        (a.is_ascii_digit() && b.is_ascii_digit())
            .then(|| u32::from(a - b'0') * 10 + u32::from(b - b'0'))
    };
    let layout_ok = bytes[0] == b'-'
        && bytes[3] == b'-'
        && matches!(bytes[6], b'T' | b't')
        && bytes[9] == b':'
        && bytes[12] == b':';
    let (Some(month), Some(day), Some(hour), Some(minute), Some(second)) =
        (two(1), two(4), two(7), two(10), two(13))
    else {
        return false;
    };
    if !layout_ok
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return false;
    }
    if day > days_in_month(year, negative, month) {
        return false;
    }
    let mut rest = &bytes[15..];
    if rest.first() == Some(&b'.') {
        let digits = rest[1..].iter().take_while(|b| b.is_ascii_digit()).count();
        rest = &rest[1 + digits..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, m1, m2] | [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// Days in `month` of the proleptic Gregorian year written as `digits`.
fn days_in_month(digits: &str, negative: bool, month: u32) -> u32 {
    match month {
        2 => {
            // The year modulo 400, floored as Haskell's `mod` does.
            let rem = digits
                .bytes()
                .fold(0u32, |r, d| (r * 10 + u32::from(d - b'0')) % 400);
            let rem = if negative { (400 - rem) % 400 } else { rem };
            let leap = rem % 4 == 0 && (rem % 100 != 0 || rem == 0);
            if leap {
                29
            } else {
                28
            }
        }
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An absolute URI (with optional fragment) as network-uri's `parseURI`
/// reads it: RFC 3986's `URI` rule, ASCII only, every `%` followed by two
/// hex digits, a host name of at most 255 characters, and IPv6 literals
/// matched by its ordered alternatives.
pub fn is_url(value: &str) -> bool {
    let s = value.as_bytes();
    // scheme ":"
    if !s.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let scheme = s
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        .count();
    if s.get(scheme) != Some(&b':') {
        return false;
    }
    let mut at = scheme + 1;
    if s[at..].starts_with(b"//") {
        at += 2;
        let Some(after) = authority(s, at) else {
            return false;
        };
        at = after;
        // path-abempty: nothing, or "/" and path characters.
        if s.get(at) == Some(&b'/') {
            let Some(after) = skip_chars(s, at, b":@/") else {
                return false;
            };
            at = after;
        }
    } else {
        let Some(after) = skip_chars(s, at, b":@/") else {
            return false;
        };
        at = after;
    }
    for (marker, extra) in [(b'?', b":@/?"), (b'#', b":@/?")] {
        if s.get(at) == Some(&marker) {
            let Some(after) = skip_chars(s, at + 1, extra) else {
                return false;
            };
            at = after;
        }
    }
    at == s.len()
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

fn is_sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

/// Skips unreserved, sub-delimiter, `extra` and percent-encoded characters;
/// `None` for a `%` not followed by two hex digits (network-uri gives up).
fn skip_chars(s: &[u8], mut at: usize, extra: &[u8]) -> Option<usize> {
    while let Some(&b) = s.get(at) {
        if is_unreserved(b) || is_sub_delim(b) || extra.contains(&b) {
            at += 1;
        } else if b == b'%' {
            at = escaped(s, at)?;
        } else {
            break;
        }
    }
    Some(at)
}

fn escaped(s: &[u8], at: usize) -> Option<usize> {
    (s.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
        && s.get(at + 2).is_some_and(u8::is_ascii_hexdigit))
    .then_some(at + 3)
}

/// `[userinfo "@"] host [":" port]`; the position after it.
fn authority(s: &[u8], mut at: usize) -> Option<usize> {
    // userinfo is tried and dropped if no "@" follows it.
    if let Some(end) = skip_chars(s, at, b":") {
        if s.get(end) == Some(&b'@') {
            at = end + 1;
        }
    }
    if s.get(at) == Some(&b'[') {
        at = ip_literal(s, at + 1)?;
        if s.get(at) != Some(&b']') {
            return None;
        }
        at += 1;
    } else {
        // reg-name: at most 255 characters (an escape counts as one).
        let mut count = 0;
        while let Some(&b) = s.get(at) {
            if count == 255 {
                break;
            }
            if is_unreserved(b) || is_sub_delim(b) {
                at += 1;
            } else if b == b'%' {
                at = escaped(s, at)?;
            } else {
                break;
            }
            count += 1;
        }
    }
    if s.get(at) == Some(&b':') {
        at += 1;
        at += s[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    }
    Some(at)
}

/// Inside `[...]`: an IPv6 address (with an optional `%25` zone) or
/// `vX.…`; the position of the closing bracket it expects.
fn ip_literal(s: &[u8], at: usize) -> Option<usize> {
    if let Some(end) = ipv6_address(s, at) {
        // An optional zone, dropped if it does not parse.
        if s[end..].starts_with(b"%25") {
            let mut zone = end + 3;
            let mut units = 0;
            loop {
                match s.get(zone) {
                    Some(&b) if is_unreserved(b) => zone += 1,
                    Some(&b'%') => match escaped(s, zone) {
                        Some(next) => zone = next,
                        None => return Some(end),
                    },
                    _ => break,
                }
                units += 1;
            }
            return Some(if units > 0 { zone } else { end });
        }
        return Some(end);
    }
    // ipvFuture: "v" one hex digit "." then 1* (unreserved / sub-delims).
    if s.get(at) != Some(&b'v') {
        return None;
    }
    if !s.get(at + 1).is_some_and(u8::is_ascii_hexdigit) || s.get(at + 2) != Some(&b'.') {
        return None;
    }
    let n = s[at + 3..]
        .iter()
        .take_while(|&&b| is_unreserved(b) || is_sub_delim(b))
        .count();
    (n > 0).then_some(at + 3 + n)
}

/// 1 to 4 hex digits.
fn h4(s: &[u8], at: usize) -> Option<usize> {
    let n = s[at.min(s.len())..]
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_hexdigit())
        .count();
    (n > 0).then_some(at + n)
}

/// `h4 ":"` not followed by another `":"`.
fn h4c(s: &[u8], at: usize) -> Option<usize> {
    let end = h4(s, at)?;
    (s.get(end) == Some(&b':') && s.get(end + 1) != Some(&b':')).then_some(end + 1)
}

fn h4c_times(s: &[u8], mut at: usize, n: usize) -> Option<usize> {
    for _ in 0..n {
        at = h4c(s, at)?;
    }
    Some(at)
}

/// `h4c h4`, or an IPv4 address.
fn ls32(s: &[u8], at: usize) -> Option<usize> {
    if let Some(end) = h4c(s, at).and_then(|p| h4(s, p)) {
        return Some(end);
    }
    ipv4_address(s, at)
}

fn ipv4_address(s: &[u8], mut at: usize) -> Option<usize> {
    for i in 0..4 {
        if i > 0 {
            if s.get(at) != Some(&b'.') {
                return None;
            }
            at += 1;
        }
        let n = s[at.min(s.len())..]
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n == 0 {
            return None;
        }
        let value: u32 = std::str::from_utf8(&s[at..at + n]).ok()?.parse().ok()?;
        if value > 255 {
            return None;
        }
        at += n;
    }
    // Not followed by a name character.
    match s.get(at) {
        Some(&b) if is_unreserved(b) || is_sub_delim(b) => None,
        Some(&b'%') if escaped(s, at).is_some() => None,
        _ => Some(at),
    }
}

/// `[ up to n × h4c, h4 ]`, all or nothing: once a group with its colon is
/// taken, a missing final group fails the whole alternative.
fn optional_groups(s: &[u8], at: usize, n: usize) -> Option<usize> {
    let mut end = at;
    let mut taken = 0;
    while taken < n {
        match h4c(s, end) {
            Some(next) => {
                end = next;
                taken += 1;
            }
            None => break,
        }
    }
    match h4(s, end) {
        Some(next) => Some(next),
        None if taken == 0 => Some(at),
        None => None,
    }
}

/// network-uri's nine IPv6 alternatives, tried in order; the first that
/// matches wins even if a later one would match more.
fn ipv6_address(s: &[u8], at: usize) -> Option<usize> {
    let double_colon = |p: usize| s[p.min(s.len())..].starts_with(b"::").then_some(p + 2);
    let alternatives: [&dyn Fn() -> Option<usize>; 9] = [
        &|| ls32(s, h4c_times(s, at, 6)?),
        &|| ls32(s, h4c_times(s, double_colon(at)?, 5)?),
        &|| {
            ls32(
                s,
                h4c_times(s, double_colon(optional_groups(s, at, 0)?)?, 4)?,
            )
        },
        &|| {
            ls32(
                s,
                h4c_times(s, double_colon(optional_groups(s, at, 1)?)?, 3)?,
            )
        },
        &|| {
            ls32(
                s,
                h4c_times(s, double_colon(optional_groups(s, at, 2)?)?, 2)?,
            )
        },
        &|| ls32(s, h4c(s, double_colon(optional_groups(s, at, 3)?)?)?),
        &|| ls32(s, double_colon(optional_groups(s, at, 4)?)?),
        &|| h4(s, double_colon(optional_groups(s, at, 5)?)?),
        &|| double_colon(optional_groups(s, at, 6)?),
    ];
    alternatives.iter().find_map(|alternative| alternative())
}

/// An e-mail address as email-validate's `isValid` reads it (RFC 5322
/// `addr-spec` with comments, folding white space, quoted local parts and
/// domain literals; ASCII only; local part at most 64 octets, domain
/// labels at most 63, a domain name at most 253, the whole at most 254).
pub fn is_email(value: &str) -> bool {
    let mut p = Email {
        s: value.as_bytes(),
        at: 0,
    };
    let Some(local) = p.dotted_atoms() else {
        return false;
    };
    if local > 64 || !p.eat(b'@') {
        return false;
    }
    let start = p.at;
    let domain = match p.domain_name() {
        Some(n) => n,
        None => {
            p.at = start;
            match p.domain_literal() {
                Some(n) => n,
                None => return false,
            }
        }
    };
    // The whole address, with its "@", is at most 254 octets.
    local + domain < 254 && p.at == p.s.len()
}

/// A backtracking reader over the address; each method returns the length
/// of what the library would keep (comments and folding dropped), or
/// `None` with the position restored.
struct Email<'a> {
    s: &'a [u8],
    at: usize,
}

impl Email<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.at += 1;
        }
        hit
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> usize {
        let n = self.s[self.at..].iter().take_while(|&&b| f(b)).count();
        self.at += n;
        n
    }

    /// Runs `f`, restoring the position if it fails.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.at;
        let result = f(self);
        if result.is_none() {
            self.at = start;
        }
        result
    }

    fn is_wsp(b: u8) -> bool {
        b == b' ' || b == b'\t'
    }

    fn is_obs_no_ws_ctl(b: u8) -> bool {
        matches!(b, 1..=8 | 11 | 12 | 14..=31 | 127)
    }

    fn is_atom_text(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b)
    }

    /// `wsp+ (crlf wsp+)?` or `(crlf wsp+)+`.
    fn fws(&mut self) -> bool {
        self.attempt(|p| {
            if p.take_while(Self::is_wsp) > 0 {
                p.attempt(|p| p.crlf_wsp().then_some(()));
                return Some(());
            }
            let mut any = false;
            while p.attempt(|p| p.crlf_wsp().then_some(())).is_some() {
                any = true;
            }
            any.then_some(())
        })
        .is_some()
    }

    fn crlf_wsp(&mut self) -> bool {
        self.eat(b'\r') && self.eat(b'\n') && self.take_while(Self::is_wsp) > 0
    }

    /// `(comment | fws)*`.
    fn cfws(&mut self) {
        while self.attempt(|p| p.comment().then_some(())).is_some() || self.fws() {}
    }

    fn comment(&mut self) -> bool {
        if !self.eat(b'(') {
            return false;
        }
        loop {
            let text =
                |b: u8| matches!(b, 33..=39 | 42..=91 | 93..=126) || Self::is_obs_no_ws_ctl(b);
            if self.take_while(text) > 0
                || self.attempt(|p| p.quoted_pair()).is_some()
                || self.attempt(|p| p.comment().then_some(())).is_some()
                || self.fws()
            {
                continue;
            }
            break;
        }
        self.eat(b')')
    }

    /// `\` and any ASCII character; kept as two octets.
    fn quoted_pair(&mut self) -> Option<usize> {
        (self.eat(b'\\') && self.peek().is_some_and(|b| b.is_ascii())).then(|| {
            self.at += 1;
            2
        })
    }

    fn quoted_string(&mut self) -> Option<usize> {
        self.attempt(|p| {
            if !p.eat(b'"') {
                return None;
            }
            let mut kept = 2;
            loop {
                let piece = p.attempt(|p| {
                    p.fws();
                    let text =
                        |b: u8| matches!(b, 33 | 35..=91 | 93..=126) || Self::is_obs_no_ws_ctl(b);
                    match p.take_while(text) {
                        0 => p.quoted_pair(),
                        n => Some(n),
                    }
                });
                match piece {
                    Some(n) => kept += n,
                    None => break,
                }
            }
            p.fws();
            p.eat(b'"').then_some(kept)
        })
    }

    /// `cfws? (atom | quoted-string) cfws?`, separated by dots.
    fn dotted_atoms(&mut self) -> Option<usize> {
        let element = |p: &mut Self| {
            p.attempt(|p| {
                p.cfws();
                let n = match p.take_while(Self::is_atom_text) {
                    0 => p.quoted_string()?,
                    n => n,
                };
                p.cfws();
                Some(n)
            })
        };
        let mut kept = element(self)?;
        while let Some(n) = self.attempt(|p| {
            if !p.eat(b'.') {
                return None;
            }
            element(p)
        }) {
            kept += n + 1;
        }
        Some(kept)
    }

    /// Labels of letters, digits and hyphens (not first or last, at most
    /// 63), dot-separated, an optional final dot; at most 253 in all.
    fn domain_name(&mut self) -> Option<usize> {
        let label = |p: &mut Self| {
            p.attempt(|p| {
                p.cfws();
                if !p.peek().is_some_and(|b| b.is_ascii_alphanumeric()) {
                    return None;
                }
                let start = p.at;
                p.take_while(|b| b.is_ascii_alphanumeric() || b == b'-');
                let content = &p.s[start..p.at];
                p.cfws();
                (content.len() <= 63 && content.last() != Some(&b'-')).then_some(content.len())
            })
        };
        let mut kept = label(self)?;
        while let Some(n) = self.attempt(|p| {
            if !p.eat(b'.') {
                return None;
            }
            label(p)
        }) {
            kept += n + 1;
        }
        self.eat(b'.');
        (kept <= 253).then_some(kept)
    }

    fn domain_literal(&mut self) -> Option<usize> {
        self.attempt(|p| {
            p.cfws();
            if !p.eat(b'[') {
                return None;
            }
            let text = |b: u8| matches!(b, 33..=90 | 94..=126) || Self::is_obs_no_ws_ctl(b);
            let mut kept = 2;
            while let Some(n) = p.attempt(|p| {
                p.fws();
                match p.take_while(text) {
                    0 => None,
                    n => Some(n),
                }
            }) {
                kept += n;
            }
            p.fws();
            if !p.eat(b']') {
                return None;
            }
            p.cfws();
            Some(kept)
        })
    }
}

/// The license identifiers Cabal-syntax 3.12.1 accepts (SPDX license list
/// 3.23, deprecated identifiers excluded), sorted by byte for the search.
const SPDX_LICENSE_IDS: &[&str] = &[
    "0BSD",
    "AAL",
    "ADSL",
    "AFL-1.1",
    "AFL-1.2",
    "AFL-2.0",
    "AFL-2.1",
    "AFL-3.0",
    "AGPL-1.0-only",
    "AGPL-1.0-or-later",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
    "AMDPLPA",
    "AML",
    "AML-glslang",
    "AMPAS",
    "ANTLR-PD",
    "ANTLR-PD-fallback",
    "APAFML",
    "APL-1.0",
    "APSL-1.0",
    "APSL-1.1",
    "APSL-1.2",
    "APSL-2.0",
    "ASWF-Digital-Assets-1.0",
    "ASWF-Digital-Assets-1.1",
    "Abstyles",
    "AdaCore-doc",
    "Adobe-2006",
    "Adobe-Display-PostScript",
    "Adobe-Glyph",
    "Adobe-Utopia",
    "Afmparse",
    "Aladdin",
    "Apache-1.0",
    "Apache-1.1",
    "Apache-2.0",
    "App-s2p",
    "Arphic-1999",
    "Artistic-1.0",
    "Artistic-1.0-Perl",
    "Artistic-1.0-cl8",
    "Artistic-2.0",
    "BSD-1-Clause",
    "BSD-2-Clause",
    "BSD-2-Clause-Darwin",
    "BSD-2-Clause-Patent",
    "BSD-2-Clause-Views",
    "BSD-3-Clause",
    "BSD-3-Clause-Attribution",
    "BSD-3-Clause-Clear",
    "BSD-3-Clause-HP",
    "BSD-3-Clause-LBNL",
    "BSD-3-Clause-Modification",
    "BSD-3-Clause-No-Military-License",
    "BSD-3-Clause-No-Nuclear-License",
    "BSD-3-Clause-No-Nuclear-License-2014",
    "BSD-3-Clause-No-Nuclear-Warranty",
    "BSD-3-Clause-Open-MPI",
    "BSD-3-Clause-Sun",
    "BSD-3-Clause-acpica",
    "BSD-3-Clause-flex",
    "BSD-4-Clause",
    "BSD-4-Clause-Shortened",
    "BSD-4-Clause-UC",
    "BSD-4.3RENO",
    "BSD-4.3TAHOE",
    "BSD-Advertising-Acknowledgement",
    "BSD-Attribution-HPND-disclaimer",
    "BSD-Inferno-Nettverk",
    "BSD-Protection",
    "BSD-Source-Code",
    "BSD-Source-beginning-file",
    "BSD-Systemics",
    "BSD-Systemics-W3Works",
    "BSL-1.0",
    "BUSL-1.1",
    "Baekmuk",
    "Bahyph",
    "Barr",
    "Beerware",
    "BitTorrent-1.0",
    "BitTorrent-1.1",
    "Bitstream-Charter",
    "Bitstream-Vera",
    "BlueOak-1.0.0",
    "Boehm-GC",
    "Borceux",
    "Brian-Gladman-2-Clause",
    "Brian-Gladman-3-Clause",
    "C-UDA-1.0",
    "CAL-1.0",
    "CAL-1.0-Combined-Work-Exception",
    "CATOSL-1.1",
    "CC-BY-1.0",
    "CC-BY-2.0",
    "CC-BY-2.5",
    "CC-BY-2.5-AU",
    "CC-BY-3.0",
    "CC-BY-3.0-AT",
    "CC-BY-3.0-AU",
    "CC-BY-3.0-DE",
    "CC-BY-3.0-IGO",
    "CC-BY-3.0-NL",
    "CC-BY-3.0-US",
    "CC-BY-4.0",
    "CC-BY-NC-1.0",
    "CC-BY-NC-2.0",
    "CC-BY-NC-2.5",
    "CC-BY-NC-3.0",
    "CC-BY-NC-3.0-DE",
    "CC-BY-NC-4.0",
    "CC-BY-NC-ND-1.0",
    "CC-BY-NC-ND-2.0",
    "CC-BY-NC-ND-2.5",
    "CC-BY-NC-ND-3.0",
    "CC-BY-NC-ND-3.0-DE",
    "CC-BY-NC-ND-3.0-IGO",
    "CC-BY-NC-ND-4.0",
    "CC-BY-NC-SA-1.0",
    "CC-BY-NC-SA-2.0",
    "CC-BY-NC-SA-2.0-DE",
    "CC-BY-NC-SA-2.0-FR",
    "CC-BY-NC-SA-2.0-UK",
    "CC-BY-NC-SA-2.5",
    "CC-BY-NC-SA-3.0",
    "CC-BY-NC-SA-3.0-DE",
    "CC-BY-NC-SA-3.0-IGO",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-1.0",
    "CC-BY-ND-2.0",
    "CC-BY-ND-2.5",
    "CC-BY-ND-3.0",
    "CC-BY-ND-3.0-DE",
    "CC-BY-ND-4.0",
    "CC-BY-SA-1.0",
    "CC-BY-SA-2.0",
    "CC-BY-SA-2.0-UK",
    "CC-BY-SA-2.1-JP",
    "CC-BY-SA-2.5",
    "CC-BY-SA-3.0",
    "CC-BY-SA-3.0-AT",
    "CC-BY-SA-3.0-DE",
    "CC-BY-SA-3.0-IGO",
    "CC-BY-SA-4.0",
    "CC-PDDC",
    "CC0-1.0",
    "CDDL-1.0",
    "CDDL-1.1",
    "CDL-1.0",
    "CDLA-Permissive-1.0",
    "CDLA-Permissive-2.0",
    "CDLA-Sharing-1.0",
    "CECILL-1.0",
    "CECILL-1.1",
    "CECILL-2.0",
    "CECILL-2.1",
    "CECILL-B",
    "CECILL-C",
    "CERN-OHL-1.1",
    "CERN-OHL-1.2",
    "CERN-OHL-P-2.0",
    "CERN-OHL-S-2.0",
    "CERN-OHL-W-2.0",
    "CFITSIO",
    "CMU-Mach",
    "CMU-Mach-nodoc",
    "CNRI-Jython",
    "CNRI-Python",
    "CNRI-Python-GPL-Compatible",
    "COIL-1.0",
    "CPAL-1.0",
    "CPL-1.0",
    "CPOL-1.02",
    "CUA-OPL-1.0",
    "Caldera",
    "Caldera-no-preamble",
    "ClArtistic",
    "Clips",
    "Community-Spec-1.0",
    "Condor-1.1",
    "Cornell-Lossless-JPEG",
    "Cronyx",
    "Crossword",
    "CrystalStacker",
    "Cube",
    "D-FSL-1.0",
    "DEC-3-Clause",
    "DL-DE-BY-2.0",
    "DL-DE-ZERO-2.0",
    "DOC",
    "DRL-1.0",
    "DRL-1.1",
    "DSDP",
    "Dotseqn",
    "ECL-1.0",
    "ECL-2.0",
    "EFL-1.0",
    "EFL-2.0",
    "EPICS",
    "EPL-1.0",
    "EPL-2.0",
    "EUDatagrid",
    "EUPL-1.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "Elastic-2.0",
    "Entessa",
    "ErlPL-1.1",
    "Eurosym",
    "FBM",
    "FDK-AAC",
    "FSFAP",
    "FSFAP-no-warranty-disclaimer",
    "FSFUL",
    "FSFULLR",
    "FSFULLRWD",
    "FTL",
    "Fair",
    "Ferguson-Twofish",
    "Frameworx-1.0",
    "FreeBSD-DOC",
    "FreeImage",
    "Furuseth",
    "GCR-docs",
    "GD",
    "GFDL-1.1-invariants-only",
    "GFDL-1.1-invariants-or-later",
    "GFDL-1.1-no-invariants-only",
    "GFDL-1.1-no-invariants-or-later",
    "GFDL-1.1-only",
    "GFDL-1.1-or-later",
    "GFDL-1.2-invariants-only",
    "GFDL-1.2-invariants-or-later",
    "GFDL-1.2-no-invariants-only",
    "GFDL-1.2-no-invariants-or-later",
    "GFDL-1.2-only",
    "GFDL-1.2-or-later",
    "GFDL-1.3-invariants-only",
    "GFDL-1.3-invariants-or-later",
    "GFDL-1.3-no-invariants-only",
    "GFDL-1.3-no-invariants-or-later",
    "GFDL-1.3-only",
    "GFDL-1.3-or-later",
    "GL2PS",
    "GLWTPL",
    "GPL-1.0-only",
    "GPL-1.0-or-later",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "Giftware",
    "Glide",
    "Glulxe",
    "Graphics-Gems",
    "HP-1986",
    "HP-1989",
    "HPND",
    "HPND-DEC",
    "HPND-Fenneberg-Livingston",
    "HPND-INRIA-IMAG",
    "HPND-Kevlin-Henney",
    "HPND-MIT-disclaimer",
    "HPND-Markus-Kuhn",
    "HPND-Pbmplus",
    "HPND-UC",
    "HPND-doc",
    "HPND-doc-sell",
    "HPND-export-US",
    "HPND-export-US-modify",
    "HPND-sell-MIT-disclaimer-xserver",
    "HPND-sell-regexpr",
    "HPND-sell-variant",
    "HPND-sell-variant-MIT-disclaimer",
    "HTMLTIDY",
    "HaskellReport",
    "Hippocratic-2.1",
    "IBM-pibs",
    "ICU",
    "IEC-Code-Components-EULA",
    "IJG",
    "IJG-short",
    "IPA",
    "IPL-1.0",
    "ISC",
    "ISC-Veillard",
    "ImageMagick",
    "Imlib2",
    "Info-ZIP",
    "Inner-Net-2.0",
    "Intel",
    "Intel-ACPI",
    "Interbase-1.0",
    "JPL-image",
    "JPNIC",
    "JSON",
    "Jam",
    "JasPer-2.0",
    "Kastrup",
    "Kazlib",
    "Knuth-CTAN",
    "LAL-1.2",
    "LAL-1.3",
    "LGPL-2.0-only",
    "LGPL-2.0-or-later",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "LGPLLR",
    "LOOP",
    "LPD-document",
    "LPL-1.0",
    "LPL-1.02",
    "LPPL-1.0",
    "LPPL-1.1",
    "LPPL-1.2",
    "LPPL-1.3a",
    "LPPL-1.3c",
    "LZMA-SDK-9.11-to-9.20",
    "LZMA-SDK-9.22",
    "Latex2e",
    "Latex2e-translated-notice",
    "Leptonica",
    "LiLiQ-P-1.1",
    "LiLiQ-R-1.1",
    "LiLiQ-Rplus-1.1",
    "Libpng",
    "Linux-OpenIB",
    "Linux-man-pages-1-para",
    "Linux-man-pages-copyleft",
    "Linux-man-pages-copyleft-2-para",
    "Linux-man-pages-copyleft-var",
    "Lucida-Bitmap-Fonts",
    "MIT",
    "MIT-0",
    "MIT-CMU",
    "MIT-Festival",
    "MIT-Modern-Variant",
    "MIT-Wu",
    "MIT-advertising",
    "MIT-enna",
    "MIT-feh",
    "MIT-open-group",
    "MIT-testregex",
    "MITNFA",
    "MMIXware",
    "MPEG-SSG",
    "MPL-1.0",
    "MPL-1.1",
    "MPL-2.0",
    "MPL-2.0-no-copyleft-exception",
    "MS-LPL",
    "MS-PL",
    "MS-RL",
    "MTLL",
    "Mackerras-3-Clause",
    "Mackerras-3-Clause-acknowledgment",
    "MakeIndex",
    "Martin-Birgmeier",
    "McPhee-slideshow",
    "Minpack",
    "MirOS",
    "Motosoto",
    "MulanPSL-1.0",
    "MulanPSL-2.0",
    "Multics",
    "Mup",
    "NAIST-2003",
    "NASA-1.3",
    "NBPL-1.0",
    "NCGL-UK-2.0",
    "NCSA",
    "NGPL",
    "NICTA-1.0",
    "NIST-PD",
    "NIST-PD-fallback",
    "NIST-Software",
    "NLOD-1.0",
    "NLOD-2.0",
    "NLPL",
    "NOSL",
    "NPL-1.0",
    "NPL-1.1",
    "NPOSL-3.0",
    "NRL",
    "NTP",
    "NTP-0",
    "Naumen",
    "Net-SNMP",
    "NetCDF",
    "Newsletr",
    "Nokia",
    "Noweb",
    "O-UDA-1.0",
    "OCCT-PL",
    "OCLC-2.0",
    "ODC-By-1.0",
    "ODbL-1.0",
    "OFFIS",
    "OFL-1.0",
    "OFL-1.0-RFN",
    "OFL-1.0-no-RFN",
    "OFL-1.1",
    "OFL-1.1-RFN",
    "OFL-1.1-no-RFN",
    "OGC-1.0",
    "OGDL-Taiwan-1.0",
    "OGL-Canada-2.0",
    "OGL-UK-1.0",
    "OGL-UK-2.0",
    "OGL-UK-3.0",
    "OGTSL",
    "OLDAP-1.1",
    "OLDAP-1.2",
    "OLDAP-1.3",
    "OLDAP-1.4",
    "OLDAP-2.0",
    "OLDAP-2.0.1",
    "OLDAP-2.1",
    "OLDAP-2.2",
    "OLDAP-2.2.1",
    "OLDAP-2.2.2",
    "OLDAP-2.3",
    "OLDAP-2.4",
    "OLDAP-2.5",
    "OLDAP-2.6",
    "OLDAP-2.7",
    "OLDAP-2.8",
    "OLFL-1.3",
    "OML",
    "OPL-1.0",
    "OPL-UK-3.0",
    "OPUBL-1.0",
    "OSET-PL-2.1",
    "OSL-1.0",
    "OSL-1.1",
    "OSL-2.0",
    "OSL-2.1",
    "OSL-3.0",
    "OpenPBS-2.3",
    "OpenSSL",
    "OpenSSL-standalone",
    "OpenVision",
    "PADL",
    "PDDL-1.0",
    "PHP-3.0",
    "PHP-3.01",
    "PSF-2.0",
    "Parity-6.0.0",
    "Parity-7.0.0",
    "Pixar",
    "Plexus",
    "PolyForm-Noncommercial-1.0.0",
    "PolyForm-Small-Business-1.0.0",
    "PostgreSQL",
    "Python-2.0",
    "Python-2.0.1",
    "QPL-1.0",
    "QPL-1.0-INRIA-2004",
    "Qhull",
    "RHeCos-1.1",
    "RPL-1.1",
    "RPL-1.5",
    "RPSL-1.0",
    "RSA-MD",
    "RSCPL",
    "Rdisc",
    "Ruby",
    "SAX-PD",
    "SAX-PD-2.0",
    "SCEA",
    "SGI-B-1.0",
    "SGI-B-1.1",
    "SGI-B-2.0",
    "SGI-OpenGL",
    "SGP4",
    "SHL-0.5",
    "SHL-0.51",
    "SISSL",
    "SISSL-1.2",
    "SL",
    "SMLNJ",
    "SMPPL",
    "SNIA",
    "SPL-1.0",
    "SSH-OpenSSH",
    "SSH-short",
    "SSLeay-standalone",
    "SSPL-1.0",
    "SWL",
    "Saxpath",
    "SchemeReport",
    "Sendmail",
    "Sendmail-8.23",
    "SimPL-2.0",
    "Sleepycat",
    "Soundex",
    "Spencer-86",
    "Spencer-94",
    "Spencer-99",
    "SugarCRM-1.1.3",
    "Sun-PPP",
    "SunPro",
    "Symlinks",
    "TAPR-OHL-1.0",
    "TCL",
    "TCP-wrappers",
    "TGPPL-1.0",
    "TMate",
    "TORQUE-1.1",
    "TOSL",
    "TPDL",
    "TPL-1.0",
    "TTWL",
    "TTYP0",
    "TU-Berlin-1.0",
    "TU-Berlin-2.0",
    "TermReadKey",
    "UCAR",
    "UCL-1.0",
    "UMich-Merit",
    "UPL-1.0",
    "URT-RLE",
    "Unicode-3.0",
    "Unicode-DFS-2015",
    "Unicode-DFS-2016",
    "Unicode-TOU",
    "UnixCrypt",
    "Unlicense",
    "VOSTROM",
    "VSL-1.0",
    "Vim",
    "W3C",
    "W3C-19980720",
    "W3C-20150513",
    "WTFPL",
    "Watcom-1.0",
    "Widget-Workshop",
    "Wsuipa",
    "X11",
    "X11-distribute-modifications-variant",
    "XFree86-1.1",
    "XSkat",
    "Xdebug-1.03",
    "Xerox",
    "Xfig",
    "Xnet",
    "YPL-1.0",
    "YPL-1.1",
    "ZPL-1.1",
    "ZPL-2.0",
    "ZPL-2.1",
    "Zed",
    "Zeeff",
    "Zend-2.0",
    "Zimbra-1.3",
    "Zimbra-1.4",
    "Zlib",
    "bcrypt-Solar-Designer",
    "blessing",
    "bzip2-1.0.6",
    "check-cvs",
    "checkmk",
    "copyleft-next-0.3.0",
    "copyleft-next-0.3.1",
    "diffmark",
    "dtoa",
    "dvipdfm",
    "eGenix",
    "etalab-2.0",
    "fwlw",
    "gSOAP-1.3b",
    "gnuplot",
    "gtkbook",
    "hdparm",
    "iMatix",
    "libpng-2.0",
    "libselinux-1.0",
    "libtiff",
    "libutil-David-Nugent",
    "lsof",
    "magaz",
    "mailprio",
    "metamail",
    "mpi-permissive",
    "mpich2",
    "pnmstitch",
    "psfrag",
    "psutils",
    "python-ldap",
    "radvd",
    "snprintf",
    "softSurfer",
    "ssh-keyscan",
    "swrule",
    "ulem",
    "w3m",
    "xinetd",
    "xkeyboard-config-Zinoviev",
    "xlock",
    "xpp",
    "zlib-acknowledgement",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `(value, hadolint accepts it)`, recorded from hadolint 2.15.1.
    fn check(validator: fn(&str) -> bool, cases: &[(&str, bool)]) {
        for (value, valid) in cases {
            assert_eq!(validator(value), *valid, "{value:?}");
        }
    }

    #[test]
    fn spdx_list_is_sorted() {
        assert!(SPDX_LICENSE_IDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(SPDX_LICENSE_IDS.len(), 604);
    }

    #[test]
    fn git_hash_values_as_hadolint_judges_them() {
        check(
            is_git_hash,
            &[
                ("abc1234", true),
                ("0123456789abcdef0123456789abcdef01234567", true),
                ("ABC1234", false),
                ("abc123", false),
                ("abc12345", false),
                ("XYZ123", false),
                ("0123456789abcdef0123456789abcdef0123456", false),
                ("g123456", false),
                (" abc1234", false),
                ("abc1234 ", false),
                ("", false),
            ],
        );
    }

    #[test]
    fn spdx_values_as_hadolint_judges_them() {
        check(
            is_spdx_license_id,
            &[
                ("GPL-2.0", false),
                ("GPL-2.0+", false),
                ("LGPL-2.1", false),
                ("AGPL-3.0", false),
                ("eCos-2.0", false),
                ("wxWindows", false),
                ("mit", false),
                ("MIT ", true),
                (" MIT", false),
                ("MIT+", false),
                ("Apache-2.0 WITH LLVM-exception", false),
                ("NONE", false),
                ("", false),
                ("MIT OR Apache-2.0", false),
                ("LicenseRef-foo", false),
                ("apache-2.0", false),
                ("Nunit", false),
                ("StandardML-NJ", false),
                ("BSD-2-Clause-Patent", true),
                ("Unlicense", true),
                ("0BSD", true),
                ("(MIT)", false),
                ("AGPL-1.0", false),
                ("BSD-2-Clause-FreeBSD", false),
                ("bzip2-1.0.5", false),
                ("Curl", false),
                ("Mplus", false),
                ("Apache-2.0", true),
                ("MIT", true),
                ("zlib-acknowledgement", true),
                ("Zlib", true),
                ("MIT\t", true),
                ("MIT\u{a0}", true),
                ("MIT\u{85}", false),
            ],
        );
    }

    #[test]
    fn semver_values_as_hadolint_judges_them() {
        check(
            is_semver,
            &[
                ("1.2.3", true),
                ("1.0", false),
                ("1", false),
                ("v1.2.3", false),
                ("1.2.3-alpha", true),
                ("1.2.3-alpha.1", true),
                ("1.2.3-alpha..1", false),
                ("1.2.3-alpha.", true),
                ("1.2.3-", true),
                ("1.2.3+", true),
                ("1.2.3-+", true),
                ("1.2.3+build.1", true),
                ("1.2.3-rc.1+build.5", true),
                ("1.2.3+a+b", false),
                ("1.2.3-a+b-c", true),
                ("01.2.3", true),
                ("1.02.3", true),
                ("1.2.03", true),
                ("1.2.3-01", true),
                ("1.2.3-0a", true),
                ("1.2.3-a_b", false),
                ("1.2.3 ", false),
                (" 1.2.3", false),
                ("1.2.3.4", false),
                ("1.2.3-beta-2", true),
                ("1.2.3-.a", false),
                ("1.2.3+.a", false),
                ("9223372036854775807.0.0", true),
                ("9223372036854775808.0.0", false),
                ("18446744073709551616.0.0", true),
                ("18446744073709551617.0.0", true),
                ("99999999999999999999.0.0", true),
                ("0.0.0", true),
                ("1.2.3-99999999999999999999", true),
                ("1.2.3-a.99999999999999999999.b", true),
                ("1.2.3-\u{3b1}", false),
                ("1.2.-3", false),
                ("-1.2.3", false),
                ("1.2.3--", true),
                ("1.2.3-a-", true),
                ("1.2.3+-", true),
                ("1.2.3-a.-b", true),
                ("1.2.3-a..", false),
                ("\u{ff11}.2.3", false),
            ],
        );
    }

    #[test]
    fn rfc3339_values_as_hadolint_judges_them() {
        check(
            is_rfc3339,
            &[
                ("2024-03-11T10:00:00Z", true),
                ("2024-03-11T10:00:00z", true),
                ("2024-03-11t10:00:00Z", true),
                ("2024-03-11 10:00:00Z", false),
                ("2024-03-11T10:00:00", false),
                ("2024-03-11T10:00:00+01:00", true),
                ("2024-03-11T10:00:00+0100", true),
                ("2024-03-11T10:00:00+01", false),
                ("2024-03-11T10:00:00-99:99", true),
                ("2024-03-11T10:00:00.123Z", true),
                ("2024-03-11T10:00:00.Z", true),
                ("2024-03-11T10:00:00.123456789012345Z", true),
                ("2024-03-11T10:00:00,5Z", false),
                ("2024-03-11T10:00:00.5+01:00", true),
                ("2024-02-29T10:00:00Z", true),
                ("2023-02-29T10:00:00Z", false),
                ("1900-02-29T00:00:00Z", false),
                ("2000-02-29T00:00:00Z", true),
                ("0000-02-29T00:00:00Z", true),
                ("0000-01-01T00:00:00Z", true),
                ("24-03-11T10:00:00Z", true),
                ("12024-03-11T10:00:00Z", true),
                ("-2024-03-11T10:00:00Z", true),
                ("- 2024-03-11T10:00:00Z", true),
                ("-  2024-03-11T10:00:00Z", true),
                ("2024-3-11T10:00:00Z", false),
                ("2024-03-1T10:00:00Z", false),
                ("2024-13-11T10:00:00Z", false),
                ("2024-00-11T10:00:00Z", false),
                ("2024-03-32T10:00:00Z", false),
                ("2024-04-31T10:00:00Z", false),
                ("2024-03-11T24:00:00Z", false),
                ("2024-03-11T23:60:00Z", false),
                ("2024-03-11T23:59:60Z", true),
                ("2024-03-11T23:59:61Z", false),
                ("2024-03-11T1:00:00Z", false),
                (" 2024-03-11T10:00:00Z", true),
                ("2024-03-11T10:00:00Z ", true),
                ("  2024-03-11T10:00:00Z  ", true),
                ("2024-03-11T10:00:00UTC", false),
                ("2024-03-11T10:00:00GMT", false),
                ("2024-03-11T10:00:00 Z", false),
                ("2024-03-11T10:00:00Z+01:00", false),
                ("2024-03-11T10:00:00+01:00Z", false),
                ("2024-03-11", false),
                ("yesterday", false),
                ("2024-03-11T10:00Z", false),
                ("2024-03-11T10:00:00+1:00", false),
                ("2024-03-11T10:00:00+01:0", false),
                ("2024-03-11T10:00:00\u{2212}01:00", false),
                ("2024-03-11T10:00:00.1.2Z", false),
                ("2024-03-11T10:00:00.+01:00", true),
                (" 2024-03-11T10:00:00Z ", true),
                ("\t2024-03-11T10:00:00Z", true),
                ("2024-03-11T10:00:00Z\t", true),
                ("2024-03-11T10:00:00Z", true),
                ("\u{a0}2024-03-11T10:00:00Z", true),
                ("2024-03-11T10:00:00Z\u{a0}", true),
                ("2024-03-11T10:00:00Z\u{3000}", true),
                ("2024-03-11T10:00:00Z\u{85}", false),
            ],
        );
    }

    #[test]
    fn url_values_as_hadolint_judges_them() {
        check(
            is_url,
            &[
                ("https://github.com/example/app", true),
                ("http://example.com", true),
                ("ftp://example.com/pub", true),
                ("example.com/docs", false),
                ("not a url", false),
                ("mailto:a@b.c", true),
                ("urn:isbn:0451450523", true),
                ("http:", true),
                ("http:/", true),
                ("http://", true),
                ("http:///a", true),
                ("http://a:b:c", false),
                ("http://a:80", true),
                ("http://a:80x", false),
                ("http://user:pw@host:8080/p?q=1#f", true),
                ("http://user@@host", false),
                ("http://[::1]/", true),
                ("http://[::ffff:1.2.3.4]/", true),
                ("http://[1::2:3:4:5:6:7:8]/", false),
                ("http://[1:2:3:4:5:6:7::]/", true),
                ("http://[v1.abc]/", true),
                ("http://[::1%25eth0]/", true),
                ("http://[::1", false),
                ("http://1.2.3.4/", true),
                ("http://1.2.3.4.5/", true),
                ("http://256.1.1.1/", true),
                ("http://01.2.3.4/", true),
                ("http://a b/", false),
                ("http://a%20b/", true),
                ("http://a%2g/", false),
                ("http://a/%", false),
                ("http://example.com/\u{e4}", false),
                ("http://example.com/<x>", false),
                ("http://example.com/{x}", false),
                ("http://example.com/a|b", false),
                ("http://example.com/a\\b", false),
                ("http://example.com/a^b", false),
                ("http://example.com/#a#b", false),
                ("http://example.com/?a?b", true),
                ("http://example.com/`", false),
                ("1http://a", false),
                ("+http://a", false),
                ("a+b-c.d:x", true),
                ("a_b:x", false),
                (":x", false),
                ("http://example.com ", false),
                (" http://example.com", false),
                ("https://example.com/path;param?x=[1]", false),
                ("https://example.com/path?x=[1]", false),
                ("http://[::]/", true),
                ("http://[:::]/", false),
                ("http://[1:2:3:4:5:6:7:8]/", true),
                ("http://[1:2:3:4:5:6:1.2.3.4]/", true),
                ("http://[12345::]/", false),
                ("http://[g::]/", false),
                ("http://host:/", true),
                ("http://ho~st/", true),
                ("http://ho!st$&'()*+,;=/", true),
                ("s3://bucket/key", true),
                ("x:", true),
                ("x:/a//b", true),
                ("x:a:b@c", true),
            ],
        );
    }

    #[test]
    fn email_values_as_hadolint_judges_them() {
        check(
            is_email,
            &[
                ("dev@example.com", true),
                ("nobody-at-example", false),
                ("Jane <jane@example.com>", false),
                ("a@b", true),
                ("a@b.", true),
                ("a@b..", false),
                ("a@-b.com", false),
                ("a@b-.com", false),
                ("a@b.c-d.com", true),
                ("a@1.2.3.4", true),
                ("a@[1.2.3.4]", true),
                ("a@[IPv6:::1]", true),
                ("a@ [1.2.3.4] ", true),
                ("a@[a b]", true),
                ("a@[a\\b]", false),
                ("\"a b\"@example.com", true),
                ("\"a\\\"b\"@example.com", true),
                ("\"a\\\\b\"@example.com", true),
                ("\"\"@example.com", true),
                ("a.b@example.com", true),
                (".a@example.com", false),
                ("a.@example.com", false),
                ("a..b@example.com", false),
                ("a(comment)@example.com", true),
                ("(c)a@example.com", true),
                ("a@(c)example.com", true),
                ("a@example.com(c)", true),
                ("a@example(c).com", true),
                ("a @example.com", true),
                ("a@ example.com", true),
                (" a@example.com", true),
                ("a@example.com ", true),
                ("a(nested (comment))@b.com", true),
                ("a(unclosed@b.com", false),
                ("!#$%&'*+/=?^_`{|}~-@example.com", true),
                ("a@b_c.com", false),
                ("a@b@c", false),
                ("@example.com", false),
                ("a@", false),
                ("\u{e4}@example.com", false),
                ("a@\u{e4}.com", false),
                (
                    "1234567890123456789012345678901234567890123456789012345678901234@example.com",
                    true,
                ),
                (
                    "12345678901234567890123456789012345678901234567890123456789012345@example.com",
                    false,
                ),
                (
                    "a@123456789012345678901234567890123456789012345678901234567890123.com",
                    true,
                ),
                (
                    "a@1234567890123456789012345678901234567890123456789012345678901234.com",
                    false,
                ),
                (
                    "a@b.1234567890123456789012345678901234567890123456789012345678901234",
                    false,
                ),
                ("\"a\".\"b\"@c", true),
                ("\"a\".b@c", true),
                ("a.\"b\"@c", true),
                ("a@[]", true),
                ("\"a\tb\"@c", true),
                ("a@b\t.c", true),
            ],
        );
    }

    #[test]
    fn ipv6_url_values_as_hadolint_judges_them() {
        check(
            is_url,
            &[
                ("http://[256::]", true),
                ("http://[::1%255.]", true),
                ("http://[::]", true),
                ("http://[::a]", true),
                ("http://[::ffff:256]", true),
                ("http://[f0::a]", true),
                ("http://[ffff:1::1:fa]", true),
                ("http://[ffff::]", true),
                ("http://[v1..]", true),
                ("http://[v1.1]", true),
                ("http://[v1.2.3.41]", true),
                ("http://[v1.2.3.4]", true),
                ("http://[v1.aff]", true),
                ("http://[%25e1v1.%a1.2.3.4255.", false),
                ("http://[%f%::", false),
                ("http://[.::ffff:1.2.3.4ffff:0:", false),
                ("http://[0:255.f::255.]255.", false),
                ("http://[1.2.3.411:a.256%25e", false),
                ("http://[11:::%f", false),
                ("http://[1:]]2561::0:v", false),
                ("http://[255..aav1.]2560:", false),
                ("http://[2561.2.3.4.", false),
                ("http://[:.1:]", false),
                ("http://[::256", false),
                ("http://[:ffff:%0:", false),
                ("http://[]1]1:", false),
                ("http://[]ffff:1.2.3.4%25e.1", false),
                ("http://[a]v1.ff", false),
                ("http://[f:2560:v1.%", false),
                ("http://[ffff:256]::%25e255.]:", false),
                ("http://[v.v256", false),
                ("http://[v1.ffff:%25e0:v1.1:ffff:]1:", false),
            ],
        );
    }

    #[test]
    fn leap_year_rfc3339_values_as_hadolint_judges_them() {
        check(
            is_rfc3339,
            &[
                ("2024-02-29T00:00:00Z", true),
                ("2024-02-28T00:00:00Z", true),
                ("2024-02-30T00:00:00Z", false),
                ("2024-04-31T00:00:00Z", false),
                ("2024-12-31T00:00:00Z", true),
                ("0000-02-29T00:00:00Z", true),
                ("0000-02-28T00:00:00Z", true),
                ("0000-02-30T00:00:00Z", false),
                ("0000-04-31T00:00:00Z", false),
                ("0000-12-31T00:00:00Z", true),
                ("-0100-02-29T00:00:00Z", false),
                ("-0100-02-28T00:00:00Z", true),
                ("-0100-02-30T00:00:00Z", false),
                ("-0100-04-31T00:00:00Z", false),
                ("-0100-12-31T00:00:00Z", true),
                ("-0004-02-29T00:00:00Z", true),
                ("-0004-02-28T00:00:00Z", true),
                ("-0004-02-30T00:00:00Z", false),
                ("-0004-04-31T00:00:00Z", false),
                ("-0004-12-31T00:00:00Z", true),
                ("1600-02-29T00:00:00Z", true),
                ("1600-02-28T00:00:00Z", true),
                ("1600-02-30T00:00:00Z", false),
                ("1600-04-31T00:00:00Z", false),
                ("1600-12-31T00:00:00Z", true),
                ("2100-02-29T00:00:00Z", false),
                ("2100-02-28T00:00:00Z", true),
                ("2100-02-30T00:00:00Z", false),
                ("2100-04-31T00:00:00Z", false),
                ("2100-12-31T00:00:00Z", true),
                ("-0400-02-29T00:00:00Z", true),
                ("-0400-02-28T00:00:00Z", true),
                ("-0400-02-30T00:00:00Z", false),
                ("-0400-04-31T00:00:00Z", false),
                ("-0400-12-31T00:00:00Z", true),
                ("-0001-02-29T00:00:00Z", false),
                ("-0001-02-28T00:00:00Z", true),
                ("-0001-02-30T00:00:00Z", false),
                ("-0001-04-31T00:00:00Z", false),
                ("-0001-12-31T00:00:00Z", true),
                ("10000-02-29T00:00:00Z", true),
                ("10000-02-28T00:00:00Z", true),
                ("10000-02-30T00:00:00Z", false),
                ("10000-04-31T00:00:00Z", false),
                ("10000-12-31T00:00:00Z", true),
                ("-1-02-29T00:00:00Z", false),
                ("-1-02-28T00:00:00Z", true),
                ("-1-02-30T00:00:00Z", false),
                ("-1-04-31T00:00:00Z", false),
                ("-1-12-31T00:00:00Z", true),
                ("99999999999999999999996-02-29T00:00:00Z", true),
                ("99999999999999999999996-02-28T00:00:00Z", true),
                ("99999999999999999999996-02-30T00:00:00Z", false),
                ("99999999999999999999996-04-31T00:00:00Z", false),
                ("99999999999999999999996-12-31T00:00:00Z", true),
            ],
        );
    }

    #[test]
    fn comment_email_values_as_hadolint_judges_them() {
        check(
            is_email,
            &[
                (" (a(b)c)\"a b\"@a (a(b)c)", true),
                (" a@b", true),
                (" a@ba.b  ", true),
                ("(a(b)c) (a(b)c)1a@b.", true),
                ("(a(b)c)1a@b", true),
                ("(a(b)c)a@b(a(b)c)(a(b)c)", true),
                ("1(a(b)c).a@b", true),
                ("a.b. a@b", true),
                ("a.ba@b", true),
                ("a@b ", true),
                ("a@b(a(b)c)(a(b)c)", true),
                ("a@ba (a(b)c)  ", true),
                ("aa@b", true),
                (" @ [x] \"a b\"", false),
                ("\" a@b \"\"a b\"", false),
                ("\"a b\"@ ([x] ", false),
                ("([x]([x](a(b)c)", false),
                ("(a(b)c)])@a@b", false),
                ("- \"@.", false),
                (".a@b[x](a(b)c)a.b", false),
                ("@(- [x]@(a(b)c)", false),
                ("@a.b1a@b a@ba.b", false),
                ("[x] [x](a(b)c)", false),
                ("[x]a@b", false),
                ("a.(a(b)c)a@](", false),
                ("a.ba(a(b)c)", false),
                ("a@b@(a(b)c)@(a(b)c)a.b", false),
            ],
        );
    }
}
