//! The form's state: what the user typed, what the rules say about it, and
//! which messages are due, shared by every part of the form.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use leptos::prelude::*;
use portal_domain::{
    ContactEntry, ContactField, ContactInfo, FieldError, Report, Rules, SupportSchedule, User,
    UserRef, normalize_contact_info, validate_contact_info,
};
use wasm_bindgen::JsCast;

use crate::i18n::form::FormText;

/// Gives every mounted form its own element ids, so labels and
/// `aria-describedby` never point into another form on the same page.
static NEXT_FORM_ID: AtomicU32 = AtomicU32::new(1);

/// The parts of a contact entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Email,
    Name,
    Phone,
}

impl Part {
    pub fn key(self) -> &'static str {
        match self {
            Part::Email => "email",
            Part::Name => "name",
            Part::Phone => "phone",
        }
    }

    /// The visible label of this input.
    pub fn label(self, t: &FormText) -> &'static str {
        match self {
            Part::Email => t.email_label,
            Part::Name => t.name_label,
            Part::Phone => t.phone_label,
        }
    }

    fn of(self, entry: &ContactEntry) -> &String {
        match self {
            Part::Email => &entry.email,
            Part::Name => &entry.name,
            Part::Phone => &entry.phone,
        }
    }

    fn of_mut(self, entry: &mut ContactEntry) -> &mut String {
        match self {
            Part::Email => &mut entry.email,
            Part::Name => &mut entry.name,
            Part::Phone => &mut entry.phone,
        }
    }
}

/// Where a contact entry lives: in one of the lists, or the single entry
/// shared with users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    List(ContactField, usize),
    Shared,
}

impl Slot {
    /// The validation path of the entry, e.g. `technical_emergency[1]`.
    pub fn path(self) -> String {
        match self {
            Slot::List(field, i) => format!("{}[{i}]", field.path_prefix()),
            Slot::Shared => ContactField::SharedWithUsers.path_prefix().to_owned(),
        }
    }

    pub fn part_path(self, part: Part) -> String {
        format!("{}.{}", self.path(), part.key())
    }

    fn get(self, info: &ContactInfo) -> Option<&ContactEntry> {
        match self {
            Slot::List(field, i) => list(info, field).get(i),
            Slot::Shared => Some(&info.shared_with_users),
        }
    }

    fn get_mut(self, info: &mut ContactInfo) -> Option<&mut ContactEntry> {
        match self {
            Slot::List(field, i) => list_mut(info, field).get_mut(i),
            Slot::Shared => Some(&mut info.shared_with_users),
        }
    }
}

/// The entries of a list field; the other fields have no list and give none.
pub fn list(info: &ContactInfo, field: ContactField) -> &[ContactEntry] {
    match field {
        ContactField::TechnicalEmergency => &info.technical_emergency,
        ContactField::TechnicalNonEmergency => &info.technical_non_emergency,
        ContactField::MerchantOperational => &info.merchant_operational,
        ContactField::OperationalGoogle => &info.operational_google,
        ContactField::AlertContacts
        | ContactField::SharedWithUsers
        | ContactField::SupportHours => &[],
    }
}

fn list_mut(info: &mut ContactInfo, field: ContactField) -> &mut Vec<ContactEntry> {
    match field {
        ContactField::TechnicalEmergency => &mut info.technical_emergency,
        ContactField::TechnicalNonEmergency => &mut info.technical_non_emergency,
        ContactField::MerchantOperational => &mut info.merchant_operational,
        ContactField::OperationalGoogle => &mut info.operational_google,
        ContactField::AlertContacts
        | ContactField::SharedWithUsers
        | ContactField::SupportHours => {
            unreachable!("{field:?} is not a list of contact entries")
        }
    }
}

/// A schedule nobody has filled in yet, in the zone the browser is in.
pub fn blank_schedule(time_zone: &str) -> SupportSchedule {
    SupportSchedule {
        time_zone: time_zone.to_owned(),
        days: Vec::new(),
        all_day: false,
        from: String::new(),
        to: String::new(),
    }
}

/// The server's data as the form edits it: every list starts with one entry
/// to fill in and there is always a schedule, because the rules need at least
/// one of each; the merchant list is dropped where the account does not use it.
pub fn editable_copy(info: &ContactInfo, merchant_required: bool, time_zone: &str) -> ContactInfo {
    let mut info = info.clone();
    let mut seen = Vec::new();
    info.alert_contacts.retain(|id| {
        let new = !seen.contains(id);
        seen.push(*id);
        new
    });
    if !merchant_required {
        info.merchant_operational.clear();
    }
    for field in [
        ContactField::TechnicalEmergency,
        ContactField::TechnicalNonEmergency,
        ContactField::MerchantOperational,
        ContactField::OperationalGoogle,
    ] {
        if field == ContactField::MerchantOperational && !merchant_required {
            continue;
        }
        let entries = list_mut(&mut info, field);
        if entries.is_empty() {
            entries.push(ContactEntry::default());
        }
    }
    if info.support_hours.is_empty() {
        info.support_hours.push(blank_schedule(time_zone));
    }
    info
}

/// Whether two versions of the form would be stored alike.
pub fn same_content(a: &ContactInfo, b: &ContactInfo) -> bool {
    normalize_contact_info(a) == normalize_contact_info(b)
}

/// Moves focus once the pending render has happened: the element may only
/// appear with this update.
pub fn focus_soon(id: String) {
    set_timeout(
        move || {
            if let Some(element) = document().get_element_by_id(&id) {
                let element: web_sys::HtmlElement = element.unchecked_into();
                let _ = element.focus();
            }
        },
        Duration::ZERO,
    );
}

/// The shared state of one mounted form. Cheap to copy into every closure.
#[derive(Clone, Copy)]
pub struct Form {
    id: u32,
    pub info: RwSignal<ContactInfo>,
    pub merchant_required: RwSignal<bool>,
    /// The domain crate's verdict on the current input, recomputed as it changes.
    pub report: Memo<Report>,
    /// Paths whose field the user has left at least once.
    pub touched: RwSignal<BTreeSet<String>>,
    /// After a submit attempt every message is due, touched or not.
    pub submitted: RwSignal<bool>,
    /// The server's findings from a 422, shown until the field is edited.
    pub server_errors: RwSignal<Vec<FieldError>>,
    pub users: StoredValue<Vec<User>>,
}

impl Form {
    pub fn new(initial: ContactInfo, merchant_required: bool, users: Vec<User>) -> Self {
        let info = RwSignal::new(initial);
        let merchant_required = RwSignal::new(merchant_required);
        let users = StoredValue::new(users);
        let report = Memo::new(move |_| {
            let merchant_contact_required = merchant_required.get();
            users.with_value(|users| {
                let refs: Vec<UserRef<'_>> = users.iter().map(UserRef::from).collect();
                let rules = Rules {
                    merchant_contact_required,
                    users: &refs,
                };
                info.with(|info| {
                    validate_contact_info(&to_send(info, merchant_contact_required), &rules)
                })
            })
        });
        Self {
            id: NEXT_FORM_ID.fetch_add(1, Ordering::Relaxed),
            info,
            merchant_required,
            report,
            touched: RwSignal::new(BTreeSet::new()),
            submitted: RwSignal::new(false),
            server_errors: RwSignal::new(Vec::new()),
            users,
        }
    }

    /// A document-unique element id for `key` (a validation path or a name).
    pub fn dom_id(self, key: &str) -> String {
        let slug: String = key
            .chars()
            .filter(|c| *c != ']')
            .map(|c| if c == '[' || c == '.' { '-' } else { c })
            .collect();
        format!("contact-form-{}-{slug}", self.id)
    }

    pub fn error_id(self, path: &str) -> String {
        self.dom_id(&format!("{path}-error"))
    }

    pub fn warning_id(self, path: &str) -> String {
        self.dom_id(&format!("{path}-warning"))
    }

    pub fn purpose_id(self, field: ContactField) -> String {
        self.dom_id(&format!("{}-purpose", field.path_prefix()))
    }

    /// Whether messages about `path` are due: after the user left the field,
    /// or once they tried to submit.
    fn due(self, path: &str) -> bool {
        if self.submitted.get() {
            return true;
        }
        self.touched.with(|touched| {
            touched.contains(path)
                || (path.starts_with(ContactField::AlertContacts.path_prefix())
                    && touched.contains(ContactField::AlertContacts.path_prefix()))
        })
    }

    /// The error a field shows now, if any.
    pub fn shown_error(self, path: &str) -> Option<FieldError> {
        let local = if self.due(path) {
            self.report.with(|r| r.first_error(path).cloned())
        } else {
            None
        };
        local.or_else(|| {
            self.server_errors
                .with(|errors| errors.iter().find(|e| e.path == path).cloned())
        })
    }

    /// The advice a field shows now, if any; it never blocks saving.
    pub fn shown_warning(self, path: &str) -> Option<FieldError> {
        if !self.due(path) || self.shown_error(path).is_some() {
            return None;
        }
        self.report
            .with(|r| r.warnings_for(path).first().map(|w| (*w).clone()))
    }

    /// The ids of the messages shown under a control, for its `aria-describedby`.
    pub fn message_ids(self, path: &str) -> Vec<String> {
        let mut ids = Vec::new();
        if self.shown_error(path).is_some() {
            ids.push(self.error_id(path));
        }
        if self.shown_warning(path).is_some() {
            ids.push(self.warning_id(path));
        }
        ids
    }

    pub fn touch(self, path: &str) {
        if !self.touched.with_untracked(|t| t.contains(path)) {
            self.touched.update(|t| {
                t.insert(path.to_owned());
            });
        }
    }

    /// Changes the input; the server's complaint about this path no longer applies.
    pub fn edit(self, path: &str, change: impl FnOnce(&mut ContactInfo)) {
        self.info.update(change);
        if self
            .server_errors
            .with_untracked(|errors| errors.iter().any(|e| e.path == path))
        {
            self.server_errors
                .update(|errors| errors.retain(|e| e.path != path));
        }
    }

    pub fn entry_value(self, slot: Slot, part: Part) -> String {
        self.info.with(|info| {
            slot.get(info)
                .map(|entry| part.of(entry).clone())
                .unwrap_or_default()
        })
    }

    pub fn set_entry_value(self, slot: Slot, part: Part, value: String) {
        self.edit(&slot.part_path(part), |info| {
            if let Some(entry) = slot.get_mut(info) {
                *part.of_mut(entry) = value;
            }
        });
    }

    pub fn list_len(self, field: ContactField) -> usize {
        self.info.with(|info| list(info, field).len())
    }

    pub fn add_entry(self, field: ContactField) {
        self.info
            .update(|info| list_mut(info, field).push(ContactEntry::default()));
        self.clear_server_errors_under(field.path_prefix());
    }

    pub fn remove_entry(self, field: ContactField, index: usize) {
        self.info.update(|info| {
            let entries = list_mut(info, field);
            if index < entries.len() {
                entries.remove(index);
            }
        });
        self.forget_item(field.path_prefix(), index);
    }

    pub fn add_schedule(self, time_zone: &str) {
        self.info
            .update(|info| info.support_hours.push(blank_schedule(time_zone)));
        self.clear_server_errors_under(ContactField::SupportHours.path_prefix());
    }

    pub fn remove_schedule(self, index: usize) {
        self.info.update(|info| {
            if index < info.support_hours.len() {
                info.support_hours.remove(index);
            }
        });
        self.forget_item(ContactField::SupportHours.path_prefix(), index);
    }

    pub fn edit_schedule(
        self,
        path: &str,
        index: usize,
        change: impl FnOnce(&mut SupportSchedule),
    ) {
        self.edit(path, |info| {
            if let Some(schedule) = info.support_hours.get_mut(index) {
                change(schedule);
            }
        });
    }

    fn clear_server_errors_under(self, prefix: &str) {
        self.server_errors
            .update(|errors| errors.retain(|e| !e.path.starts_with(prefix)));
    }

    /// After item `index` of `prefix` is removed, the later items move up:
    /// their touched marks move with them and the removed item's are dropped.
    fn forget_item(self, prefix: &str, index: usize) {
        self.touched.update(|touched| {
            *touched = touched
                .iter()
                .filter_map(|path| shift_path(path, prefix, index))
                .collect();
        });
        self.clear_server_errors_under(prefix);
    }

    /// Replaces the input with the server's data, as if the form had just opened.
    pub fn reset(self, info: ContactInfo, merchant_required: bool) {
        self.merchant_required.set(merchant_required);
        self.info.set(info);
        self.touched.set(BTreeSet::new());
        self.submitted.set(false);
        self.server_errors.set(Vec::new());
    }
}

/// What the form sends: the merchant list only where the account uses it.
pub fn to_send(info: &ContactInfo, merchant_required: bool) -> ContactInfo {
    let mut info = info.clone();
    if !merchant_required {
        info.merchant_operational.clear();
    }
    info
}

/// `path` after item `index` of list `prefix` was removed, or `None` if it
/// belonged to the removed item.
fn shift_path(path: &str, prefix: &str, index: usize) -> Option<String> {
    let Some(rest) = path
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('['))
    else {
        return Some(path.to_owned());
    };
    let Some((number, tail)) = rest.split_once(']') else {
        return Some(path.to_owned());
    };
    let Ok(i) = number.parse::<usize>() else {
        return Some(path.to_owned());
    };
    match i.cmp(&index) {
        std::cmp::Ordering::Less => Some(path.to_owned()),
        std::cmp::Ordering::Equal => None,
        std::cmp::Ordering::Greater => Some(format!("{prefix}[{}]{tail}", i - 1)),
    }
}
