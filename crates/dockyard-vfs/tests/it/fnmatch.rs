//! `fnmatch`: shell `case` pattern semantics (as dash), and the `pathname`/`period` options.

use dockyard_vfs::{fnmatch, fnmatch_with, has_glob_chars, unescape, MatchOptions};

#[track_caller]
fn check(pattern: &str, name: &str, expected: bool) {
    assert_eq!(
        fnmatch(pattern, name),
        expected,
        "fnmatch({pattern:?}, {name:?})"
    );
}

#[test]
fn wildcards() {
    check("*", "", true);
    check("*", "anything/at all", true);
    check("*", ".hidden", true);
    check("?", "", false);
    check("?", "a", true);
    check("?", "ab", false);
    check("??", "ab", true);
    check("a*", "abc", true);
    check("a*", "bac", false);
    check("*.py", "test.py", true);
    check("*.py", "test.pyc", false);
    check("*a*b*c*", "xxaxxbxxcxx", true);
    check("*a*b*c*", "xxaxxcxxbxx", false);
    check("a*b", "ab", true);
    check("a*b*", "aXbYb", true);
    check("**", "x", true);
    check("*?", "", false);
    check("*?*", "x", true);
    check("é?", "éa", true);
    check("?", "é", true);
    check("", "", true);
    check("", "a", false);
}

#[test]
fn brackets() {
    check("[abc]", "b", true);
    check("[abc]", "d", false);
    check("[a-c]x", "bx", true);
    check("[!a-c]x", "bx", false);
    check("[!a-c]x", "dx", true);
    check("[^a]", "b", false);
    check("[^a]", "^", true);
    check("[]]", "]", true);
    check("[!]]", "]", false);
    check("[!]]", "a", true);
    check("[a-]", "-", true);
    check("[-a]", "-", true);
    check("[b-a]", "a", false);
    check("[[:digit:]]*", "7up", true);
    check("[[:alpha:]]", "7", false);
    check("[[:upper:][:digit:]]", "Q", true);
    check("[[:space:]]", " ", true);
    check("[[:bogus:]]", "b", false);
    check("[[:alpha:]", "[", false);
    check("[\\]]", "]", true);
    check("[a\\-c]", "b", false);
    check("[a\\-c]", "-", true);
    check("[", "[", true);
    check("[a", "[a", true);
    check("a[", "a[", true);
    check("[*]", "*", true);
    check("[*]", "x", false);
}

#[test]
fn escapes() {
    check("\\*", "*", true);
    check("\\*", "x", false);
    check("\\?", "?", true);
    check("\\[a]", "[a]", true);
    check("a\\", "a\\", true);
    check("\\a", "a", true);
}

#[test]
fn case_statement_idioms() {
    check("*.tar.gz|*.tgz", "x.tgz", false);
    check("-*", "-v", true);
    check("[yY]*", "yes", true);
    check("[0-9]*", "42", true);
    check("*[!0-9]*", "42", false);
    check("*[!0-9]*", "4a2", true);
}

#[test]
fn options() {
    let path = MatchOptions {
        pathname: true,
        period: false,
    };
    let period = MatchOptions {
        pathname: false,
        period: true,
    };
    let both = MatchOptions {
        pathname: true,
        period: true,
    };
    for (pattern, name, options, expected) in [
        ("*", "a/b", path, false),
        ("*/*", "a/b", path, true),
        ("a?b", "a/b", path, false),
        ("a[/]b", "a/b", path, false),
        ("*/*.py", "src/x.py", path, true),
        ("*/*.py", "src/sub/x.py", path, false),
        ("*", ".env", period, false),
        (".*", ".env", period, true),
        ("?env", ".env", period, false),
        ("[.]env", ".env", period, false),
        ("*/*", "a/.b", period, true),
        ("*/*", "a/.b", both, false),
        ("*/.*", "a/.b", both, true),
        ("*", "a/b", MatchOptions::default(), true),
    ] {
        assert_eq!(
            fnmatch_with(pattern, name, options),
            expected,
            "{pattern:?} {name:?} {options:?}"
        );
    }
}

#[test]
fn long_inputs_stay_fast() {
    let name = "a".repeat(10_000);
    let pattern = "*a".repeat(200) + "b";
    assert!(!fnmatch(&pattern, &name));
}

#[test]
fn glob_chars_and_unescape() {
    for (pattern, has) in [
        ("*.c", true),
        ("a?", true),
        ("[ab]", true),
        ("[ab", false),
        ("\\*", false),
        ("plain", false),
    ] {
        assert_eq!(has_glob_chars(pattern), has, "{pattern}");
    }
    assert_eq!(unescape("a\\*b\\\\c\\"), "a*b\\c\\");
}
