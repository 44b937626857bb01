//! Session behaviour: state carried from line to line, budgets that stop runaway
//! commands, determinism under a seed, and programs plugged in from other crates.

use dockyard_sandbox::{Budget, Ctx, Session, SessionConfig};

fn session() -> Session {
    Session::new(SessionConfig::default())
}

/// Runs `lines` in one session; the last line's (merged output, status).
fn run(lines: &[&str]) -> (String, i32) {
    let mut s = session();
    let mut last = (String::new(), 0);
    for line in lines {
        let out = s.run(line);
        last = (out.merged, out.status);
    }
    last
}

#[test]
fn state_carries_over_between_lines() {
    assert_eq!(run(&["x=42", "echo $x"]), ("42\n".into(), 0));
    assert_eq!(
        run(&["mkdir -p a/b", "cd a/b", "pwd"]),
        ("/home/learner/a/b\n".into(), 0)
    );
    assert_eq!(
        run(&["f() { echo \"hi $1\"; }", "f you"]),
        ("hi you\n".into(), 0)
    );
    assert_eq!(run(&["false", "echo $?"]), ("1\n".into(), 0));
    assert_eq!(run(&["echo a > f", "cat f"]), ("a\n".into(), 0));
}

#[test]
fn a_new_session_has_a_home_and_the_standard_commands() {
    assert_eq!(
        run(&["whoami; pwd; echo $HOME"]),
        ("learner\n/home/learner\n/home/learner\n".into(), 0)
    );
    assert_eq!(
        run(&["command -v ls; which grep"]),
        ("/usr/bin/ls\n/usr/bin/grep\n".into(), 0)
    );
    assert_eq!(run(&["nosuch"]), ("sh: 1: nosuch: not found\n".into(), 127));
    assert_eq!(
        run(&["id"]),
        (
            "uid=1000(learner) gid=1000(learner) groups=1000(learner)\n".into(),
            0
        )
    );
}

#[test]
fn an_endless_loop_is_stopped_by_the_step_budget() {
    let (out, status) = run(&["while :; do :; done; echo unreached"]);
    assert_eq!(status, Budget::EXHAUSTED_STATUS);
    assert!(out.contains("stopped after 200000 steps"), "{out}");
    assert!(!out.contains("unreached"));
    // The session is still usable.
    assert_eq!(
        run(&["while :; do :; done", "echo fine"]),
        ("fine\n".into(), 0)
    );
}

#[test]
fn endless_recursion_is_stopped_by_the_depth_budget() {
    let (out, status) = run(&["f() { f; }; f"]);
    assert_eq!(status, Budget::EXHAUSTED_STATUS);
    assert!(out.contains("nested calls"), "{out}");
}

#[test]
fn endless_output_is_stopped_by_the_output_budget() {
    let mut s = session();
    s.set_budget(Budget {
        output_bytes: 10_000,
        ..Budget::default()
    });
    let out = s.run("yes");
    assert_eq!(out.status, Budget::EXHAUSTED_STATUS);
    assert!(out.stdout.len() <= 10_000);
    assert!(
        out.stderr.contains("after writing 10000 bytes"),
        "{}",
        out.stderr
    );
    let out = s.run("yes | head -n 2");
    assert_eq!((out.stdout.as_str(), out.status), ("y\ny\n", 0));
}

#[test]
fn ids_come_from_the_seed() {
    let pid = |seed| {
        let mut s = Session::new(SessionConfig {
            seed,
            ..SessionConfig::default()
        });
        s.run("echo $$").stdout
    };
    assert_eq!(pid(1), pid(1));
    assert_ne!(pid(1), pid(2));
}

#[test]
fn background_jobs_run_at_once() {
    assert_eq!(run(&["(exit 3) & wait $!; echo $?"]), ("3\n".into(), 0));
}

#[test]
fn exit_runs_the_exit_trap() {
    let mut s = session();
    let out = s.run("trap 'echo bye' EXIT; exit 4");
    assert_eq!((out.merged.as_str(), out.status), ("bye\n", 4));
    assert_eq!(s.exited(), Some(4));
}

#[test]
fn programs_plug_in() {
    let mut s = session();
    s.register("greet", |ctx: &mut Ctx<'_>, argv: &[String]| {
        let who = argv.get(1).cloned().unwrap_or_else(|| "world".into());
        ctx.out(format!("hello {who} from {}\n", ctx.cwd()));
        ctx.run_shell("echo nested; exit 3")
    });
    let out = s.run("greet you; echo $?; command -v greet");
    assert_eq!(
        out.stdout,
        "hello you from /home/learner\nnested\n3\n/usr/bin/greet\n"
    );
    let out = s.run("echo x | greet | tr a-z A-Z");
    assert_eq!(out.stdout, "HELLO WORLD FROM /HOME/LEARNER\nNESTED\n");
}

#[test]
fn scripts_in_the_filesystem_run_with_their_shebang() {
    assert_eq!(
        run(&["printf '#!/bin/sh\\necho \"$0 $1\"\\n' > s.sh; chmod +x s.sh; ./s.sh arg"]),
        ("./s.sh arg\n".into(), 0)
    );
    assert_eq!(
        run(&["echo 'echo hi' > t.sh; ./t.sh"]),
        ("sh: 1: ./t.sh: Permission denied\n".into(), 126)
    );
}

/// Found by the property test: a shell that exits while its budget is spent
/// drops its EXIT trap instead of running it after a later command.
#[test]
fn an_exit_trap_does_not_outlive_a_stopped_shell() {
    let mut s = Session::new(SessionConfig {
        budget: Budget {
            steps: 5_000,
            depth: 32,
            output_bytes: 100_000,
        },
        ..SessionConfig::default()
    });
    let out = s.run("trap 'echo t' EXIT EOF EOF\nyes\n& ");
    assert_eq!(out.status, 124);
    assert_eq!(s.run("echo still here").merged, "still here\n");
}
