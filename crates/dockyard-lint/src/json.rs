//! A minimal JSON value that serialises exactly as hadolint's encoder does:
//! object keys sorted by code point, no whitespace, and the same string
//! escapes. Every JSON-shaped output format is built from it.

use std::collections::BTreeMap;
use std::fmt::Write;

/// A JSON value. Objects keep their keys sorted, as hadolint prints them.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Int(i64),
    Str(String),
    Array(Vec<Json>),
    Object(BTreeMap<String, Json>),
}

impl Json {
    /// Builds an object from `(key, value)` pairs.
    pub fn object<const N: usize>(pairs: [(&str, Json); N]) -> Json {
        Json::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// The compact encoding.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Str(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(map) => {
                out.push('{');
                for (i, (key, value)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Writes a JSON string literal with the escapes hadolint's encoder uses:
/// `\"`, `\\`, `\n`, `\r`, `\t`, other control characters as `\u00xx`;
/// everything else, non-ASCII included, verbatim.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Json;

    fn check(value: Json, expected: &str) {
        assert_eq!(value.encode(), expected);
    }

    #[test]
    fn objects_are_compact_with_sorted_keys() {
        check(
            Json::object([
                ("line", Json::Int(2)),
                ("code", Json::str("DL3006")),
                ("$schema", Json::Int(0)),
            ]),
            r#"{"$schema":0,"code":"DL3006","line":2}"#,
        );
        check(Json::Array(vec![]), "[]");
        check(
            Json::Array(vec![Json::str("a"), Json::Int(-1)]),
            r#"["a",-1]"#,
        );
    }

    #[test]
    fn strings_escape_like_hadolint() {
        check(Json::str("a\"b\\c"), r#""a\"b\\c""#);
        check(Json::str("x\ny\tz\r"), r#""x\ny\tz\r""#);
        check(Json::str("\u{1}\u{1f}"), r#""\u0001\u001f""#);
        check(Json::str("<pkg>=é`'/"), r#""<pkg>=é`'/""#);
    }
}
