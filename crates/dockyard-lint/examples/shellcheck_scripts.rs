//! Prints, as JSON lines, each shell-form `RUN` of the given Dockerfiles
//! with the script hadolint hands to ShellCheck and every comment of the
//! implemented SC checks (1-based line and column in that script), to
//! compare with the real `shellcheck -f json1`.

use dockyard_lint::rules::shellcheck::{comments, scripts};

fn esc(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    for path in std::env::args().skip(1) {
        let source = std::fs::read_to_string(&path).expect("readable file");
        for (line, script) in scripts(&source) {
            let Some(script) = script else { continue };
            let list: Vec<String> = comments(&script)
                .iter()
                .map(|c| {
                    let before = &script[..c.pos];
                    let l = before.matches('\n').count() + 1;
                    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                    format!(
                        "{{\"line\":{l},\"column\":{col},\"code\":{},\"level\":{},\"message\":{}}}",
                        &c.code[2..],
                        esc(c.severity.name()),
                        esc(&c.message)
                    )
                })
                .collect();
            println!(
                "{{\"file\":{},\"line\":{line},\"script\":{},\"comments\":[{}]}}",
                esc(&path),
                esc(&script),
                list.join(",")
            );
        }
    }
}
