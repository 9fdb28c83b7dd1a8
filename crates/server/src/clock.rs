//! Time as the server stores it (Unix seconds, UTC) and shows it (RFC 3339).

use std::sync::atomic::{AtomicI64, Ordering};

/// Seconds added to the system clock: moved by tests, and by
/// `--clock-offset-days`.
static OFFSET_SECS: AtomicI64 = AtomicI64::new(0);

/// Seconds since the Unix epoch, now.
pub fn now() -> i64 {
    let system = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    system + OFFSET_SECS.load(Ordering::Relaxed)
}

/// Moves this process's clock `secs` forward, to see what time does
/// (sessions ending, reviews falling due). It moves every reader of [`now`]
/// in the process, so a test that uses it runs in a test binary of its own.
pub fn advance(secs: i64) {
    OFFSET_SECS.fetch_add(secs, Ordering::Relaxed);
}

/// `2026-11-29T07:31:28Z` for a Unix time, without a date library.
pub fn rfc3339(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Days to a civil date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::rfc3339;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_937_488), "2026-11-29T07:31:28Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
    }
}
