//! Properties the server and the app both rely on: normalising is stable, and
//! well-formed data survives JSON and passes validation.

use portal_domain::validate::{normalize_email, normalize_phone, normalize_time};
use portal_domain::{
    ContactEntry, ContactField, ContactInfo, FieldPath, Leaf, Part, Rules, SchedulePart,
    SupportSchedule, TIME_ZONES, UserRef, Weekday, merge, normalize_contact_info,
    validate_contact_info,
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
            prop_assert!(finding.path.contact_field().is_some(), "{}", finding.path);
            // What the server sends, the app reads back.
            let json = serde_json::to_string(finding).unwrap();
            prop_assert_eq!(&serde_json::from_str::<portal_domain::FieldError>(&json).unwrap(), finding);
        }
        for warning in &report.warnings {
            prop_assert!(warning.code.is_warning(), "{:?}", warning.code);
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

// --- paths ------------------------------------------------------------------

/// Every path there is: each contact field whole, its items and their parts,
/// and the other forms' inputs.
fn any_path() -> impl Strategy<Value = FieldPath> {
    let index = 0usize..1000;
    prop_oneof![
        select(ContactField::ALL.to_vec()).prop_map(FieldPath::contact),
        (
            select(vec![
                ContactField::AlertContacts,
                ContactField::TechnicalEmergency,
                ContactField::TechnicalNonEmergency,
                ContactField::MerchantOperational,
                ContactField::OperationalGoogle,
                ContactField::SupportHours,
            ]),
            index.clone()
        )
            .prop_map(|(field, i)| FieldPath::contact(field).item(i)),
        (
            select(vec![
                ContactField::TechnicalEmergency,
                ContactField::TechnicalNonEmergency,
                ContactField::MerchantOperational,
                ContactField::OperationalGoogle,
            ]),
            index.clone(),
            select(Part::ALL.to_vec())
        )
            .prop_map(|(field, i, part)| FieldPath::entry(field, i, part)),
        select(Part::ALL.to_vec()).prop_map(|part| {
            FieldPath::contact(ContactField::SharedWithUsers).entry_part(part)
        }),
        (index, select(SchedulePart::ALL.to_vec()))
            .prop_map(|(i, part)| FieldPath::schedule(i, part)),
        select(vec![
            FieldPath::EMAIL,
            FieldPath::NAME,
            FieldPath::ROLE,
            FieldPath::PASSWORD,
            FieldPath::USER,
            FieldPath::VERSION,
        ]),
    ]
}

proptest! {
    #[test]
    fn paths_round_trip_through_text_and_json(path in any_path()) {
        let text = path.to_string();
        prop_assert_eq!(text.parse::<FieldPath>().unwrap(), path);
        let json = serde_json::to_string(&path).unwrap();
        prop_assert_eq!(&json, &format!("\"{text}\""));
        prop_assert_eq!(serde_json::from_str::<FieldPath>(&json).unwrap(), path);
        // An id fragment: no brackets or dots, and distinct paths stay distinct.
        let slug = path.dom_slug();
        prop_assert!(slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
        prop_assert_eq!(slug, text.replace(['[', '.'], "-").replace(']', ""));
    }

    #[test]
    fn only_paths_parse(text in "[a-z_\\[\\]0-9.]{0,40}") {
        if let Ok(path) = text.parse::<FieldPath>() {
            prop_assert_eq!(path.to_string(), text);
        }
    }

    #[test]
    fn a_path_is_under_its_parents(path in any_path()) {
        let mut ancestor = Some(path);
        while let Some(a) = ancestor {
            prop_assert!(path.is_under(a));
            prop_assert!(a.to_string().len() <= path.to_string().len());
            ancestor = a.parent();
        }
        if let Some(field) = path.contact_field() {
            prop_assert!(path.is_under(FieldPath::contact(field)));
        }
    }

    #[test]
    fn removing_an_item_drops_it_and_moves_later_ones_up(
        path in any_path(),
        field in select(ContactField::ALL.to_vec()),
        removed in 0usize..1000,
    ) {
        let after = path.after_removal(field, removed);
        match (path.contact_field(), path.index()) {
            (Some(f), Some(i)) if f == field => {
                if i == removed {
                    prop_assert_eq!(after, None);
                } else {
                    let after = after.unwrap();
                    prop_assert_eq!(after.index(), Some(if i > removed { i - 1 } else { i }));
                    prop_assert_eq!(after.contact_field(), Some(f));
                    prop_assert_eq!(after.leaf(), path.leaf());
                }
            }
            _ => prop_assert_eq!(after, Some(path)),
        }
        if let Some(Leaf::Entry(part)) = path.leaf() {
            prop_assert_eq!(path.part(), Some(part));
        }
    }
}

// --- merge ------------------------------------------------------------------

/// A base, and mine and theirs derived from it field by field: each side keeps
/// the base's value or takes another one; theirs sometimes makes my change.
fn three_versions() -> impl Strategy<Value = (ContactInfo, ContactInfo, ContactInfo)> {
    (
        any_contact_info(),
        any_contact_info(),
        any_contact_info(),
        prop::collection::vec(0u8..3, 7),
        prop::collection::vec(0u8..4, 7),
    )
        .prop_map(|(base, other_mine, other_theirs, mine_pick, theirs_pick)| {
            let mut mine = base.clone();
            for (field, pick) in ContactField::ALL.into_iter().zip(&mine_pick) {
                // 0: unchanged, 1: another value, 2: the base's value respelled.
                match pick {
                    1 => mine.take_field(&other_mine, field),
                    2 => mine.take_field(&normalize_contact_info(&base), field),
                    _ => {}
                }
            }
            let mut theirs = base.clone();
            for (field, pick) in ContactField::ALL.into_iter().zip(&theirs_pick) {
                match pick {
                    1 => theirs.take_field(&other_theirs, field),
                    2 => theirs.take_field(&mine, field),
                    3 => theirs.take_field(&other_mine, field),
                    _ => {}
                }
            }
            (base, mine, theirs)
        })
}

proptest! {
    #[test]
    fn merging_with_no_change_of_mine_gives_theirs((base, _, theirs) in three_versions()) {
        let merged = merge(&base, &base, &theirs);
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(normalize_contact_info(&merged.value), normalize_contact_info(&theirs));
    }

    #[test]
    fn merging_with_no_change_of_theirs_gives_mine((base, mine, _) in three_versions()) {
        let merged = merge(&base, &mine, &base);
        prop_assert!(merged.conflicts.is_empty());
        prop_assert!(merged.value.differing_fields(&mine).is_empty());
    }

    #[test]
    fn each_field_comes_from_the_side_that_changed_it((base, mine, theirs) in three_versions()) {
        let merged = merge(&base, &mine, &theirs);
        let mine_changed = mine.differing_fields(&base);
        let theirs_changed = theirs.differing_fields(&base);
        let mut expected_conflicts = Vec::new();
        for field in ContactField::ALL {
            let by_me = mine_changed.contains(&field);
            let by_them = theirs_changed.contains(&field);
            if !by_me {
                // Untouched by me: exactly theirs, as they sent it.
                let mut only = merged.value.clone();
                only.take_field(&theirs, field);
                prop_assert_eq!(&only, &merged.value, "{:?}", field);
            } else if !by_them {
                prop_assert!(merged.value.stores_alike(&mine, field), "{:?}", field);
            } else if mine.stores_alike(&theirs, field) {
                prop_assert!(merged.value.stores_alike(&theirs, field), "{:?}", field);
            } else {
                expected_conflicts.push(field);
                prop_assert!(merged.value.stores_alike(&theirs, field), "{:?}", field);
            }
        }
        prop_assert_eq!(merged.conflicts, expected_conflicts);
    }

    #[test]
    fn differing_fields_is_symmetric_and_take_field_aligns_one(
        a in any_contact_info(),
        b in any_contact_info(),
        field in select(ContactField::ALL.to_vec()),
    ) {
        prop_assert!(a.differing_fields(&a).is_empty());
        prop_assert_eq!(a.differing_fields(&b), b.differing_fields(&a));
        prop_assert!(normalize_contact_info(&a).differing_fields(&a).is_empty());
        let mut c = a.clone();
        c.take_field(&b, field);
        prop_assert!(c.stores_alike(&b, field));
        let expected: Vec<ContactField> =
            a.differing_fields(&b).into_iter().filter(|&f| f != field).collect();
        prop_assert_eq!(c.differing_fields(&b), expected);
    }
}
