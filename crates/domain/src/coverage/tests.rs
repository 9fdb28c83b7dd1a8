use proptest::prelude::*;

use super::*;
use crate::validate::tests::valid_info as calm;
use crate::validate::{Rules, validate_contact_info};

fn entry(email: &str) -> ContactEntry {
    ContactEntry::new(email)
}

fn schedule(zone: &str, days: &[Weekday], from: &str, to: &str) -> SupportSchedule {
    SupportSchedule {
        time_zone: zone.to_owned(),
        days: days.to_vec(),
        all_day: false,
        from: from.to_owned(),
        to: to.to_owned(),
    }
}

fn warnings(change: impl FnOnce(&mut ContactInfo)) -> Vec<(String, &'static str)> {
    let mut info = calm();
    change(&mut info);
    coverage_warnings(&info)
        .iter()
        .map(|w| (w.path.to_string(), w.code.as_str()))
        .collect()
}

fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    list.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect()
}

const USER: &[crate::UserRef<'static>] = &[crate::UserRef {
    id: 1,
    email: "ana@partner.example",
    active: true,
}];

fn rules() -> Rules<'static> {
    Rules {
        merchant_contact_required: false,
        users: USER,
    }
}

#[test]
fn calm_information_has_no_warning() {
    assert!(warnings(|_| {}).is_empty());
    assert_eq!(validate_contact_info(&calm(), &rules()), Default::default());
}

// --- (a) emergency contacts without a phone ------------------------------------

#[test]
fn emergency_contacts_without_phone_are_flagged_unless_support_is_round_the_clock() {
    let change = |info: &mut ContactInfo| {
        info.technical_emergency = vec![
            entry("oncall@partner.example"),
            entry("lead@partner.example").with_phone("+34 911 234 567"),
            entry("night@partner.example").with_phone("  "),
        ];
    };
    assert_eq!(
        warnings(change),
        pairs(&[
            ("technical_emergency[0].phone", "emergency_phone_missing"),
            ("technical_emergency[2].phone", "emergency_phone_missing"),
        ])
    );
    // 24/7 support answers emergencies anyway.
    assert!(
        warnings(|info| {
            change(info);
            info.support_hours = vec![SupportSchedule::twenty_four_seven("Asia/Tokyo")];
        })
        .is_empty()
    );
    // An entry without an address is an error, not a missing phone.
    assert!(warnings(|info| info.technical_emergency = vec![entry(" ")]).is_empty());
}

#[test]
fn round_the_clock_is_the_union_of_the_schedules_in_real_time() {
    use Weekday::*;
    let all = Weekday::ALL;
    assert!(support_is_round_the_clock(&[
        SupportSchedule::twenty_four_seven("UTC")
    ]));
    // Two halves of each day, in one zone.
    assert!(support_is_round_the_clock(&[
        schedule("Europe/Madrid", &all, "00:00", "12:00"),
        schedule("Europe/Madrid", &all, "12:00", "24:00"),
    ]));
    // Follow the sun: 08:00–20:00 in Madrid (07–19 UTC) and 08:00–20:00 in
    // Sydney (22–10 UTC) leave 19–22 UTC uncovered …
    let mut shifts = vec![
        schedule("Europe/Madrid", &all, "08:00", "20:00"),
        schedule("Australia/Sydney", &all, "08:00", "20:00"),
    ];
    assert!(!support_is_round_the_clock(&shifts));
    // … which New York's 14:00–22:00 (19–03 UTC) fills.
    shifts.push(schedule("America/New_York", &all, "14:00", "22:00"));
    assert!(support_is_round_the_clock(&shifts));
    // A day missing, or a minute, or a schedule with errors, is not 24/7.
    assert!(!support_is_round_the_clock(&[schedule(
        "UTC",
        &[Mon, Tue, Wed, Thu, Fri, Sat],
        "00:00",
        "24:00"
    )]));
    assert!(!support_is_round_the_clock(&[schedule(
        "UTC", &all, "00:01", "24:00"
    )]));
    assert!(!support_is_round_the_clock(&[
        SupportSchedule::twenty_four_seven("Mars/Olympus_Mons")
    ]));
    assert!(!support_is_round_the_clock(&[]));
    // Normalised first: an alias zone counts.
    assert!(support_is_round_the_clock(&[
        SupportSchedule::twenty_four_seven("Asia/Calcutta")
    ]));
}

// --- (c) the Google-only address given to users -------------------------------------

#[test]
fn the_google_only_address_shared_with_users_is_flagged_on_both() {
    assert_eq!(
        warnings(|info| {
            info.operational_google = vec![
                entry("cases@partner.example"),
                entry("Help@Partner.example"),
            ];
            info.shared_with_users = entry(" help@partner.example ");
        }),
        pairs(&[
            ("operational_google[1].email", "operational_address_shared"),
            ("shared_with_users.email", "operational_address_shared"),
        ])
    );
    assert!(
        warnings(|info| info.shared_with_users = entry("")).is_empty(),
        "nothing shared, nothing to compare"
    );
}

// --- (d) one person is every technical contact ---------------------------------------

#[test]
fn one_address_for_every_technical_contact_is_flagged_on_each() {
    assert_eq!(
        warnings(|info| {
            info.technical_emergency =
                vec![entry("ana@partner.example").with_phone("+34911234567")];
            info.technical_non_emergency = vec![entry("ANA@partner.example")];
        }),
        pairs(&[
            ("technical_emergency[0].email", "single_technical_contact"),
            (
                "technical_non_emergency[0].email",
                "single_technical_contact"
            ),
        ])
    );
    // A second person anywhere clears it.
    assert!(
        warnings(|info| {
            info.technical_emergency =
                vec![entry("ana@partner.example").with_phone("+34911234567")];
            info.technical_non_emergency =
                vec![entry("ana@partner.example"), entry("bo@partner.example")];
        })
        .is_empty()
    );
    // An empty list is an error of its own, not this warning.
    assert!(
        warnings(|info| {
            info.technical_emergency =
                vec![entry("ana@partner.example").with_phone("+34911234567")];
            info.technical_non_emergency = vec![entry("")];
        })
        .is_empty()
    );
}

// --- (e) schedules in different zones that overlap in real time ----------------------

#[test]
fn schedules_of_different_zones_that_share_real_time_are_flagged() {
    use Weekday::*;
    // Madrid 09–17 is 08–16 UTC; London 08–10 is 08–10 UTC.
    assert_eq!(
        warnings(|info| info.support_hours = vec![
            SupportSchedule::weekdays_nine_to_five("Europe/Madrid"),
            schedule("Europe/London", &[Mon], "08:00", "10:00"),
        ]),
        pairs(&[
            (
                "support_hours[0].time_zone",
                "schedules_overlap_across_zones"
            ),
            (
                "support_hours[1].time_zone",
                "schedules_overlap_across_zones"
            ),
        ])
    );
    let with = coverage_warnings(&ContactInfo {
        support_hours: vec![
            SupportSchedule::weekdays_nine_to_five("Europe/Madrid"),
            schedule("UTC", &[Sat], "00:00", "24:00"),
            schedule("Europe/London", &[Mon], "08:00", "10:00"),
        ],
        ..calm()
    });
    let with: Vec<_> = with
        .iter()
        .map(|w| (w.path.to_string(), w.param(param::WITH)))
        .collect();
    assert_eq!(
        with,
        vec![
            ("support_hours[0].time_zone".to_owned(), Some("2")),
            ("support_hours[2].time_zone".to_owned(), Some("0")),
        ]
    );
    // Touching is not overlapping: Madrid 09–17 ends when London 16–18 starts.
    assert!(
        warnings(|info| info.support_hours = vec![
            SupportSchedule::weekdays_nine_to_five("Europe/Madrid"),
            schedule("Europe/London", &Weekday::WORKING_DAYS, "16:00", "18:00"),
        ])
        .is_empty()
    );
    // Late Sunday in Los Angeles is Monday morning in UTC: the week wraps.
    assert_eq!(
        warnings(|info| info.support_hours = vec![
            schedule("America/Los_Angeles", &[Sun], "22:00", "24:00"),
            schedule("UTC", &[Mon], "07:00", "08:00"),
        ])
        .len(),
        2
    );
    // The same zone is the overlap *error*'s business, not this warning's.
    assert!(
        warnings(|info| info.support_hours = vec![
            schedule("UTC", &[Mon], "08:00", "10:00"),
            schedule("UTC", &[Mon], "09:00", "11:00"),
        ])
        .is_empty()
    );
    // A schedule with errors takes no part.
    assert!(
        warnings(|info| info.support_hours = vec![
            SupportSchedule::weekdays_nine_to_five("Europe/Madrid"),
            schedule("Europe/London", &[Mon], "10:00", "09:00"),
        ])
        .is_empty()
    );
}

#[test]
fn the_report_lists_coverage_warnings_after_the_personal_address_ones() {
    let mut info = calm();
    info.technical_emergency = vec![entry("someone@gmail.com")];
    info.technical_non_emergency = vec![entry("someone@gmail.com")];
    let report = validate_contact_info(&info, &rules());
    assert!(report.is_valid(), "{report:?}");
    let codes: Vec<&str> = report.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "personal_address",
            "emergency_phone_missing",
            "single_technical_contact",
            "single_technical_contact",
        ]
    );
    assert!(report.warnings.iter().all(|w| w.code.is_warning()));
}

// --- properties ------------------------------------------------------------------------

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Madrid",
    "Europe/London",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Pacific/Chatham",
];
const ADDRESSES: &[&str] = &[
    "ana@partner.example",
    "bo@partner.example",
    "cases@partner.example",
    "help@partner.example",
];

fn a_time() -> impl Strategy<Value = u32> {
    0u32..=96 // quarter hours
}

fn a_schedule() -> impl Strategy<Value = SupportSchedule> {
    (
        prop::sample::select(ZONES),
        prop::sample::subsequence(Weekday::ALL.to_vec(), 1..=7),
        any::<bool>(),
        a_time(),
        1u32..=96,
    )
        .prop_map(|(zone, days, all_day, from, length)| {
            let from = from.min(95);
            let to = (from + length).min(96);
            let time = |q: u32| format!("{:02}:{:02}", q / 4, q % 4 * 15);
            SupportSchedule {
                time_zone: zone.to_owned(),
                days,
                all_day,
                from: time(from),
                to: time(to),
            }
        })
}

fn an_entry() -> impl Strategy<Value = ContactEntry> {
    (prop::sample::select(ADDRESSES), any::<bool>()).prop_map(|(email, phone)| {
        let entry = entry(email);
        if phone {
            entry.with_phone("+34911234567")
        } else {
            entry
        }
    })
}

/// Valid information (no duplicates in a list, no overlap within a zone)
/// that may well raise every coverage warning.
fn any_valid_info() -> impl Strategy<Value = ContactInfo> {
    (
        prop::collection::vec(an_entry(), 1..4),
        prop::collection::vec(an_entry(), 1..4),
        prop::collection::vec(an_entry(), 1..4),
        an_entry(),
        prop::collection::vec(a_schedule(), 1..5),
    )
        .prop_map(|(emergency, other, google, shared, schedules)| {
            let unique = |mut list: Vec<ContactEntry>| {
                let mut seen = BTreeSet::new();
                list.retain(|e| seen.insert(e.email.clone()));
                list
            };
            // Keep only schedules that do not clash with an earlier one of the
            // same zone, which would be an error.
            let mut kept: Vec<SupportSchedule> = Vec::new();
            for s in schedules {
                let span = |s: &SupportSchedule| {
                    real_time(&crate::validate::normalize_schedule(s)).unwrap_or_default()
                };
                let clash = kept
                    .iter()
                    .any(|k| k.time_zone == s.time_zone && share_time(&span(k), &span(&s)));
                if !clash && !span(&s).is_empty() {
                    kept.push(s);
                }
            }
            if kept.is_empty() {
                kept.push(SupportSchedule::twenty_four_seven("UTC"));
            }
            ContactInfo {
                alert_contacts: vec![1],
                technical_emergency: unique(emergency),
                technical_non_emergency: unique(other),
                merchant_operational: vec![],
                operational_google: unique(google),
                shared_with_users: shared,
                support_hours: kept,
            }
        })
}

proptest! {
    /// Warnings are advice: whatever they say, valid information stays savable.
    #[test]
    fn warnings_never_block_saving(info in any_valid_info()) {
        let report = validate_contact_info(&info, &rules());
        prop_assert!(report.is_valid(), "{:?}", report.errors);
        prop_assert!(report.warnings.iter().all(|w| w.code.is_warning()));
        for warning in coverage_warnings(&info) {
            prop_assert!(report.warnings.contains(&warning));
        }
    }

    /// A phone on every emergency contact clears rule (a), and nothing else
    /// changes.
    #[test]
    fn a_phone_on_every_emergency_contact_clears_the_missing_phone_warning(info in any_valid_info()) {
        let mut fixed = info.clone();
        for entry in &mut fixed.technical_emergency {
            entry.phone = "+34 911 234 567".to_owned();
        }
        let after = coverage_warnings(&fixed);
        prop_assert!(after.iter().all(|w| w.code != Code::EmergencyPhoneMissing));
        let before: Vec<_> = coverage_warnings(&info)
            .into_iter()
            .filter(|w| w.code != Code::EmergencyPhoneMissing)
            .collect();
        prop_assert_eq!(before, after);
    }

    /// Adding a 24/7 schedule in a zone of its own also clears rule (a).
    #[test]
    fn round_the_clock_support_clears_the_missing_phone_warning(info in any_valid_info()) {
        let mut info = info;
        info.support_hours.push(SupportSchedule::twenty_four_seven("Asia/Tokyo"));
        prop_assert!(
            coverage_warnings(&info).iter().all(|w| w.code != Code::EmergencyPhoneMissing)
        );
    }

    /// Overlap across zones is mutual: schedule i is flagged exactly when
    /// some schedule of another zone is, and the one it names points back at
    /// a schedule of i's zone.
    #[test]
    fn overlap_across_zones_is_mutual(info in any_valid_info()) {
        let flagged: Vec<(usize, usize)> = coverage_warnings(&info)
            .iter()
            .filter(|w| w.code == Code::SchedulesOverlapAcrossZones)
            .map(|w| (w.path.index().unwrap(), w.param(param::WITH).unwrap().parse().unwrap()))
            .collect();
        for &(i, j) in &flagged {
            prop_assert_ne!(&info.support_hours[i].time_zone, &info.support_hours[j].time_zone);
            prop_assert!(flagged.iter().any(|&(k, _)| k == j));
        }
    }

    /// Moving every schedule to another zone with the same offset (and
    /// distinct zones stay distinct) changes no warning: only real time counts.
    #[test]
    fn the_rules_see_real_time_not_zone_names(info in any_valid_info()) {
        let mut renamed = info.clone();
        for s in &mut renamed.support_hours {
            s.time_zone = match s.time_zone.as_str() {
                "UTC" => "Africa/Abidjan",
                "Europe/Madrid" => "Europe/Paris",
                "Europe/London" => "Europe/Lisbon",
                "America/New_York" => "America/Toronto",
                other => other,
            }.to_owned();
        }
        prop_assert_eq!(coverage_warnings(&info), coverage_warnings(&renamed));
    }
}
