//! Property tests over generated and mutated inputs: the parser never panics, every span
//! lies inside the input on character boundaries, child spans nest in their parents, and
//! deep nesting or long input ends in a budget diagnostic instead of a stack overflow.

use dockyard_shell::*;

/// A small deterministic xorshift generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FRAGMENTS: &[&str] = &[
    "echo",
    " ",
    " ",
    " ",
    "a",
    "b=1",
    "\"",
    "'",
    "$(",
    ")",
    "(",
    "${",
    "}",
    "{",
    "$((",
    "))",
    "`",
    "\\`",
    "\\",
    "\\\n",
    "\n",
    ";",
    ";;",
    "&",
    "&&",
    "|",
    "||",
    "!",
    "if",
    "then",
    "fi",
    "else",
    "elif",
    "for",
    "in",
    "do",
    "done",
    "while",
    "until",
    "case",
    "esac",
    "<<EOF",
    "<<-'E'",
    "EOF",
    "\tE",
    ">",
    ">>",
    "<",
    "2>&1",
    "<&-",
    "#",
    "*",
    "?",
    "[a]",
    "~",
    "{a,b}",
    "$x",
    "$1",
    "$@",
    "${a:-",
    "${#a}",
    "${a##*/}",
    "${a//x/y}",
    "$'x'",
    "é",
    "\t",
    "f()",
    "[[",
    "]]",
    "function",
    "<(",
    "&>",
    "|&",
    "=(",
    "x=",
    ":~",
];

fn generate(rng: &mut Rng) -> String {
    let len = rng.below(40);
    (0..len).map(|_| rng.pick(FRAGMENTS)).collect()
}

/// Deletes, duplicates or inserts a random slice at character boundaries.
fn mutate(rng: &mut Rng, input: &str) -> String {
    let boundaries: Vec<usize> = input
        .char_indices()
        .map(|(i, _)| i)
        .chain([input.len()])
        .collect();
    let a = boundaries[rng.below(boundaries.len())];
    let b = boundaries[rng.below(boundaries.len())];
    let (from, to) = (a.min(b), a.max(b));
    match rng.below(3) {
        0 => format!("{}{}", &input[..from], &input[to..]),
        1 => format!("{}{}", &input[..to], &input[from..]),
        _ => format!(
            "{}{}{}",
            &input[..from],
            rng.pick(FRAGMENTS),
            &input[from..]
        ),
    }
}

/// Checks bounds and nesting of every span it visits.
struct SpanChecker<'s> {
    source: &'s str,
    stack: Vec<(Span, &'static str)>,
    problems: Vec<String>,
}

impl SpanChecker<'_> {
    fn check(&mut self, span: Span, what: &'static str) {
        let len = self.source.len();
        if span.start > span.end || span.end > len {
            self.problems
                .push(format!("{what} {span:?} out of bounds (len {len})"));
            return;
        }
        if !self.source.is_char_boundary(span.start) || !self.source.is_char_boundary(span.end) {
            self.problems
                .push(format!("{what} {span:?} not on a char boundary"));
        }
        if let Some((parent, parent_what)) = self.stack.last() {
            if !parent.contains(span) {
                self.problems
                    .push(format!("{what} {span:?} outside {parent_what} {parent:?}"));
            }
        }
    }

    fn nested(&mut self, span: Span, what: &'static str, walk: impl FnOnce(&mut Self)) {
        self.check(span, what);
        self.stack.push((span, what));
        walk(self);
        self.stack.pop();
    }
}

impl<'a> Visit<'a> for SpanChecker<'_> {
    fn visit_list(&mut self, list: &'a List) {
        self.nested(list.span, "list", |v| {
            for item in &list.items {
                v.nested(item.span, "item", |v| {
                    v.nested(item.and_or.span, "and-or", |v| {
                        v.visit_pipeline(&item.and_or.first);
                        for (_, pipeline) in &item.and_or.rest {
                            v.visit_pipeline(pipeline);
                        }
                    });
                });
            }
        });
    }
    fn visit_pipeline(&mut self, pipeline: &'a Pipeline) {
        self.nested(pipeline.span, "pipeline", |v| walk_pipeline(v, pipeline));
    }
    fn visit_simple_command(&mut self, command: &'a SimpleCommand) {
        self.nested(command.span, "simple command", |v| {
            walk_simple_command(v, command)
        });
    }
    fn visit_compound_command(&mut self, command: &'a CompoundCommand) {
        self.nested(command.span, "compound command", |v| {
            walk_compound_command(v, command)
        });
    }
    fn visit_function_def(&mut self, function: &'a FunctionDef) {
        self.nested(function.span, "function", |v| {
            v.check(function.name_span, "function name");
            v.visit_command(&function.body);
        });
    }
    fn visit_assignment(&mut self, assignment: &'a Assignment) {
        self.nested(assignment.span, "assignment", |v| {
            v.check(assignment.name_span, "assignment name");
            v.visit_word(&assignment.value);
        });
    }
    fn visit_redirect(&mut self, redirect: &'a Redirect) {
        match &redirect.target {
            RedirectTarget::Word(word) => {
                self.nested(redirect.span, "redirect", |v| v.visit_word(word));
            }
            RedirectTarget::HereDoc(here_doc) => {
                self.nested(redirect.span, "redirect", |v| {
                    v.check(here_doc.delimiter_span, "delimiter");
                });
                // The body comes after the command's line, outside its spans.
                let saved = std::mem::take(&mut self.stack);
                self.nested(here_doc.body_span, "here-doc body", |v| {
                    walk_parts(v, &here_doc.body)
                });
                self.stack = saved;
            }
        }
    }
    fn visit_word(&mut self, word: &'a Word) {
        self.nested(word.span, "word", |v| walk_parts(v, &word.parts));
    }
    fn visit_word_part(&mut self, part: &'a WordPart) {
        self.nested(part.span, "part", |v| walk_word_part(v, part));
    }
}

fn check_input(input: &str) {
    for options in [ParseOptions::default(), ParseOptions::bash()] {
        let script = parse_with(input, &options);
        let mut checker = SpanChecker {
            source: input,
            stack: Vec::new(),
            problems: Vec::new(),
        };
        checker.visit_list(&script.body);
        for diagnostic in &script.diagnostics {
            checker.check(diagnostic.span, "diagnostic");
            assert!(diagnostic.dash_line >= 1);
        }
        assert!(
            checker.problems.is_empty(),
            "{:?} ({:?}):\n{}\n{}",
            input,
            options.dialect,
            checker.problems.join("\n"),
            dump(&script)
        );
        assert!(
            script
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
                <= 1
        );
        let _ = simple_commands(&script).count();
    }
}

fn seed_inputs() -> Vec<String> {
    let mut inputs: Vec<String> = include_str!("dash_inputs.txt")
        .lines()
        .map(|l| l.replace("\\n", "\n"))
        .collect();
    inputs.extend(
        [
            "cat <<EOF\n$(echo `echo \\`x\\``)\nEOF\n",
            "a=(1 2) b+=3 [[ a ]] function f { :; }; f |& cat &> x <(y)",
            "echo ${a:-${b#*/}} \"$(echo \"${c%%.*}\")\" `echo \\$d` $((1+$e))",
            "case $x in (a|b) echo;; *) ;; esac; for i in ~/a{b,c}*; do :; done",
            "x=`cat <<E\nbody\nE\n`; y=$(cat <<-F\n\tz\n\tF\n)",
        ]
        .map(String::from),
    );
    inputs
}

#[test]
fn generated_inputs_never_panic_and_spans_nest() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        check_input(&generate(&mut rng));
    }
}

#[test]
fn mutated_inputs_never_panic_and_spans_nest() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let seeds = seed_inputs();
    for _ in 0..6000 {
        let seed = &seeds[rng.below(seeds.len())];
        let mut input = mutate(&mut rng, seed);
        if rng.below(2) == 0 {
            input = mutate(&mut rng, &input);
        }
        check_input(&input);
    }
}

#[test]
fn every_prefix_of_the_seeds_parses() {
    for seed in seed_inputs() {
        for (i, _) in seed.char_indices() {
            check_input(&seed[..i]);
        }
    }
}

/// Runs `f` on a thread with a 1 MiB stack, like the default WebAssembly stack, in
/// optimised builds (measured: about 5 KiB per nesting level, so the default budget of 100
/// levels uses half). Unoptimised frames are about five times larger, so debug builds get 4 MiB.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    let stack = if cfg!(debug_assertions) {
        4 << 20
    } else {
        1 << 20
    };
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("parser overflowed a 1 MiB stack or panicked");
}

#[test]
fn deep_nesting_is_a_budget_error_not_a_stack_overflow() {
    on_small_stack(|| {
        let shapes: &[(&str, &str)] = &[
            ("$(", ")"),
            ("(", ")"),
            ("{ ", "; }"),
            ("${a:-", "}"),
            ("\"$(", ")\""),
            ("$((", "))"),
            ("if true; then ", "; fi"),
            ("while :; do ", "; done"),
            ("f() ", ""),
            ("`", "`"),
        ];
        for (open, close) in shapes {
            for depth in [50, 99, 101, 5000] {
                let input = format!("{}echo{}", open.repeat(depth), close.repeat(depth));
                let script = parse(&input);
                let budget = script
                    .diagnostics
                    .iter()
                    .any(|d| d.kind == DiagnosticKind::Budget);
                if depth > 100 && *open != "`" {
                    assert!(budget, "{open:?} x {depth}: {:?}", script.diagnostics);
                }
                if depth < 100 {
                    assert!(!budget, "{open:?} x {depth}: {:?}", script.diagnostics);
                }
            }
        }
        let bash = ParseOptions::bash();
        for (open, close) in [("a=(", ")"), ("cat <(", ")")] {
            let input = format!("{}x{}", open.repeat(5000), close.repeat(5000));
            let script = parse_with(&input, &bash);
            assert!(script
                .diagnostics
                .iter()
                .any(|d| d.kind == DiagnosticKind::Budget));
        }
        // Nested brace expansions are cut off rather than recursed into without bound.
        let braces = format!("echo {}x{}", "{a,".repeat(5000), "}".repeat(5000));
        assert!(parse(&braces).diagnostics.is_empty());
    });
}

#[test]
fn input_longer_than_the_budget_is_refused() {
    let options = ParseOptions {
        max_input_len: 100,
        ..ParseOptions::default()
    };
    let script = parse_with(&"echo a; ".repeat(20), &options);
    assert!(script.body.items.is_empty());
    assert_eq!(script.diagnostics[0].kind, DiagnosticKind::Budget);
}

/// Large inputs of repetitive shapes parse quickly (a quadratic step would take minutes).
#[test]
fn large_inputs_parse_in_linear_time() {
    let shapes = [
        "echo a && b || c | d; ",
        "[[[[[[[[",
        "{{{{,",
        "A=:~:~:~ ",
        "x\\\n",
        "cat <<E\nline\nE\n",
        "\"$a ${b:-c} $(d)\" ",
        "'quoted text' ",
        "# comment\n",
        "a=1 b=2 ",
    ];
    for shape in shapes {
        let input = shape.repeat(400_000 / shape.len());
        let started = std::time::Instant::now();
        let script = parse(&input);
        let elapsed = started.elapsed();
        assert!(
            elapsed.as_secs() < 10,
            "{shape:?}: {elapsed:?}, {} diagnostics",
            script.diagnostics.len()
        );
    }
}
