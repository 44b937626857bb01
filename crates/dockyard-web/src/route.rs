//! Hash routes: the app lives in the URL fragment so it can be served
//! statically from any host and any sub-path.

/// A page of the app, as named by the URL fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` (or no fragment at all): the course outline.
    Home,
    /// `#/lesson/ID`: one lesson.
    Lesson(String),
    /// `#/sandbox`: the free workspace.
    Sandbox,
    /// `#/rules/CODE`: a lint rule's documentation.
    Rule(String),
    /// Any fragment that names no page; carries the path for the message.
    NotFound(String),
}

impl Route {
    /// Reads a route from `location.hash` (with or without the leading `#`).
    /// Never fails: anything unknown becomes [`Route::NotFound`].
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        // Query-like suffixes belong to later features (share links); a
        // route is only the path part.
        let path = path.split(['?', '&']).next().unwrap_or("");
        let trimmed = path.trim_end_matches('/');
        let segments: Vec<&str> = trimmed
            .strip_prefix('/')
            .unwrap_or(trimmed)
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["sandbox"] => Route::Sandbox,
            ["lesson", id] if is_valid_id(id) => Route::Lesson((*id).to_string()),
            ["rules", code] if is_valid_code(code) => Route::Rule((*code).to_string()),
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The fragment that leads to this route, for `href` attributes.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Lesson(id) => format!("#/lesson/{id}"),
            Route::Sandbox => "#/sandbox".to_string(),
            Route::Rule(code) => format!("#/rules/{code}"),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The document title for this route.
    pub fn title(&self) -> String {
        match self {
            Route::Home => "Dockyard".to_string(),
            Route::Lesson(id) => format!("Lesson {id} · Dockyard"),
            Route::Sandbox => "Sandbox · Dockyard".to_string(),
            Route::Rule(code) => format!("{code} · Dockyard"),
            Route::NotFound(_) => "Page not found · Dockyard".to_string(),
        }
    }
}

/// Rule codes (`DL3006`, `SC2086`) and Docker build check names
/// (`StageNameCasing`): they start with a capital letter.
fn is_valid_code(code: &str) -> bool {
    (2..=40).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_uppercase())
        && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Lesson ids are slugs: lowercase ASCII letters, digits and dashes.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::Route;

    fn check(hash: &str, expected: Route) {
        assert_eq!(Route::parse(hash), expected, "parsing {hash:?}");
    }

    #[test]
    fn parses_known_routes() {
        check("", Route::Home);
        check("#", Route::Home);
        check("#/", Route::Home);
        check("#/sandbox", Route::Sandbox);
        check("#/sandbox/", Route::Sandbox);
        check(
            "#/lesson/makefiles-101",
            Route::Lesson("makefiles-101".into()),
        );
        check("#/lesson/intro?embed=1", Route::Lesson("intro".into()));
        check("#/rules/DL3006", Route::Rule("DL3006".into()));
    }

    #[test]
    fn unknown_or_malformed_paths_are_not_found() {
        check("#/nowhere", Route::NotFound("/nowhere".into()));
        check("#/lesson", Route::NotFound("/lesson".into()));
        check("#/lesson/a/b", Route::NotFound("/lesson/a/b".into()));
        check(
            "#/lesson/<script>",
            Route::NotFound("/lesson/<script>".into()),
        );
        check("#/lesson/UPPER", Route::NotFound("/lesson/UPPER".into()));
        check("#/rules/dl3006", Route::NotFound("/rules/dl3006".into()));
        check(
            "#/rules/StageNameCasing",
            Route::Rule("StageNameCasing".into()),
        );
        check("#/rules/DL-3006", Route::NotFound("/rules/DL-3006".into()));
    }

    #[test]
    fn href_round_trips() {
        for route in [
            Route::Home,
            Route::Sandbox,
            Route::Lesson("docker-basics".into()),
            Route::Rule("SC2086".into()),
            Route::NotFound("/x/y".into()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
