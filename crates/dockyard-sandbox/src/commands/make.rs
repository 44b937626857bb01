//! `make`: GNU make 4.3 from `dockyard-make`, its recipes run by this sandbox's shell
//! (`/bin/sh -c LINE`, or the command exec'd directly when it needs no shell).

use dockyard_make::{ExecError, RecipeRunner};
use dockyard_vfs::Vfs;

use crate::registry::Ctx;

struct Runner<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
}

impl RecipeRunner for Runner<'_, '_> {
    fn vfs(&mut self) -> &mut Vfs {
        self.ctx.vfs()
    }

    fn out(&mut self, text: &str) {
        self.ctx.out(text);
    }

    fn err(&mut self, text: &str) {
        self.ctx.err(text);
    }

    fn exec(
        &mut self,
        argv: &[String],
        env: &[(String, String)],
        cwd: &str,
        capture: bool,
    ) -> Result<(i32, Vec<u8>), ExecError> {
        self.ctx.exec_in(argv, env, cwd, capture).map_err(|denied| {
            if denied {
                ExecError::PermissionDenied
            } else {
                ExecError::NotFound
            }
        })
    }
}

pub fn run(ctx: &mut Ctx<'_>, argv: &[String]) -> i32 {
    let env = ctx.env();
    let cwd = ctx.cwd().to_string();
    let mut runner = Runner { ctx };
    dockyard_make::run(&mut runner, argv, &env, &cwd)
}
