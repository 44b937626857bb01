//! Data-driven checks of the make simulator: `check(makefile, args, output, status)`
//! per feature, with a runner that only knows `echo`, plus a property test that random
//! makefiles never panic and always finish within the budget.

use dockyard_make::{run_with_limits, ExecError, Limits, RecipeRunner};
use dockyard_vfs::Vfs;
use proptest::prelude::*;

/// Runs recipes without a shell: `echo WORDS` prints, `false` fails, others succeed;
/// a shell line (`/bin/sh -c LINE`) is echoed as `sh[LINE]`.
struct Runner {
    vfs: Vfs,
    out: String,
}

impl RecipeRunner for Runner {
    fn vfs(&mut self) -> &mut Vfs {
        &mut self.vfs
    }
    fn out(&mut self, text: &str) {
        self.out.push_str(text);
    }
    fn err(&mut self, text: &str) {
        self.out.push_str(text);
    }
    fn exec(
        &mut self,
        argv: &[String],
        _env: &[(String, String)],
        _cwd: &str,
        capture: bool,
    ) -> Result<(i32, Vec<u8>), ExecError> {
        let text = match argv[0].as_str() {
            "echo" => format!("{}\n", argv[1..].join(" ")),
            "false" => return Ok((1, Vec::new())),
            "nosuch" => return Err(ExecError::NotFound),
            "/bin/sh" => format!("sh[{}]\n", argv[argv.len() - 1]),
            _ => String::new(),
        };
        if capture {
            return Ok((0, text.into_bytes()));
        }
        self.out.push_str(&text);
        Ok((0, Vec::new()))
    }
}

fn make(makefile: &str, args: &[&str], limits: Limits) -> (String, i32) {
    let mut vfs = Vfs::new();
    vfs.create_dir_all("/w").unwrap();
    vfs.write("/w/Makefile", makefile.as_bytes()).unwrap();
    let mut runner = Runner {
        vfs,
        out: String::new(),
    };
    let mut argv = vec!["make".to_string()];
    argv.extend(args.iter().map(|s| s.to_string()));
    let status = run_with_limits(&mut runner, &argv, &[], "/w", limits);
    (runner.out, status)
}

fn check(makefile: &str, args: &[&str], output: &str, status: i32) {
    let got = make(makefile, args, Limits::default());
    assert_eq!(got, (output.to_string(), status), "makefile:\n{makefile}");
}

/// The value `$(info EXPR)` prints.
fn check_expr(expr: &str, expected: &str) {
    check(
        &format!("$(info {expr})\nall: ;\n"),
        &["-s"],
        &format!("{expected}\n"),
        0,
    );
}

#[test]
fn functions() {
    check_expr("$(subst ee,EE,feet on the street)", "fEEt on the strEEt");
    check_expr("$(patsubst %.c,%.o,a.c b.c c.h)", "a.o b.o c.h");
    check_expr("$(notdir src/foo.c hacks)", "foo.c hacks");
    check_expr("$(dir src/foo.c hacks)", "src/ ./");
    check_expr(
        "$(basename src/foo.c src-1.0/bar hacks)",
        "src/foo src-1.0/bar hacks",
    );
    check_expr("$(suffix src/foo.c bar.tar.gz)", ".c .gz");
    check_expr(
        "$(filter %.c %.s,foo.c bar.c baz.s ugh.h)",
        "foo.c bar.c baz.s",
    );
    check_expr("$(filter-out %.c,foo.c ugh.h)", "ugh.h");
    check_expr("$(sort foo bar lose foo)", "bar foo lose");
    check_expr("$(strip   a   b  )", "a b");
    check_expr("$(wordlist 2,3,a b c d)", "b c");
    check_expr("$(word 2,a b c)", "b");
    check_expr("$(words a b c)", "3");
    check_expr("$(firstword a b) $(lastword a b)", "a b");
    check_expr("$(join a b,1 2)", "a1 b2");
    check_expr("$(if ,yes,no)", "no");
    check_expr("$(or ,b)", "b");
    check_expr("$(and a,b)", "b");
    check_expr("$(addprefix x/,a b) $(addsuffix .o,a b)", "x/a x/b a.o b.o");
    check_expr("$(findstring a,abc)|$(findstring z,abc)", "a|");
    check_expr("$(foreach w,a b,<$(w)>)", "<a> <b>");
    check_expr(
        "$(origin NOPE) $(origin CC) $(flavor CC)",
        "undefined default recursive",
    );
    check_expr("$(abspath a/../b/./c)", "/w/b/c");
    check_expr("$(shell echo hi)", "hi");
}

#[test]
fn function_errors() {
    check(
        "all:\n\t@echo $(word 0,a b c)\n",
        &[],
        "Makefile:2: *** first argument to 'word' function must be greater than 0.  Stop.\n",
        2,
    );
    check(
        "X := $(word 1)\n",
        &[],
        "Makefile:1: *** insufficient number of arguments (1) to function 'word'.  Stop.\n",
        2,
    );
    check(
        "X := $(subst a,b\n",
        &[],
        "Makefile:1: *** unterminated call to function 'subst': missing ')'.  Stop.\n",
        2,
    );
    check(
        "X := $(Y\n",
        &[],
        "Makefile:1: *** unterminated variable reference.  Stop.\n",
        2,
    );
}

#[test]
fn parser() {
    check(
        "all:\n    echo x\n",
        &[],
        "Makefile:2: *** missing separator.  Stop.\n",
        2,
    );
    check(
        "all:\n        echo x\n",
        &[],
        "Makefile:2: *** missing separator (did you mean TAB instead of 8 spaces?).  Stop.\n",
        2,
    );
    check(
        "\techo x\n",
        &[],
        "Makefile:1: *** recipe commences before first target.  Stop.\n",
        2,
    );
    check("X = 1\n", &[], "make: *** No targets.  Stop.\n", 2);
    check(
        "ifeq (a,a)\nall:\n",
        &[],
        "Makefile:3: *** missing 'endif'.  Stop.\n",
        2,
    );
    check(
        "endif\n",
        &[],
        "Makefile:1: *** extraneous 'endif'.  Stop.\n",
        2,
    );
    check(
        "%.o foo: foo.c\n",
        &[],
        "Makefile:1: *** mixed implicit and normal rules.  Stop.\n",
        2,
    );
    check("A = x \\\n   y\nall: ; @echo $(A)\n", &[], "x y\n", 0);
    check(
        "ifeq ($(X),)\nA = empty\nelse\nA = set\nendif\nall: ; @echo $(A)\n",
        &["X=1"],
        "set\n",
        0,
    );
    check(
        "define T\necho one\necho two\nendef\nall: ; @$(T)\n",
        &[],
        "one\necho two\ntwo\n",
        0,
    );
}

#[test]
fn rules_and_messages() {
    check(
        "all: a b\n\t@echo all\na b:\n\t@echo $@\n",
        &[],
        "a\nb\nall\n",
        0,
    );
    check(
        ".PHONY: x\nx:\n",
        &[],
        "make: Nothing to be done for 'x'.\n",
        0,
    );
    check(
        "all: missing\n",
        &[],
        "make: *** No rule to make target 'missing', needed by 'all'.  Stop.\n",
        2,
    );
    check(
        "all:\n\tfalse\n",
        &[],
        "false\nmake: *** [Makefile:2: all] Error 1\n",
        2,
    );
    check(
        "all:\n\t-false\n",
        &[],
        "false\nmake: [Makefile:2: all] Error 1 (ignored)\n",
        0,
    );
    check(
        "all:\n\tnosuch\n",
        &[],
        "nosuch\nmake: nosuch: No such file or directory\nmake: *** [Makefile:2: all] Error 127\n",
        2,
    );
    check(
        "all:\n\techo a | cat\n",
        &[],
        "echo a | cat\nsh[echo a | cat]\n",
        0,
    );
    check(
        "a: b\nb: a\n",
        &["a"],
        "make: Circular b <- a dependency dropped.\nmake: Nothing to be done for 'a'.\n",
        0,
    );
    check(
        "A = $(A)\nall: ; @echo $(A)\n",
        &[],
        "Makefile:2: *** Recursive variable 'A' references itself (eventually).  Stop.\n",
        2,
    );
    check("all:\n\t@echo hi\n", &["-n"], "echo hi\n", 0);
    check(
        "all:\n\t@echo hi\n",
        &["-Z"],
        &format!("make: invalid option -- 'Z'\n{}", dockyard_make::HELP),
        2,
    );
}

#[test]
fn budgets_end_runaway_recursion() {
    let (out, status) = make("f = $(call f)\nX := $(call f)\n", &[], Limits::default());
    assert_eq!(status, 2);
    assert!(out.contains("*** "), "{out}");
    let (out, status) = make("E = $$(eval $$(E))\n$(eval $(E))\n", &[], Limits::default());
    assert_eq!(status, 2, "{out}");
}

const TOKENS: &[&str] = &[
    "all",
    "a",
    "b",
    ":",
    "::",
    "=",
    ":=",
    "+=",
    "?=",
    "$(",
    "${",
    ")",
    "}",
    "$",
    "%",
    "\n",
    "\t",
    " ",
    "\\\n",
    "#",
    ",",
    ";",
    "|",
    "ifeq",
    "ifdef",
    "else",
    "endif",
    "define",
    "endef",
    "include",
    "export",
    "override",
    "$(call a,b)",
    "$(eval x)",
    "$(foreach v,a b,$v)",
    "$(shell echo)",
    "$(info i)",
    "$(warning w)",
    "$(if a,b)",
    "$(wildcard *)",
    ".PHONY",
    "$@",
    "$<",
    "$^",
    "echo",
    "-",
    "@",
    "'",
    "\"",
    "$(a)",
    "$(A)",
    "A",
    "x",
];

proptest! {
    // A fixed seed: the same cases on every run, so CI is repeatable; the
    // long-running fuzzers explore beyond them.
    #![proptest_config(ProptestConfig {
        cases: 300,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_d0c4),
        ..ProptestConfig::default()
    })]
    #[test]
    fn random_makefiles_never_panic(picks in proptest::collection::vec(0..TOKENS.len(), 0..60)) {
        let text: String = picks.iter().map(|&i| TOKENS[i]).collect();
        let limits = Limits { steps: 20_000, depth: 50, make_level: 3 };
        let (_, status) = make(&text, &[], limits);
        prop_assert!((0..=2).contains(&status));
    }
}
