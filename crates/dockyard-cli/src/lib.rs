//! The `dockyard` command: each simulator of the sandbox as a native
//! subcommand, so it can be run head to head against the real tool.
//!
//! Arguments are parsed by hand, not with an argument-parsing crate: each
//! subcommand must accept its real tool's flags and print that tool's
//! own usage errors, which no generic parser reproduces.

use std::io::Write;

pub mod lint;
mod make;
mod sh;

/// Exit status for a usage error, as most command-line tools use.
pub const EXIT_USAGE: i32 = 2;

/// One subcommand: its name, a one-line summary for `--help`, and its entry
/// point, which takes the arguments after the name and returns the exit status.
pub struct Command {
    pub name: &'static str,
    pub summary: &'static str,
    pub run: fn(&[String], &mut dyn Write, &mut dyn Write) -> i32,
}

/// Every subcommand this build offers. Each simulator adds its entry here
/// when it lands (`lint`, `make`, `sh`, `course check`).
pub const COMMANDS: &[Command] = &[
    Command {
        name: "lint",
        summary: "Lint Dockerfiles as hadolint 2.15.1 does (same options and output)",
        run: lint::run,
    },
    Command {
        name: "make",
        summary: "Run GNU make 4.3 in a sandbox loaded from this directory (files untouched)",
        run: make::run,
    },
    Command {
        name: "sh",
        summary: "Run shell commands in a sandbox loaded from this directory (files untouched)",
        run: sh::run,
    },
];

/// The version line printed by `--version`.
pub fn version() -> String {
    format!("dockyard {}", env!("CARGO_PKG_VERSION"))
}

/// The text printed by `--help`.
pub fn help() -> String {
    let mut text = String::from(
        "Dockyard's sandbox simulators on the command line.\n\n\
         Usage: dockyard [OPTIONS] <COMMAND> [ARGS]...\n\n\
         Commands:\n",
    );
    let width = COMMANDS
        .iter()
        .map(|c| c.name.len())
        .max()
        .unwrap_or(0)
        .max(4);
    for command in COMMANDS {
        text.push_str(&format!("  {:width$}  {}\n", command.name, command.summary));
    }
    text.push_str(&format!("  {:width$}  {}\n", "help", "Print this message"));
    text.push_str(
        "\nOptions:\n  -h, --help     Print this message\n  -V, --version  Print the version\n",
    );
    text
}

/// Runs `dockyard` with `args` (without the program name) and returns the
/// exit status. All output goes to `out` and `err`.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(first) = args.first() else {
        let _ = write!(err, "{}", help());
        return EXIT_USAGE;
    };
    match first.as_str() {
        "-h" | "--help" | "help" => {
            let _ = write!(out, "{}", help());
            0
        }
        "-V" | "--version" => {
            let _ = writeln!(out, "{}", version());
            0
        }
        name => match COMMANDS.iter().find(|c| c.name == name) {
            Some(command) => (command.run)(&args[1..], out, err),
            None => {
                let what = if name.starts_with('-') {
                    "option"
                } else {
                    "command"
                };
                let _ = writeln!(
                    err,
                    "dockyard: unknown {what} '{name}'\nRun 'dockyard --help' for the list of commands."
                );
                EXIT_USAGE
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(args: &[&str], status: i32, stdout: &str, stderr: &str) {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run(&args, &mut out, &mut err), status, "status of {args:?}");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            stdout,
            "stdout of {args:?}"
        );
        assert_eq!(
            String::from_utf8(err).unwrap(),
            stderr,
            "stderr of {args:?}"
        );
    }

    #[test]
    fn version_and_help() {
        let version = format!("dockyard {}\n", env!("CARGO_PKG_VERSION"));
        check(&["--version"], 0, &version, "");
        check(&["-V"], 0, &version, "");
        check(&["--help"], 0, &help(), "");
        check(&["help"], 0, &help(), "");
        check(&[], EXIT_USAGE, "", &help());
    }

    #[test]
    fn help_lists_only_commands_that_exist() {
        let text = help();
        for command in COMMANDS {
            assert!(text.contains(command.name));
        }
        let listed = text
            .split("Commands:\n")
            .nth(1)
            .unwrap()
            .split("\n\n")
            .next()
            .unwrap()
            .lines()
            .count();
        assert_eq!(listed, COMMANDS.len() + 1, "{text}");
    }

    #[test]
    fn unknown_commands_and_options_are_usage_errors() {
        check(
            &["frobnicate"],
            EXIT_USAGE,
            "",
            "dockyard: unknown command 'frobnicate'\nRun 'dockyard --help' for the list of commands.\n",
        );
        check(
            &["--frob"],
            EXIT_USAGE,
            "",
            "dockyard: unknown option '--frob'\nRun 'dockyard --help' for the list of commands.\n",
        );
    }
}
