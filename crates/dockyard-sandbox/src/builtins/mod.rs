//! dash's builtins that are plain commands: `cd`, `pwd`, `echo`, `printf`, `test`/`[`.
//! (`true`, `false` and the builtins that change the shell itself live in the interpreter.)

pub mod cd;
pub mod echo;
pub mod printf;
pub mod pwd;
pub mod test;
