use leptos::html;
use leptos::prelude::*;
use portal_domain::validate::PASSWORD_MIN_CHARS;
use portal_domain::{
    AcceptInvitation as AcceptRequest, ErrorCode, FieldError, FieldPath, InvitationDetails,
    InvitationPurpose, validate_email, validate_password, validate_person_name,
};
use wasm_bindgen::JsCast;

use crate::api::{ApiError, VisitorClient};
use crate::components::{TextField, local_date};
use crate::i18n::validation::message_in;
use crate::i18n::{I18n, Locale};

const HEADING_ID: &str = "invitation-heading";

/// What happened to the link once the form was sent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Accepted,
    Invalid,
    Expired,
}

/// A request that failed for a reason the form's fields can't fix.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Trouble {
    Unreachable,
    /// 429: too many links that do not work were tried from this network.
    TooManyAttempts,
    Unexpected,
}

impl Trouble {
    fn of(error: &ApiError) -> Self {
        match (error, error.status()) {
            (ApiError::Network(_), _) => Trouble::Unreachable,
            (_, Some(429)) => Trouble::TooManyAttempts,
            _ => Trouble::Unexpected,
        }
    }

    fn message(self, locale: Locale) -> &'static str {
        match self {
            Trouble::Unreachable => locale.common().server_unreachable,
            Trouble::TooManyAttempts => locale.auth().links_too_many,
            Trouble::Unexpected => locale.common().unexpected_error,
        }
    }
}

#[derive(Clone, PartialEq)]
enum Screen {
    Checking,
    Failed(Trouble),
    Ended(Outcome),
    Form(InvitationDetails),
}

/// The link is unusable for good (404) or for now (410): either way the
/// person needs a new link, and the screen says so instead of a form.
fn link_outcome(error: &ApiError) -> Option<Outcome> {
    match (error.status(), error.code()) {
        (Some(404), _) | (_, Some(ErrorCode::InvitationInvalid)) => Some(Outcome::Invalid),
        (Some(410), _) | (_, Some(ErrorCode::InvitationExpired)) => Some(Outcome::Expired),
        _ => None,
    }
}

/// Moves focus to the new screen's heading once it is rendered, so keyboard
/// and screen-reader users hear the result of what they just sent.
fn focus_heading_soon() {
    set_timeout(
        || {
            if let Some(heading) = document()
                .get_element_by_id(HEADING_ID)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = heading.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The one-time link of an invitation or of the first-administrator set-up
/// whose token is `token`: choose a name and password, then sign in. The
/// front door shows it outside any router (see [`crate::FrontDoor`]).
#[component]
pub fn Invitation(#[prop(into)] token: Signal<String>) -> impl IntoView {
    let i18n = I18n::expect();
    let api = VisitorClient::expect();
    // A plain task and signal rather than `LocalResource`: this page is the
    // front door's, where the async-derived machinery of a resource costs
    // about 7 KB of the first download.
    // What the server says about the link: `None` until it first answers.
    // Asking again ("Try again", or another link) keeps what is shown until
    // the new answer arrives.
    let details = RwSignal::new(None::<Result<InvitationDetails, ApiError>>);
    let check = Callback::new(move |()| {
        let api = api.clone();
        let asked = token.get_untracked();
        leptos::task::spawn_local(async move {
            let answer = api.invitation(asked.clone()).await;
            // An answer about a link no longer shown is dropped.
            if token.try_get_untracked().as_ref() == Some(&asked) {
                details.try_set(Some(answer));
            }
        });
    });
    Effect::new(move |_| {
        token.track();
        check.run(());
    });
    let outcome = RwSignal::new(None::<Outcome>);
    let screen = Memo::new(move |_| {
        if let Some(outcome) = outcome.get() {
            return Screen::Ended(outcome);
        }
        match details.get() {
            None => Screen::Checking,
            Some(Ok(details)) => Screen::Form(details),
            Some(Err(error)) => match link_outcome(&error) {
                Some(outcome) => Screen::Ended(outcome),
                None => Screen::Failed(Trouble::of(&error)),
            },
        }
    });
    let on_outcome = Callback::new(move |result: Outcome| {
        outcome.set(Some(result));
        focus_heading_soon();
    });

    let auth = move || i18n.auth();
    let common = move || i18n.common();
    view! {
        <section class="invitation" aria-labelledby=HEADING_ID>
            {super::sign_in::auth_identity(i18n)}
            {move || match screen.get() {
                Screen::Checking => {
                    view! {
                        <p class="invitation__checking" role="status">
                            {move || auth().invitation_checking}
                        </p>
                    }
                        .into_any()
                }
                Screen::Failed(trouble) => {
                    view! {
                        <div class="invitation__alert" role="alert" data-testid="invitation-failed">
                            <p>{move || trouble.message(i18n.locale())}</p>
                            <button
                                type="button"
                                class="button button--primary"
                                on:click=move |_| check.run(())
                            >
                                {move || common().retry}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Screen::Ended(Outcome::Accepted) => {
                    view! {
                        <div data-testid="invitation-accepted">
                            <h1 id=HEADING_ID class="invitation__heading" tabindex="-1">
                                {move || auth().accepted_heading}
                            </h1>
                            <p>{move || auth().accepted_body}</p>
                            <a href="/sign-in" class="button button--primary invitation__action">
                                {move || auth().go_to_sign_in}
                            </a>
                        </div>
                    }
                        .into_any()
                }
                Screen::Ended(ended) => {
                    let expired = ended == Outcome::Expired;
                    let heading = move || {
                        if expired { auth().expired_heading } else { auth().invalid_heading }
                    };
                    let body = move || {
                        if expired { auth().expired_body } else { auth().invalid_body }
                    };
                    let test_id = if expired {
                        "invitation-expired"
                    } else {
                        "invitation-invalid"
                    };
                    view! {
                        <div data-testid=test_id>
                            <h1 id=HEADING_ID class="invitation__heading" tabindex="-1">
                                {heading}
                            </h1>
                            <p>{body}</p>
                            <p class="invitation__links">
                                {move || auth().already_have_password} " "
                                <a href="/sign-in">{move || auth().go_to_sign_in}</a>
                            </p>
                            <p class="invitation__links">
                                <a href="/help">{move || common().how_to_get_help}</a>
                            </p>
                        </div>
                    }
                        .into_any()
                }
                Screen::Form(details) => {
                    view! { <InvitationForm token=token.get_untracked() details on_outcome /> }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Which confirmation problem to show; the sentences are translated at render.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ConfirmProblem {
    Missing,
    Mismatch,
}

#[component]
fn InvitationForm(
    token: String,
    details: InvitationDetails,
    on_outcome: Callback<Outcome>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let api = VisitorClient::expect();
    let setup = details.purpose == InvitationPurpose::Setup;

    let (email, set_email) = signal(String::new());
    let (name, set_name) = signal(details.name.clone());
    let (password, set_password) = signal(String::new());
    let (confirm, set_confirm) = signal(String::new());
    let touched_email = RwSignal::new(false);
    let touched_name = RwSignal::new(false);
    let touched_password = RwSignal::new(false);
    let touched_confirm = RwSignal::new(false);
    let submitted = RwSignal::new(false);
    let server_errors = RwSignal::new(Vec::<FieldError>::new());
    let trouble = RwSignal::new(None::<Trouble>);

    let email_ref = NodeRef::<html::Input>::new();
    let name_ref = NodeRef::<html::Input>::new();
    let password_ref = NodeRef::<html::Input>::new();
    let confirm_ref = NodeRef::<html::Input>::new();

    let email_problem = Memo::new(move |_| {
        if setup {
            email.with(|e| validate_email(e, FieldPath::EMAIL).into_iter().next())
        } else {
            None
        }
    });
    let name_problem = Memo::new(move |_| {
        name.with(|n| validate_person_name(n, FieldPath::NAME).into_iter().next())
    });
    let password_problem =
        Memo::new(move |_| password.with(|p| validate_password(p).into_iter().next()));
    let confirm_problem = Memo::new(move |_| {
        let repeated = confirm.get();
        if repeated.is_empty() {
            Some(ConfirmProblem::Missing)
        } else if password.with(|p| *p != repeated) {
            Some(ConfirmProblem::Mismatch)
        } else {
            None
        }
    });

    // A problem the browser found is shown once the field was left or a submit
    // was tried; the server's findings show until that field is edited.
    let shown =
        move |touched: RwSignal<bool>, problem: Memo<Option<FieldError>>, path: FieldPath| {
            let visible = touched.get() || submitted.get();
            problem
                .get()
                .filter(|_| visible)
                .or_else(|| {
                    server_errors.with(|errors| errors.iter().find(|e| e.path == path).cloned())
                })
                .map(|error| message_in(i18n.validation(), &error))
        };
    let email_error = Signal::derive(move || shown(touched_email, email_problem, FieldPath::EMAIL));
    let name_error = Signal::derive(move || shown(touched_name, name_problem, FieldPath::NAME));
    let password_error =
        Signal::derive(move || shown(touched_password, password_problem, FieldPath::PASSWORD));
    let confirm_error = Signal::derive(move || {
        let visible = touched_confirm.get() || submitted.get();
        confirm_problem.get().filter(|_| visible).map(|problem| {
            let auth = i18n.auth();
            match problem {
                ConfirmProblem::Missing => auth.confirm_required.to_owned(),
                ConfirmProblem::Mismatch => auth.passwords_mismatch.to_owned(),
            }
        })
    });

    let forget_server_error = move |path: FieldPath| {
        server_errors.update(|errors| errors.retain(|e| e.path != path));
    };

    let focus_first_invalid = move || {
        let fields = [
            (email_error, email_ref),
            (name_error, name_ref),
            (password_error, password_ref),
            (confirm_error, confirm_ref),
        ];
        if let Some(input) = fields
            .into_iter()
            .find(|(error, _)| error.with_untracked(Option::is_some))
            .and_then(|(_, input)| input.get_untracked())
        {
            let _ = input.focus();
        }
    };

    let busy = RwSignal::new(false);
    let accept = move |request: AcceptRequest| {
        busy.set(true);
        let api = api.clone();
        let token = token.clone();
        leptos::task::spawn_local(async move {
            match api.accept_invitation(token, request).await {
                Ok(()) => on_outcome.run(Outcome::Accepted),
                Err(error) => {
                    if let Some(outcome) = link_outcome(&error) {
                        on_outcome.run(outcome);
                    } else if !error.field_errors().is_empty() {
                        server_errors.try_set(error.field_errors().to_vec());
                        trouble.try_set(None);
                        focus_first_invalid();
                    } else {
                        trouble.try_set(Some(Trouble::of(&error)));
                    }
                }
            }
            busy.try_set(false);
        });
    };
    let has_errors = Memo::new(move |_| {
        email_problem.with(Option::is_some)
            || name_problem.with(Option::is_some)
            || password_problem.with(Option::is_some)
            || confirm_problem.with(Option::is_some)
            || server_errors.with(|errors| !errors.is_empty())
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        submitted.set(true);
        trouble.set(None);
        if has_errors.get_untracked() {
            focus_first_invalid();
            return;
        }
        accept(AcceptRequest {
            name: name.get_untracked().trim().to_owned(),
            email: if setup {
                email.get_untracked().trim().to_owned()
            } else {
                String::new()
            },
            password: password.get_untracked(),
        });
    };

    let auth = move || i18n.auth();
    let common = move || i18n.common();
    let account = details.account_name.clone();
    let invitee = details.email.clone();
    let expires_at = details.expires_at.clone();
    let heading = move || {
        if setup {
            (auth().setup_heading)(&account)
        } else {
            (auth().invitation_heading)(&account)
        }
    };
    let intro = move || {
        if setup {
            auth().setup_intro.to_owned()
        } else {
            (auth().invitation_intro)(&invitee)
        }
    };
    let partner_id = details.partner_id.clone();
    let summary_shown =
        move || trouble.get().is_none() && submitted.get() && has_errors.get() && !busy.get();

    view! {
        <h1 id=HEADING_ID class="invitation__heading" tabindex="-1">
            {heading}
        </h1>
        <p class="invitation__account">{move || (common().partner_id)(&partner_id)}</p>
        <p class="invitation__intro">{intro}</p>
        <p class="invitation__expiry">
            {move || (auth().link_expires)(&local_date(&expires_at, i18n.locale()))}
        </p>
        <div class="invitation__alert-region" role="alert" data-testid="invitation-alert">
            {move || {
                trouble
                    .get()
                    .map(|trouble| trouble.message(i18n.locale()))
                    .or_else(|| summary_shown().then(|| auth().fix_fields))
                    .map(|text| view! { <p class="invitation__alert">{text}</p> })
            }}
        </div>
        <form
            class="invitation__form"
            novalidate
            aria-busy=move || if busy.get() { "true" } else { "false" }
            on:submit=on_submit
        >
            {setup
                .then(|| {
                    view! {
                        <TextField
                            id="invitation-email"
                            label=Signal::derive(move || auth().email_label.to_owned())
                            hint=Signal::derive(move || auth().setup_email_hint.to_owned())
                            input_type="email"
                            autocomplete="email"
                            value=email
                            on_input=Callback::new(move |value| {
                                set_email.set(value);
                                forget_server_error(FieldPath::EMAIL);
                            })
                            on_blur=Callback::new(move |()| touched_email.set(true))
                            error=email_error
                            input_ref=email_ref
                        />
                    }
                })}
            <TextField
                id="invitation-name"
                label=Signal::derive(move || auth().name_label.to_owned())
                hint=Signal::derive(move || auth().name_hint.to_owned())
                input_type="text"
                autocomplete="name"
                value=name
                on_input=Callback::new(move |value| {
                    set_name.set(value);
                    forget_server_error(FieldPath::NAME);
                })
                on_blur=Callback::new(move |()| touched_name.set(true))
                error=name_error
                input_ref=name_ref
            />
            <TextField
                id="invitation-password"
                label=Signal::derive(move || auth().new_password_label.to_owned())
                hint=Signal::derive(move || (auth().password_rules)(PASSWORD_MIN_CHARS))
                input_type="password"
                autocomplete="new-password"
                value=password
                on_input=Callback::new(move |value| {
                    set_password.set(value);
                    forget_server_error(FieldPath::PASSWORD);
                })
                on_blur=Callback::new(move |()| touched_password.set(true))
                error=password_error
                input_ref=password_ref
            />
            <TextField
                id="invitation-confirm"
                label=Signal::derive(move || auth().confirm_password_label.to_owned())
                input_type="password"
                autocomplete="new-password"
                value=confirm
                on_input=Callback::new(move |value| set_confirm.set(value))
                on_blur=Callback::new(move |()| touched_confirm.set(true))
                error=confirm_error
                input_ref=confirm_ref
            />
            <button
                type="submit"
                class="button button--primary invitation__submit"
                data-testid="invitation-submit"
                aria-disabled=move || if busy.get() { "true" } else { "false" }
            >
                {move || {
                    if busy.get() {
                        auth().accepting
                    } else if setup {
                        auth().setup_submit
                    } else {
                        auth().accept_submit
                    }
                }}
            </button>
        </form>
        <p class="invitation__links">
            <a href="/help">{move || common().how_to_get_help}</a>
        </p>
    }
}
