//! `clear`: the terminal's clear-screen sequence (the web terminal acts on it).

use crate::registry::Ctx;

pub fn run(ctx: &mut Ctx<'_>, _argv: &[String]) -> i32 {
    ctx.out("\x1b[H\x1b[2J\x1b[3J");
    0
}
