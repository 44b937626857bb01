//! hadolint's output formats, byte for byte. Each format is a function from
//! the reports of all files to the bytes hadolint writes.

mod checkstyle;
mod json_formats;
mod junit;
mod text;

use crate::report::FileReport;

/// An output format, named as on hadolint's command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Tty,
    Json,
    Checkstyle,
    Codeclimate,
    GitlabCodeclimate,
    Gnu,
    Codacy,
    Sonarqube,
    Sarif,
    Junit,
}

impl Format {
    /// Every format, in the order hadolint's help lists them.
    pub const ALL: [Format; 10] = [
        Format::Tty,
        Format::Json,
        Format::Checkstyle,
        Format::Codeclimate,
        Format::GitlabCodeclimate,
        Format::Gnu,
        Format::Codacy,
        Format::Sonarqube,
        Format::Sarif,
        Format::Junit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Tty => "tty",
            Format::Json => "json",
            Format::Checkstyle => "checkstyle",
            Format::Codeclimate => "codeclimate",
            Format::GitlabCodeclimate => "gitlab_codeclimate",
            Format::Gnu => "gnu",
            Format::Codacy => "codacy",
            Format::Sonarqube => "sonarqube",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// `codeclimate` and `codacy` make hadolint exit 0 whatever it found.
    pub fn always_succeeds(self) -> bool {
        matches!(self, Format::Codeclimate | Format::Codacy)
    }
}

/// The wall-clock moment of a run, for the one format that prints it
/// (`junit`). Passed in: the linter reads no clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Timestamp {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// Settings that change how reports are written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Colour the severity word in `tty` output.
    pub color: bool,
    /// `--file-path-in-report`: replaces the file name in the checkstyle,
    /// codeclimate, gitlab_codeclimate, sonarqube and junit formats.
    pub file_path_in_report: Option<String>,
    pub now: Timestamp,
}

impl RenderOptions {
    fn report_path<'a>(&'a self, report: &'a FileReport) -> &'a str {
        self.file_path_in_report.as_deref().unwrap_or(&report.file)
    }
}

/// Writes `reports` in `format`.
pub fn render(format: Format, reports: &[FileReport], options: &RenderOptions) -> String {
    match format {
        Format::Tty => text::tty(reports, options.color),
        Format::Gnu => text::gnu(reports),
        Format::Json => json_formats::json(reports),
        Format::Codeclimate => json_formats::codeclimate(reports, options),
        Format::GitlabCodeclimate => json_formats::gitlab_codeclimate(reports, options),
        Format::Codacy => json_formats::codacy(reports),
        Format::Sonarqube => json_formats::sonarqube(reports, options),
        Format::Sarif => json_formats::sarif(reports),
        Format::Checkstyle => checkstyle::checkstyle(reports, options),
        Format::Junit => junit::junit(reports, options),
    }
}

/// An XML attribute value as hadolint's XML writer escapes it: `<`, `&`
/// and `"`, but not `>`.
fn xml_attr(s: &str) -> String {
    xml_escape(s, false)
}

/// XML text content: `<`, `>` and `&`.
fn xml_text(s: &str) -> String {
    xml_escape(s, true)
}

fn xml_escape(s: &str, text: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' if text => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' if !text => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
        }
        assert_eq!(Format::parse("yaml"), None);
    }
}
