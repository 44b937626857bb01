//! UndefinedVar: a variable used where BuildKit expands it, never defined.

use super::expand::Env;
use super::suggest::search;
use super::{CheckConfig, Lint};

declare_check! {
    /// ## What it does
    /// Flags a `$name` that BuildKit expands itself (in `ENV`, `LABEL`,
    /// `ARG` defaults, `COPY`/`ADD` sources, destination, `--chown`,
    /// `--chmod` and here-documents, `WORKDIR`, `USER`, `VOLUME`,
    /// `STOPSIGNAL`) when nothing defined it before: no `ENV` or `ARG`
    /// in the stage (or the stage it builds on). Suggests the closest
    /// defined name within two edits. Shell-form `RUN`, `CMD` and
    /// `ENTRYPOINT` are left to the shell.
    ///
    /// Limits: the base image's own environment is unknown here, so only
    /// `PATH` (which BuildKit always sets) and what the file declares
    /// count as defined; a variable the image sets (`$PYTHON_VERSION` in
    /// `python`) is reported although BuildKit, which reads the image,
    /// would not. Predefined platform arguments such as `TARGETARCH` need
    /// an `ARG TARGETARCH` in the stage, as in BuildKit. Expansions in
    /// `RUN --mount` options are not checked.
    ///
    /// ## Why is this bad?
    /// An undefined variable silently expands to nothing: `COPY $SRC .`
    /// copies the whole context, `ENV PATH=$PAHT:/app` loses `PATH`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine
    /// ENV PATH=$PAHT:/app/bin
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine
    /// ENV PATH=$PATH:/app/bin
    /// ```
    name: "UndefinedVar",
    experimental: false,
}

/// `unmatched`: names the expansion did not find and no `ARG` declares.
pub(super) fn check(
    lint: &mut Lint,
    config: &CheckConfig,
    line: u32,
    unmatched: &[&str],
    env: &Env,
) {
    for name in unmatched {
        let mut message = format!("Usage of undefined variable '${name}'");
        if let Some(suggestion) = search(name, env.keys()) {
            message.push_str(&format!(" (did you mean ${suggestion}?)"));
        }
        lint.report(config, &META, line, message);
    }
}

#[cfg(test)]
mod tests {
    use crate::buildkit::testing::{catches, passes, says};

    #[test]
    fn spec() {
        says(
            "UndefinedVar",
            "FROM a\nENV PATH=$PAHT:/x\nCOPY $foo .\n",
            &[
                (
                    2,
                    "Usage of undefined variable '$PAHT' (did you mean $PATH?)",
                ),
                (3, "Usage of undefined variable '$foo'"),
            ],
        );
        // Declared by ARG (with or without a value) or ENV before use.
        passes(
            "UndefinedVar",
            "FROM a\nARG foo\nCOPY $foo .\nENV B=1\nLABEL x=$B\n",
        );
        // Not in RUN, CMD, ENTRYPOINT: the shell expands those.
        passes(
            "UndefinedVar",
            "FROM a\nRUN echo $X\nCMD echo $Y\nENTRYPOINT [\"$Z\"]\n",
        );
        // Pairs of one ENV do not see each other.
        catches("UndefinedVar", "FROM a\nENV A=1 B=$A\n", &[2]);
        // Global ARGs and predefined arguments need an ARG in the stage.
        catches(
            "UndefinedVar",
            "ARG V=1\nFROM a\nENV X=$V-$TARGETARCH\n",
            &[3, 3],
        );
        passes(
            "UndefinedVar",
            "ARG V=1\nFROM a\nARG V\nARG TARGETARCH\nENV X=$V-$TARGETARCH\n",
        );
        // Carried into a stage built on this one.
        passes(
            "UndefinedVar",
            "FROM a AS base\nENV H=/h\nFROM base\nWORKDIR $H\n",
        );
        catches(
            "UndefinedVar",
            "FROM a AS base\nENV H=/h\nFROM a\nWORKDIR $H\n",
            &[4],
        );
        // Defaults and escapes.
        catches(
            "UndefinedVar",
            "FROM a\nUSER ${U:-app}\nVOLUME '$Q' \\$R\n",
            &[2],
        );
        // Here-documents of COPY unless the marker is quoted.
        catches(
            "UndefinedVar",
            "FROM a\nCOPY <<EOF /x\n$N\nEOF\nCOPY <<'EOF' /y\n$M\nEOF\n",
            &[2],
        );
        // An ARG default is checked against what came before it.
        catches("UndefinedVar", "FROM a\nARG B=$C C=1\n", &[2]);
        // A stage built on a stage runs its ONBUILD triggers, reported at
        // its own FROM.
        catches(
            "UndefinedVar",
            "FROM a AS base\nONBUILD COPY $Q .\nFROM base\n",
            &[3],
        );
        // A `# check=` comment above the instruction.
        passes(
            "UndefinedVar",
            "FROM a\n# check=skip=UndefinedVar\nCOPY $W .\n",
        );
    }
}
