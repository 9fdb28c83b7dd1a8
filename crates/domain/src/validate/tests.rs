use super::*;
use crate::account::Role;
use crate::contact::Weekday;

const USERS: &[UserRef<'static>] = &[
    UserRef {
        id: 1,
        email: "Ana@Partner.example",
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
];

fn rules() -> Rules<'static> {
    Rules {
        merchant_contact_required: false,
        users: USERS,
    }
}

fn merchant_rules() -> Rules<'static> {
    Rules {
        merchant_contact_required: true,
        users: USERS,
    }
}

fn entry(email: &str) -> ContactEntry {
    ContactEntry::new(email)
}

/// Complete information that raises no error and no warning: the emergency
/// contact has a phone, every address is different, one office-hours
/// schedule. The coverage tests start from it too.
pub(crate) fn valid_info() -> ContactInfo {
    ContactInfo {
        alert_contacts: vec![1],
        technical_emergency: vec![entry("oncall@partner.example").with_phone("+34911234567")],
        technical_non_emergency: vec![entry("dev@partner.example")],
        merchant_operational: vec![],
        operational_google: vec![entry("ops@partner.example")],
        shared_with_users: entry("support@partner.example"),
        support_hours: vec![SupportSchedule::weekdays_nine_to_five("Europe/Madrid")],
    }
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

/// A path as written on the wire.
fn p(path: &str) -> FieldPath {
    path.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// A finding as `(path, code)` written on the wire, comparable with string
/// pairs, the shape most assertions need.
#[derive(Debug)]
struct Pair(String, &'static str);

impl PartialEq<(&str, &str)> for Pair {
    fn eq(&self, (path, code): &(&str, &str)) -> bool {
        self.0 == *path && self.1 == *code
    }
}

fn pairs(errors: &[FieldError]) -> Vec<Pair> {
    errors
        .iter()
        .map(|e| Pair(e.path.to_string(), e.code.as_str()))
        .collect()
}

fn email_code(email: &str) -> Option<&'static str> {
    let errors = validate_email(email, FieldPath::EMAIL);
    assert!(errors.len() <= 1, "{errors:?}");
    errors.into_iter().next().map(|e| e.code.as_str())
}

fn with_info(change: impl FnOnce(&mut ContactInfo)) -> Report {
    with_info_rules(&rules(), change)
}

fn with_info_rules(rules: &Rules<'_>, change: impl FnOnce(&mut ContactInfo)) -> Report {
    let mut info = valid_info();
    change(&mut info);
    validate_contact_info(&info, rules)
}

// --- the baseline -----------------------------------------------------------

#[test]
fn valid_info_has_no_errors_or_warnings() {
    let report = validate_contact_info(&valid_info(), &rules());
    assert_eq!(report, Report::default());
    assert!(report.is_valid());
    assert!(valid_info().is_complete(&rules()));
}

#[test]
fn empty_info_reports_every_required_field_in_form_order() {
    let report = validate_contact_info(&ContactInfo::default(), &merchant_rules());
    assert_eq!(
        pairs(&report.errors),
        vec![
            ("alert_contacts", "required"),
            ("technical_emergency", "required"),
            ("technical_non_emergency", "required"),
            ("merchant_operational", "required"),
            ("operational_google", "required"),
            ("shared_with_users.email", "required"),
            ("support_hours", "required"),
        ]
    );
    assert!(!ContactInfo::default().is_complete(&rules()));
    for error in &report.errors {
        assert!(error.path.contact_field().is_some(), "{}", error.path);
    }
}

// --- email ------------------------------------------------------------------

#[test]
fn email_accepts_whatwg_valid_addresses() {
    for email in [
        "a@b.co",
        "first.last@example.com",
        "o'neil+tag@sub.example.co.uk",
        "x!#$%&'*+/=?^_`{|}~-@example.com",
        "UPPER@EXAMPLE.COM",
        "1@2.3",
        "a@xn--bcher-kva.example",
        "a@a-b.c-d.example",
        "  padded@example.com  ",
        // WHATWG allows dots anywhere in the local part.
        ".a..b.@example.com",
    ] {
        assert_eq!(email_code(email), None, "{email}");
    }
}

#[test]
fn email_required_when_empty_or_blank() {
    assert_eq!(email_code(""), Some("required"));
    assert_eq!(email_code("   \t"), Some("required"));
}

#[test]
fn email_rejects_malformed_addresses() {
    for email in [
        "plain",
        "@example.com",
        "a@",
        "a@@example.com",
        "a@b@example.com",
        "a b@example.com",
        "a\"b@example.com",
        "a(b)@example.com",
        "a,b@example.com",
        "a@-example.com",
        "a@example-.com",
        "a@exa_mple.com",
        "a@example..com",
        "a@.example.com",
        "a@example.com.",
        "a@exam ple.com",
        "a@[127.0.0.1]",
        // The rule is ASCII only: internationalised addresses must be typed in
        // their punycode form.
        "josé@example.com",
        "a@bücher.example",
        "a@例え.jp",
    ] {
        assert_eq!(email_code(email), Some("invalid_email"), "{email}");
    }
}

#[test]
fn email_domain_needs_a_dot() {
    assert_eq!(email_code("a@localhost"), Some("email_domain_needs_dot"));
    assert_eq!(email_code("a@b"), Some("email_domain_needs_dot"));
}

#[test]
fn email_domain_label_length_limits() {
    let label63 = "a".repeat(63);
    let label64 = "a".repeat(64);
    assert_eq!(email_code(&format!("a@{label63}.com")), None);
    assert_eq!(
        email_code(&format!("a@{label64}.com")),
        Some("invalid_email")
    );
    assert_eq!(email_code("a@a.b"), None, "one-character labels are fine");
    assert_eq!(email_code("a@a-.b"), Some("invalid_email"));
    assert_eq!(email_code("a@a.-b"), Some("invalid_email"));
    assert_eq!(
        email_code("a@a--b.c"),
        None,
        "inner double hyphens are fine"
    );
}

#[test]
fn email_total_length_boundary_is_254() {
    // 64 + "@" + 63 + "." + 63 + "." + n + ".com" characters.
    let local = "l".repeat(64);
    let domain_for = |total: usize| {
        let last = total - 64 - 1 - 63 - 1 - 63 - 1 - ".com".len();
        format!(
            "{}.{}.{}.com",
            "d".repeat(63),
            "d".repeat(63),
            "d".repeat(last)
        )
    };
    let at_limit = format!("{local}@{}", domain_for(254));
    let over_limit = format!("{local}@{}", domain_for(255));
    assert_eq!(at_limit.len(), 254);
    assert_eq!(over_limit.len(), 255);
    assert_eq!(email_code(&at_limit), None);
    let errors = validate_email(&over_limit, p("shared_with_users.email"));
    assert_eq!(
        pairs(&errors),
        vec![("shared_with_users.email", "too_long")]
    );
    assert_eq!(errors[0].param("max"), Some("254"));
}

#[test]
fn email_local_part_boundary_is_64() {
    let ok = format!("{}@example.com", "a".repeat(64));
    let long = format!("{}@example.com", "a".repeat(65));
    assert_eq!(email_code(&ok), None);
    let errors = validate_email(&long, FieldPath::EMAIL);
    assert_eq!(pairs(&errors), vec![("email", "local_part_too_long")]);
    assert_eq!(errors[0].param("max"), Some("64"));
}

#[test]
fn email_is_trimmed_and_domain_lowercased() {
    assert_eq!(
        normalize_email("  John.Doe@Example.COM \n"),
        "John.Doe@example.com"
    );
    assert_eq!(normalize_email("no-at-sign "), "no-at-sign");
    assert_eq!(normalize_email("a@b@C.D"), "a@b@c.d");
}

// --- name and phone ---------------------------------------------------------

#[test]
fn entry_name_is_optional_and_at_most_64_chars() {
    assert!(validate_entry(&entry("a@b.co"), p("technical_emergency[0]")).is_empty());
    let at_limit = entry("a@b.co").with_name("ñ".repeat(64));
    assert!(
        validate_entry(&at_limit, p("technical_emergency[0]")).is_empty(),
        "counts chars, not bytes"
    );
    let over = entry("a@b.co").with_name("n".repeat(65));
    let errors = validate_entry(&over, p("technical_emergency[0]"));
    assert_eq!(
        pairs(&errors),
        vec![("technical_emergency[0].name", "too_long")]
    );
    assert_eq!(errors[0].param("max"), Some("64"));
    let padded = entry("a@b.co").with_name(format!("  {}  ", "n".repeat(64)));
    assert!(
        validate_entry(&padded, p("shared_with_users")).is_empty(),
        "trimmed first"
    );
}

#[test]
fn phone_separators_are_removed() {
    for (typed, stored) in [
        ("+34 912 345 678", "+34912345678"),
        ("+1 (555) 123-4567", "+15551234567"),
        ("+44.20.7946.0958", "+442079460958"),
        ("  +49-30-1234567  ", "+49301234567"),
        ("+33\u{a0}1\u{a0}23\u{a0}45\u{a0}67\u{a0}89", "+33123456789"),
        ("+(34) 91–234–5678", "+34912345678"),
        ("+34912345678", "+34912345678"),
    ] {
        assert_eq!(normalize_phone(typed), stored, "{typed}");
        assert!(
            validate_phone(typed, p("shared_with_users.phone")).is_empty(),
            "{typed}"
        );
    }
}

#[test]
fn phone_that_does_not_parse_is_kept_trimmed() {
    assert_eq!(normalize_phone(" 912 345 678 "), "912 345 678");
    assert_eq!(normalize_phone("+34 91 ext 5"), "+34 91 ext 5");
    assert_eq!(normalize_phone("+"), "+");
    assert_eq!(normalize_phone("++34912345678"), "++34912345678");
    assert_eq!(normalize_phone(""), "");
}

#[test]
fn phone_must_be_e164() {
    assert!(
        validate_phone("", p("technical_emergency[0].phone")).is_empty(),
        "optional"
    );
    assert!(
        validate_phone("   ", p("technical_emergency[0].phone")).is_empty(),
        "blank is absent"
    );
    assert!(
        validate_phone("+12345678", p("technical_emergency[0].phone")).is_empty(),
        "8 digits"
    );
    assert!(
        validate_phone("+123456789012345", p("technical_emergency[0].phone")).is_empty(),
        "15 digits"
    );
    for bad in [
        "912345678",         // no country code
        "0034912345678",     // international prefix instead of +
        "(555) 123-4567",    // national format
        "+1234567",          // 7 digits
        "+1234567890123456", // 16 digits
        "+0123456789",       // country codes never start with 0
        "+34 91 ext 5",
        "+",
        "+34912345678x",
        "phone",
    ] {
        assert_eq!(
            pairs(&validate_phone(bad, p("shared_with_users.phone"))),
            vec![("shared_with_users.phone", "invalid_phone")],
            "{bad}"
        );
    }
}

#[test]
fn validate_entry_reports_each_part() {
    let bad = ContactEntry {
        email: "nope".into(),
        name: "x".repeat(70),
        phone: "123".into(),
    };
    assert_eq!(
        pairs(&validate_entry(&bad, p("shared_with_users"))),
        vec![
            ("shared_with_users.email", "invalid_email"),
            ("shared_with_users.name", "too_long"),
            ("shared_with_users.phone", "invalid_phone"),
        ]
    );
}

// --- lists --------------------------------------------------------------------

#[test]
fn lists_need_one_to_ten_entries() {
    for field in [
        ContactField::TechnicalEmergency,
        ContactField::TechnicalNonEmergency,
        ContactField::OperationalGoogle,
    ] {
        fn list(field: ContactField, info: &mut ContactInfo) -> &mut Vec<ContactEntry> {
            match field {
                ContactField::TechnicalEmergency => &mut info.technical_emergency,
                ContactField::TechnicalNonEmergency => &mut info.technical_non_emergency,
                _ => &mut info.operational_google,
            }
        }
        let prefix = field.path_prefix();

        let report = with_info(|info| list(field, info).clear());
        assert_eq!(pairs(&report.errors), vec![(prefix, "required")]);

        let ten: Vec<_> = (0..10)
            .map(|i| entry(&format!("t{i}@partner.example")))
            .collect();
        let report = with_info(|info| *list(field, info) = ten.clone());
        assert!(report.is_valid(), "{prefix}: {report:?}");

        let mut eleven = ten.clone();
        eleven.push(entry("t10@partner.example"));
        let report = with_info(|info| *list(field, info) = eleven.clone());
        assert_eq!(pairs(&report.errors), vec![(prefix, "too_many")]);
        assert_eq!(report.errors[0].param("max"), Some("10"));
    }
}

#[test]
fn entries_in_lists_are_validated_with_indexed_paths() {
    let report = with_info(|info| {
        info.technical_emergency = vec![
            entry("ok@partner.example"),
            entry("bad"),
            entry("x@y.co").with_phone("555 1234"),
        ];
    });
    assert_eq!(
        pairs(&report.errors),
        vec![
            ("technical_emergency[1].email", "invalid_email"),
            ("technical_emergency[2].phone", "invalid_phone"),
        ]
    );
    assert_eq!(
        report.errors_for(p("technical_emergency[1].email")).len(),
        1
    );
    assert!(
        report
            .errors_for(p("technical_emergency[0].email"))
            .is_empty()
    );
    assert!(report.has_errors_under(p("technical_emergency")));
    assert!(report.has_errors_under(p("technical_emergency[2]")));
    assert!(report.has_errors_under(p("technical_emergency[2].phone")));
    assert!(!report.has_errors_under(p("technical_emergency[0]")));
    assert!(!report.has_errors_under(p("technical_emergency[2].email")));
    assert!(!report.has_errors_under(p("operational_google")));
}

#[test]
fn duplicates_within_a_field_are_case_insensitive() {
    let report = with_info(|info| {
        info.technical_non_emergency = vec![
            entry("dev@partner.example"),
            entry("other@partner.example"),
            entry(" DEV@PARTNER.EXAMPLE "),
            entry("Dev@partner.example"),
        ];
    });
    assert_eq!(
        pairs(&report.errors),
        vec![
            ("technical_non_emergency[2].email", "duplicate"),
            ("technical_non_emergency[3].email", "duplicate"),
        ]
    );
    assert!(report.errors.iter().all(|e| e.param("first") == Some("0")));
}

#[test]
fn same_address_in_different_fields_is_fine() {
    let report = with_info(|info| {
        info.technical_emergency = vec![entry("team@partner.example")];
        info.technical_non_emergency = vec![entry("team@partner.example")];
        info.operational_google = vec![entry("team@partner.example")];
        info.shared_with_users = entry("team@partner.example");
    });
    assert!(report.is_valid(), "{report:?}");
}

#[test]
fn invalid_addresses_are_not_also_duplicates() {
    let report = with_info(|info| {
        info.operational_google = vec![entry("bad@"), entry("bad@"), entry("")];
    });
    assert_eq!(
        pairs(&report.errors),
        vec![
            ("operational_google[0].email", "invalid_email"),
            ("operational_google[1].email", "invalid_email"),
            ("operational_google[2].email", "required"),
        ]
    );
}

#[test]
fn merchant_contact_only_when_required() {
    // Not required: empty is right, anything else is not applicable.
    assert!(with_info(|_| {}).is_valid());
    let report = with_info(|info| info.merchant_operational = vec![entry("m@partner.example")]);
    assert_eq!(
        pairs(&report.errors),
        vec![("merchant_operational", "not_applicable")]
    );

    // Required: 1–10 entries, validated like the other lists.
    let report = with_info_rules(&merchant_rules(), |_| {});
    assert_eq!(
        pairs(&report.errors),
        vec![("merchant_operational", "required")]
    );
    let report = with_info_rules(&merchant_rules(), |info| {
        info.merchant_operational = vec![entry("m@partner.example"), entry("M@Partner.Example")];
    });
    assert_eq!(
        pairs(&report.errors),
        vec![("merchant_operational[1].email", "duplicate")]
    );
    let report = with_info_rules(&merchant_rules(), |info| {
        info.merchant_operational = (0..11).map(|i| entry(&format!("m{i}@p.example"))).collect();
    });
    assert_eq!(
        pairs(&report.errors),
        vec![("merchant_operational", "too_many")]
    );
    let report = with_info_rules(&merchant_rules(), |info| {
        info.merchant_operational = vec![entry("m@partner.example")];
    });
    assert!(report.is_valid());
}

#[test]
fn rules_follow_the_account() {
    use crate::account::{Account, IntegrationKind};
    let account = Account {
        partner_id: "P-9".into(),
        display_name: "Eats".into(),
        integrations: vec![IntegrationKind::Ordering],
    };
    let users = [UserRef {
        id: 1,
        email: "a@b.co",
        active: true,
    }];
    let rules = Rules::for_account(&account, &users);
    assert!(rules.merchant_contact_required);
    assert_eq!(rules.users.len(), 1);

    let user = User {
        id: 5,
        name: "E".into(),
        email: "e@b.co".into(),
        role: Role::Editor,
        status: crate::account::UserStatus::InvitationExpired,
        invitation_expires_at: None,
        version: 1,
    };
    let r = UserRef::from(&user);
    assert_eq!((r.id, r.email, r.active), (5, "e@b.co", false));
}

// --- shared with users --------------------------------------------------------

#[test]
fn shared_contact_is_one_validated_entry() {
    let report = with_info(|info| {
        info.shared_with_users = ContactEntry {
            email: "help@partner".into(),
            name: "Support".into(),
            phone: "+34 (91) 000-0000".into(),
        };
    });
    assert_eq!(
        pairs(&report.errors),
        vec![("shared_with_users.email", "email_domain_needs_dot")]
    );
    let report = with_info(|info| info.shared_with_users.phone = "91 000 0000".into());
    assert_eq!(
        pairs(&report.errors),
        vec![("shared_with_users.phone", "invalid_phone")]
    );
}

// --- alert contacts -------------------------------------------------------------

#[test]
fn alert_contacts_need_an_active_user_of_the_account() {
    let report = with_info(|info| info.alert_contacts.clear());
    assert_eq!(pairs(&report.errors), vec![("alert_contacts", "required")]);

    let report = with_info(|info| info.alert_contacts = vec![1, 2, 99, 3]);
    assert_eq!(
        pairs(&report.errors),
        vec![
            ("alert_contacts[1]", "unknown_user"),
            ("alert_contacts[2]", "unknown_user"),
        ]
    );
    assert_eq!(report.errors[0].param("id"), Some("2"), "inactive user");
    assert_eq!(
        report.errors[1].param("id"),
        Some("99"),
        "not in the account"
    );

    let no_users = Rules::default();
    let report = with_info_rules(&no_users, |_| {});
    assert_eq!(
        pairs(&report.errors),
        vec![("alert_contacts[0]", "unknown_user")]
    );
}

#[test]
fn repeated_alert_contacts_are_merged() {
    let info = ContactInfo {
        alert_contacts: vec![3, 1, 3, 1, 3],
        ..valid_info()
    };
    assert_eq!(normalize_contact_info(&info).alert_contacts, vec![3, 1]);
    assert!(validate_contact_info(&info, &rules()).is_valid());
}

// --- support hours ----------------------------------------------------------------

#[test]
fn support_hours_need_a_schedule() {
    let report = with_info(|info| info.support_hours.clear());
    assert_eq!(pairs(&report.errors), vec![("support_hours", "required")]);
}

#[test]
fn presets_are_valid() {
    for preset in [
        SupportSchedule::twenty_four_seven("UTC"),
        SupportSchedule::weekdays_nine_to_five("America/New_York"),
    ] {
        assert!(validate_schedule(&preset, 0).is_empty());
        assert!(with_info(|info| info.support_hours = vec![preset.clone()]).is_valid());
    }
}

#[test]
fn schedule_time_zone_must_be_known() {
    let mut s = SupportSchedule::weekdays_nine_to_five("");
    assert_eq!(
        pairs(&validate_schedule(&s, 0)),
        vec![("support_hours[0].time_zone", "required")]
    );
    s.time_zone = "Mars/Olympus_Mons".into();
    assert_eq!(
        pairs(&validate_schedule(&s, 0)),
        vec![("support_hours[0].time_zone", "unknown_time_zone")]
    );
    s.time_zone = "europe/madrid".into();
    assert_eq!(
        pairs(&validate_schedule(&s, 0)),
        vec![("support_hours[0].time_zone", "unknown_time_zone")],
        "zone names are case-sensitive"
    );
    s.time_zone = " Asia/Calcutta ".into();
    assert!(validate_schedule(&s, 0).is_empty());
    assert_eq!(normalize_schedule(&s).time_zone, "Asia/Kolkata");
}

#[test]
fn schedule_needs_days() {
    let s = schedule("UTC", &[], "09:00", "17:00");
    assert_eq!(
        pairs(&validate_schedule(&s, 3)),
        vec![("support_hours[3].days", "required")]
    );
}

#[test]
fn days_are_sorted_and_deduplicated() {
    use Weekday::*;
    let s = schedule("UTC", &[Sun, Mon, Fri, Mon, Sun], "09:00", "17:00");
    assert_eq!(normalize_schedule(&s).days, vec![Mon, Fri, Sun]);
}

#[test]
fn times_are_hh_mm_within_the_day() {
    let days = [Weekday::Mon];
    let codes = |from: &str, to: &str| {
        validate_schedule(&schedule("UTC", &days, from, to), 0)
            .into_iter()
            .map(|e| (e.path.to_string(), e.code.as_str()))
            .collect::<Vec<_>>()
    };
    let at = |p: &str, c: &'static str| (p.to_owned(), c);
    assert!(codes("00:00", "23:59").is_empty());
    assert!(codes("00:00", "24:00").is_empty(), "24:00 ends the day");
    assert!(codes("9:00", "17:00:00").is_empty(), "normalised first");
    assert_eq!(
        codes("24:00", "24:00"),
        vec![at("support_hours[0].from", "invalid_time")]
    );
    assert_eq!(
        codes("09:00", "24:01"),
        vec![at("support_hours[0].to", "invalid_time")]
    );
    assert_eq!(
        codes("09:00", "25:00"),
        vec![at("support_hours[0].to", "invalid_time")]
    );
    assert_eq!(
        codes("09:60", "17:00"),
        vec![at("support_hours[0].from", "invalid_time")]
    );
    assert_eq!(
        codes("9am", "5pm"),
        vec![
            at("support_hours[0].from", "invalid_time"),
            at("support_hours[0].to", "invalid_time")
        ]
    );
    assert_eq!(
        codes("09:00:30", "17:00"),
        vec![at("support_hours[0].from", "invalid_time")]
    );
    assert_eq!(
        codes("", "17:00"),
        vec![at("support_hours[0].from", "required")]
    );
    assert_eq!(
        codes("09:00", " "),
        vec![at("support_hours[0].to", "required")]
    );
}

#[test]
fn time_normalisation() {
    assert_eq!(normalize_time(" 9:05 "), "09:05");
    assert_eq!(normalize_time("09:05:00"), "09:05");
    assert_eq!(normalize_time("24:00"), "24:00");
    assert_eq!(normalize_time("24:30"), "24:30");
    assert_eq!(normalize_time("009:00"), "009:00");
    assert_eq!(normalize_time("noon"), "noon");
}

#[test]
fn end_must_be_after_start() {
    let days = [Weekday::Tue];
    for (from, to) in [("17:00", "09:00"), ("09:00", "09:00"), ("23:59", "00:00")] {
        assert_eq!(
            pairs(&validate_schedule(&schedule("UTC", &days, from, to), 0)),
            vec![("support_hours[0].to", "end_before_start")],
            "{from}–{to}"
        );
    }
    assert!(validate_schedule(&schedule("UTC", &days, "09:00", "09:01"), 0).is_empty());
}

#[test]
fn all_day_ignores_typed_times() {
    let s = SupportSchedule {
        all_day: true,
        ..schedule("UTC", &[Weekday::Sat], "garbage", "")
    };
    assert!(validate_schedule(&s, 0).is_empty());
    let n = normalize_schedule(&s);
    assert_eq!((n.from.as_str(), n.to.as_str()), ("00:00", "24:00"));
}

fn hours_report(schedules: Vec<SupportSchedule>) -> Report {
    with_info(|info| info.support_hours = schedules)
}

#[test]
fn touching_intervals_do_not_overlap() {
    use Weekday::*;
    let report = hours_report(vec![
        schedule("Europe/Madrid", &[Mon, Tue], "09:00", "12:00"),
        schedule("Europe/Madrid", &[Mon, Tue], "12:00", "17:00"),
        schedule("Europe/Madrid", &[Mon], "17:00", "24:00"),
        schedule("Europe/Madrid", &[Mon], "00:00", "09:00"),
    ]);
    assert!(report.is_valid(), "{report:?}");
}

#[test]
fn overlapping_intervals_in_the_same_zone_and_day_are_rejected() {
    use Weekday::*;
    let report = hours_report(vec![
        schedule("Europe/Madrid", &[Mon, Tue], "09:00", "13:00"),
        schedule("Europe/Madrid", &[Wed], "09:00", "17:00"),
        schedule("Europe/Madrid", &[Tue, Wed], "12:59", "18:00"),
    ]);
    assert_eq!(
        pairs(&report.errors),
        vec![("support_hours[2].from", "overlap")]
    );
    assert_eq!(report.errors[0].param("with"), Some("0"));

    let contained = hours_report(vec![
        schedule("UTC", &[Fri], "08:00", "20:00"),
        schedule("UTC", &[Fri], "10:00", "11:00"),
    ]);
    assert_eq!(
        pairs(&contained.errors),
        vec![("support_hours[1].from", "overlap")]
    );

    let identical = hours_report(vec![
        SupportSchedule::weekdays_nine_to_five("UTC"),
        SupportSchedule::weekdays_nine_to_five("UTC"),
    ]);
    assert_eq!(
        pairs(&identical.errors),
        vec![("support_hours[1].from", "overlap")]
    );
}

#[test]
fn all_day_schedules_overlap_anything_on_their_days() {
    use Weekday::*;
    let report = hours_report(vec![
        SupportSchedule::weekdays_nine_to_five("UTC"),
        SupportSchedule {
            days: vec![Sat, Sun],
            ..SupportSchedule::twenty_four_seven("UTC")
        },
        SupportSchedule {
            days: vec![Fri],
            ..SupportSchedule::twenty_four_seven("UTC")
        },
    ]);
    assert_eq!(
        pairs(&report.errors),
        vec![("support_hours[2].from", "overlap")]
    );
    assert_eq!(report.errors[0].param("with"), Some("0"));
}

#[test]
fn same_hours_in_different_zones_or_days_do_not_overlap() {
    use Weekday::*;
    let report = hours_report(vec![
        schedule("Europe/Madrid", &[Mon], "09:00", "17:00"),
        schedule("America/New_York", &[Mon], "09:00", "17:00"),
        schedule("Europe/Madrid", &[Tue], "09:00", "17:00"),
    ]);
    assert!(report.is_valid(), "{report:?}");
}

#[test]
fn aliases_of_the_same_zone_are_the_same_zone() {
    use Weekday::*;
    let report = hours_report(vec![
        schedule("Asia/Kolkata", &[Mon], "09:00", "17:00"),
        schedule("Asia/Calcutta", &[Mon], "10:00", "11:00"),
    ]);
    assert_eq!(
        pairs(&report.errors),
        vec![("support_hours[1].from", "overlap")]
    );
}

#[test]
fn broken_schedules_are_left_out_of_the_overlap_check() {
    use Weekday::*;
    let report = hours_report(vec![
        schedule("UTC", &[Mon], "09:00", "17:00"),
        schedule("UTC", &[Mon], "10:00", "nine"),
        schedule("UTC", &[Mon], "18:00", "10:00"),
    ]);
    assert_eq!(
        pairs(&report.errors),
        vec![
            ("support_hours[1].to", "invalid_time"),
            ("support_hours[2].to", "end_before_start"),
        ]
    );
}

// --- warnings ---------------------------------------------------------------------
// (the coverage warnings have their tests in `coverage`; these look only at
// personal addresses)

fn personal_address_report(change: impl FnOnce(&mut ContactInfo)) -> Report {
    let mut report = with_info(change);
    report.warnings.retain(|w| w.code == Code::PersonalAddress);
    report
}

#[test]
fn personal_addresses_get_a_warning_not_an_error() {
    let report = personal_address_report(|info| {
        info.technical_emergency = vec![
            entry("oncall@partner.example"),
            entry("someone@Gmail.com"),
            entry("ana@partner.example"),
        ];
        info.shared_with_users = entry("brand@outlook.es");
        info.technical_non_emergency = vec![entry("dev@gmail.com")];
    });
    assert!(report.is_valid(), "{report:?}");
    assert_eq!(
        pairs(&report.warnings),
        vec![
            ("technical_emergency[1].email", "personal_address"),
            ("technical_emergency[2].email", "personal_address"),
            ("shared_with_users.email", "personal_address"),
        ]
    );
    assert_eq!(report.warnings[0].param("reason"), Some("consumer_domain"));
    assert_eq!(report.warnings[1].param("reason"), Some("user_address"));
    assert_eq!(report.warnings[2].param("reason"), Some("consumer_domain"));
    assert_eq!(
        report.warnings_for(p("technical_emergency[2].email")).len(),
        1
    );
    assert!(
        report
            .warnings_for(p("technical_non_emergency[0].email"))
            .is_empty()
    );
}

#[test]
fn inactive_users_addresses_also_look_personal() {
    let report =
        personal_address_report(|info| info.shared_with_users = entry("BO@partner.example"));
    assert_eq!(
        pairs(&report.warnings),
        vec![("shared_with_users.email", "personal_address")]
    );
    assert_eq!(report.warnings[0].param("reason"), Some("user_address"));
}

#[test]
fn invalid_addresses_get_no_warning() {
    let report = personal_address_report(|info| info.shared_with_users = entry("x@@gmail.com"));
    assert!(report.warnings.is_empty());
    assert_eq!(
        pairs(&report.errors),
        vec![("shared_with_users.email", "invalid_email")]
    );
}

#[test]
fn consumer_domains_match_exactly() {
    assert_eq!(
        personal_address_reason("a@gmail.com", &[]),
        Some("consumer_domain")
    );
    assert_eq!(personal_address_reason("a@mail.gmail.com", &[]), None);
    assert_eq!(personal_address_reason("a@gmail.com.example", &[]), None);
    assert_eq!(personal_address_reason("gmail.com", &[]), None);
    assert!(CONSUMER_MAIL_DOMAINS.windows(2).all(|w| w[0] < w[1]));
}

// --- invitations and passwords -----------------------------------------------------

#[test]
fn invitation_rules() {
    let ok = NewInvitation {
        name: " Ana García ".into(),
        email: " ana@Partner.Example ".into(),
        role: Role::Editor,
    };
    assert!(validate_invitation(&ok).is_empty());
    let n = normalize_invitation(&ok);
    assert_eq!(
        (n.name.as_str(), n.email.as_str()),
        ("Ana García", "ana@partner.example")
    );

    let empty = NewInvitation::default();
    assert_eq!(
        pairs(&validate_invitation(&empty)),
        vec![("name", "required"), ("email", "required")]
    );
    let bad = NewInvitation {
        name: "n".repeat(65),
        email: "ana@partner".into(),
        role: Role::Administrator,
    };
    let errors = validate_invitation(&bad);
    assert_eq!(
        pairs(&errors),
        vec![("name", "too_long"), ("email", "email_domain_needs_dot")]
    );
    assert_eq!(errors[0].param("max"), Some("64"));
    assert!(validate_person_name(&"n".repeat(64), FieldPath::NAME).is_empty());
    assert_eq!(
        pairs(&validate_person_name("  ", FieldPath::NAME)),
        vec![("name", "required")]
    );
}

#[test]
fn password_length_counts_characters() {
    assert_eq!(
        pairs(&validate_password("")),
        vec![("password", "required")]
    );
    let short = validate_password("elevenchars");
    assert_eq!(pairs(&short), vec![("password", "too_short")]);
    assert_eq!(short[0].param("min"), Some("12"));
    assert!(validate_password("twelve chars").is_empty());
    assert_eq!(
        pairs(&validate_password(&"é".repeat(11))),
        vec![("password", "too_short")],
        "22 bytes but 11 characters"
    );
    assert!(validate_password(&"é".repeat(12)).is_empty());
    assert!(validate_password(&"p".repeat(128)).is_empty());
    let long = validate_password(&"p".repeat(129));
    assert_eq!(pairs(&long), vec![("password", "too_long")]);
    assert_eq!(long[0].param("max"), Some("128"));
    assert!(
        validate_password("            ").is_empty(),
        "spaces are not trimmed"
    );
}

// --- report helpers and codes ------------------------------------------------------

#[test]
fn report_round_trips_as_json_and_finds_first_errors() {
    let report = with_info(|info| {
        info.technical_emergency = vec![entry("a@b")];
        info.support_hours = vec![schedule("UTC", &[], "", "")];
    });
    assert_eq!(
        report
            .first_error(p("technical_emergency[0].email"))
            .map(|e| e.code),
        Some(Code::EmailDomainNeedsDot)
    );
    assert!(report.first_error(p("support_hours")).is_none());
    let json = serde_json::to_string(&report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn every_emitted_code_is_listed() {
    let reports = [
        validate_contact_info(&ContactInfo::default(), &merchant_rules()),
        with_info(|info| {
            info.alert_contacts = vec![42];
            info.technical_emergency = vec![
                entry(&format!("{}@example.com", "a".repeat(65))),
                entry(&"a".repeat(260)),
                entry("x@y"),
                entry("x y@z.example"),
                entry("x@gmail.com")
                    .with_phone("1")
                    .with_name("n".repeat(99)),
                entry("X@gmail.com"),
            ];
            info.merchant_operational = vec![entry("m@p.example")];
            info.operational_google = (0..11).map(|i| entry(&format!("g{i}@p.example"))).collect();
            info.support_hours = vec![
                schedule("Nowhere", &[Weekday::Mon], "x", "09:00"),
                schedule("UTC", &[Weekday::Mon], "10:00", "09:00"),
                schedule("UTC", &[Weekday::Mon], "09:00", "10:00"),
                schedule("UTC", &[Weekday::Mon], "09:30", "10:30"),
            ];
        }),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for report in &reports {
        for e in report.errors.iter().chain(&report.warnings) {
            seen.insert(e.code.as_str());
        }
    }
    for code in [
        "required",
        "too_long",
        "too_many",
        "local_part_too_long",
        "invalid_email",
        "email_domain_needs_dot",
        "invalid_phone",
        "not_applicable",
        "duplicate",
        "unknown_user",
        "unknown_time_zone",
        "invalid_time",
        "end_before_start",
        "overlap",
        "personal_address",
    ] {
        assert!(seen.contains(code), "{code} not produced");
    }
}
