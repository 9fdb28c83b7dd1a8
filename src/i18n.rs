//! The translation catalog: every user-facing string, in English and Spanish.
//!
//! A catalog is a plain struct of strings and formatting functions, so a
//! message missing from one language is a compile error, lookups cost nothing
//! and no runtime localisation library is shipped in the wasm bundle.

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

    /// The locale for a BCP 47 tag such as `es-MX`, if the portal speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    pub fn catalog(self) -> &'static Catalog {
        match self {
            Locale::En => &EN,
            Locale::Es => &ES,
        }
    }
}

/// Every message of the app in one language.
pub struct Catalog {
    pub app_name: &'static str,
    pub language_label: &'static str,
    pub health_heading: &'static str,
    pub health_checking: &'static str,
    pub health_ok: fn(version: &str) -> String,
    pub health_database: fn(sqlite_version: &str, schema_version: u32) -> String,
    pub health_unreachable: &'static str,
    pub health_unreachable_hint: &'static str,
    pub retry: &'static str,
    pub not_found_heading: &'static str,
    pub not_found_body: &'static str,
    pub not_found_home: &'static str,
}

pub static EN: Catalog = Catalog {
    app_name: "Partner Portal",
    language_label: "Language",
    health_heading: "Portal status",
    health_checking: "Checking the portal server…",
    health_ok: |version| format!("The portal server (version {version}) is running."),
    health_database: |sqlite, schema| {
        format!("Database: connected (SQLite {sqlite}, schema version {schema}).")
    },
    health_unreachable: "Can't reach the portal server.",
    health_unreachable_hint: "Check your connection, then try again. If it keeps failing, the server may be down.",
    retry: "Try again",
    not_found_heading: "Page not found",
    not_found_body: "There is no page at this address. Check the link, or go back to the start.",
    not_found_home: "Go to the start page",
};

pub static ES: Catalog = Catalog {
    app_name: "Portal para socios",
    language_label: "Idioma",
    health_heading: "Estado del portal",
    health_checking: "Comprobando el servidor del portal…",
    health_ok: |version| {
        format!("El servidor del portal (versión {version}) está en funcionamiento.")
    },
    health_database: |sqlite, schema| {
        format!("Base de datos: conectada (SQLite {sqlite}, versión del esquema {schema}).")
    },
    health_unreachable: "No se puede conectar con el servidor del portal.",
    health_unreachable_hint: "Comprueba tu conexión y vuelve a intentarlo. Si el problema continúa, es posible que el servidor no esté disponible.",
    retry: "Volver a intentarlo",
    not_found_heading: "No se encontró la página",
    not_found_body: "No hay ninguna página en esta dirección. Comprueba el enlace o vuelve al inicio.",
    not_found_home: "Ir a la página de inicio",
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
