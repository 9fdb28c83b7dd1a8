use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::I18n;

/// What any unknown address shows.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">{move || i18n.t().shell.not_found_heading}</h1>
            <p>{move || i18n.t().shell.not_found_body}</p>
            <A href="/">{move || i18n.t().shell.not_found_home}</A>
        </section>
    }
}
