//! The page a confirmation link opens (`/verify/:token`): which address,
//! which account and which roles it is about, and a button that confirms it.
//! Opening the page confirms nothing (mail scanners follow links); only the
//! button does. Nobody needs to be signed in.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use portal_domain::{ErrorCode, VERIFICATION_VALIDITY_DAYS, VerificationDetails};

use crate::api::{Api, ApiError};
use crate::components::focus::focus_main_heading;
use crate::i18n::I18n;

const HEADING_ID: &str = "verify-heading";

/// Why the link cannot be used, or why asking failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// Used already, or the address changed since (404).
    Invalid,
    /// Older than its week (410).
    Expired,
    /// Too many links that do not work from this client (429).
    TooMany,
    Unreachable,
    Unexpected,
}

impl Problem {
    fn of(error: &ApiError) -> Self {
        match (error.status(), error.code()) {
            (_, Some(ErrorCode::VerificationInvalid)) | (Some(404), _) => Problem::Invalid,
            (_, Some(ErrorCode::VerificationExpired)) | (Some(410), _) => Problem::Expired,
            (Some(429), _) => Problem::TooMany,
            _ if matches!(error, ApiError::Network(_)) => Problem::Unreachable,
            _ => Problem::Unexpected,
        }
    }

    /// The link itself is done for: the page says what to do instead.
    fn ends_link(self) -> bool {
        matches!(self, Problem::Invalid | Problem::Expired)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Checking,
    /// Asking about the link failed for a reason a retry may fix.
    Failed(Problem),
    Ask(VerificationDetails),
    Confirmed(VerificationDetails),
    Ended(Problem),
}

/// The confirmation link's page.
#[component]
pub fn Verify() -> impl IntoView {
    let i18n = I18n::expect();
    let api = StoredValue::new(Api::expect());
    let params = use_params_map();
    let token = Memo::new(move |_| params.with(|p| p.get("token").unwrap_or_default()));
    let screen = RwSignal::new(Screen::Checking);
    // A problem with the confirmation itself, shown above the button.
    let trouble = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);

    let check = move || {
        let asked = token.get_untracked();
        let api = api.get_value();
        screen.set(Screen::Checking);
        spawn_local(async move {
            let answer = api.verification_details(asked.clone()).await;
            if token.try_get_untracked().as_ref() != Some(&asked) {
                return;
            }
            screen.try_set(match answer {
                Ok(details) => Screen::Ask(details),
                Err(error) => match Problem::of(&error) {
                    problem if problem.ends_link() => Screen::Ended(problem),
                    problem => Screen::Failed(problem),
                },
            });
        });
    };
    Effect::new(move |_| {
        token.track();
        check();
    });

    let confirm = move |_| {
        let Screen::Ask(details) = screen.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        trouble.set(None);
        let api = api.get_value();
        spawn_local(async move {
            let answer = api.confirm_verification(token.get_untracked()).await;
            if busy.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(()) => {
                    screen.set(Screen::Confirmed(details));
                    focus_main_heading();
                }
                Err(error) => match Problem::of(&error) {
                    problem if problem.ends_link() => {
                        screen.set(Screen::Ended(problem));
                        focus_main_heading();
                    }
                    problem => trouble.set(Some(problem)),
                },
            }
        });
    };

    let t = move || &i18n.t().verify;
    let problem_text = move |problem: Problem| match problem {
        Problem::Invalid => t().invalid_body.to_owned(),
        Problem::Expired => (t().expired_body)(VERIFICATION_VALIDITY_DAYS),
        Problem::TooMany => t().too_many_attempts.to_owned(),
        Problem::Unreachable => i18n.common().server_unreachable.to_owned(),
        Problem::Unexpected => i18n.common().unexpected_error.to_owned(),
    };
    let heading = move || {
        screen.with(|s| match s {
            Screen::Confirmed(_) => t().confirmed_heading,
            Screen::Ended(Problem::Expired) => t().expired_heading,
            Screen::Ended(_) => t().invalid_heading,
            _ => t().heading,
        })
    };
    let body = move || {
        match screen.get() {
        Screen::Checking => view! {
            <p class="invitation__checking" role="status">{move || t().checking}</p>
        }
        .into_any(),
        Screen::Failed(problem) => view! {
            <div role="alert" data-testid="verify-failed">
                <p class="invitation__alert">{move || problem_text(problem)}</p>
                <button type="button" class="button button--primary" on:click=move |_| check()>
                    {move || i18n.common().retry}
                </button>
            </div>
        }
        .into_any(),
        Screen::Ask(details) => {
            let VerificationDetails {
                email,
                account_name,
                partner_id,
                roles,
            } = details;
            let roles = StoredValue::new(roles);
            view! {
                <p class="invitation__intro">{move || (t().intro)(&email)}</p>
                <dl class="verify__details" data-testid="verify-details">
                    <dt>{move || t().account_label}</dt>
                    <dd>
                        {account_name}
                        <span class="verify__partner-id">
                            {move || (i18n.common().partner_id)(&partner_id)}
                        </span>
                    </dd>
                    <dt>{move || t().roles_label}</dt>
                    <dd>
                        {move || {
                            let form = &i18n.t().form;
                            roles.with_value(|roles| {
                                if roles.is_empty() {
                                    view! { <p>{t().no_roles}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="verify__roles">
                                            {roles.iter().map(|r| view! { <li>{form.field_label(*r)}</li> }).collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }
                            })
                        }}
                    </dd>
                </dl>
                <p class="invitation__expiry">{move || t().confirm_note}</p>
                <div role="alert" data-testid="verify-alert">
                    {move || trouble.get().map(|p| view! { <p class="invitation__alert">{problem_text(p)}</p> })}
                </div>
                <button
                    type="button"
                    class="button button--primary invitation__submit verify__confirm"
                    data-testid="verify-confirm"
                    aria-disabled=move || if busy.get() { "true" } else { "false" }
                    on:click=confirm
                >
                    {move || if busy.get() { t().confirming } else { t().confirm }}
                </button>
            }
            .into_any()
        }
        Screen::Confirmed(details) => view! {
            <p role="status" data-testid="verify-confirmed">
                {move || (t().confirmed_body)(&details.email, &details.account_name)}
            </p>
        }
        .into_any(),
        Screen::Ended(problem) => view! {
            <p role="alert" data-testid=if problem == Problem::Expired { "verify-expired" } else { "verify-invalid" }>
                {move || problem_text(problem)}
            </p>
            <p class="invitation__links">
                <a href="/help">{move || i18n.common().how_to_get_help}</a>
            </p>
        }
        .into_any(),
    }
    };
    view! {
        <section class="invitation verify" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID class="invitation__heading" tabindex="-1">{heading}</h1>
            {body}
        </section>
    }
}
