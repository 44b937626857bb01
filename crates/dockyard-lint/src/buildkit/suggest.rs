//! "Did you mean …?": BuildKit's suggestion for a misspelt name, the
//! closest option by edit distance when that distance is under 3.

/// Levenshtein distance over characters (insert, delete, substitute: 1).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The first option strictly closest to `value` at a distance under 3;
/// none when an option equals `value` (case-sensitively).
pub fn search<'a>(value: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best = None;
    let mut min = 3;
    for option in options {
        if option == value {
            return None;
        }
        let d = distance(value, option);
        if d < min {
            best = Some(option);
            min = d;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_first_closest() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(search("PAHT", ["HOME", "PATH"]), Some("PATH"));
        assert_eq!(search("VERSOIN", ["VERSION", "VERSIONS"]), Some("VERSION"));
        assert_eq!(search("abc", ["abd", "abe"]), Some("abd"));
        assert_eq!(search("FOO", ["BAR"]), None);
        assert_eq!(search("FOO", ["FOX", "FOO"]), None);
    }
}
