//! The rules of the contact information form (PRODUCT §5), invitations and
//! passwords, as pure functions.
//!
//! The app runs them as the user types and the server runs them again before
//! it stores anything, so both report the same problems in the same shape.
//! Problems are values ([`FieldError`]: a [`FieldPath`] and a [`Code`]),
//! never sentences: the app translates them.
//!
//! Every `validate_*` function normalises its input first (see the
//! `normalize_*` functions), so callers pass what the user typed; what gets
//! stored is the normalised form. Paths index the normalised data: entry lists
//! and schedules keep their order and length, only `alert_contacts` loses
//! repeated ids.
//!
//! A path gets at most one error, the first problem found, because a field shows
//! one message at a time.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::account::{Account, NewInvitation, User};
use crate::api::FieldError;
use crate::codes::{Code, param, reason};
use crate::contact::{ContactEntry, ContactField, ContactInfo, SupportSchedule};
use crate::path::{FieldPath, Part, SchedulePart};
use crate::timezones::{canonical_time_zone, is_known_time_zone};

/// RFC 5321's limit on a forward path, which is what mail servers enforce.
pub const EMAIL_MAX_CHARS: usize = 254;
/// RFC 5321's limit on the part before `@`.
pub const EMAIL_LOCAL_PART_MAX_CHARS: usize = 64;
/// Long enough for real names, short enough for e-mail headers and list cells.
pub const NAME_MAX_CHARS: usize = 64;
/// Enough for a team, few enough that every entry is someone who reads the mail.
pub const CONTACT_LIST_MAX_ENTRIES: usize = 10;
/// E.164 allows at most 15 digits including the country code.
pub const PHONE_MAX_DIGITS: usize = 15;
/// Shorter numbers are service codes or typos, not reachable international numbers.
pub const PHONE_MIN_DIGITS: usize = 8;
/// Long enough to resist guessing without demanding character classes (NIST SP 800-63B).
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Bounds the hashing work one sign-in attempt can cause.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Mail services where anyone can open an address: an address there is
/// probably one person's, and mail to it is lost when that person leaves.
pub const CONSUMER_MAIL_DOMAINS: &[&str] = &[
    "126.com",
    "163.com",
    "aol.com",
    "gmail.com",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "googlemail.com",
    "hotmail.co.uk",
    "hotmail.com",
    "hotmail.es",
    "hotmail.fr",
    "icloud.com",
    "live.com",
    "mac.com",
    "mail.ru",
    "me.com",
    "msn.com",
    "outlook.com",
    "outlook.es",
    "pm.me",
    "proton.me",
    "protonmail.com",
    "qq.com",
    "web.de",
    "yahoo.co.uk",
    "yahoo.com",
    "yahoo.es",
    "yahoo.fr",
    "yandex.com",
    "yandex.ru",
    "ymail.com",
    "zoho.com",
];

/// One user of the account, as far as the rules need to know them: whether
/// they can receive alerts, and their own address for the "personal address"
/// hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserRef<'a> {
    pub id: i64,
    pub email: &'a str,
    /// Only active users can act on an alert; invitees may never accept.
    pub active: bool,
}

impl<'a> From<&'a User> for UserRef<'a> {
    fn from(user: &'a User) -> Self {
        Self {
            id: user.id,
            email: &user.email,
            active: user.is_active(),
        }
    }
}

/// What the contact rules depend on besides the form itself; the server knows
/// it and sends it to the app, so both judge the same facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules<'a> {
    /// Whether the account's integrations need a merchant operational contact.
    pub merchant_contact_required: bool,
    /// The account's users.
    pub users: &'a [UserRef<'a>],
}

impl<'a> Rules<'a> {
    /// The rules for `account`, with its users given as [`UserRef`]s
    /// (`users.iter().map(UserRef::from).collect()`).
    pub fn for_account(account: &Account, users: &'a [UserRef<'a>]) -> Self {
        Self {
            merchant_contact_required: account.merchant_contact_required(),
            users,
        }
    }
}

/// The outcome of validating a whole form: errors block saving, warnings are
/// hints shown in amber.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Report {
    /// In form order, so the first one is the field that gets focus.
    pub errors: Vec<FieldError>,
    pub warnings: Vec<FieldError>,
}

impl Report {
    /// Whether saving would be accepted.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors at exactly `path`, e.g. `technical_emergency[0].email`.
    pub fn errors_for(&self, path: FieldPath) -> Vec<&FieldError> {
        self.errors.iter().filter(|e| e.path == path).collect()
    }

    /// The one message a field shows.
    pub fn first_error(&self, path: FieldPath) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.path == path)
    }

    /// The warnings at exactly `path`.
    pub fn warnings_for(&self, path: FieldPath) -> Vec<&FieldError> {
        self.warnings.iter().filter(|e| e.path == path).collect()
    }

    /// Whether `ancestor` or anything inside it has an error, for marking a
    /// whole section or list as invalid.
    pub fn has_errors_under(&self, ancestor: FieldPath) -> bool {
        self.errors.iter().any(|e| e.path.is_under(ancestor))
    }
}

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

/// Trims the address and lower-cases its domain, which is case-insensitive;
/// the local part is kept as typed because mail servers may distinguish case.
pub fn normalize_email(email: &str) -> String {
    let email = email.trim();
    match email.rsplit_once('@') {
        Some((local, domain)) => format!("{local}@{}", domain.to_ascii_lowercase()),
        None => email.to_owned(),
    }
}

/// A portal user's address as stored and looked up: [`normalize_email`], then
/// lower-cased whole, because a sign-in name must not depend on how it was
/// capitalised (one person, one account).
pub fn normalize_user_email(email: &str) -> String {
    normalize_email(email).to_lowercase()
}

fn is_phone_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')' | '\u{2010}'..='\u{2015}')
}

/// Turns `+34 (91) 123-45-67` into `+34911234567` so numbers are stored and
/// compared in one form. Input that isn't `+` followed by digits and
/// separators is only trimmed, so validation can point at it.
pub fn normalize_phone(phone: &str) -> String {
    let phone = phone.trim();
    if let Some(rest) = phone.strip_prefix('+') {
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !is_phone_separator(c) {
                return phone.to_owned();
            }
        }
        if !digits.is_empty() {
            return format!("+{digits}");
        }
    }
    phone.to_owned()
}

/// Trims every part and normalises email and phone.
pub fn normalize_entry(entry: &ContactEntry) -> ContactEntry {
    ContactEntry {
        email: normalize_email(&entry.email),
        name: entry.name.trim().to_owned(),
        phone: normalize_phone(&entry.phone),
    }
}

/// Parses `H:MM`, `HH:MM` or `HH:MM:00` loosely, for normalisation only.
fn parse_time_loosely(time: &str) -> Option<(u32, u32)> {
    let mut parts = time.split(':');
    let hours = parts.next()?;
    let minutes = parts.next()?;
    if let Some(seconds) = parts.next()
        && seconds != "00"
    {
        return None;
    }
    if parts.next().is_some()
        || !(1..=2).contains(&hours.len())
        || minutes.len() != 2
        || !hours
            .bytes()
            .chain(minutes.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (h, m) = (hours.parse().ok()?, minutes.parse().ok()?);
    (h < 24 && m < 60 || h == 24 && m == 0).then_some((h, m))
}

/// Brings `9:00` and `09:00:00` (what some time inputs give) to `09:00`;
/// anything else is only trimmed, so validation can point at it.
pub fn normalize_time(time: &str) -> String {
    let time = time.trim();
    match parse_time_loosely(time) {
        Some((h, m)) => format!("{h:02}:{m:02}"),
        None => time.to_owned(),
    }
}

/// Maps zone aliases to their canonical name, sorts and de-duplicates the days,
/// and pins an all-day schedule to `00:00`–`24:00` so the overlap rule sees the
/// whole day.
pub fn normalize_schedule(schedule: &SupportSchedule) -> SupportSchedule {
    let zone = schedule.time_zone.trim();
    let mut days = schedule.days.clone();
    days.sort_unstable();
    days.dedup();
    let (from, to) = if schedule.all_day {
        ("00:00".to_owned(), "24:00".to_owned())
    } else {
        (normalize_time(&schedule.from), normalize_time(&schedule.to))
    };
    SupportSchedule {
        time_zone: canonical_time_zone(zone).unwrap_or(zone).to_owned(),
        days,
        all_day: schedule.all_day,
        from,
        to,
    }
}

/// The form as it is stored: every part trimmed and in one canonical spelling,
/// repeated alert contacts dropped. Applying it twice changes nothing.
pub fn normalize_contact_info(info: &ContactInfo) -> ContactInfo {
    let entries = |list: &[ContactEntry]| list.iter().map(normalize_entry).collect();
    let mut alert_contacts = Vec::with_capacity(info.alert_contacts.len());
    for &id in &info.alert_contacts {
        if !alert_contacts.contains(&id) {
            alert_contacts.push(id);
        }
    }
    ContactInfo {
        alert_contacts,
        technical_emergency: entries(&info.technical_emergency),
        technical_non_emergency: entries(&info.technical_non_emergency),
        merchant_operational: entries(&info.merchant_operational),
        operational_google: entries(&info.operational_google),
        shared_with_users: normalize_entry(&info.shared_with_users),
        support_hours: info.support_hours.iter().map(normalize_schedule).collect(),
    }
}

/// Trims the name and normalises the address, as they will be stored: the
/// address becomes the invitee's sign-in name ([`normalize_user_email`]).
pub fn normalize_invitation(invitation: &NewInvitation) -> NewInvitation {
    NewInvitation {
        name: invitation.name.trim().to_owned(),
        email: normalize_user_email(&invitation.email),
        role: invitation.role,
    }
}

// ---------------------------------------------------------------------------
// Single values
// ---------------------------------------------------------------------------

fn is_local_part_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn is_domain_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..=63).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && bytes[0] != b'-'
        && bytes[bytes.len() - 1] != b'-'
}

/// The first problem with an already normalised address, as a ready error.
fn email_problem(email: &str, path: FieldPath) -> Option<FieldError> {
    if email.is_empty() {
        return Some(FieldError::new(path, Code::Required));
    }
    if email.chars().count() > EMAIL_MAX_CHARS {
        return Some(FieldError::new(path, Code::TooLong).with_param(param::MAX, EMAIL_MAX_CHARS));
    }
    let invalid = || Some(FieldError::new(path, Code::InvalidEmail));
    let Some((local, domain)) = email.split_once('@') else {
        return invalid();
    };
    // The WHATWG HTML "valid e-mail address": ASCII only, no quoted local parts.
    if local.is_empty()
        || !local.bytes().all(is_local_part_byte)
        || !domain.split('.').all(is_domain_label)
    {
        return invalid();
    }
    if local.len() > EMAIL_LOCAL_PART_MAX_CHARS {
        return Some(
            FieldError::new(path, Code::LocalPartTooLong)
                .with_param(param::MAX, EMAIL_LOCAL_PART_MAX_CHARS),
        );
    }
    if !domain.contains('.') {
        return Some(FieldError::new(path, Code::EmailDomainNeedsDot));
    }
    None
}

/// Checks one address field, so any form (contacts, invitations) reports
/// addresses alike. At most one error.
pub fn validate_email(email: &str, path: FieldPath) -> Vec<FieldError> {
    email_problem(&normalize_email(email), path)
        .into_iter()
        .collect()
}

fn phone_is_valid(phone: &str) -> bool {
    match phone.strip_prefix('+') {
        Some(digits) => {
            (PHONE_MIN_DIGITS..=PHONE_MAX_DIGITS).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0')
        }
        None => false,
    }
}

/// Checks an optional phone number: empty is fine, anything else must be an
/// international number (the message asks for the country code).
pub fn validate_phone(phone: &str, path: FieldPath) -> Vec<FieldError> {
    let phone = normalize_phone(phone);
    if phone.is_empty() || phone_is_valid(&phone) {
        Vec::new()
    } else {
        vec![FieldError::new(path, Code::InvalidPhone)]
    }
}

fn name_too_long(name: &str, path: FieldPath) -> Option<FieldError> {
    (name.chars().count() > NAME_MAX_CHARS)
        .then(|| FieldError::new(path, Code::TooLong).with_param(param::MAX, NAME_MAX_CHARS))
}

/// Checks a required person's name (invitations); contact entries' names are
/// optional and only limited in length.
pub fn validate_person_name(name: &str, path: FieldPath) -> Vec<FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return vec![FieldError::new(path, Code::Required)];
    }
    name_too_long(name, path).into_iter().collect()
}

/// The problems of one normalised entry except duplicates, which need the list.
fn entry_errors(entry: &ContactEntry, path: FieldPath, out: &mut Vec<FieldError>) {
    out.extend(email_problem(&entry.email, path.entry_part(Part::Email)));
    entry_name_and_phone_errors(entry, path, out);
}

fn entry_name_and_phone_errors(entry: &ContactEntry, path: FieldPath, out: &mut Vec<FieldError>) {
    out.extend(name_too_long(&entry.name, path.entry_part(Part::Name)));
    if !entry.phone.is_empty() && !phone_is_valid(&entry.phone) {
        out.push(FieldError::new(
            path.entry_part(Part::Phone),
            Code::InvalidPhone,
        ));
    }
}

/// Checks one contact entry at `path` (an item of an entry list, e.g.
/// `technical_emergency[0]`, or `shared_with_users`); errors land on its
/// email, name and phone.
///
/// # Panics
///
/// If `path` is not a contact entry.
pub fn validate_entry(entry: &ContactEntry, path: FieldPath) -> Vec<FieldError> {
    let mut out = Vec::new();
    entry_errors(&normalize_entry(entry), path, &mut out);
    out
}

/// Checks an invitation form; errors land on `name` and `email`.
pub fn validate_invitation(invitation: &NewInvitation) -> Vec<FieldError> {
    let invitation = normalize_invitation(invitation);
    let mut out = validate_person_name(&invitation.name, FieldPath::NAME);
    out.extend(email_problem(&invitation.email, FieldPath::EMAIL));
    out
}

/// Checks a new password; errors land on `password`. Length is counted in
/// characters, as people count it, and the password is never trimmed.
pub fn validate_password(password: &str) -> Vec<FieldError> {
    let path = FieldPath::PASSWORD;
    let chars = password.chars().count();
    let error = if password.is_empty() {
        FieldError::new(path, Code::Required)
    } else if chars < PASSWORD_MIN_CHARS {
        FieldError::new(path, Code::TooShort).with_param(param::MIN, PASSWORD_MIN_CHARS)
    } else if chars > PASSWORD_MAX_CHARS {
        FieldError::new(path, Code::TooLong).with_param(param::MAX, PASSWORD_MAX_CHARS)
    } else {
        return Vec::new();
    };
    vec![error]
}

/// Why an address looks like one person's rather than a team alias, if it
/// does: a consumer mail domain, or a portal user's own sign-in address.
pub fn personal_address_reason(email: &str, users: &[UserRef<'_>]) -> Option<&'static str> {
    let email = normalize_email(email);
    let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
    if CONSUMER_MAIL_DOMAINS.contains(&domain) {
        Some(reason::CONSUMER_DOMAIN)
    } else if users
        .iter()
        .any(|u| normalize_user_email(u.email) == email.to_lowercase())
    {
        Some(reason::USER_ADDRESS)
    } else {
        None
    }
}

fn personal_address_warning(
    email: &str,
    path: FieldPath,
    users: &[UserRef<'_>],
) -> Option<FieldError> {
    personal_address_reason(email, users)
        .map(|why| FieldError::new(path, Code::PersonalAddress).with_param(param::REASON, why))
}

// ---------------------------------------------------------------------------
// Support hours
// ---------------------------------------------------------------------------

/// Minutes since midnight of a strict `HH:MM`; `24:00` only where allowed.
pub(crate) fn parse_time(time: &str, allow_end_of_day: bool) -> Option<u32> {
    let b = time.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    let digit = |i: usize| b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0'));
    let hours = digit(0)? * 10 + digit(1)?;
    let minutes = digit(3)? * 10 + digit(4)?;
    let in_day = hours < 24 && minutes < 60;
    let end_of_day = allow_end_of_day && hours == 24 && minutes == 0;
    (in_day || end_of_day).then_some(hours * 60 + minutes)
}

/// Checks one normalised schedule and returns its interval in minutes when its
/// zone, days and times are all valid, for the overlap rule.
fn schedule_errors(
    schedule: &SupportSchedule,
    path: FieldPath,
    out: &mut Vec<FieldError>,
) -> Option<(u32, u32)> {
    let mut usable = true;
    let zone_path = path.schedule_part(SchedulePart::TimeZone);
    if schedule.time_zone.is_empty() {
        out.push(FieldError::new(zone_path, Code::Required));
        usable = false;
    } else if !is_known_time_zone(&schedule.time_zone) {
        out.push(FieldError::new(zone_path, Code::UnknownTimeZone));
        usable = false;
    }
    if schedule.days.is_empty() {
        out.push(FieldError::new(
            path.schedule_part(SchedulePart::Days),
            Code::Required,
        ));
        usable = false;
    }
    let interval = if schedule.all_day {
        Some((0, 24 * 60))
    } else {
        let mut time = |value: &str, part: SchedulePart, allow_end_of_day: bool| {
            let parsed = parse_time(value, allow_end_of_day);
            if parsed.is_none() {
                let code = if value.is_empty() {
                    Code::Required
                } else {
                    Code::InvalidTime
                };
                out.push(FieldError::new(path.schedule_part(part), code));
            }
            parsed
        };
        let from = time(&schedule.from, SchedulePart::From, false);
        let to = time(&schedule.to, SchedulePart::To, true);
        match (from, to) {
            (Some(from), Some(to)) if to > from => Some((from, to)),
            (Some(_), Some(_)) => {
                out.push(FieldError::new(
                    path.schedule_part(SchedulePart::To),
                    Code::EndBeforeStart,
                ));
                None
            }
            _ => None,
        }
    };
    interval.filter(|_| usable)
}

/// Checks schedule `index` on its own (zone, days, times); overlaps with
/// other schedules need the whole list, see [`validate_contact_info`].
pub fn validate_schedule(schedule: &SupportSchedule, index: usize) -> Vec<FieldError> {
    let mut out = Vec::new();
    let path = FieldPath::contact(ContactField::SupportHours).item(index);
    schedule_errors(&normalize_schedule(schedule), path, &mut out);
    out
}

fn support_hours_errors(schedules: &[SupportSchedule], out: &mut Vec<FieldError>) {
    let field = FieldPath::contact(ContactField::SupportHours);
    if schedules.is_empty() {
        out.push(FieldError::new(field, Code::Required));
        return;
    }
    let mut checked: Vec<(usize, &SupportSchedule, (u32, u32))> = Vec::new();
    for (i, schedule) in schedules.iter().enumerate() {
        let path = field.item(i);
        let Some((from, to)) = schedule_errors(schedule, path, out) else {
            continue;
        };
        // Half-open intervals: 09:00–12:00 and 12:00–17:00 only touch.
        let clash = checked.iter().find(|(_, other, (other_from, other_to))| {
            other.time_zone == schedule.time_zone
                && other.days.iter().any(|d| schedule.days.contains(d))
                && from < *other_to
                && *other_from < to
        });
        if let Some((j, _, _)) = clash {
            out.push(
                FieldError::new(path.schedule_part(SchedulePart::From), Code::Overlap)
                    .with_param(param::WITH, j),
            );
        }
        checked.push((i, schedule, (from, to)));
    }
}

// ---------------------------------------------------------------------------
// The whole form
// ---------------------------------------------------------------------------

fn alert_contacts_errors(ids: &[i64], users: &[UserRef<'_>], out: &mut Vec<FieldError>) {
    let field = FieldPath::contact(ContactField::AlertContacts);
    if ids.is_empty() {
        out.push(FieldError::new(field, Code::Required));
    }
    for (i, &id) in ids.iter().enumerate() {
        if !users.iter().any(|u| u.id == id && u.active) {
            out.push(FieldError::new(field.item(i), Code::UnknownUser).with_param(param::ID, id));
        }
    }
}

fn entry_list_errors(
    field: ContactField,
    entries: &[ContactEntry],
    warn_personal: bool,
    users: &[UserRef<'_>],
    report: &mut Report,
) {
    let whole = FieldPath::contact(field);
    if entries.is_empty() {
        report.errors.push(FieldError::new(whole, Code::Required));
    } else if entries.len() > CONTACT_LIST_MAX_ENTRIES {
        report.errors.push(
            FieldError::new(whole, Code::TooMany).with_param(param::MAX, CONTACT_LIST_MAX_ENTRIES),
        );
    }
    let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let path = whole.item(i);
        let email_path = path.entry_part(Part::Email);
        match email_problem(&entry.email, email_path) {
            Some(error) => report.errors.push(error),
            None => {
                let key = entry.email.to_lowercase();
                if let Some(&first) = first_seen.get(&key) {
                    report.errors.push(
                        FieldError::new(email_path, Code::Duplicate)
                            .with_param(param::FIRST, first),
                    );
                } else {
                    first_seen.insert(key, i);
                }
                if warn_personal {
                    report.warnings.extend(personal_address_warning(
                        &entry.email,
                        email_path,
                        users,
                    ));
                }
            }
        }
        entry_name_and_phone_errors(entry, path, &mut report.errors);
    }
}

/// Checks the whole form against PRODUCT §5, in form order, and adds the
/// coverage warnings ([`crate::coverage`]) after the per-address ones. The
/// input is normalised first; see the module documentation.
pub fn validate_contact_info(info: &ContactInfo, rules: &Rules<'_>) -> Report {
    let info = normalize_contact_info(info);
    let mut report = Report::default();

    alert_contacts_errors(&info.alert_contacts, rules.users, &mut report.errors);
    entry_list_errors(
        ContactField::TechnicalEmergency,
        &info.technical_emergency,
        true,
        rules.users,
        &mut report,
    );
    entry_list_errors(
        ContactField::TechnicalNonEmergency,
        &info.technical_non_emergency,
        false,
        rules.users,
        &mut report,
    );
    if rules.merchant_contact_required {
        entry_list_errors(
            ContactField::MerchantOperational,
            &info.merchant_operational,
            false,
            rules.users,
            &mut report,
        );
    } else if !info.merchant_operational.is_empty() {
        report.errors.push(FieldError::new(
            FieldPath::contact(ContactField::MerchantOperational),
            Code::NotApplicable,
        ));
    }
    entry_list_errors(
        ContactField::OperationalGoogle,
        &info.operational_google,
        false,
        rules.users,
        &mut report,
    );

    let shared = FieldPath::contact(ContactField::SharedWithUsers);
    entry_errors(&info.shared_with_users, shared, &mut report.errors);
    let shared_email = shared.entry_part(Part::Email);
    if report.first_error(shared_email).is_none() {
        report.warnings.extend(personal_address_warning(
            &info.shared_with_users.email,
            shared_email,
            rules.users,
        ));
    }

    support_hours_errors(&info.support_hours, &mut report.errors);
    crate::coverage::push_coverage_warnings(&info, &mut report.warnings);
    report
}

#[cfg(test)]
pub(crate) mod tests;
