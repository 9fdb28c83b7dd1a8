//! IANA time zone names, carried as plain data.
//!
//! The WebAssembly app has no zone database, and support hours only need the
//! zone's name, never its offsets, so a sorted list is enough for both the
//! picker and the rule that a schedule names a real zone. The list is generated
//! by `scripts/gen-timezones.sh` from the machine's tzdata.

mod generated;

pub use generated::{TIME_ZONE_ALIASES, TIME_ZONES, TZDATA_VERSION};

/// Whether `name` is one of [`TIME_ZONES`]; aliases such as `Asia/Calcutta` are
/// not, so stored data always uses one spelling per zone.
pub fn is_known_time_zone(name: &str) -> bool {
    TIME_ZONES.binary_search(&name).is_ok()
}

/// The canonical name for a zone or one of its aliases, so a browser that
/// reports an old name (`Asia/Calcutta`, `Europe/Kiev`, `Etc/UTC`) still
/// preselects the right entry.
pub fn canonical_time_zone(name: &str) -> Option<&'static str> {
    if let Ok(i) = TIME_ZONES.binary_search(&name) {
        return Some(TIME_ZONES[i]);
    }
    TIME_ZONE_ALIASES
        .binary_search_by(|(alias, _)| (*alias).cmp(name))
        .ok()
        .map(|i| TIME_ZONE_ALIASES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_unique_and_complete_enough() {
        assert!(TIME_ZONES.windows(2).all(|w| w[0] < w[1]));
        assert!(
            (310..=420).contains(&TIME_ZONES.len()),
            "{}",
            TIME_ZONES.len()
        );
        for zone in [
            "UTC",
            "Europe/Madrid",
            "Europe/Oslo",
            "America/New_York",
            "America/Argentina/Buenos_Aires",
            "Asia/Kolkata",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "Atlantic/Canary",
        ] {
            assert!(is_known_time_zone(zone), "{zone}");
        }
    }

    #[test]
    fn unknown_and_misspelled_zones_are_rejected() {
        for zone in [
            "",
            "utc",
            "europe/madrid",
            "Europe/Madrid ",
            "Mars/Olympus_Mons",
            "Asia/Calcutta",
            "Etc/UTC",
            "EST",
        ] {
            assert!(!is_known_time_zone(zone), "{zone}");
        }
    }

    #[test]
    fn aliases_are_sorted_and_point_at_known_zones() {
        assert!(TIME_ZONE_ALIASES.windows(2).all(|w| w[0].0 < w[1].0));
        for (alias, zone) in TIME_ZONE_ALIASES {
            assert!(!is_known_time_zone(alias), "{alias} is canonical");
            assert!(is_known_time_zone(zone), "{alias} -> {zone}");
        }
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canonical_time_zone("Asia/Calcutta"), Some("Asia/Kolkata"));
        assert_eq!(canonical_time_zone("Europe/Kiev"), Some("Europe/Kyiv"));
        assert_eq!(canonical_time_zone("Etc/UTC"), Some("UTC"));
        assert_eq!(canonical_time_zone("UTC"), Some("UTC"));
        assert_eq!(canonical_time_zone("Europe/Madrid"), Some("Europe/Madrid"));
        assert_eq!(canonical_time_zone("Nowhere/Special"), None);
        assert!(!TZDATA_VERSION.is_empty());
    }
}
