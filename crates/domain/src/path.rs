//! Where a [`FieldError`](crate::FieldError) points: a typed path that is
//! written on the wire exactly as before, e.g. `technical_emergency[1].email`.
//!
//! The grammar is small and closed:
//!
//! | path | for |
//! |---|---|
//! | `alert_contacts`, `alert_contacts[i]` | the field, one chosen user |
//! | `technical_emergency`, `…[i]`, `…[i].email`, `.name`, `.phone` | the same for `technical_non_emergency`, `merchant_operational`, `operational_google` |
//! | `shared_with_users`, `shared_with_users.email`, `.name`, `.phone` | the single shared entry |
//! | `support_hours`, `support_hours[i]`, `…[i].time_zone`, `.days`, `.all_day`, `.from`, `.to` | schedules |
//! | `email`, `name`, `role`, `password`, `user`, `version` | the invitation, setup, sign-in and user forms, and versioned resources |
//!
//! Anything else does not parse, so a path that displays also parses back to
//! itself. Indexes count from 0 and never have leading zeros.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::contact::{ContactEntry, ContactField};

/// The parts of a contact entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Email,
    Name,
    Phone,
}

impl Part {
    /// In the order the form shows them.
    pub const ALL: [Part; 3] = [Part::Email, Part::Name, Part::Phone];

    /// The last segment of the path, and the JSON key.
    pub const fn key(self) -> &'static str {
        match self {
            Part::Email => "email",
            Part::Name => "name",
            Part::Phone => "phone",
        }
    }

    pub fn of(self, entry: &ContactEntry) -> &String {
        match self {
            Part::Email => &entry.email,
            Part::Name => &entry.name,
            Part::Phone => &entry.phone,
        }
    }

    pub fn of_mut(self, entry: &mut ContactEntry) -> &mut String {
        match self {
            Part::Email => &mut entry.email,
            Part::Name => &mut entry.name,
            Part::Phone => &mut entry.phone,
        }
    }

    fn parse(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The parts of a support schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SchedulePart {
    TimeZone,
    Days,
    AllDay,
    From,
    To,
}

impl SchedulePart {
    /// In the order the form shows them.
    pub const ALL: [SchedulePart; 5] = [
        SchedulePart::TimeZone,
        SchedulePart::Days,
        SchedulePart::AllDay,
        SchedulePart::From,
        SchedulePart::To,
    ];

    /// The last segment of the path, and the JSON key.
    pub const fn key(self) -> &'static str {
        match self {
            SchedulePart::TimeZone => "time_zone",
            SchedulePart::Days => "days",
            SchedulePart::AllDay => "all_day",
            SchedulePart::From => "from",
            SchedulePart::To => "to",
        }
    }

    fn parse(key: &str) -> Option<SchedulePart> {
        SchedulePart::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The innermost segment of a contact path below an entry or a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Leaf {
    Entry(Part),
    Schedule(SchedulePart),
}

/// The single-value inputs of the forms other than the contact information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Input {
    Email,
    Name,
    Role,
    Password,
    User,
    Version,
}

impl Input {
    const ALL: [Input; 6] = [
        Input::Email,
        Input::Name,
        Input::Role,
        Input::Password,
        Input::User,
        Input::Version,
    ];

    const fn key(self) -> &'static str {
        match self {
            Input::Email => "email",
            Input::Name => "name",
            Input::Role => "role",
            Input::Password => "password",
            Input::User => "user",
            Input::Version => "version",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Repr {
    /// Ordered field, item, part: the form's order.
    Contact {
        field: ContactField,
        index: Option<usize>,
        leaf: Option<Leaf>,
    },
    Input(Input),
}

/// The place a finding is about. Build one with [`FieldPath::contact`] and
/// [`item`](FieldPath::item) / [`entry_part`](FieldPath::entry_part) /
/// [`schedule_part`](FieldPath::schedule_part), or use the constants for the
/// other forms; only paths of the grammar in the module documentation exist.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(Repr);

/// How a contact field is shaped, which decides the paths inside it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    UserIds,
    Entries,
    Entry,
    Schedules,
}

fn shape(field: ContactField) -> Shape {
    match field {
        ContactField::AlertContacts => Shape::UserIds,
        ContactField::TechnicalEmergency
        | ContactField::TechnicalNonEmergency
        | ContactField::MerchantOperational
        | ContactField::OperationalGoogle => Shape::Entries,
        ContactField::SharedWithUsers => Shape::Entry,
        ContactField::SupportHours => Shape::Schedules,
    }
}

impl FieldPath {
    /// The address on the invitation, setup and sign-in forms.
    pub const EMAIL: FieldPath = FieldPath(Repr::Input(Input::Email));
    /// A person's name on the invitation and setup forms.
    pub const NAME: FieldPath = FieldPath(Repr::Input(Input::Name));
    /// A user's role.
    pub const ROLE: FieldPath = FieldPath(Repr::Input(Input::Role));
    /// A new password.
    pub const PASSWORD: FieldPath = FieldPath(Repr::Input(Input::Password));
    /// A user as a whole, e.g. one that cannot be removed.
    pub const USER: FieldPath = FieldPath(Repr::Input(Input::User));
    /// The version a change was based on (`If-Match`).
    pub const VERSION: FieldPath = FieldPath(Repr::Input(Input::Version));

    /// A whole contact field, e.g. `technical_emergency`.
    pub const fn contact(field: ContactField) -> FieldPath {
        FieldPath(Repr::Contact {
            field,
            index: None,
            leaf: None,
        })
    }

    /// Part `part` of entry `index` of an entry list, e.g.
    /// `technical_emergency[1].email`.
    ///
    /// # Panics
    ///
    /// If `field` is not one of the four entry lists.
    pub fn entry(field: ContactField, index: usize, part: Part) -> FieldPath {
        FieldPath::contact(field).item(index).entry_part(part)
    }

    /// Part `part` of schedule `index`, e.g. `support_hours[0].from`.
    pub fn schedule(index: usize, part: SchedulePart) -> FieldPath {
        FieldPath::contact(ContactField::SupportHours)
            .item(index)
            .schedule_part(part)
    }

    /// Item `index` of this list field, e.g. `alert_contacts[0]`.
    ///
    /// # Panics
    ///
    /// If this is not a whole list field (`shared_with_users` is no list).
    #[must_use]
    pub fn item(self, index: usize) -> FieldPath {
        match self.0 {
            Repr::Contact {
                field,
                index: None,
                leaf: None,
            } if shape(field) != Shape::Entry => FieldPath(Repr::Contact {
                field,
                index: Some(index),
                leaf: None,
            }),
            _ => panic!("{self} has no items"),
        }
    }

    /// Part `part` of this contact entry: an item of an entry list, or
    /// `shared_with_users`.
    ///
    /// # Panics
    ///
    /// If this path is not a contact entry.
    #[must_use]
    pub fn entry_part(self, part: Part) -> FieldPath {
        match self.0 {
            Repr::Contact {
                field,
                index,
                leaf: None,
            } if matches!(
                (shape(field), index),
                (Shape::Entries, Some(_)) | (Shape::Entry, None)
            ) =>
            {
                FieldPath(Repr::Contact {
                    field,
                    index,
                    leaf: Some(Leaf::Entry(part)),
                })
            }
            _ => panic!("{self} is not a contact entry"),
        }
    }

    /// Part `part` of this support schedule, e.g. `support_hours[0].days`.
    ///
    /// # Panics
    ///
    /// If this path is not an item of `support_hours`.
    #[must_use]
    pub fn schedule_part(self, part: SchedulePart) -> FieldPath {
        match self.0 {
            Repr::Contact {
                field: ContactField::SupportHours,
                index: Some(index),
                leaf: None,
            } => FieldPath(Repr::Contact {
                field: ContactField::SupportHours,
                index: Some(index),
                leaf: Some(Leaf::Schedule(part)),
            }),
            _ => panic!("{self} is not a support schedule"),
        }
    }

    /// The contact field this path is in; `None` for the other forms' inputs.
    pub fn contact_field(self) -> Option<ContactField> {
        match self.0 {
            Repr::Contact { field, .. } => Some(field),
            Repr::Input(_) => None,
        }
    }

    /// The list item this path is in, e.g. 1 for `technical_emergency[1].email`.
    pub fn index(self) -> Option<usize> {
        match self.0 {
            Repr::Contact { index, .. } => index,
            Repr::Input(_) => None,
        }
    }

    /// The part of an entry or schedule this path names, if it names one.
    pub fn leaf(self) -> Option<Leaf> {
        match self.0 {
            Repr::Contact { leaf, .. } => leaf,
            Repr::Input(_) => None,
        }
    }

    /// The part of a contact entry this path names, e.g. `Email` for
    /// `shared_with_users.email`.
    pub fn part(self) -> Option<Part> {
        match self.leaf() {
            Some(Leaf::Entry(part)) => Some(part),
            _ => None,
        }
    }

    /// Whether this is a whole contact field, e.g. `operational_google`.
    pub fn is_whole_field(self) -> bool {
        matches!(
            self.0,
            Repr::Contact {
                index: None,
                leaf: None,
                ..
            }
        )
    }

    /// The path one level up: `technical_emergency[1]` for
    /// `technical_emergency[1].email`, the field for an item; `None` for a
    /// whole field or another form's input.
    pub fn parent(self) -> Option<FieldPath> {
        match self.0 {
            Repr::Contact {
                field,
                index,
                leaf: Some(_),
            } => Some(FieldPath(Repr::Contact {
                field,
                index,
                leaf: None,
            })),
            Repr::Contact {
                field,
                index: Some(_),
                leaf: None,
            } => Some(FieldPath::contact(field)),
            Repr::Contact { .. } | Repr::Input(_) => None,
        }
    }

    /// Whether this path is `ancestor` or lies inside it, e.g.
    /// `technical_emergency[2].email` is under `technical_emergency[2]` and
    /// under `technical_emergency`, but not under `technical_emergency[1]`.
    pub fn is_under(self, ancestor: FieldPath) -> bool {
        let mut path = Some(self);
        while let Some(p) = path {
            if p == ancestor {
                return true;
            }
            path = p.parent();
        }
        false
    }

    /// This path after item `index` of list `field` was removed: paths in
    /// later items move up by one, paths in the removed item are gone
    /// (`None`), every other path stays as it is.
    pub fn after_removal(self, field: ContactField, index: usize) -> Option<FieldPath> {
        match self.0 {
            Repr::Contact {
                field: f,
                index: Some(i),
                leaf,
            } if f == field => match i.cmp(&index) {
                std::cmp::Ordering::Less => Some(self),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(FieldPath(Repr::Contact {
                    field,
                    index: Some(i - 1),
                    leaf,
                })),
            },
            _ => Some(self),
        }
    }

    /// The path as a fragment of an HTML id: `technical_emergency-1-email`
    /// for `technical_emergency[1].email` (letters, digits, `_` and `-` only).
    pub fn dom_slug(self) -> String {
        match self.0 {
            Repr::Input(input) => input.key().to_owned(),
            Repr::Contact { field, index, leaf } => {
                let mut slug = field.path_prefix().to_owned();
                if let Some(i) = index {
                    slug.push('-');
                    slug.push_str(&i.to_string());
                }
                if let Some(leaf) = leaf {
                    slug.push('-');
                    slug.push_str(leaf_key(leaf));
                }
                slug
            }
        }
    }
}

fn leaf_key(leaf: Leaf) -> &'static str {
    match leaf {
        Leaf::Entry(part) => part.key(),
        Leaf::Schedule(part) => part.key(),
    }
}

impl From<ContactField> for FieldPath {
    fn from(field: ContactField) -> Self {
        FieldPath::contact(field)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Repr::Input(input) => f.write_str(input.key()),
            Repr::Contact { field, index, leaf } => {
                f.write_str(field.path_prefix())?;
                if let Some(i) = index {
                    write!(f, "[{i}]")?;
                }
                if let Some(leaf) = leaf {
                    write!(f, ".{}", leaf_key(leaf))?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FieldPath({self})")
    }
}

/// A string that is not a path of the grammar in [`crate::path`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidPath(pub String);

impl fmt::Display for InvalidPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a field path", self.0)
    }
}

impl std::error::Error for InvalidPath {}

/// A list index as written in a path: digits without a leading zero.
fn parse_index(digits: &str) -> Option<usize> {
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    canonical.then(|| digits.parse().ok()).flatten()
}

fn parse_contact(path: &str) -> Option<FieldPath> {
    let head_end = path.find(['[', '.']).unwrap_or(path.len());
    let (head, rest) = path.split_at(head_end);
    let field = ContactField::ALL
        .into_iter()
        .find(|f| f.path_prefix() == head)?;
    let whole = FieldPath::contact(field);
    if rest.is_empty() {
        return Some(whole);
    }
    if shape(field) == Shape::Entry {
        return Some(whole.entry_part(Part::parse(rest.strip_prefix('.')?)?));
    }
    let (digits, tail) = rest.strip_prefix('[')?.split_once(']')?;
    let item = whole.item(parse_index(digits)?);
    if tail.is_empty() {
        return Some(item);
    }
    let key = tail.strip_prefix('.')?;
    match shape(field) {
        Shape::Entries => Some(item.entry_part(Part::parse(key)?)),
        Shape::Schedules => Some(item.schedule_part(SchedulePart::parse(key)?)),
        Shape::UserIds | Shape::Entry => None,
    }
}

impl FromStr for FieldPath {
    type Err = InvalidPath;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Input::ALL
            .into_iter()
            .find(|input| input.key() == s)
            .map(|input| FieldPath(Repr::Input(input)))
            .or_else(|| parse_contact(s))
            .ok_or_else(|| InvalidPath(s.to_owned()))
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = FieldPath;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field path such as `technical_emergency[1].email`")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<FieldPath, E> {
                s.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for FieldPath {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "Where a problem is: a contact field, an item (`technical_emergency[1]`), \
                 an item's part (`technical_emergency[1].email`, `support_hours[0].from`, \
                 `shared_with_users.phone`), or an input of another form \
                 (`email`, `name`, `role`, `password`, `user`, `version`).",
            ))
            .examples(["technical_emergency[1].email"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for FieldPath {}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> FieldPath {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    const TODAY: &[&str] = &[
        "alert_contacts",
        "alert_contacts[0]",
        "alert_contacts[12]",
        "technical_emergency",
        "technical_emergency[1]",
        "technical_emergency[1].email",
        "technical_non_emergency[0].name",
        "merchant_operational[9].phone",
        "operational_google",
        "shared_with_users",
        "shared_with_users.email",
        "shared_with_users.phone",
        "support_hours",
        "support_hours[0]",
        "support_hours[0].time_zone",
        "support_hours[3].days",
        "support_hours[0].all_day",
        "support_hours[1].from",
        "support_hours[10].to",
        "email",
        "name",
        "role",
        "password",
        "user",
        "version",
    ];

    #[test]
    fn todays_paths_round_trip() {
        for &text in TODAY {
            let path = p(text);
            assert_eq!(path.to_string(), text);
            let json = serde_json::to_string(&path).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<FieldPath>(&json).unwrap(), path);
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "",
            "technical",
            "technical_emergency[",
            "technical_emergency[]",
            "technical_emergency[01]",
            "technical_emergency[+1]",
            "technical_emergency[-1]",
            "technical_emergency[1",
            "technical_emergency[1].",
            "technical_emergency[1].from",
            "technical_emergency.email",
            "technical_emergency[1][2]",
            "technical_emergency[99999999999999999999999]",
            "alert_contacts[0].email",
            "shared_with_users[0]",
            "shared_with_users.from",
            "support_hours[0].email",
            "support_hours.from",
            "Email",
            "--email",
            "x.email",
            " email",
        ] {
            assert!(text.parse::<FieldPath>().is_err(), "{text:?} parsed");
        }
        assert!(serde_json::from_str::<FieldPath>("\"nope\"").is_err());
        assert!(serde_json::from_str::<FieldPath>("3").is_err());
        assert_eq!(
            "nope".parse::<FieldPath>().unwrap_err().to_string(),
            "`nope` is not a field path"
        );
    }

    #[test]
    fn constructors_build_todays_strings() {
        let emergency = FieldPath::contact(ContactField::TechnicalEmergency);
        assert_eq!(
            emergency.item(1).entry_part(Part::Email).to_string(),
            "technical_emergency[1].email"
        );
        assert_eq!(
            FieldPath::entry(ContactField::OperationalGoogle, 0, Part::Phone),
            p("operational_google[0].phone")
        );
        assert_eq!(
            FieldPath::contact(ContactField::SharedWithUsers)
                .entry_part(Part::Name)
                .to_string(),
            "shared_with_users.name"
        );
        assert_eq!(
            FieldPath::schedule(2, SchedulePart::AllDay).to_string(),
            "support_hours[2].all_day"
        );
        assert_eq!(
            FieldPath::from(ContactField::AlertContacts)
                .item(3)
                .to_string(),
            "alert_contacts[3]"
        );
        assert_eq!(FieldPath::EMAIL.to_string(), "email");
        assert_eq!(format!("{:?}", FieldPath::ROLE), "FieldPath(role)");
    }

    #[test]
    #[should_panic(expected = "shared_with_users has no items")]
    fn the_shared_entry_has_no_items() {
        let _ = FieldPath::contact(ContactField::SharedWithUsers).item(0);
    }

    #[test]
    #[should_panic(expected = "technical_emergency is not a contact entry")]
    fn a_list_has_no_email() {
        let _ = FieldPath::contact(ContactField::TechnicalEmergency).entry_part(Part::Email);
    }

    #[test]
    #[should_panic(expected = "alert_contacts[0] is not a support schedule")]
    fn only_schedules_have_hours() {
        let _ = p("alert_contacts[0]").schedule_part(SchedulePart::From);
    }

    #[test]
    fn accessors() {
        let path = p("technical_emergency[1].email");
        assert_eq!(path.contact_field(), Some(ContactField::TechnicalEmergency));
        assert_eq!(path.index(), Some(1));
        assert_eq!(path.part(), Some(Part::Email));
        assert_eq!(path.leaf(), Some(Leaf::Entry(Part::Email)));
        assert!(!path.is_whole_field());
        let hours = p("support_hours[2].to");
        assert_eq!(hours.leaf(), Some(Leaf::Schedule(SchedulePart::To)));
        assert_eq!(hours.part(), None);
        assert_eq!(p("shared_with_users.phone").index(), None);
        assert!(p("support_hours").is_whole_field());
        assert_eq!(FieldPath::PASSWORD.contact_field(), None);
        assert_eq!(FieldPath::PASSWORD.index(), None);
        assert!(!FieldPath::PASSWORD.is_whole_field());
    }

    #[test]
    fn inside() {
        let email = p("technical_emergency[2].email");
        assert!(email.is_under(email));
        assert!(email.is_under(p("technical_emergency[2]")));
        assert!(email.is_under(p("technical_emergency")));
        assert!(!email.is_under(p("technical_emergency[1]")));
        assert!(!email.is_under(p("technical_non_emergency")));
        assert!(!p("technical_emergency").is_under(email));
        assert!(p("shared_with_users.email").is_under(p("shared_with_users")));
        assert!(!FieldPath::EMAIL.is_under(p("shared_with_users")));
        assert!(FieldPath::EMAIL.is_under(FieldPath::EMAIL));
        assert_eq!(email.parent(), Some(p("technical_emergency[2]")));
        assert_eq!(
            p("technical_emergency[2]").parent(),
            Some(p("technical_emergency"))
        );
        assert_eq!(p("technical_emergency").parent(), None);
        assert_eq!(FieldPath::NAME.parent(), None);
    }

    #[test]
    fn removing_an_item_moves_later_ones_up() {
        let list = ContactField::TechnicalEmergency;
        let moved = |s: &str| p(s).after_removal(list, 1).map(|p| p.to_string());
        assert_eq!(
            moved("technical_emergency[0].email").as_deref(),
            Some("technical_emergency[0].email")
        );
        assert_eq!(moved("technical_emergency[1].email"), None);
        assert_eq!(moved("technical_emergency[1]"), None);
        assert_eq!(
            moved("technical_emergency[2].phone").as_deref(),
            Some("technical_emergency[1].phone")
        );
        assert_eq!(
            moved("technical_emergency[10]").as_deref(),
            Some("technical_emergency[9]")
        );
        assert_eq!(
            moved("technical_emergency").as_deref(),
            Some("technical_emergency")
        );
        assert_eq!(
            moved("technical_non_emergency[2].email").as_deref(),
            Some("technical_non_emergency[2].email")
        );
        assert_eq!(moved("email").as_deref(), Some("email"));
        assert_eq!(
            p("support_hours[3].from")
                .after_removal(ContactField::SupportHours, 0)
                .map(|p| p.to_string())
                .as_deref(),
            Some("support_hours[2].from")
        );
    }

    #[test]
    fn dom_slugs() {
        assert_eq!(
            p("technical_emergency[1].email").dom_slug(),
            "technical_emergency-1-email"
        );
        assert_eq!(
            p("support_hours[0].time_zone").dom_slug(),
            "support_hours-0-time_zone"
        );
        assert_eq!(
            p("shared_with_users.phone").dom_slug(),
            "shared_with_users-phone"
        );
        assert_eq!(p("alert_contacts").dom_slug(), "alert_contacts");
        assert_eq!(FieldPath::PASSWORD.dom_slug(), "password");
        for &text in TODAY {
            let slug = p(text).dom_slug();
            assert!(
                slug.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
                "{slug}"
            );
        }
    }

    #[test]
    fn order_is_the_forms() {
        let mut paths: Vec<FieldPath> = [
            "support_hours",
            "technical_emergency[1].email",
            "alert_contacts",
            "technical_emergency[0].phone",
            "technical_emergency",
            "technical_emergency[0].email",
        ]
        .into_iter()
        .map(p)
        .collect();
        paths.sort();
        let sorted: Vec<String> = paths.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            [
                "alert_contacts",
                "technical_emergency",
                "technical_emergency[0].email",
                "technical_emergency[0].phone",
                "technical_emergency[1].email",
                "support_hours",
            ]
        );
    }
}
