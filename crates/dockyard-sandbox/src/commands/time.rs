//! Calendar arithmetic (UTC, proleptic Gregorian) and a `strftime` subset, for `date`,
//! `ls -l`, `stat` and `touch -d`.

/// Broken-down UTC time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tm {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// 0 = Sunday.
    pub weekday: u32,
    /// 0-based day of the year.
    pub yday: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub(crate) fn tm(secs: i64) -> Tm {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    let yday = (days - days_from_civil(year, 1, 1)) as u32;
    Tm {
        year,
        month,
        day,
        hour: (rem / 3600) as u32,
        minute: (rem % 3600 / 60) as u32,
        second: (rem % 60) as u32,
        weekday: (days + 4).rem_euclid(7) as u32,
        yday,
    }
}

/// `strftime` for the conversions `date` users write.
pub(crate) fn strftime(format: &str, secs: i64) -> String {
    let t = tm(secs);
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match d {
            'Y' => t.year.to_string(),
            'C' => format!("{:02}", t.year / 100),
            'y' => format!("{:02}", t.year.rem_euclid(100)),
            'm' => format!("{:02}", t.month),
            'd' => format!("{:02}", t.day),
            'e' => format!("{:>2}", t.day),
            'H' => format!("{:02}", t.hour),
            'k' => format!("{:>2}", t.hour),
            'I' => format!("{:02}", (t.hour + 11) % 12 + 1),
            'l' => format!("{:>2}", (t.hour + 11) % 12 + 1),
            'M' => format!("{:02}", t.minute),
            'S' => format!("{:02}", t.second),
            'p' => (if t.hour < 12 { "AM" } else { "PM" }).into(),
            'P' => (if t.hour < 12 { "am" } else { "pm" }).into(),
            'b' | 'h' => MONTHS[t.month as usize - 1][..3].into(),
            'B' => MONTHS[t.month as usize - 1].into(),
            'a' => DAYS[t.weekday as usize][..3].into(),
            'A' => DAYS[t.weekday as usize].into(),
            'u' => (if t.weekday == 0 { 7 } else { t.weekday }).to_string(),
            'w' => t.weekday.to_string(),
            'j' => format!("{:03}", t.yday + 1),
            's' => secs.to_string(),
            'N' => "000000000".into(),
            'Z' => "UTC".into(),
            'z' => "+0000".into(),
            'T' => format!("{:02}:{:02}:{:02}", t.hour, t.minute, t.second),
            'R' => format!("{:02}:{:02}", t.hour, t.minute),
            'D' => format!("{:02}/{:02}/{:02}", t.month, t.day, t.year.rem_euclid(100)),
            'F' => format!("{}-{:02}-{:02}", t.year, t.month, t.day),
            'c' => strftime("%a %b %e %H:%M:%S %Y", secs),
            'x' => strftime("%m/%d/%y", secs),
            'X' => strftime("%H:%M:%S", secs),
            'n' => "\n".into(),
            't' => "\t".into(),
            '%' => "%".into(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

/// Parses `@SECONDS`, `YYYY-MM-DD[ HH:MM[:SS]]` (also with `T`), `now`, `today`,
/// `yesterday`, `tomorrow`, `N seconds|minutes|hours|days ago`.
pub(crate) fn parse_date(s: &str, now: i64) -> Option<i64> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix('@') {
        return rest.parse().ok();
    }
    match s {
        "now" | "" => return Some(now),
        "today" => return Some(now),
        "yesterday" => return Some(now - 86400),
        "tomorrow" => return Some(now + 86400),
        _ => {}
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() >= 2 {
        if let Ok(n) = words[0].parse::<i64>() {
            let unit = words[1].trim_end_matches('s');
            let mult = match unit {
                "second" | "sec" => 1,
                "minute" | "min" => 60,
                "hour" => 3600,
                "day" => 86400,
                "week" => 604800,
                _ => return None,
            };
            let sign = if words.get(2) == Some(&"ago") { -1 } else { 1 };
            return Some(now + sign * n * mult);
        }
    }
    let (date, time) = match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86400;
    if let Some(time) = time {
        let time = time.trim_end_matches('Z');
        let mut hms = time.split(':');
        let h: i64 = hms.next()?.parse().ok()?;
        let mi: i64 = hms.next().unwrap_or("0").parse().ok()?;
        let se: i64 = hms.next().unwrap_or("0").split('.').next()?.parse().ok()?;
        secs += h * 3600 + mi * 60 + se;
    }
    Some(secs)
}
