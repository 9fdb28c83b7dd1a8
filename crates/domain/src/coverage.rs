//! The coverage check: non-blocking warnings about whether the contact
//! information will reach someone when it matters.
//!
//! Each rule looks at several fields together, so each warning is anchored at
//! every field it involves (one [`FieldError`] per path, all with the rule's
//! [`Code`]); the form shows it beside each of them, and the API and the
//! Overview list the codes. None of them ever blocks a save, and an account can
//! dismiss each code (see [`Code::WARNINGS`]). The fifth warning, a
//! personal-looking address, needs the account's users and lives with the
//! other per-address rules in [`crate::validate`].
//!
//! | code | when |
//! |---|---|
//! | `emergency_phone_missing` | a technical emergency contact has no phone, and support hours do not cover the whole week round the clock |
//! | `operational_address_shared` | an address for Google only is also the one given to users |
//! | `single_technical_contact` | one address is every technical contact, emergency and not |
//! | `schedules_overlap_across_zones` | schedules in different time zones share real time |
//!
//! Schedules are compared in real time through each zone's *standard* offset
//! ([`standard_offset_minutes`]): daylight saving time is approximated away,
//! so near a boundary a warning may be an hour early or late for part of the
//! year. Schedules with errors (unknown zone, no days, bad times) are left
//! out: they show their errors instead.

use std::collections::BTreeSet;

use crate::api::FieldError;
use crate::codes::{Code, param};
use crate::contact::{ContactEntry, ContactField, ContactInfo, SupportSchedule, Weekday};
use crate::path::{FieldPath, Part, SchedulePart};
use crate::timezones::standard_offset_minutes;
use crate::validate::{normalize_contact_info, parse_time};

const DAY: i32 = 24 * 60;
const WEEK: i32 = 7 * DAY;

/// The coverage warnings of `info` (normalised first, like
/// [`validate_contact_info`](crate::validate_contact_info), whose report
/// includes them).
pub fn coverage_warnings(info: &ContactInfo) -> Vec<FieldError> {
    let mut out = Vec::new();
    push_coverage_warnings(&normalize_contact_info(info), &mut out);
    out
}

/// [`coverage_warnings`] of already normalised information, in form order.
pub(crate) fn push_coverage_warnings(info: &ContactInfo, out: &mut Vec<FieldError>) {
    let weeks: Vec<Option<Vec<Span>>> = info.support_hours.iter().map(real_time).collect();
    if !covers_whole_week(&weeks) {
        emergency_phone_missing(&info.technical_emergency, out);
    }
    single_technical_contact(info, out);
    operational_address_shared(info, out);
    schedules_overlap_across_zones(info, &weeks, out);
}

/// Whether the schedules, together, offer support at every minute of the
/// week: the meaning of "24/7" (one 24/7 schedule, or several that add up).
pub fn support_is_round_the_clock(schedules: &[SupportSchedule]) -> bool {
    let weeks: Vec<Option<Vec<Span>>> = schedules
        .iter()
        .map(|s| real_time(&crate::validate::normalize_schedule(s)))
        .collect();
    covers_whole_week(&weeks)
}

/// Minutes of the week in UTC, Monday 00:00 = 0, half-open.
type Span = (i32, i32);

/// When a normalised schedule offers support, as spans of the UTC week (a
/// span that crosses Sunday midnight is split in two); `None` when the
/// schedule has errors.
fn real_time(schedule: &SupportSchedule) -> Option<Vec<Span>> {
    let offset = standard_offset_minutes(&schedule.time_zone)?;
    let (from, to) = if schedule.all_day {
        (0, DAY)
    } else {
        let from = parse_time(&schedule.from, false)?;
        let to = parse_time(&schedule.to, true)?;
        (i32::try_from(from).ok()?, i32::try_from(to).ok()?)
    };
    if schedule.days.is_empty() || to <= from {
        return None;
    }
    let mut spans = Vec::with_capacity(schedule.days.len());
    for &day in &schedule.days {
        let index = Weekday::ALL.iter().position(|&d| d == day).unwrap_or(0) as i32;
        let start = (index * DAY + from - offset).rem_euclid(WEEK);
        let end = start + (to - from);
        if end > WEEK {
            spans.push((start, WEEK));
            spans.push((0, end - WEEK));
        } else {
            spans.push((start, end));
        }
    }
    Some(spans)
}

fn covers_whole_week(weeks: &[Option<Vec<Span>>]) -> bool {
    let mut spans: Vec<Span> = weeks.iter().flatten().flatten().copied().collect();
    spans.sort_unstable();
    let mut reached = 0;
    for (start, end) in spans {
        if start > reached {
            return false;
        }
        reached = reached.max(end);
    }
    reached >= WEEK
}

fn share_time(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|&(a_start, a_end)| {
        b.iter()
            .any(|&(b_start, b_end)| a_start < b_end && b_start < a_end)
    })
}

fn emergency_phone_missing(entries: &[ContactEntry], out: &mut Vec<FieldError>) {
    for (i, entry) in entries.iter().enumerate() {
        if !entry.email.is_empty() && entry.phone.is_empty() {
            out.push(FieldError::new(
                FieldPath::entry(ContactField::TechnicalEmergency, i, Part::Phone),
                Code::EmergencyPhoneMissing,
            ));
        }
    }
}

fn addresses(entries: &[ContactEntry]) -> impl Iterator<Item = (usize, String)> + '_ {
    entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.email.is_empty())
        .map(|(i, e)| (i, e.email.to_lowercase()))
}

fn single_technical_contact(info: &ContactInfo, out: &mut Vec<FieldError>) {
    let lists = [
        (ContactField::TechnicalEmergency, &info.technical_emergency),
        (
            ContactField::TechnicalNonEmergency,
            &info.technical_non_emergency,
        ),
    ];
    let mut distinct = BTreeSet::new();
    for (_, entries) in lists {
        if addresses(entries).next().is_none() {
            return;
        }
        distinct.extend(addresses(entries).map(|(_, email)| email));
    }
    if distinct.len() != 1 {
        return;
    }
    for (field, entries) in lists {
        for (i, _) in addresses(entries) {
            out.push(FieldError::new(
                FieldPath::entry(field, i, Part::Email),
                Code::SingleTechnicalContact,
            ));
        }
    }
}

fn operational_address_shared(info: &ContactInfo, out: &mut Vec<FieldError>) {
    let shared = info.shared_with_users.email.to_lowercase();
    if shared.is_empty() {
        return;
    }
    let before = out.len();
    for (i, email) in addresses(&info.operational_google) {
        if email == shared {
            out.push(FieldError::new(
                FieldPath::entry(ContactField::OperationalGoogle, i, Part::Email),
                Code::OperationalAddressShared,
            ));
        }
    }
    if out.len() > before {
        out.push(FieldError::new(
            FieldPath::contact(ContactField::SharedWithUsers).entry_part(Part::Email),
            Code::OperationalAddressShared,
        ));
    }
}

fn schedules_overlap_across_zones(
    info: &ContactInfo,
    weeks: &[Option<Vec<Span>>],
    out: &mut Vec<FieldError>,
) {
    for (i, (schedule, week)) in info.support_hours.iter().zip(weeks).enumerate() {
        let Some(week) = week else { continue };
        let other = info
            .support_hours
            .iter()
            .zip(weeks)
            .position(|(other, other_week)| {
                other.time_zone != schedule.time_zone
                    && other_week.as_deref().is_some_and(|o| share_time(week, o))
            });
        if let Some(j) = other {
            out.push(
                FieldError::new(
                    FieldPath::schedule(i, SchedulePart::TimeZone),
                    Code::SchedulesOverlapAcrossZones,
                )
                .with_param(param::WITH, j),
            );
        }
    }
}

#[cfg(test)]
mod tests;
