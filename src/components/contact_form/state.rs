//! The form's state: what the user typed, what the rules say about it, and
//! which messages are due, shared by every part of the form.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use leptos::prelude::*;
pub use portal_domain::Part;
use portal_domain::{
    Code, ContactEntry, ContactField, ContactInfo, FieldError, FieldPath, Report, Rules,
    SupportSchedule, User, UserRef, normalize_contact_info, validate_contact_info,
};
use wasm_bindgen::JsCast;

use crate::i18n::form::FormText;

/// Gives every mounted form its own element ids, so labels and
/// `aria-describedby` never point into another form on the same page.
static NEXT_FORM_ID: AtomicU32 = AtomicU32::new(1);

/// The visible label of an entry's input.
pub fn part_label(part: Part, t: &FormText) -> &'static str {
    match part {
        Part::Email => t.email_label,
        Part::Name => t.name_label,
        Part::Phone => t.phone_label,
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
    pub fn path(self) -> FieldPath {
        match self {
            Slot::List(field, i) => FieldPath::contact(field).item(i),
            Slot::Shared => FieldPath::contact(ContactField::SharedWithUsers),
        }
    }

    pub fn part_path(self, part: Part) -> FieldPath {
        self.path().entry_part(part)
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
    pub touched: RwSignal<BTreeSet<FieldPath>>,
    /// After a submit attempt every message is due, touched or not.
    pub submitted: RwSignal<bool>,
    /// The server's findings from a 422, shown until the field is edited.
    pub server_errors: RwSignal<Vec<FieldError>>,
    pub users: StoredValue<Vec<User>>,
    /// Warning codes the account dismissed (from the server's answer): the
    /// form does not show them.
    pub dismissed: RwSignal<Vec<Code>>,
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
            dismissed: RwSignal::new(Vec::new()),
        }
    }

    /// A document-unique element id for `key`, a name made of letters,
    /// digits, `_` and `-`.
    pub fn dom_id(self, key: &str) -> String {
        format!("contact-form-{}-{key}", self.id)
    }

    /// The id of the control at `path`, e.g. `contact-form-1-technical_emergency-0-email`.
    pub fn path_id(self, path: FieldPath) -> String {
        self.dom_id(&path.dom_slug())
    }

    /// The id of something about the control at `path`, e.g. its `-hint`.
    pub fn path_id_with(self, path: FieldPath, suffix: &str) -> String {
        self.dom_id(&format!("{}-{suffix}", path.dom_slug()))
    }

    pub fn error_id(self, path: FieldPath) -> String {
        self.path_id_with(path, "error")
    }

    pub fn warning_id(self, path: FieldPath) -> String {
        self.path_id_with(path, "warning")
    }

    pub fn purpose_id(self, field: ContactField) -> String {
        self.path_id_with(FieldPath::contact(field), "purpose")
    }

    /// Whether messages about `path` are due: after the user left the field,
    /// or once they tried to submit.
    fn due(self, path: FieldPath) -> bool {
        if self.submitted.get() {
            return true;
        }
        let alert_contacts = FieldPath::contact(ContactField::AlertContacts);
        self.touched.with(|touched| {
            touched.contains(&path)
                || (path.is_under(alert_contacts) && touched.contains(&alert_contacts))
        })
    }

    /// The error a field shows now, if any.
    pub fn shown_error(self, path: FieldPath) -> Option<FieldError> {
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

    /// The advice a field shows now, if any; it never blocks saving. Advice
    /// about a single address is due like errors; the coverage check's, which
    /// is about fields together, also as soon as the whole form is valid (so
    /// saved information shows it at once), unless the account dismissed it.
    pub fn shown_warning(self, path: FieldPath) -> Option<FieldError> {
        if self.shown_error(path).is_some() {
            return None;
        }
        let due = self.due(path);
        self.dismissed.with(|dismissed| {
            self.report.with(|r| {
                r.warnings
                    .iter()
                    .find(|w| {
                        w.path == path
                            && !dismissed.contains(&w.code)
                            && (due || (w.code != Code::PersonalAddress && r.is_valid()))
                    })
                    .cloned()
            })
        })
    }

    /// The ids of the messages shown under a control, for its `aria-describedby`.
    pub fn message_ids(self, path: FieldPath) -> Vec<String> {
        let mut ids = Vec::new();
        if self.shown_error(path).is_some() {
            ids.push(self.error_id(path));
        }
        if self.shown_warning(path).is_some() {
            ids.push(self.warning_id(path));
        }
        ids
    }

    /// What describes a whole field: its purpose text, then its messages.
    pub fn field_described_by(self, field: ContactField) -> String {
        self.described_by(&self.purpose_id(field), FieldPath::contact(field))
    }

    /// `aria-describedby` of the control at `path`: the text with id `first`
    /// (its hint or purpose), then its messages.
    pub fn described_by(self, first: &str, path: FieldPath) -> String {
        let mut ids = vec![first.to_owned()];
        ids.extend(self.message_ids(path));
        ids.join(" ")
    }

    pub fn touch(self, path: FieldPath) {
        if !self.touched.with_untracked(|t| t.contains(&path)) {
            self.touched.update(|t| {
                t.insert(path);
            });
        }
    }

    /// Changes the input; the server's complaint about this path no longer applies.
    pub fn edit(self, path: FieldPath, change: impl FnOnce(&mut ContactInfo)) {
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
        self.edit(slot.part_path(part), |info| {
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
        self.clear_server_errors_under(FieldPath::contact(field));
    }

    pub fn remove_entry(self, field: ContactField, index: usize) {
        self.info.update(|info| {
            let entries = list_mut(info, field);
            if index < entries.len() {
                entries.remove(index);
            }
        });
        self.forget_item(field, index);
    }

    pub fn add_schedule(self, time_zone: &str) {
        self.info
            .update(|info| info.support_hours.push(blank_schedule(time_zone)));
        self.clear_server_errors_under(FieldPath::contact(ContactField::SupportHours));
    }

    pub fn remove_schedule(self, index: usize) {
        self.info.update(|info| {
            if index < info.support_hours.len() {
                info.support_hours.remove(index);
            }
        });
        self.forget_item(ContactField::SupportHours, index);
    }

    pub fn edit_schedule(
        self,
        path: FieldPath,
        index: usize,
        change: impl FnOnce(&mut SupportSchedule),
    ) {
        self.edit(path, |info| {
            if let Some(schedule) = info.support_hours.get_mut(index) {
                change(schedule);
            }
        });
    }

    fn clear_server_errors_under(self, ancestor: FieldPath) {
        self.server_errors
            .update(|errors| errors.retain(|e| !e.path.is_under(ancestor)));
    }

    /// After item `index` of `field` is removed, the later items move up:
    /// their touched marks move with them and the removed item's are dropped.
    fn forget_item(self, field: ContactField, index: usize) {
        self.touched.update(|touched| {
            *touched = touched
                .iter()
                .filter_map(|path| path.after_removal(field, index))
                .collect();
        });
        self.clear_server_errors_under(FieldPath::contact(field));
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
