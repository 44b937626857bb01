//! One-line checks of commands and shell features: a command line run in a fresh
//! session over three small files, then what the terminal shows (stdout and stderr
//! interleaved) and the status. Expectations were recorded from dash 0.5.12 and GNU
//! coreutils 9.1 with `{{PWD}}` standing for the working directory.

use dockyard_sandbox::{Invocation, Session, SessionConfig};
use dockyard_vfs::EntryKind;

const WORK: &str = "/tmp/w";
const BASE: u64 = 1_700_000_000;

fn session() -> Session {
    let mut session = Session::new(SessionConfig {
        user: "root".into(),
        cwd: Some(WORK.into()),
        start_time: BASE,
        env: Some(vec![
            ("HOME".into(), "/nonexistent".into()),
            ("LANG".into(), "C".into()),
            ("PATH".into(), "/usr/bin:/bin".into()),
        ]),
        ..SessionConfig::default()
    });
    let vfs = session.vfs_mut();
    for (name, content) in [
        ("f.txt", "apple\nbanana\ncherry\napricot\n"),
        ("nums.txt", "3\n1\n3\n10\n2\n"),
        ("kv.txt", "b:2\na:1\nc:3\nnone\n"),
    ] {
        vfs.insert_entry(
            &format!("{WORK}/{name}"),
            EntryKind::File,
            content.as_bytes(),
            0o644,
            BASE,
        )
        .expect("fixture file");
    }
    vfs.set_mtime(WORK, BASE).expect("work directory");
    // A year later, as when the expectations were recorded.
    vfs.set_now(BASE + 365 * 86400);
    session
}

/// Runs one case; the difference, if any.
fn check(script: &str, expected: &str, status: i32) -> Option<String> {
    let mut session = session();
    let out = session.run_script(&Invocation {
        script: script.to_string(),
        ..Invocation::default()
    });
    let expected = expected.replace("{{PWD}}", WORK);
    (out.merged != expected || out.status != status).then(|| {
        format!(
            "script: {script}\n  want {expected:?} {status}\n  got  {:?} {}",
            out.merged, out.status
        )
    })
}

#[test]
fn commands_match_dash_and_coreutils() {
    let failures: Vec<String> = [
        (
            r#"cat -n f.txt"#,
            r#"     1	apple
     2	banana
     3	cherry
     4	apricot
"#,
            0,
        ),
        (
            r#"cat f.txt nope; echo $?"#,
            r#"apple
banana
cherry
apricot
cat: nope: No such file or directory
1
"#,
            0,
        ),
        (
            r#"head -n 2 f.txt; tail -c 4 f.txt"#,
            r#"apple
banana
cot
"#,
            0,
        ),
        (
            r#"head -c 5 f.txt; echo"#,
            r#"apple
"#,
            0,
        ),
        (
            r#"tail -n +2 f.txt | head -n 1"#,
            r#"banana
"#,
            0,
        ),
        (
            r#"wc -l f.txt nums.txt"#,
            r#" 4 f.txt
 5 nums.txt
 9 total
"#,
            0,
        ),
        (
            r#"wc -c < f.txt"#,
            r#"28
"#,
            0,
        ),
        (
            r#"grep -n an f.txt"#,
            r#"2:banana
"#,
            0,
        ),
        (
            r#"grep -c a f.txt nums.txt"#,
            r#"f.txt:3
nums.txt:0
"#,
            0,
        ),
        (
            r#"grep -o 'a[a-z]' f.txt"#,
            r#"ap
an
an
ap
"#,
            0,
        ),
        (
            r#"grep -E 'b(an)+a' f.txt"#,
            r#"banana
"#,
            0,
        ),
        (
            r#"grep -v -i APPLE f.txt"#,
            r#"banana
cherry
apricot
"#,
            0,
        ),
        (
            r#"grep -w an f.txt; echo $?"#,
            r#"1
"#,
            0,
        ),
        (
            r#"grep -x cherry f.txt"#,
            r#"cherry
"#,
            0,
        ),
        (
            r#"grep -F 'a.' f.txt; echo $?"#,
            r#"1
"#,
            0,
        ),
        (
            r#"grep 'p\{2\}' f.txt; echo $?"#,
            r#"apple
0
"#,
            0,
        ),
        (
            r#"grep -e apple -e cherry f.txt"#,
            r#"apple
cherry
"#,
            0,
        ),
        (
            r#"grep -l apple f.txt nums.txt"#,
            r#"f.txt
"#,
            0,
        ),
        (
            r#"grep -h a f.txt nums.txt"#,
            r#"apple
banana
apricot
"#,
            0,
        ),
        (
            r#"grep '[' f.txt; echo $?"#,
            r#"grep: Invalid regular expression
2
"#,
            0,
        ),
        (
            r#"sort -n nums.txt | uniq -c"#,
            r#"      1 1
      1 2
      2 3
      1 10
"#,
            0,
        ),
        (
            r#"sort -rn nums.txt | head -n 1"#,
            r#"10
"#,
            0,
        ),
        (
            r#"sort -k2 -t: kv.txt"#,
            r#"none
a:1
b:2
c:3
"#,
            0,
        ),
        (
            r#"sort -u nums.txt"#,
            r#"1
10
2
3
"#,
            0,
        ),
        (r#"uniq -d nums.txt"#, r#""#, 0),
        (
            r#"cut -d: -f1 kv.txt"#,
            r#"b
a
c
none
"#,
            0,
        ),
        (
            r#"cut -c1-3 f.txt"#,
            r#"app
ban
che
apr
"#,
            0,
        ),
        (
            r#"cut -d: -f2 -s kv.txt"#,
            r#"2
1
3
"#,
            0,
        ),
        (
            r#"tr a-z A-Z < f.txt"#,
            r#"APPLE
BANANA
CHERRY
APRICOT
"#,
            0,
        ),
        (
            r#"tr -d a < f.txt"#,
            r#"pple
bnn
cherry
pricot
"#,
            0,
        ),
        (
            r#"tr -s 'p' < f.txt"#,
            r#"aple
banana
cherry
apricot
"#,
            0,
        ),
        (
            r#"sed 's/a/A/' f.txt"#,
            r#"Apple
bAnana
cherry
Apricot
"#,
            0,
        ),
        (
            r#"sed 's/a/A/g' f.txt"#,
            r#"Apple
bAnAnA
cherry
Apricot
"#,
            0,
        ),
        (
            r#"sed -n '2p' f.txt"#,
            r#"banana
"#,
            0,
        ),
        (
            r#"sed '1d' f.txt"#,
            r#"banana
cherry
apricot
"#,
            0,
        ),
        (
            r#"sed -n '/an/p' f.txt"#,
            r#"banana
"#,
            0,
        ),
        (
            r#"sed 's/\(a\)\(p\)/\2\1/' f.txt"#,
            r#"paple
banana
cherry
paricot
"#,
            0,
        ),
        (
            r#"sed -E 's/(an)+/X/' f.txt"#,
            r#"apple
bXa
cherry
apricot
"#,
            0,
        ),
        (
            r#"sed '2,3d' f.txt"#,
            r#"apple
apricot
"#,
            0,
        ),
        (
            r#"sed '$d' f.txt"#,
            r#"apple
banana
cherry
"#,
            0,
        ),
        (
            r#"sed = f.txt"#,
            r#"1
apple
2
banana
3
cherry
4
apricot
"#,
            0,
        ),
        (
            r#"sed 'y/abc/xyz/' f.txt"#,
            r#"xpple
yxnxnx
zherry
xprizot
"#,
            0,
        ),
        (
            r#"seq 3"#,
            r#"1
2
3
"#,
            0,
        ),
        (
            r#"seq 2 5"#,
            r#"2
3
4
5
"#,
            0,
        ),
        (
            r#"seq 0 2 6"#,
            r#"0
2
4
6
"#,
            0,
        ),
        (
            r#"seq -s, 1 4"#,
            r#"1,2,3,4
"#,
            0,
        ),
        (
            r#"basename /a/b/c.txt .txt; dirname /a/b/c.txt; dirname c.txt; basename /"#,
            r#"c
/a/b
.
/
"#,
            0,
        ),
        (
            r#"echo a b | xargs -n 1 echo x"#,
            r#"x a
x b
"#,
            0,
        ),
        (
            r#"printf 'a\nb\n' | xargs echo"#,
            r#"a b
"#,
            0,
        ),
        (
            r#"mkdir -p d/e && touch d/e/f && find d"#,
            r#"d
d/e
d/e/f
"#,
            0,
        ),
        (
            r#"find . -name '*.txt' | sort"#,
            r#"./f.txt
./kv.txt
./nums.txt
"#,
            0,
        ),
        (
            r#"mkdir -p d/e && find d -type d"#,
            r#"d
d/e
"#,
            0,
        ),
        (
            r#"find . -maxdepth 1 -type f | sort"#,
            r#"./f.txt
./kv.txt
./nums.txt
"#,
            0,
        ),
        (
            r#"ln -s f.txt link && readlink link && cat link | head -n 1"#,
            r#"f.txt
apple
"#,
            0,
        ),
        (
            r#"tee out.txt < f.txt | wc -l; cat out.txt | wc -l"#,
            r#"4
4
"#,
            0,
        ),
        (
            r#"rmdir nope; echo $?"#,
            r#"rmdir: failed to remove 'nope': No such file or directory
1
"#,
            0,
        ),
        (
            r#"mkdir x; rmdir x; ls -d x; echo $?"#,
            r#"ls: cannot access 'x': No such file or directory
2
"#,
            0,
        ),
        (
            r#"cp f.txt g.txt && cmp=$(cat g.txt | wc -l) && echo $cmp"#,
            r#"4
"#,
            0,
        ),
        (
            r#"mv f.txt nums.txt; echo $?; cat nums.txt | head -n 1"#,
            r#"0
apple
"#,
            0,
        ),
        (
            r#"rm -r nope; echo $?"#,
            r#"rm: cannot remove 'nope': No such file or directory
1
"#,
            0,
        ),
        (
            r#"touch -c nope; ls nope; echo $?"#,
            r#"ls: cannot access 'nope': No such file or directory
2
"#,
            0,
        ),
        (
            r#"echo $((7 / 2)) $((-7 % 3)) $((1 << 4)) $((5 > 3 && 2 > 1))"#,
            r#"3 -1 16 1
"#,
            0,
        ),
        (
            r#"x=5; echo ${x:+set} ${y:-unset} ${#x}"#,
            r#"set unset 1
"#,
            0,
        ),
        (
            r#"f() { return 3; }; f; echo $?"#,
            r#"3
"#,
            0,
        ),
        (
            r#"set -- a b c; echo $# "$*"; shift; echo "$@""#,
            r#"3 a b c
b c
"#,
            0,
        ),
        (
            r#"i=0; while true; do i=$((i+1)); [ $i -ge 3 ] && break; done; echo $i"#,
            r#"3
"#,
            0,
        ),
        (
            r#"case abc in a*) echo yes;; *) echo no;; esac"#,
            r#"yes
"#,
            0,
        ),
        (
            r#"echo `echo a` "$(echo b)""#,
            r#"a b
"#,
            0,
        ),
        (
            r#"{ echo out; echo err >&2; } 2>&1 | cat"#,
            r#"out
err
"#,
            0,
        ),
        (
            r#"echo hi > o.txt; echo more >> o.txt; cat o.txt"#,
            r#"hi
more
"#,
            0,
        ),
        (
            r#"cat <<END
x $((1+2))
END"#,
            r#"x 3
"#,
            0,
        ),
        (
            r#"read a b <<END
one two three
END
echo "$a|$b""#,
            r#"one|two three
"#,
            0,
        ),
        (
            r#"printf '%5s|%-5s|%05.1f|%x|%o|%c|%e\n' a b 3.14159 255 8 hello 12345.678"#,
            r#"    a|b    |003.1|ff|10|h|1.234568e+04
"#,
            0,
        ),
        (
            r#"printf '%s %s\n' a b c"#,
            r#"a b
c 
"#,
            0,
        ),
        (
            r#"test -d nope; echo $?; [ -z "" ]; echo $?; [ 1 -lt 2 -a 3 -gt 2 ]; echo $?"#,
            r#"1
0
0
"#,
            0,
        ),
        (
            r#"type cd; command -v grep"#,
            r#"cd is a shell builtin
/usr/bin/grep
"#,
            0,
        ),
        (
            r#"export A=1; env | grep ^A="#,
            r#"A=1
"#,
            0,
        ),
        (
            r#"unset PATH; ls; echo $?"#,
            r#"sh: 1: ls: not found
127
"#,
            0,
        ),
        (
            r#"true | false; echo $?; ! false; echo $?"#,
            r#"1
0
"#,
            0,
        ),
        (
            r#"chmod 600 f.txt; ls -l f.txt | cut -c1-10"#,
            r#"-rw-------
"#,
            0,
        ),
        (
            r#"chmod u+x,g+w f.txt; ls -l f.txt | cut -c1-10"#,
            r#"-rwxrw-r--
"#,
            0,
        ),
        (
            r#"date -u -d @86400 '+%Y-%m-%d %H:%M:%S %a %j'"#,
            r#"1970-01-02 00:00:00 Fri 002
"#,
            0,
        ),
        (
            r#"echo ~root"#,
            r#"/root
"#,
            0,
        ),
        (
            r#"x=' a  b '; set -- $x; echo $#"#,
            r#"2
"#,
            0,
        ),
        (
            r#"IFS=,; x=a,,b; set -- $x; echo $#"#,
            r#"3
"#,
            0,
        ),
        (
            r#"x=a,,b; echo ${x%%,*} ${x#*,}"#,
            r#"a ,b
"#,
            0,
        ),
        (
            r#"ls -l f.txt"#,
            r#"-rw-r--r-- 1 root root 28 Nov 14  2023 f.txt
"#,
            0,
        ),
        (
            r#"echo abc | sed 's/b*/X/g'"#,
            r#"XaXcX
"#,
            0,
        ),
        (
            r#"printf '%d\n' 0x1f 010 -5"#,
            r#"31
8
-5
"#,
            0,
        ),
        (
            r#"echo 'a\tb'"#,
            r#"a	b
"#,
            0,
        ),
        (
            r#"x=1; readonly x; x=2; echo no"#,
            r#"sh: 1: x: is read only
"#,
            2,
        ),
    ]
    .iter()
    .filter_map(|(script, expected, status)| check(script, expected, *status))
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
