//! Prints the parse tree of a Dockerfile read from standard input.

use std::io::Read;

fn main() {
    let mut source = String::new();
    if std::io::stdin().read_to_string(&mut source).is_ok() {
        let file = dockyard_dockerfile::parse(&source);
        print!("{}", dockyard_dockerfile::dump(&file, &source));
    }
}
