use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::I18n;
use crate::state::Session;

/// How to get help: reachable signed in or not, from the modal and the shell.
#[component]
pub fn Help() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let t = move || &i18n.t().help;
    view! {
        <div class="help">
            <h1 tabindex="-1">{move || i18n.t().common.how_to_get_help}</h1>
            <p>{move || t().intro}</p>
            <section aria-labelledby="contact-support">
                <h2 id="contact-support">{move || i18n.t().common.contact_support}</h2>
                <p>{move || t().contact_body}</p>
                <p>
                    <a href=format!("mailto:{}", crate::SUPPORT_EMAIL) data-testid="support-email">{crate::SUPPORT_EMAIL}</a>
                </p>
            </section>
            <section aria-labelledby="what-to-include">
                <h2 id="what-to-include">{move || t().include_heading}</h2>
                <ul>
                    <li>{move || t().include_partner_id}</li>
                    <li>{move || t().include_environment}</li>
                    <li>{move || t().include_steps}</li>
                    <li>{move || t().include_time}</li>
                    <li>{move || t().include_screenshot}</li>
                </ul>
            </section>
            <section aria-labelledby="contact-information-help">
                <h2 id="contact-information-help">{move || t().contact_info_heading}</h2>
                <p>{move || t().contact_info_body}</p>
            </section>
            <p>
                {move || if session.is_signed_in() {
                    view! { <A href="/">{move || t().back_to_portal}</A> }.into_any()
                } else {
                    // The front door's page: a new page load, not the router's.
                    view! { <a href="/sign-in" rel="external">{move || t().back_to_sign_in}</a> }.into_any()
                }}
            </p>
        </div>
    }
}
