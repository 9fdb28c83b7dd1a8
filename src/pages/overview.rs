use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::UserStatus;

use crate::i18n::I18n;
use crate::state::{AccountData, Loaded, Resource, Session};

/// The integration's set-up checklist, computed from the account's real data.
#[component]
pub fn Overview() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let data = AccountData::expect();
    data.visit(&[Resource::Users]);
    let users = data.users();
    let contact_complete = move || session.with(|s| s.is_some_and(|s| s.contact_info_complete));
    view! {
        <h1 id="page-heading" tabindex="-1">{move || i18n.t().common.nav_overview}</h1>
        <p>{move || i18n.t().overview.intro}</p>
        {move || {
            if users.with(|u| matches!(u, Loaded::Idle | Loaded::Loading)) {
                return view! { <p role="status">{move || i18n.t().common.loading}</p> }.into_any();
            }
            let users = users.with(|u| u.ready().cloned()).unwrap_or_default();
                let active = users.iter().filter(|u| u.status == UserStatus::Active).count();
                let expired = users.iter().any(|u| u.status == UserStatus::InvitationExpired);
                let items = [
                    (contact_complete(), "/settings/contact", i18n.t().overview.item_contact, "checklist-contact"),
                    (active >= 2, "/settings/users", i18n.t().overview.item_team, "checklist-team"),
                    (!expired, "/settings/users", i18n.t().overview.item_invitations, "checklist-invitations"),
                ];
                view! {
                    <ul class="checklist" data-testid="checklist">
                        {items
                            .into_iter()
                            .map(|(done, href, label, test_id)| {
                                view! {
                                    <li class="checklist__item" class:checklist__item--done=done data-testid=test_id>
                                        <span class="checklist__status" aria-hidden="true">{if done { "✓" } else { "○" }}</span>
                                        <A href=href>{label}</A>
                                        <span class="checklist__state">
                                            {move || if done { i18n.t().overview.done } else { i18n.t().overview.to_do }}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
        }}
    }
}
