//! SC2166: `-a`/`-o` inside `[ ]`.

use super::{declare_check, Analysis, Comments};

declare_check! {
    /// ## What it does
    /// Flags `-a` and `-o` used as and/or between two tests inside `[ ]`.
    ///
    /// ## Why is this bad?
    /// POSIX marks them obsolescent: with some operands (`!`, `(`, `=`)
    /// the expression becomes ambiguous. Two `[ ]` joined by `&&` or `||`
    /// are always clear.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM debian:12
    /// RUN [ -f /a -a -f /b ] && echo both
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM debian:12
    /// RUN [ -f /a ] && [ -f /b ] && echo both
    /// ```
    code: "SC2166",
    severity: Warning,
    message: "Prefer [ p ] && [ q ] as [ p -a q ] is not well defined.",
}

/// Operators that take the next word as their operand.
fn is_unary(v: &str) -> bool {
    v.len() == 2 && v.starts_with('-') && "abcdefghkLnoprsStuwxzGNOv".contains(&v[1..])
}

fn is_binary(v: &str) -> bool {
    [
        "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef",
        "=~",
    ]
    .contains(&v)
}

pub fn check(cx: &Analysis<'_>, out: &mut Comments) {
    for c in &cx.cmds {
        if c.name.as_deref() != Some("[") {
            continue;
        }
        let args = c.args();
        let inner = match args.split_last() {
            Some((last, inner)) if last.literal_value().as_deref() == Some("]") => inner,
            _ => continue,
        };
        // Walk the expression: an operand is expected at `expect_operand`.
        let mut i = 0;
        let mut expect_operand = true;
        while i < inner.len() {
            let v = inner[i].literal_value().unwrap_or_default();
            if expect_operand {
                if v == "!" || v == "(" {
                    i += 1;
                    continue;
                }
                if is_unary(&v) && i + 1 < inner.len() {
                    i += 2;
                } else {
                    i += 1;
                    if i < inner.len() {
                        let op = inner[i].literal_value().unwrap_or_default();
                        if is_binary(&op) && i + 1 < inner.len() {
                            i += 2;
                        }
                    }
                }
                expect_operand = false;
                continue;
            }
            match v.as_str() {
                "-a" => {
                    out.add(inner[i].span.start, &META);
                    expect_operand = true;
                }
                "-o" => {
                    out.add_msg(
                        inner[i].span.start,
                        &META,
                        "Prefer [ p ] || [ q ] as [ p -o q ] is not well defined.".to_string(),
                    );
                    expect_operand = true;
                }
                _ => {}
            }
            i += 1;
        }
    }
}
