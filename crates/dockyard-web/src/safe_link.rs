//! Which link targets rendered Markdown may keep: relative links, fragments
//! and web links. Shared by `build.rs` (which renders) and the tests here.

/// `Some(url)` when the link is safe to follow.
pub fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let has_scheme = lower
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|first| first.contains(':'));
    (!has_scheme || lower.starts_with("http://") || lower.starts_with("https://"))
        .then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn only_safe_links_are_kept() {
        assert_eq!(
            safe_href("#/rules/DL3006").as_deref(),
            Some("#/rules/DL3006")
        );
        assert_eq!(
            safe_href("https://docs.docker.com").as_deref(),
            Some("https://docs.docker.com")
        );
        assert_eq!(safe_href("lesson/intro").as_deref(), Some("lesson/intro"));
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href(" JavaScript:alert(1)"), None);
        assert_eq!(safe_href("data:text/html,x"), None);
    }
}
