//! The page a confirmation link opens (`/verify/TOKEN`): which address,
//! which account and which roles it is about, and a button that confirms it.
//! Opening the page confirms nothing (mail scanners follow links); only the
//! button does. Nobody needs to be signed in.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::{ErrorCode, VERIFICATION_VALIDITY_DAYS, VerificationDetails};

use crate::api::{ApiError, PublicClient};
use crate::components::contact_form::focus_soon;
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

/// What to do about `problem`, in the current language.
fn problem_message(i18n: I18n, problem: Problem) -> String {
    let t = i18n.verify_link();
    match problem {
        Problem::Invalid => t.invalid_body.to_owned(),
        Problem::Expired => (t.expired_body)(VERIFICATION_VALIDITY_DAYS),
        Problem::TooMany => t.too_many_attempts.to_owned(),
        Problem::Unreachable => i18n.common().server_unreachable.to_owned(),
        Problem::Unexpected => i18n.common().unexpected_error.to_owned(),
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
pub fn Verify(
    /// The link's token, from its path: a link is opened from a mail, as a
    /// page load of its own, so the token never changes under the page.
    token: String,
) -> impl IntoView {
    let i18n = I18n::expect();
    let api = StoredValue::new(PublicClient::expect());
    let token = StoredValue::new(token);
    let screen = RwSignal::new(Screen::Checking);
    // A problem with the confirmation itself, shown above the button.
    let trouble = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);

    let check = move || {
        let api = api.get_value();
        screen.set(Screen::Checking);
        spawn_local(async move {
            let answer = api.verification_details(token.get_value()).await;
            screen.try_set(match answer {
                Ok(details) => Screen::Ask(details),
                Err(error) => match Problem::of(&error) {
                    problem if problem.ends_link() => Screen::Ended(problem),
                    problem => Screen::Failed(problem),
                },
            });
        });
    };
    check();

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
            let answer = api.confirm_verification(token.get_value()).await;
            if busy.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(()) => {
                    screen.set(Screen::Confirmed(details));
                    focus_soon(HEADING_ID.to_owned());
                }
                Err(error) => match Problem::of(&error) {
                    problem if problem.ends_link() => {
                        screen.set(Screen::Ended(problem));
                        focus_soon(HEADING_ID.to_owned());
                    }
                    problem => trouble.set(Some(problem)),
                },
            }
        });
    };

    // One closure renders the screen in the current language: the page has
    // no input to keep, and each reactive text costs the bundle code of its own.
    let problem_text = move |problem: Problem| problem_message(i18n, problem);
    let body = move || {
        let t = i18n.verify_link();
        // The question has its own view; every other screen is a heading
        // and one message, announced.
        let (heading, text, role, test_id) = match screen.get() {
            Screen::Ask(details) => {
                return view! {
                    <h1 id=HEADING_ID class="invitation__heading" tabindex="-1">{t.heading}</h1>
                    <Ask details trouble busy confirm />
                }
                .into_any();
            }
            Screen::Checking => (
                t.heading,
                t.checking.to_owned(),
                "status",
                "verify-checking",
            ),
            Screen::Failed(problem) => (t.heading, problem_text(problem), "alert", "verify-failed"),
            Screen::Confirmed(details) => (
                t.confirmed_heading,
                (t.confirmed_body)(&details.email, &details.account_name),
                "status",
                "verify-confirmed",
            ),
            Screen::Ended(Problem::Expired) => (
                t.expired_heading,
                problem_text(Problem::Expired),
                "alert",
                "verify-expired",
            ),
            Screen::Ended(problem) => (
                t.invalid_heading,
                problem_text(problem),
                "alert",
                "verify-invalid",
            ),
        };
        // A check that failed can be tried again; a link that is done for
        // points to help instead.
        let retry = matches!(screen.get_untracked(), Screen::Failed(_));
        let help = matches!(screen.get_untracked(), Screen::Ended(_));
        view! {
            <h1 id=HEADING_ID class="invitation__heading" tabindex="-1">{heading}</h1>
            <p role=role data-testid=test_id>{text}</p>
            {retry.then(|| view! {
                <button type="button" class="button button--primary" on:click=move |_| check()>
                    {i18n.common().retry}
                </button>
            })}
            {help.then(|| view! {
                <p class="invitation__links">
                    <a href="/help">{i18n.common().how_to_get_help}</a>
                </p>
            })}
        }
        .into_any()
    };
    view! {
        <section class="invitation verify" aria-labelledby=HEADING_ID>
            {body}
        </section>
    }
}

/// What the link asks to confirm, and the button that does.
#[component]
fn Ask(
    details: VerificationDetails,
    trouble: RwSignal<Option<Problem>>,
    busy: RwSignal<bool>,
    confirm: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = I18n::expect();
    let t = i18n.verify_link();
    let labels = i18n.field_labels();
    let roles = if details.roles.is_empty() {
        view! { <p>{t.no_roles}</p> }.into_any()
    } else {
        let items = details
            .roles
            .iter()
            .map(|role| view! { <li>{labels.of(*role)}</li> })
            .collect_view();
        view! { <ul class="verify__roles">{items}</ul> }.into_any()
    };
    view! {
        <p class="invitation__intro">{(t.intro)(&details.email)}</p>
        <dl class="verify__details" data-testid="verify-details">
            <dt>{t.account_label}</dt>
            <dd>
                {details.account_name}
                <span class="verify__partner-id">
                    {(i18n.common().partner_id)(&details.partner_id)}
                </span>
            </dd>
            <dt>{t.roles_label}</dt>
            <dd>{roles}</dd>
        </dl>
        <p class="invitation__expiry">{t.confirm_note}</p>
        <div role="alert" data-testid="verify-alert">
            {move || trouble.get().map(|p| view! { <p class="invitation__alert">{problem_message(i18n, p)}</p> })}
        </div>
        <button
            type="button"
            class="button button--primary invitation__submit verify__confirm"
            data-testid="verify-confirm"
            disabled=move || busy.get()
            aria-busy=move || busy.get().to_string()
            on:click=confirm
        >
            {move || if busy.get() { t.confirming } else { t.confirm }}
        </button>
    }
}
