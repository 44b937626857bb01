//! Specs of the ShellCheck rule: how the script is built (shell, declared
//! variables, stages), which single comment survives, and each check.

use super::*;
use crate::rules::testing::{catches, passes};

fn survivor_of(dockerfile: &str) -> Vec<(u32, String)> {
    match crate::lint::lint(dockerfile, "Dockerfile", &crate::config::Config::default()) {
        crate::report::Outcome::Findings(f) => f
            .into_iter()
            .filter(|f| f.code.starts_with("SC"))
            .map(|f| (f.line, f.code))
            .collect(),
        crate::report::Outcome::ParseError(e) => panic!("{e:?}"),
    }
}

#[test]
fn the_umbrella_example_reports_an_sc_code() {
    let doc = ShellCheck::META.documentation();
    let example = doc
        .split("## Example")
        .nth(1)
        .and_then(|a| a.split("```dockerfile\n").nth(1))
        .and_then(|b| b.split("```").next())
        .unwrap();
    assert_eq!(survivor_of(example), [(2, "SC2086".to_string())]);
}

#[test]
fn script_preamble() {
    let opts = ShellOpts::default();
    let script = opts.script("echo hi").unwrap();
    assert!(script.starts_with("#!/bin/sh\nexport FTP_PROXY=1\n"));
    assert!(script.ends_with("export no_proxy=1\necho hi"));
    let pwsh = ShellOpts {
        shell: "pwsh -c".into(),
        ..ShellOpts::default()
    };
    assert_eq!(pwsh.script("echo $x"), None);
    assert_eq!(opts.script("#!/usr/bin/env python3\nprint(1)"), None);
    assert!(opts.script("#!/bin/bash\necho").is_some());
}

#[test]
fn only_the_last_comment_survives() {
    // SC2164 at `cd`, SC2086 at `$HOME` after it: the later position wins.
    assert_eq!(
        survivor_of("FROM a:1\nRUN cd /tmp; echo $HOME\n"),
        [(2, "SC2086".to_string())]
    );
    assert_eq!(
        survivor_of("FROM a:1\nRUN echo $HOME; cd /tmp\n"),
        [(2, "SC2164".to_string())]
    );
    // Same position: the least severe wins (SC2006 style over SC2046 warning).
    assert_eq!(
        survivor_of("FROM a:1\nRUN echo `date`\n"),
        [(2, "SC2006".to_string())]
    );
    // [[ at the start, == later: SC3014 wins.
    assert_eq!(
        survivor_of("FROM a:1\nRUN [[ \"$A\" == b ]] && echo y\n"),
        [(2, "SC3014".to_string())]
    );
}

#[test]
fn shells_and_stages() {
    // bash: no SC3xxx.
    passes(
        "SC3010",
        "FROM a:1\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -f x ]]\n",
    );
    passes(
        "SC3010",
        "FROM a:1\n# hadolint shell=/bin/bash\nRUN [[ -f x ]]\n",
    );
    // 2.15.x: ENV/ARG after SHELL go back to /bin/sh.
    catches(
        "SC3010",
        "FROM a:1\nSHELL [\"/bin/bash\", \"-c\"]\nENV A=1\nRUN [[ -f x ]]\n",
        &[4],
    );
    // powershell: skipped.
    passes(
        "SC2086",
        "FROM a:1\nSHELL [\"pwsh\", \"-c\"]\nRUN echo $x\n",
    );
    // A new stage starts from the default shell; one built on an earlier stage inherits it.
    catches(
        "SC3010",
        "FROM a:1 AS b\nSHELL [\"/bin/bash\", \"-c\"]\nFROM c:1\nRUN [[ -f x ]]\n",
        &[4],
    );
    passes(
        "SC3010",
        "FROM a:1 AS b\nSHELL [\"/bin/bash\", \"-c\"]\nFROM b\nRUN [[ -f x ]]\n",
    );
    // Exec form is never shellchecked.
    passes("SC2086", "FROM a:1\nRUN [\"sh\", \"-c\", \"echo $x\"]\n");
    // ONBUILD RUN is.
    catches("SC2086", "FROM a:1\nONBUILD RUN echo $x\n", &[2]);
    // A relative shell name.
    catches(
        "SC2239",
        "FROM a:1\n# hadolint shell=bash\nRUN echo hi\n",
        &[3],
    );
    // An unsupported shebang in a heredoc.
    passes(
        "SC2086",
        "FROM a:1\nRUN <<EOF\n#!/usr/bin/env python3\nprint($x)\nEOF\n",
    );
}

#[test]
fn declared_variables_hold_no_spaces() {
    passes("SC2086", "FROM a:1\nARG V=1\nRUN echo $V\n");
    passes("SC2086", "FROM a:1\nENV V=1\nRUN echo $V\n");
    catches("SC2086", "FROM a:1\nRUN echo $V\n", &[2]);
    passes("SC2086", "FROM a:1\nRUN echo $http_proxy\n");
    // A new stage forgets them.
    catches("SC2086", "FROM a:1\nARG V\nFROM b:1\nRUN echo $V\n", &[4]);
}

#[test]
fn unquoted_expansion() {
    catches("SC2086", "FROM a:1\nRUN echo $HOME\n", &[2]);
    catches("SC2086", "FROM a:1\nRUN echo ${HOME}/x\n", &[2]);
    catches("SC2086", "FROM a:1\nRUN echo $1\n", &[2]);
    passes("SC2086", "FROM a:1\nRUN echo \"$HOME\"\n");
    passes("SC2086", "FROM a:1\nRUN echo $? $# $$ $! $-\n");
    passes("SC2086", "FROM a:1\nRUN echo ${#HOME}\n");
    passes("SC2086", "FROM a:1\nRUN echo ${x:+a}\n");
    passes("SC2086", "FROM a:1\nRUN x=$HOME\n");
    passes("SC2086", "FROM a:1\nRUN x=1; echo $x\n");
    catches("SC2086", "FROM a:1\nRUN x='a b'; echo $x\n", &[2]);
    catches("SC2086", "FROM a:1\nRUN x=$(date); echo $x\n", &[2]);
    passes("SC2086", "FROM a:1\nRUN x=$((1+2)); echo $x\n");
    passes("SC2086", "FROM a:1\nRUN for i in 1 2; do echo $i; done\n");
    passes("SC2086", "FROM a:1\nRUN $CMD arg\n");
    passes("SC2086", "FROM a:1\nRUN [[ -n $HOME ]]\n");
    passes("SC2086", "FROM a:1\nRUN echo $((HOME + 1))\n");
    passes("SC2086", "FROM a:1\nRUN case $HOME in x) ;; esac\n");
    passes(
        "SC2086",
        "FROM a:1\nRUN for f in $HOME; do echo \"$f\"; done\n",
    );
    // `export x=$y` is split in sh, not in bash.
    catches("SC2086", "FROM a:1\nRUN export X=$HOME\n", &[2]);
    passes(
        "SC2086",
        "FROM a:1\nSHELL [\"/bin/bash\", \"-c\"]\nRUN export X=$HOME\n",
    );
}

#[test]
fn unquoted_command_substitution() {
    catches("SC2046", "FROM a:1\nRUN kill $(pidof x)\n", &[2]);
    passes("SC2046", "FROM a:1\nRUN kill \"$(pidof x)\"\n");
    passes("SC2046", "FROM a:1\nRUN x=$(pidof x)\n");
    passes("SC2046", "FROM a:1\nRUN kill $(pgrep x)\n");
    passes("SC2046", "FROM a:1\nRUN $(which python) -V\n");
}

#[test]
fn cd() {
    catches("SC2164", "FROM a:1\nRUN cd /tmp; make\n", &[2]);
    catches("SC2164", "FROM a:1\nRUN make && cd /tmp\n", &[2]);
    passes("SC2164", "FROM a:1\nRUN cd /tmp && make\n");
    passes("SC2164", "FROM a:1\nRUN cd /tmp || exit; make\n");
    passes("SC2164", "FROM a:1\nRUN set -e; cd /tmp; make\n");
    passes("SC2164", "FROM a:1\nRUN cd ..; make\n");
    passes("SC2164", "FROM a:1\nRUN if cd /tmp; then make; fi\n");
}

#[test]
fn posix_sh() {
    catches("SC3009", "FROM a:1\nRUN mkdir -p /a/{b,c}\n", &[2]);
    catches("SC3010", "FROM a:1\nRUN [[ -f /x ]] && echo y\n", &[2]);
    catches("SC3014", "FROM a:1\nRUN [ \"$A\" == b ] && echo y\n", &[2]);
    passes("SC3014", "FROM a:1\nRUN [ \"$A\" = b ] && echo y\n");
    catches("SC3020", "FROM a:1\nRUN ls &> /dev/null\n", &[2]);
    catches("SC3037", "FROM a:1\nRUN echo -e x\n", &[2]);
    passes("SC3037", "FROM a:1\nRUN echo -x\n");
    catches("SC3040", "FROM a:1\nRUN set -o pipefail\n", &[2]);
    passes("SC3040", "FROM a:1\nRUN set -o errexit\n");
    catches("SC3045", "FROM a:1\nRUN read -p x y && echo \"$y\"\n", &[2]);
    catches("SC3046", "FROM a:1\nRUN source /etc/profile\n", &[2]);
    catches("SC3047", "FROM a:1\nRUN trap 'x' ERR\n", &[2]);
    passes("SC3047", "FROM a:1\nRUN trap 'x' EXIT\n");
}

#[test]
fn other_checks() {
    catches("SC1001", "FROM a:1\nRUN echo hello\\world\n", &[2]);
    passes("SC1001", "FROM a:1\nRUN echo 'hello\\world'\n");
    catches("SC2005", "FROM a:1\nRUN echo \"$(cat f)\"\n", &[2]);
    catches("SC2006", "FROM a:1\nRUN echo \"`date`\"\n", &[2]);
    catches("SC2010", "FROM a:1\nRUN ls /tmp | grep x\n", &[2]);
    catches("SC2012", "FROM a:1\nRUN ls /tmp/*.deb | wc -l\n", &[2]);
    catches("SC2016", "FROM a:1\nRUN echo '$HOME'\n", &[2]);
    passes("SC2016", "FROM a:1\nRUN awk '{print $1}' f\n");
    passes("SC2016", "FROM a:1\nRUN sed -n '$p' f\n");
    catches("SC2028", "FROM a:1\nRUN echo \"a\\tb\"\n", &[2]);
    passes("SC2028", "FROM a:1\nRUN echo a\n");
    catches("SC2035", "FROM a:1\nRUN rm *.log\n", &[2]);
    passes("SC2035", "FROM a:1\nRUN rm -- *.log\n");
    catches(
        "SC2038",
        "FROM a:1\nRUN find . -name \"*.o\" | xargs rm\n",
        &[2],
    );
    passes("SC2038", "FROM a:1\nRUN find . -print0 | xargs -0 rm\n");
    catches(
        "SC2043",
        "FROM a:1\nRUN for f in a; do echo \"$f\"; done\n",
        &[2],
    );
    catches(
        "SC2044",
        "FROM a:1\nRUN for f in $(find . -name x); do echo \"$f\"; done\n",
        &[2],
    );
    catches(
        "SC2045",
        "FROM a:1\nRUN for f in $(ls); do echo \"$f\"; done\n",
        &[2],
    );
    catches("SC2116", "FROM a:1\nRUN echo \"$(echo hi)\"\n", &[2]);
    catches("SC2155", "FROM a:1\nRUN export X=\"$(date)\"\n", &[2]);
    catches("SC2162", "FROM a:1\nRUN read y && echo \"$y\"\n", &[2]);
    catches("SC2174", "FROM a:1\nRUN mkdir -p -m 700 /a/b\n", &[2]);
    passes("SC2174", "FROM a:1\nRUN mkdir -p -m 700 b\n");
    catches("SC2196", "FROM a:1\nRUN egrep x f\n", &[2]);
    catches("SC2215", "FROM a:1\nRUN --flag foo\n", &[2]);
}

#[test]
fn variables() {
    // SC2034: assigned, never read.
    catches("SC2034", "FROM a:1\nRUN x=1\n", &[2]);
    catches("SC2034", "FROM a:1\nRUN read -r line\n", &[2]);
    passes("SC2034", "FROM a:1\nRUN x=1; echo \"$x\"\n");
    passes("SC2034", "FROM a:1\nRUN echo \"$x\"; x=1\n");
    passes("SC2034", "FROM a:1\nRUN export x=1\n");
    passes("SC2034", "FROM a:1\nRUN _x=1\n");
    passes("SC2034", "FROM a:1\nRUN PATH=/x\n");
    // Declared by ARG/ENV: exported in the preamble, so read.
    passes("SC2034", "FROM a:1\nARG x\nRUN x=1\n");
    // Only with no command: `x=1 cmd` sets x for cmd.
    passes("SC2034", "FROM a:1\nRUN x=1 make\n");
    // SC2154: lowercase, read, never assigned (anywhere in the RUN).
    catches("SC2154", "FROM a:1\nRUN echo \"$version\"\n", &[2]);
    passes("SC2154", "FROM a:1\nARG version\nRUN echo \"$version\"\n");
    passes("SC2154", "FROM a:1\nRUN echo \"$http_proxy\"\n");
    passes("SC2154", "FROM a:1\nRUN echo \"$HOME $VERSION\"\n");
    passes("SC2154", "FROM a:1\nRUN echo \"${v:-1}\"\n");
    passes("SC2154", "FROM a:1\nRUN echo \"${v:+x}\"\n");
    passes("SC2154", "FROM a:1\nRUN echo \"${v:?}\"\n");
    passes("SC2154", "FROM a:1\nRUN [ -n \"$v\" ] && echo \"$v\"\n");
    passes(
        "SC2154",
        "FROM a:1\nRUN for v in a b; do echo \"$v\"; done\n",
    );
    passes("SC2154", "FROM a:1\nRUN echo \"$v\"; v=1\n");
    // SC2153: uppercase, close to an assigned name.
    catches(
        "SC2153",
        "FROM a:1\nARG APP_VERSION\nRUN echo \"$APP_VERSON\"\n",
        &[3],
    );
    passes("SC2153", "FROM a:1\nRUN echo \"$APP_VERSON\"\n");
}

#[test]
fn variable_messages() {
    let msg = |text: &str| shellcheck(&ShellOpts::default(), text).map(|c| c.message);
    assert_eq!(
        msg("echo \"$ls\"").as_deref(),
        Some("ls is referenced but not assigned (for output from commands, use \"$(ls ...)\" ).")
    );
    assert_eq!(
        msg("fooba=1; export fooba; echo \"$foobar\"").as_deref(),
        Some("foobar is referenced but not assigned (did you mean 'fooba'?).")
    );
    assert_eq!(
        msg("y=1; y=2").as_deref(),
        Some("y appears unused. Verify use (or export if used externally).")
    );
}

#[test]
fn parse_mistakes_shellcheck_reads_past() {
    catches("SC1097", "FROM a:1\nRUN X==1\n", &[2]);
    passes("SC1097", "FROM a:1\nRUN X=1; echo \"$X\"\n");
    catches("SC1065", "FROM a:1\nRUN f(a) { echo hi; }; f\n", &[2]);
    // The rest of the script is still checked.
    assert_eq!(
        survivor_of("FROM a:1\nRUN f(a) { echo \"$a\"; }\n"),
        [(2, "SC2154".to_string())]
    );
}

#[test]
fn style_checks() {
    catches(
        "SC2129",
        "FROM a:1\nRUN echo a >> f; echo b >> f; echo c >> f\n",
        &[2],
    );
    passes("SC2129", "FROM a:1\nRUN echo a >> f; echo b >> f\n");
    passes(
        "SC2129",
        "FROM a:1\nRUN echo a >> f; echo b >> g; echo c >> f\n",
    );
    catches(
        "SC2181",
        "FROM a:1\nRUN make; if [ $? -ne 0 ]; then exit 1; fi\n",
        &[2],
    );
    passes("SC2181", "FROM a:1\nRUN make; [ $? -eq 4 ] && echo x\n");
    passes(
        "SC2181",
        "FROM a:1\nRUN f() { if [ $? -eq 0 ]; then :; fi; }; f\n",
    );
    catches("SC2166", "FROM a:1\nRUN [ -f a -a -f b ] && echo y\n", &[2]);
    passes("SC2166", "FROM a:1\nRUN [ -a f ] && echo y\n");
    catches("SC2015", "FROM a:1\nRUN a && b || c\n", &[2]);
    passes("SC2015", "FROM a:1\nRUN a && b || true\n");
    catches("SC2015", "FROM a:1\nRUN [ -f a ] || a && b || c\n", &[2]);
    passes("SC2015", "FROM a:1\nRUN a && b || c || d\n");
    passes("SC2015", "FROM a:1\nRUN a && [ -f b ] || c\n");
    catches("SC2068", "FROM a:1\nRUN printf '%s' $@\n", &[2]);
    passes("SC2068", "FROM a:1\nRUN printf '%s' \"$@\"\n");
    catches(
        "SC2048",
        "FROM a:1\nRUN for x in $*; do echo \"$x\"; done\n",
        &[2],
    );
    catches("SC2004", "FROM a:1\nRUN echo \"$(($n + 1))\"\n", &[2]);
    passes("SC2004", "FROM a:1\nRUN echo \"$((10#$n + $1))\"\n");
    catches("SC2059", "FROM a:1\nRUN printf \"$HOME\"\n", &[2]);
    passes("SC2059", "FROM a:1\nRUN printf \"%s $HOME\"\n");
    catches("SC2026", "FROM a:1\nRUN echo 'a'b'c'\n", &[2]);
    catches("SC2140", "FROM a:1\nRUN echo \"a\"b\"c\"\n", &[2]);
    passes("SC2140", "FROM a:1\nRUN echo \"$a\"b\"$c\"\n");
    passes("SC2140", "FROM a:1\nRUN echo \"a\"/\"c\"\n");
    catches("SC2027", "FROM a:1\nRUN v=1; echo \"a\"$v\"c\"\n", &[2]);
}

#[test]
fn syntax_slips() {
    catches("SC2283", "FROM a:1\nRUN X = 1; echo \"$X\"\n", &[2]);
    passes("SC2283", "FROM a:1\nRUN echo \"=\" 1\n");
    catches("SC2281", "FROM a:1\nRUN $X=1\n", &[2]);
    catches("SC1007", "FROM a:1\nRUN VAR= value\n", &[2]);
    passes("SC1007", "FROM a:1\nRUN IFS= read -r x; echo \"$x\"\n");
    catches("SC1010", "FROM a:1\nRUN echo done\n", &[2]);
    passes("SC1010", "FROM a:1\nRUN echo \"done\"\n");
    catches(
        "SC1086",
        "FROM a:1\nRUN for $i in 1 2; do echo \"$i\"; done\n",
        &[2],
    );
}
