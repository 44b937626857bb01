//! Platform specifiers (`linux/arm64/v8`) as containerd's `platforms.Parse`
//! reads them, enough to know a constant platform's OS and architecture.
//! A lone architecture or OS is completed with BuildKit's usual defaults
//! here, `linux` and `amd64`.

const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "windows",
    "zos",
];

const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "ppc64",
    "ppc64le",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// The OS and architecture a platform names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Platform {
    pub os: String,
    pub arch: String,
}

fn normalize_os(os: &str) -> String {
    let os = os.to_ascii_lowercase();
    if os == "macos" {
        "darwin".to_string()
    } else {
        os
    }
}

fn normalize_arch(arch: &str) -> String {
    let arch = arch.to_ascii_lowercase();
    match arch.as_str() {
        "i386" => "386",
        "x86_64" | "x86-64" | "amd64" => "amd64",
        "aarch64" | "arm64" => "arm64",
        "armhf" | "armel" | "arm" => "arm",
        _ => return arch,
    }
    .to_string()
}

/// Parses a platform; `None` where containerd reports an error.
pub fn parse(text: &str) -> Option<Platform> {
    // `os(version)/arch`: the version is not needed here.
    let without_version = match (text.find('('), text.find(')')) {
        (Some(open), Some(close)) if open < close => {
            format!("{}{}", &text[..open], &text[close + 1..])
        }
        (None, None) => text.to_string(),
        _ => return None,
    };
    let parts: Vec<&str> = without_version.split('/').collect();
    let valid = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    };
    if !parts.iter().all(|p| valid(p)) {
        return None;
    }
    match parts.as_slice() {
        [one] => {
            let lower = one.to_ascii_lowercase();
            if KNOWN_OS.contains(&normalize_os(&lower).as_str()) {
                Some(Platform {
                    os: normalize_os(&lower),
                    arch: "amd64".into(),
                })
            } else if KNOWN_ARCH.contains(&normalize_arch(&lower).as_str()) {
                Some(Platform {
                    os: "linux".into(),
                    arch: normalize_arch(&lower),
                })
            } else {
                None
            }
        }
        [os, arch] | [os, arch, _] => Some(Platform {
            os: normalize_os(os),
            arch: normalize_arch(arch),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(os: &str, arch: &str) -> Option<Platform> {
        Some(Platform {
            os: os.into(),
            arch: arch.into(),
        })
    }

    #[test]
    fn parses_platforms() {
        assert_eq!(parse("linux/amd64"), p("linux", "amd64"));
        assert_eq!(parse("linux/arm64/v8"), p("linux", "arm64"));
        assert_eq!(parse("Linux/x86_64"), p("linux", "amd64"));
        assert_eq!(parse("windows"), p("windows", "amd64"));
        assert_eq!(parse("arm64"), p("linux", "arm64"));
        assert_eq!(parse("windows(10.0.17763)/amd64"), p("windows", "amd64"));
        assert_eq!(parse("nonsense"), None);
        assert_eq!(parse("linux//amd64"), None);
        assert_eq!(parse("a/b/c/d"), None);
        assert_eq!(parse(""), None);
    }
}
