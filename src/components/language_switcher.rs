use leptos::prelude::*;

use crate::i18n::{I18n, Locale};

/// A labelled picker between the portal's languages, each named in itself.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <label class="language-switcher">
            <span class="language-switcher__label">{move || i18n.common().language_label}</span>
            <select
                class="language-switcher__select"
                data-testid="language-switcher"
                on:change:target=move |ev| {
                    if let Some(locale) = Locale::from_tag(&ev.target().value()) {
                        i18n.set(locale);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option
                                value=locale.tag()
                                lang=locale.tag()
                                selected=move || i18n.locale() == locale
                            >
                                {locale.endonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
