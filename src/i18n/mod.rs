//! The translation catalog: every user-facing string, in English and Spanish.
//!
//! A catalog is a plain struct of strings and formatting functions, so a
//! message missing from one language is a compile error, lookups cost nothing
//! and no runtime localisation library is shipped in the wasm bundle. Each part
//! of the app keeps its messages in its own module below.

pub mod auth;
pub mod common;
pub mod dashboard;
pub mod form;
pub mod gate;
pub mod overview;
pub mod preview;
pub mod review;
pub mod settings;
pub mod shell;
pub mod status;
pub mod transfer;
pub mod users;
pub mod validation;
pub mod verify;

use leptos::prelude::*;

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// The language's name in itself, as the language switcher shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
        }
    }

    /// `en` or `es`, whichever is this language's: one section of messages.
    fn pick<T>(self, en: &'static T, es: &'static T) -> &'static T {
        match self {
            Locale::En => en,
            Locale::Es => es,
        }
    }

    /// The locale for a BCP 47 tag such as `es-MX`, if the portal speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    pub fn catalog(self) -> &'static Catalog {
        self.pick(&EN, &ES)
    }

    /// The messages shared by every screen, without the rest of the catalog.
    pub fn common(self) -> &'static common::CommonText {
        self.pick(&common::EN, &common::ES)
    }

    /// The validation messages, without the rest of the catalog.
    pub fn validation(self) -> &'static validation::ValidationText {
        self.pick(&validation::EN, &validation::ES)
    }

    /// The sign-in, invitation and set-up messages, without the rest of the
    /// catalog.
    pub fn auth(self) -> &'static auth::AuthText {
        self.pick(&auth::EN, &auth::ES)
    }

    /// The messages of the status page, which are not in the portal's
    /// [`Catalog`].
    pub fn status(self) -> &'static status::StatusText {
        self.pick(&status::EN, &status::ES)
    }

    /// The messages of the page a confirmation link opens, which are not in
    /// the portal's [`Catalog`].
    pub fn verify_link(self) -> &'static verify::VerifyLinkText {
        self.pick(&verify::LINK_EN, &verify::LINK_ES)
    }

    /// The names of the contact information's fields, without the rest of
    /// the form's messages.
    pub fn field_labels(self) -> &'static form::FieldLabels {
        self.pick(&form::LABELS_EN, &form::LABELS_ES)
    }
}

/// Every message of the portal in one language, grouped by the part of the
/// app that shows it.
///
/// The sections the front door and the public pages show (`common`,
/// `validation`, `auth` and the form's field names) are statics of their own
/// that the catalog points to, and those pages reach them through
/// [`Locale::common`], [`Locale::validation`], [`Locale::auth`] and
/// [`Locale::field_labels`] instead of the whole catalog, so their wasm
/// carries only those sections; reading them through the catalog works the
/// same. The public pages' own messages, [`Locale::status`] and
/// [`Locale::verify_link`], are not in the catalog at all: the portal never
/// shows them.
pub struct Catalog {
    pub common: &'static common::CommonText,
    pub validation: &'static validation::ValidationText,
    pub auth: &'static auth::AuthText,
    pub gate: gate::GateText,
    pub form: form::FormText,
    pub users: users::UsersText,
    pub help: overview::HelpText,
    pub settings: settings::SettingsText,
    pub transfer: transfer::TransferText,
    pub shell: shell::ShellText,
    pub dashboard: dashboard::DashboardText,
    pub review: review::ReviewText,
    pub preview: preview::PreviewText,
    pub verify: &'static verify::VerifyText,
}

pub static EN: Catalog = Catalog {
    common: &common::EN,
    validation: &validation::EN,
    auth: &auth::EN,
    gate: gate::EN,
    form: form::EN,
    users: users::EN,
    help: overview::HELP_EN,
    settings: settings::EN,
    transfer: transfer::EN,
    shell: shell::EN,
    dashboard: dashboard::EN,
    review: review::EN,
    preview: preview::EN,
    verify: &verify::EN,
};

pub static ES: Catalog = Catalog {
    common: &common::ES,
    validation: &validation::ES,
    auth: &auth::ES,
    gate: gate::ES,
    form: form::ES,
    users: users::ES,
    help: overview::HELP_ES,
    settings: settings::ES,
    transfer: transfer::ES,
    shell: shell::ES,
    dashboard: dashboard::ES,
    review: review::ES,
    preview: preview::ES,
    verify: &verify::ES,
};

/// Where the chosen language is remembered between visits.
const STORAGE_KEY: &str = "portal.locale";

/// The current language, in context.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// Provides the language remembered from an earlier visit, else the
    /// browser's preferred one, else English; and keeps `<html lang>` and the
    /// stored choice in step with it.
    pub fn provide_from_browser() -> Self {
        let initial = stored_locale()
            .or_else(browser_locale)
            .unwrap_or(Locale::En);
        Self::provide(initial)
    }

    /// Provides a fixed starting language (tests use this).
    pub fn provide(initial: Locale) -> Self {
        let i18n = Self {
            locale: RwSignal::new(initial),
        };
        Effect::new(move |_| {
            let locale = i18n.locale.get();
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", locale.tag());
            }
            document().set_title(locale.common().app_name);
        });
        provide_context(i18n);
        i18n
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    /// The catalog of the current language; reading it tracks the language.
    pub fn t(self) -> &'static Catalog {
        self.locale.get().catalog()
    }

    /// [`Locale::common`] of the current language; reading it tracks the language.
    pub fn common(self) -> &'static common::CommonText {
        self.locale.get().common()
    }

    /// [`Locale::validation`] of the current language; reading it tracks the
    /// language.
    pub fn validation(self) -> &'static validation::ValidationText {
        self.locale.get().validation()
    }

    /// [`Locale::auth`] of the current language; reading it tracks the language.
    pub fn auth(self) -> &'static auth::AuthText {
        self.locale.get().auth()
    }

    /// [`Locale::status`] of the current language; reading it tracks the
    /// language.
    pub fn status(self) -> &'static status::StatusText {
        self.locale.get().status()
    }

    /// [`Locale::verify_link`] of the current language; reading it tracks
    /// the language.
    pub fn verify_link(self) -> &'static verify::VerifyLinkText {
        self.locale.get().verify_link()
    }

    /// [`Locale::field_labels`] of the current language; reading it tracks
    /// the language.
    pub fn field_labels(self) -> &'static form::FieldLabels {
        self.locale.get().field_labels()
    }

    /// Switches language and remembers the choice.
    pub fn set(self, locale: Locale) {
        self.locale.set(locale);
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(STORAGE_KEY, locale.tag());
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn stored_locale() -> Option<Locale> {
    let tag = local_storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    Locale::from_tag(&tag)
}

fn browser_locale() -> Option<Locale> {
    let navigator = window().navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .find_map(|tag| Locale::from_tag(&tag))
}
