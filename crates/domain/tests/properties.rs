//! Properties the server and the app both rely on: normalising is stable, and
//! well-formed data survives JSON and passes validation.

use portal_domain::codes;
use portal_domain::validate::{normalize_email, normalize_phone, normalize_time};
use portal_domain::{
    ContactEntry, ContactField, ContactInfo, Rules, SupportSchedule, TIME_ZONES, UserRef, Weekday,
    normalize_contact_info, validate_contact_info,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

const USERS: &[UserRef<'static>] = &[
    UserRef {
        id: 1,
        email: "ana@partner.example",
        active: true,
    },
    UserRef {
        id: 2,
        email: "bo@partner.example",
        active: false,
    },
    UserRef {
        id: 3,
        email: "cy@partner.example",
        active: true,
    },
    UserRef {
        id: 4,
        email: "di@partner.example",
        active: true,
    },
];

const ACTIVE_USER_IDS: [i64; 3] = [1, 3, 4];

/// Anything a user could type or paste: arbitrary Unicode, and strings made of
/// the characters the rules care about, so both sides of each rule are hit.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \t\u{a0}+()./:@_a-zA-Z0-9-]{0,24}",
        "[ ]{0,2}\\+?[0-9 ()-]{0,20}[ ]{0,2}",
        "[ ]{0,2}[0-9]{1,3}:[0-9]{1,3}(:[0-9]{2})?[ ]{0,2}",
    ]
}

fn typed_zone() -> impl Strategy<Value = String> {
    prop_oneof![
        typed(),
        select(TIME_ZONES).prop_map(str::to_owned),
        select(&["Asia/Calcutta", " Etc/UTC ", "Europe/Kiev", "GMT"][..]).prop_map(str::to_owned),
    ]
}

fn any_entry() -> impl Strategy<Value = ContactEntry> {
    (typed(), typed(), typed()).prop_map(|(email, name, phone)| ContactEntry { email, name, phone })
}

fn any_weekday() -> impl Strategy<Value = Weekday> {
    select(Weekday::ALL.to_vec())
}

fn any_schedule() -> impl Strategy<Value = SupportSchedule> {
    (
        typed_zone(),
        prop::collection::vec(any_weekday(), 0..10),
        any::<bool>(),
        typed(),
        typed(),
    )
        .prop_map(|(time_zone, days, all_day, from, to)| SupportSchedule {
            time_zone,
            days,
            all_day,
            from,
            to,
        })
}

fn any_contact_info() -> impl Strategy<Value = ContactInfo> {
    let entries = || prop::collection::vec(any_entry(), 0..4);
    (
        prop::collection::vec(-1i64..6, 0..8),
        entries(),
        entries(),
        entries(),
        entries(),
        any_entry(),
        prop::collection::vec(any_schedule(), 0..4),
    )
        .prop_map(
            |(
                alert_contacts,
                technical_emergency,
                technical_non_emergency,
                merchant_operational,
                operational_google,
                shared_with_users,
                support_hours,
            )| ContactInfo {
                alert_contacts,
                technical_emergency,
                technical_non_emergency,
                merchant_operational,
                operational_google,
                shared_with_users,
                support_hours,
            },
        )
}

/// A valid, already normalised entry; `index` keeps addresses in one list apart.
fn valid_entry(index: usize) -> impl Strategy<Value = ContactEntry> {
    (
        "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]{1,20}",
        prop::collection::vec("[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", 1..3),
        "[a-z]{2,6}",
        prop_oneof!["", "[A-Za-zñé]([A-Za-zñé '.-]{0,40}[A-Za-zñé])?"],
        prop_oneof!["", "\\+[1-9][0-9]{7,14}"],
    )
        .prop_map(move |(local, labels, tld, name, phone)| ContactEntry {
            // The index after the last dot of the local part is unique per list.
            email: format!("{local}.{index}@{}.{tld}", labels.join(".")),
            name,
            phone,
        })
}

fn valid_entries(max: usize) -> impl Strategy<Value = Vec<ContactEntry>> {
    (1..=max).prop_flat_map(|n| (0..n).map(valid_entry).collect::<Vec<_>>())
}

fn hh_mm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Schedules in distinct zones, so they can never overlap.
fn valid_schedules() -> impl Strategy<Value = Vec<SupportSchedule>> {
    subsequence(TIME_ZONES.to_vec(), 1..4).prop_flat_map(|zones| {
        zones
            .into_iter()
            .map(|zone| {
                (
                    subsequence(Weekday::ALL.to_vec(), 1..=7),
                    any::<bool>(),
                    0u32..1440,
                    0u32..1440,
                )
                    .prop_map(move |(days, all_day, a, b)| {
                        let (from, to) = if all_day {
                            (0, 1440)
                        } else {
                            (a.min(b), a.max(b) + 1)
                        };
                        SupportSchedule {
                            time_zone: zone.to_owned(),
                            days,
                            all_day,
                            from: hh_mm(from),
                            to: hh_mm(to),
                        }
                    })
            })
            .collect::<Vec<_>>()
    })
}

fn valid_contact_info() -> impl Strategy<Value = (ContactInfo, bool)> {
    (
        subsequence(ACTIVE_USER_IDS.to_vec(), 1..=3),
        valid_entries(10),
        valid_entries(10),
        any::<bool>(),
        valid_entries(10),
        valid_entries(10),
        valid_entry(0),
        valid_schedules(),
    )
        .prop_map(
            |(
                alert_contacts,
                technical_emergency,
                technical_non_emergency,
                merchant_required,
                merchant,
                operational_google,
                shared_with_users,
                support_hours,
            )| {
                let info = ContactInfo {
                    alert_contacts,
                    technical_emergency,
                    technical_non_emergency,
                    merchant_operational: if merchant_required {
                        merchant
                    } else {
                        Vec::new()
                    },
                    operational_google,
                    shared_with_users,
                    support_hours,
                };
                (info, merchant_required)
            },
        )
}

proptest! {
    #[test]
    fn normalising_twice_changes_nothing(info in any_contact_info()) {
        let once = normalize_contact_info(&info);
        prop_assert_eq!(normalize_contact_info(&once), once);
    }

    #[test]
    fn single_value_normalisers_are_idempotent(s in typed()) {
        let email = normalize_email(&s);
        prop_assert_eq!(normalize_email(&email), email);
        let phone = normalize_phone(&s);
        prop_assert_eq!(normalize_phone(&phone), phone);
        let time = normalize_time(&s);
        prop_assert_eq!(normalize_time(&time), time);
    }

    #[test]
    fn any_input_gets_well_formed_findings(info in any_contact_info(), merchant in any::<bool>()) {
        let rules = Rules { merchant_contact_required: merchant, users: USERS };
        let report = validate_contact_info(&info, &rules);
        for finding in report.errors.iter().chain(&report.warnings) {
            prop_assert!(ContactField::from_path(&finding.path).is_some(), "{}", finding.path);
            prop_assert!(codes::ALL.contains(&finding.code.as_str()), "{}", finding.code);
        }
        for warning in &report.warnings {
            prop_assert_eq!(warning.code.as_str(), codes::PERSONAL_ADDRESS);
        }
        // Validation judges the stored form, so normalising first changes nothing.
        prop_assert_eq!(validate_contact_info(&normalize_contact_info(&info), &rules), report);
    }

    #[test]
    fn valid_data_round_trips_and_passes((info, merchant) in valid_contact_info()) {
        let json = serde_json::to_string(&info).unwrap();
        let back: ContactInfo = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &info);
        prop_assert_eq!(&normalize_contact_info(&info), &info);

        let rules = Rules { merchant_contact_required: merchant, users: USERS };
        let report = validate_contact_info(&back, &rules);
        prop_assert!(report.is_valid(), "{:?}", report.errors);
        prop_assert!(info.is_complete(&rules));
    }
}
