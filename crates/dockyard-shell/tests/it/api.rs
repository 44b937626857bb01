//! The helpers the linter and the interpreter use: command iteration, static word values,
//! quoting queries, positions, and how errors relate to the commands before them.

use dockyard_shell::*;

fn names(src: &str) -> Vec<String> {
    simple_commands(&parse(src))
        .map(|c| c.name_value().unwrap_or_else(|| "?".into()))
        .collect()
}

#[test]
fn simple_commands_reach_every_nested_command_in_source_order() {
    assert_eq!(
        names("a && b | c; if d; then e; elif f; then g; else h; fi"),
        ["a", "b", "c", "d", "e", "f", "g", "h"]
    );
    assert_eq!(
        names("echo $(i) `j` \"$(k)\" ${x:-$(l)} $((1 + $(m)))"),
        ["echo", "i", "j", "k", "l", "m"]
    );
    assert_eq!(
        names("for x in $(n); do o; done; while p; do q; done; case $(r) in *) s;; esac"),
        ["n", "o", "p", "q", "r", "s"]
    );
    assert_eq!(names("f() { t; }; (u) > $(v)"), ["t", "u", "v"]);
    assert_eq!(names("cat <<E\n$(w)\nE\nx"), ["cat", "w", "x"]);
    assert_eq!(names("a=$(y) b=`z`"), ["?", "y", "z"]);
}

#[test]
fn command_name_and_arguments() {
    let script = parse("sudo apt-get install -y --no-install-recommends curl");
    let command = simple_commands(&script).next().unwrap();
    assert_eq!(command.name_value().as_deref(), Some("sudo"));
    let args: Vec<_> = command
        .args()
        .iter()
        .map(|w| w.literal_value().unwrap())
        .collect();
    assert_eq!(
        args,
        [
            "apt-get",
            "install",
            "-y",
            "--no-install-recommends",
            "curl"
        ]
    );
}

#[test]
fn literal_values_remove_quotes_and_refuse_expansions() {
    let script = parse(r#"echo 'a b' "c"d\ e ~/x *.log "$v" $(w) {a,b}"#);
    let command = simple_commands(&script).next().unwrap();
    let values: Vec<_> = command.words.iter().map(Word::literal_value).collect();
    assert_eq!(
        values,
        [
            Some("echo".into()),
            Some("a b".into()),
            Some("cd e".into()),
            Some("~/x".into()),
            Some("*.log".into()),
            None,
            None,
            Some("{a,b}".into()),
        ]
    );
}

#[test]
fn quoting_queries() {
    let script = parse(r#"echo $a "$b" x"$c" '$d' \$e $(f) "$(g)" *.txt"#);
    let words = &simple_commands(&script).next().unwrap().words;
    let quoted: Vec<_> = words.iter().map(Word::is_quoted).collect();
    assert_eq!(
        quoted,
        [false, false, true, true, true, true, false, true, false]
    );
    let fully: Vec<_> = words.iter().map(Word::is_fully_quoted).collect();
    assert_eq!(
        fully,
        [false, false, true, false, true, false, false, true, false]
    );
    // SC2086 / SC2046: expansions outside double quotes.
    let unquoted: Vec<usize> = words
        .iter()
        .map(|w| w.unquoted_expansions().count())
        .collect();
    assert_eq!(unquoted, [0, 1, 0, 0, 0, 0, 1, 0, 0]);
    assert!(words[8].has_glob());
    assert!(words[2].has_expansion() && !words[4].has_expansion());
}

#[test]
fn spans_point_at_the_source_text() {
    let src = "cd /app && RUN=1 make -j\"$N\" 2>&1";
    let script = parse(src);
    let commands: Vec<_> = simple_commands(&script).collect();
    assert_eq!(commands[0].span.text(src), "cd /app");
    assert_eq!(commands[1].span.text(src), "RUN=1 make -j\"$N\" 2>&1");
    assert_eq!(commands[1].assignments[0].name_span.text(src), "RUN");
    assert_eq!(commands[1].assignments[0].value.span.text(src), "1");
    assert_eq!(commands[1].words[1].source(src), "-j\"$N\"");
    assert_eq!(commands[1].redirects[0].span.text(src), "2>&1");
    assert_eq!(commands[1].redirects[0].effective_fd(), 2);
    let WordPartKind::DoubleQuoted(inner) = &commands[1].words[1].parts[1].kind else {
        panic!("expected a double-quoted part");
    };
    assert_eq!(inner[0].span.text(src), "$N");
}

#[test]
fn here_document_bodies_have_spans_after_the_command() {
    let src = "cat <<-EOF >out\n\tline $x\n\tEOF\necho done\n";
    let script = parse(src);
    let cat = simple_commands(&script).next().unwrap();
    let RedirectTarget::HereDoc(here_doc) = &cat.redirects[0].target else {
        panic!("expected a here-document");
    };
    assert_eq!(here_doc.delimiter, "EOF");
    assert!(here_doc.strip_tabs && !here_doc.quoted && here_doc.terminated);
    assert_eq!(here_doc.body_span.text(src), "\tline $x\n\tEOF\n");
    assert_eq!(here_doc.body[0].span.text(src), "line ");
    assert_eq!(here_doc.body[1].span.text(src), "$x");
    assert_eq!(cat.redirects[1].op, RedirOp::Output);
}

#[test]
fn line_and_column_of_offsets() {
    let src = "echo a\n  é b\n";
    let index = LineIndex::new(src);
    assert_eq!(index.line_col(0), LineCol { line: 1, column: 1 });
    assert_eq!(index.line_col(7), LineCol { line: 2, column: 1 });
    let b = src.find('b').unwrap();
    assert_eq!(index.line_col(b), LineCol { line: 2, column: 5 });
    assert_eq!(line_col(src, src.len()), LineCol { line: 3, column: 1 });
    assert_eq!(line_col(src, 10_000), LineCol { line: 3, column: 1 });
}

#[test]
fn a_syntax_error_keeps_the_lines_before_it() {
    let src = "echo one\necho two; echo three\nif true; then echo four; fi fi\necho five";
    let script = parse(src);
    assert_eq!(names(src), ["echo", "echo", "echo"]);
    let error = script.syntax_error().unwrap();
    assert_eq!(error.message, "Syntax error: \"fi\" unexpected");
    assert_eq!(error.dash_line, 3);
    assert_eq!(error.span.text(src), "fi");
    assert_eq!(
        line_col(src, error.span.start),
        LineCol {
            line: 3,
            column: 29
        }
    );
    assert_eq!(
        error.dash_format("sh"),
        "sh: 3: Syntax error: \"fi\" unexpected"
    );
}

#[test]
fn unterminated_here_document_is_only_a_warning() {
    let script = parse("cat <<EOF\nno end");
    assert!(script.syntax_error().is_none());
    assert_eq!(script.diagnostics[0].severity, Severity::Warning);
    assert_eq!(
        script.diagnostics[0].kind,
        DiagnosticKind::UnterminatedHereDoc
    );
}

#[test]
fn dialects_differ_on_bash_syntax() {
    let dash = parse("ls &> /dev/null");
    assert_eq!(dump(&dash), "(seq (& (cmd ls)) (cmd (> /dev/null)))");
    let bash = parse_with("ls &> /dev/null", &ParseOptions::bash());
    let command = simple_commands(&bash).next().unwrap();
    assert_eq!(command.redirects[0].op, RedirOp::OutputAndError);
    assert!(!command.redirects[0].op.is_posix());

    assert!(parse("[[ -f x ]]").syntax_error().is_none());
    assert!(parse("function f { :; }").syntax_error().is_some());
    assert!(parse_with("function f { :; }", &ParseOptions::bash())
        .syntax_error()
        .is_none());
}

#[test]
fn bashisms_are_marked_in_word_parts() {
    struct Bashisms(Vec<String>);
    impl<'a> Visit<'a> for Bashisms {
        fn visit_word_part(&mut self, part: &'a WordPart) {
            if part.kind.is_bashism() {
                self.0.push(dump_word(&Word {
                    parts: vec![part.clone()],
                    span: part.span,
                }));
            }
            walk_word_part(self, part);
        }
    }
    let script = parse("echo $'a' {x,y} ${v//a/b} ${v:1} ${v} \"${v#x}\"");
    let mut found = Bashisms(Vec::new());
    found.visit_list(&script.body);
    assert_eq!(
        found.0,
        [
            "($' a)",
            "({} x,y)",
            "(${} v bad-replace //a/b)",
            "(${} v bad-substring :1)"
        ]
    );
}

#[test]
fn cd_without_exit_is_findable() {
    // The shape of SC2164 / DL3003: a `cd` whose failure is not handled.
    let script = parse("cd /app && make; cd /tmp || exit 1");
    let mut unguarded = Vec::new();
    for item in &script.body.items {
        let and_or = &item.and_or;
        let pipelines: Vec<(Option<AndOrOp>, &Pipeline)> = std::iter::once((None, &and_or.first))
            .chain(and_or.rest.iter().map(|(op, p)| (Some(*op), p)))
            .collect();
        for (i, (_, pipeline)) in pipelines.iter().enumerate() {
            let Some(Command::Simple(command)) = pipeline.commands.first() else {
                continue;
            };
            let guarded = matches!(pipelines.get(i + 1), Some((Some(AndOrOp::Or), _)));
            if command.name_value().as_deref() == Some("cd") && !guarded {
                unguarded.push(command.args()[0].literal_value().unwrap());
            }
        }
    }
    assert_eq!(unguarded, ["/app"]);
}

#[test]
fn parse_never_panics_on_odd_bytes() {
    for src in [
        "\0",
        "\u{feff}echo",
        "\r\n",
        "echo \u{a0}hi",
        "$",
        "${",
        "\\",
        "`\\",
        "<<",
        "<<'",
        "\u{1F600}(",
        "'\u{1F600}",
        "echo ${\u{e9}}",
        "$((\u{e9}",
    ] {
        let _ = parse(src);
        let _ = parse_with(src, &ParseOptions::bash());
    }
}
