//! Whether the owner of a saved address confirmed it, shown beside the
//! address, with a button that sends the link again for users who may edit
//! the contact information.
//!
//! One non-generic component serves every entry of the form: the address it
//! describes is a signal, and the states come from [`AccountData`], loaded
//! once per screen.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::{AddressState, AddressStatus, ErrorCode, VERIFICATION_RESEND_MINUTES};

use crate::api::{Api, ApiError};
use crate::components::local_date::{local_date, local_date_time};
use crate::i18n::I18n;
use crate::i18n::verify::VerifyText;
use crate::state::{AccountData, Announcer, Session};

/// Why a link was not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// One was sent to this address a moment ago (429).
    RateLimited,
    /// The owner confirmed it meanwhile (409).
    AlreadyVerified,
    /// The saved contact information no longer names it (404).
    NotSaved,
    Unreachable,
    Unexpected,
}

impl Refusal {
    fn of(error: &ApiError) -> Self {
        match (error.status(), error.code()) {
            (Some(429), _) => Refusal::RateLimited,
            (_, Some(ErrorCode::AlreadyVerified)) | (Some(409), _) => Refusal::AlreadyVerified,
            (Some(404), _) => Refusal::NotSaved,
            _ if matches!(error, ApiError::Network(_)) => Refusal::Unreachable,
            _ => Refusal::Unexpected,
        }
    }

    fn message(self, i18n: I18n) -> String {
        let t = i18n.t().verify;
        match self {
            Refusal::RateLimited => (t.rate_limited)(VERIFICATION_RESEND_MINUTES),
            Refusal::AlreadyVerified => t.already_verified.to_owned(),
            Refusal::NotSaved => t.not_saved.to_owned(),
            Refusal::Unreachable => i18n.common().server_unreachable.to_owned(),
            Refusal::Unexpected => i18n.common().unexpected_error.to_owned(),
        }
    }
}

/// Addresses are compared as the server keeps them: trimmed, in any case.
fn same_address(a: &str, b: &str) -> bool {
    portal_domain::normalize_user_email(a) == portal_domain::normalize_user_email(b)
}

/// "Not verified", "Verification sent …" or "Verified …", with the date in
/// the reader's language and time zone.
pub fn state_text(t: &VerifyText, status: &AddressStatus, locale: crate::i18n::Locale) -> String {
    match status.state {
        AddressState::Unverified => t.state_unverified.to_owned(),
        AddressState::VerificationSent => (t.state_sent)(
            &status
                .sent_at
                .as_deref()
                .map(|at| local_date_time(at, locale))
                .unwrap_or_default(),
        )
        .trim_end()
        .to_owned(),
        AddressState::Verified => (t.state_verified)(
            &status
                .verified_at
                .as_deref()
                .map(|at| local_date(at, locale))
                .unwrap_or_default(),
        )
        .trim_end()
        .to_owned(),
    }
}

/// The state of the saved address `email` (nothing for an address that is
/// not saved, or outside the signed-in portal). `id` names the state's text,
/// so the address's input can be described by it.
///
/// Each part is one closure that renders it whole: a re-render patches the
/// same elements, so the button keeps focus, and the bundle carries few
/// closures per entry.
#[component]
pub fn AddressBadge(#[prop(into)] email: Signal<String>, id: String) -> impl IntoView {
    let Some(data) = use_context::<AccountData>() else {
        return ().into_any();
    };
    let i18n = I18n::expect();
    let session = Session::expect();
    let api = StoredValue::new(Api::expect());
    let announcer = Announcer::expect();
    let addresses = data.addresses();
    let status = move || {
        email.with(|typed| {
            addresses.with(|a| {
                a.ready()?
                    .iter()
                    .find(|s| same_address(&s.email, typed))
                    .cloned()
            })
        })
    };
    let busy = RwSignal::new(false);
    // The last refusal and the address it was about: typing another address
    // hides it.
    let refused = RwSignal::new(None::<(String, Refusal)>);

    let send = move |_| {
        let Some(address) = untrack(status).map(|s| s.email) else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        refused.set(None);
        let api = api.get_value();
        spawn_local(async move {
            let answer = api.send_verification(address.clone()).await;
            // The form may be gone meanwhile.
            if busy.try_set(false).is_some() {
                return;
            }
            let refusal = match answer {
                Ok(()) => {
                    announcer.announce((i18n.t().verify.sent)(&address));
                    None
                }
                Err(error) => Some(Refusal::of(&session.check(error))),
            };
            // Sent, or verified meanwhile: the state to show has changed.
            if matches!(refusal, None | Some(Refusal::AlreadyVerified)) {
                data.reload_addresses();
            }
            refused.set(refusal.map(|r| (address, r)));
        });
    };

    let may_send = move || session.with(|s| s.is_some_and(|s| s.user.role.can_edit_contact_info()));
    view! {
        <div class="address-state" hidden=move || status().is_none() data-testid="address-state">
            <span id=id>
                {move || {
                    let status = status()?;
                    let verified = status.state == AddressState::Verified;
                    Some(view! {
                        <span class="address-state__text" class:address-state__text--verified=verified>
                            <span
                                class=if verified { "icon icon--check" } else { "icon icon--mail" }
                                aria-hidden="true"
                            ></span>
                            {state_text(i18n.t().verify, &status, i18n.locale())}
                        </span>
                    })
                }}
            </span>
            {move || {
                let status = status().filter(|s| s.state != AddressState::Verified && may_send())?;
                let t = i18n.t().verify;
                let action = if busy.get() {
                    t.sending
                } else if status.state == AddressState::VerificationSent {
                    t.resend
                } else {
                    t.send
                };
                Some(view! {
                    <button
                        type="button"
                        class="button address-state__send"
                        aria-label=(t.send_to)(action, &status.email)
                        on:click=send
                    >
                        {action}
                    </button>
                })
            }}
            <p class="address-state__problem" role="alert">
                {move || {
                    let (address, refusal) = refused.get()?;
                    status()
                        .filter(|s| same_address(&s.email, &address))
                        .map(|_| refusal.message(i18n))
                }}
            </p>
        </div>
    }
    .into_any()
}
