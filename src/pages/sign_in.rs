use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use portal_domain::SignInRequest;

use crate::api::{ApiError, ApiFuture, VisitorClient};
use crate::components::TextField;
use crate::i18n::{I18n, Locale};

/// Where `?next=` may send the user after signing in: only a path on this
/// site. `//host/…` and `/\host/…` are read by browsers as other sites, so
/// they, and anything not starting with `/`, fall back to the start page; so
/// does the sign-in page itself, which would only loop.
fn safe_next(raw: Option<&str>) -> String {
    match raw {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && path != "/sign-in"
                && !path.starts_with("/sign-in?")
                && !path.starts_with("/sign-in/") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// Why the last attempt failed, kept as a kind so the sentence follows the
/// language switcher.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Failure {
    Credentials,
    TooManyAttempts,
    Unreachable,
    Unexpected,
}

impl Failure {
    fn of(error: &ApiError) -> Self {
        match (error, error.status()) {
            (ApiError::Network(_), _) => Failure::Unreachable,
            (_, Some(401)) => Failure::Credentials,
            (_, Some(429)) => Failure::TooManyAttempts,
            _ => Failure::Unexpected,
        }
    }

    fn message(self, locale: Locale) -> &'static str {
        match self {
            Failure::Credentials => locale.auth().invalid_credentials,
            Failure::TooManyAttempts => locale.auth().too_many_attempts,
            Failure::Unreachable => locale.auth().sign_in_unreachable,
            Failure::Unexpected => locale.common().unexpected_error,
        }
    }
}

/// The sign-in screen (`/sign-in?next=/path`), the front door's (see
/// [`crate::FrontDoor`]): `next` comes from the address's query, and signing
/// in loads it as a new page, which brings the portal (and asks for the
/// session).
#[component]
pub fn FrontDoorSignIn(
    /// The address's query, e.g. `?next=/settings/users`.
    search: String,
    /// Goes to the page that follows, given its address; by default the
    /// browser loads it in place of this one. Tests record it instead.
    #[prop(optional)]
    go_to: Option<UnsyncCallback<String>>,
) -> impl IntoView {
    let api = VisitorClient::expect();
    let next = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|params| params.get("next"));
    let next = safe_next(next.as_deref());
    let go_to = go_to.unwrap_or_else(|| {
        UnsyncCallback::new(|next: String| {
            let _ = window().location().replace(&next);
        })
    });
    let send = UnsyncCallback::new(move |request: SignInRequest| -> ApiFuture<()> {
        let api = api.clone();
        let next = next.clone();
        Box::pin(async move {
            api.sign_in(request).await?;
            go_to.run(next);
            Ok(())
        })
    });
    view! { <SignInForm send /> }
}

/// Email and password. `send` signs in with them and goes on to the page
/// that follows; until that page arrives the button says it is still
/// signing in.
#[component]
fn SignInForm(send: UnsyncCallback<SignInRequest, ApiFuture<()>>) -> impl IntoView {
    let i18n = I18n::expect();

    let (email, set_email) = signal(String::new());
    let (password, set_password) = signal(String::new());
    let submitted = RwSignal::new(false);
    let email_ref = NodeRef::<leptos::html::Input>::new();
    let password_ref = NodeRef::<leptos::html::Input>::new();

    let email_missing = Memo::new(move |_| submitted.get() && email.with(|e| e.trim().is_empty()));
    let password_missing = Memo::new(move |_| submitted.get() && password.with(String::is_empty));

    // A plain task and a busy signal rather than `Action::new_local`: this
    // page is the front door's, where an action's machinery costs about 4 KB
    // of the first download. One request is in flight at a time (the button
    // is busy), and the task writes with `try_set`, as the page may be gone
    // when the answer comes.
    let busy = RwSignal::new(false);
    let last_failure = RwSignal::new(None::<Failure>);
    let sign_in = move |request: SignInRequest| {
        busy.set(true);
        let answer = send.run(request);
        leptos::task::spawn_local(async move {
            let failure = match answer.await {
                Ok(()) => {
                    std::future::pending::<()>().await;
                    None
                }
                Err(error) => {
                    let failure = Failure::of(&error);
                    if failure == Failure::Credentials {
                        set_password.try_set(String::new());
                    }
                    if let Some(input) = email_ref.try_get_untracked().flatten() {
                        let _ = input.focus();
                    }
                    Some(failure)
                }
            };
            last_failure.try_set(failure);
            busy.try_set(false);
        });
    };
    // Hidden while a new attempt runs, so a repeated failure is announced again.
    let failure = Memo::new(move |_| if busy.get() { None } else { last_failure.get() });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        submitted.set(true);
        let address = email.get_untracked().trim().to_owned();
        let secret = password.get_untracked();
        if address.is_empty() || secret.is_empty() {
            let first = if address.is_empty() {
                email_ref.get_untracked()
            } else {
                password_ref.get_untracked()
            };
            if let Some(input) = first {
                let _ = input.focus();
            }
            return;
        }
        sign_in(SignInRequest {
            email: address,
            password: secret,
        });
    };

    let auth = move || i18n.auth();
    view! {
        <section class="sign-in" aria-labelledby="sign-in-heading">
            {auth_identity(i18n)}
            <h1 id="sign-in-heading" class="sign-in__heading">
                {move || auth().sign_in_heading}
            </h1>
            <p class="sign-in__intro">{move || auth().sign_in_intro}</p>
            <div class="sign-in__alert" role="alert" data-testid="sign-in-error">
                {move || {
                    failure
                        .get()
                        .map(|f| {
                            view! {
                                <p class="sign-in__alert-text">{move || f.message(i18n.locale())}</p>
                            }
                        })
                }}
            </div>
            <form
                class="sign-in__form"
                novalidate
                aria-busy=move || if busy.get() { "true" } else { "false" }
                on:submit=on_submit
            >
                <TextField
                    id="sign-in-email"
                    name="email"
                    label=Signal::derive(move || auth().email_label.to_owned())
                    input_type="email"
                    autocomplete="username"
                    no_autocapitalize=true
                    no_spellcheck=true
                    required=true
                    value=email
                    on_input=Callback::new(move |value| set_email.set(value))
                    error=Signal::derive(move || {
                        email_missing.get().then(|| auth().email_required.to_owned())
                    })
                    input_ref=email_ref
                />
                <TextField
                    id="sign-in-password"
                    name="password"
                    label=Signal::derive(move || auth().password_label.to_owned())
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                    value=password
                    on_input=Callback::new(move |value| set_password.set(value))
                    error=Signal::derive(move || {
                        password_missing.get().then(|| auth().password_required.to_owned())
                    })
                    input_ref=password_ref
                />
                <button
                    type="submit"
                    class="button button--primary sign-in__submit"
                    data-testid="sign-in-submit"
                    aria-disabled=move || if busy.get() { "true" } else { "false" }
                >
                    {move || if busy.get() { auth().signing_in } else { auth().sign_in_submit }}
                </button>
            </form>
            <p class="sign-in__help">
                {move || auth().help_prompt} " "
                <a href="/help">{move || i18n.common().how_to_get_help}</a>
            </p>
        </section>
    }
}

/// The product's name and what it is for, at the top of the sign-in,
/// invitation and set-up pages.
pub(crate) fn auth_identity(i18n: I18n) -> impl IntoView {
    view! {
        <p class="auth-identity">
            <span class="auth-identity__name">{move || i18n.common().app_name}</span>
            <span class="auth-identity__purpose">{move || i18n.auth().purpose}</span>
        </p>
    }
}
