//! `dockyard make [options] [VAR=value]... [TARGET]...`: GNU make 4.3 simulated on a
//! sandbox loaded from the current directory (the real files are never touched).

use std::io::Write;
use std::path::Path;

use dockyard_sandbox::{Invocation, Session, SessionConfig};

/// Quotes a word for the sandbox's shell.
fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', "'\\''"))
}

pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut session = Session::new(SessionConfig::default());
    let home = session.cwd().to_string();
    if let Err(message) = crate::sh::load(Path::new("."), &home, &mut session) {
        let _ = writeln!(err, "dockyard make: {message}");
        return 1;
    }
    let mut script = String::from("make");
    for a in args {
        script.push(' ');
        script.push_str(&quote(a));
    }
    let output = session.run_script(&Invocation {
        script,
        ..Invocation::default()
    });
    let _ = out.write_all(output.stdout.as_bytes());
    let _ = err.write_all(output.stderr.as_bytes());
    output.status
}
