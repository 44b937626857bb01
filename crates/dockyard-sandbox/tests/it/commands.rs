//! One-line checks per command: a command line, then what the terminal shows and the status.
