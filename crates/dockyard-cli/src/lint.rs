//! `dockyard lint`: hadolint's command line over the real filesystem,
//! environment and clock. All the work is `dockyard_lint::runner::run`;
//! this is its native [`Host`].

use std::io::{Read, Write};
use std::time::{SystemTime, UNIX_EPOCH};

use dockyard_lint::runner::{self, Host, ReadError};
use dockyard_lint::Timestamp;

/// The process's own files, environment, stdin and clock.
struct NativeHost;

impl Host for NativeHost {
    fn read_file(&self, path: &str) -> Result<String, ReadError> {
        if std::path::Path::new(path).is_dir() {
            return Err(ReadError::IsDirectory);
        }
        std::fs::read(path)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .map_err(|_| ReadError::NotFound)
    }

    fn read_stdin(&self) -> String {
        let mut bytes = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn env(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }

    fn cwd(&self) -> String {
        std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_else(|_| ".".into())
    }

    /// The current time in UTC, as junit's report shows it.
    fn now(&self) -> Timestamp {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        utc(seconds)
    }
}

/// The UTC calendar time `seconds` after the Unix epoch.
fn utc(seconds: u64) -> Timestamp {
    let days = seconds / 86_400;
    let of_day = seconds % 86_400;
    // Days to a civil date (Howard Hinnant's algorithm), years from March.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    Timestamp {
        year: year as u32,
        month: month as u32,
        day: day as u32,
        hour: (of_day / 3_600) as u32,
        minute: (of_day % 3_600 / 60) as u32,
        second: (of_day % 60) as u32,
    }
}

/// Runs `dockyard lint ARGS...` and returns hadolint's exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let output = runner::run(args, &NativeHost, dockyard_lint::lint::lint);
    let _ = out.write_all(output.stdout.as_bytes());
    let _ = err.write_all(output.stderr.as_bytes());
    for (path, text) in &output.files {
        if let Err(e) = std::fs::write(path, text) {
            let _ = writeln!(err, "dockyard lint: cannot write {path}: {e}");
            return 1;
        }
    }
    output.status
}

#[cfg(test)]
mod tests {
    use super::utc;
    use dockyard_lint::Timestamp;

    #[test]
    fn utc_calendar() {
        let t = |year, month, day, hour, minute, second| Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
        };
        assert_eq!(utc(0), t(1970, 1, 1, 0, 0, 0));
        assert_eq!(utc(951_782_400), t(2000, 2, 29, 0, 0, 0));
        assert_eq!(utc(1_710_151_199), t(2024, 3, 11, 9, 59, 59));
        assert_eq!(utc(4_102_444_800), t(2100, 1, 1, 0, 0, 0));
    }
}
