//! The contact information form (PRODUCT §5), used both in the onboarding
//! modal and under Settings, so it has no layout of its own beyond its fields
//! and a footer the modal can make sticky.
//!
//! The domain crate's rules are the only judge of the input: the form computes
//! their report as the user types and shows each message where it belongs, and
//! the server's answers to a save are shown the same way.

mod alert_contacts;
mod draft;
mod entries;
mod messages;
mod read_only;
mod state;
mod support_hours;
mod values;

use leptos::portal::Portal;
use leptos::prelude::*;
use portal_domain::{
    ContactField, ContactInfo, ContactInfoResponse, FieldError, User, normalize_contact_info,
};

use self::alert_contacts::AlertContacts;
use self::draft::Draft;
use self::entries::{EntryList, SharedEntry};
use self::messages::Target;
use self::read_only::ReadOnlyContactInfo;
use self::state::{Form, editable_copy, focus_soon, list, same_content, to_send};
use self::support_hours::{SupportHours, browser_time_zone};
use crate::api::{Api, ApiError};
use crate::i18n::I18n;
use crate::i18n::validation::message;
use crate::state::Session;

/// What the last save or conflict resolution came to, for the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Saved,
    KeptMine,
    SessionExpired,
    Network,
    Unexpected,
}

/// The user's answer to a version conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resolution {
    LoadTheirs,
    KeepMine,
}

#[component]
pub fn ContactForm(
    /// The server's current contact information (pre-fill, version for If-Match, merchant_contact_required).
    data: ContactInfoResponse,
    /// The account's users (alert contacts are picked from the ACTIVE ones).
    users: Vec<User>,
    /// Called with the server's answer after a successful save.
    on_saved: Callback<ContactInfoResponse>,
    /// Whether this user may edit (Administrator/Editor); false renders the values read-only.
    #[prop(default = true)]
    editable: bool,
) -> impl IntoView {
    if !editable {
        return view! { <ReadOnlyContactInfo data users /> }.into_any();
    }
    let i18n = I18n::expect();
    let api = Api::expect();
    let session = Session::expect();

    let zone = browser_time_zone();
    let browser_zone = StoredValue::new(zone.clone());
    let draft_key =
        untrack(|| session.with(|info| info.map(|s| draft::key(&s.account.partner_id, s.user.id))));
    let merchant = data.merchant_contact_required;
    let server_copy = editable_copy(&data.contact_info, merchant, &zone);
    let restored = draft_key
        .as_deref()
        .and_then(draft::load)
        .map(|d| Draft {
            info: editable_copy(&d.info, merchant, &zone),
            ..d
        })
        .filter(|d| !same_content(&d.info, &server_copy));
    let (initial, initial_version) = match &restored {
        Some(d) => (d.info.clone(), d.version),
        None => (server_copy.clone(), data.version),
    };

    let form = Form::new(initial, merchant, users);
    // The server's data as last seen, to tell a draft from untouched input.
    let baseline = RwSignal::new(server_copy);
    let baseline_version = RwSignal::new(data.version);
    // What the next save sends in If-Match: a restored draft keeps the version
    // it was based on, so an intervening save by someone else is a conflict.
    let version = RwSignal::new(initial_version);
    let draft_notice = RwSignal::new(restored.is_some());
    let outcome = RwSignal::new(None::<Outcome>);
    let conflict_open = RwSignal::new(false);
    let conflict_failed = RwSignal::new(false);
    let theirs = RwSignal::new(None::<ContactInfoResponse>);

    let form_id = form.dom_id("form");
    let summary_id = form.dom_id("summary");
    let summary_heading_id = form.dom_id("summary-heading");
    let conflict_id = form.dom_id("conflict");
    let conflict_heading_id = form.dom_id("conflict-heading");
    let retry_id = form.dom_id("retry");
    let save_id = form.dom_id("save");
    let section_ids = [
        form.dom_id("section-technical"),
        form.dom_id("section-operational"),
        form.dom_id("section-support-hours"),
    ];

    if let Some(key) = draft_key.clone() {
        // Only talks to localStorage: the draft follows the input.
        Effect::new(move |_| {
            let info = form.info.get();
            if baseline.with(|b| same_content(&info, b)) {
                draft::clear(&key);
            } else {
                draft::store(
                    &key,
                    &Draft {
                        version: version.get(),
                        info,
                    },
                );
            }
        });
    }

    let save = Action::new_local({
        let api = api.clone();
        let zone = zone.clone();
        let draft_key = draft_key.clone();
        let save_id = save_id.clone();
        let retry_id = retry_id.clone();
        let summary_id = summary_id.clone();
        let conflict_id = conflict_id.clone();
        move |(sent, at_version): &(ContactInfo, i64)| {
            let api = api.clone();
            let zone = zone.clone();
            let draft_key = draft_key.clone();
            let save_id = save_id.clone();
            let retry_id = retry_id.clone();
            let summary_id = summary_id.clone();
            let conflict_id = conflict_id.clone();
            let sent = sent.clone();
            let at_version = *at_version;
            async move {
                match api.save_contact_info(sent.clone(), at_version).await {
                    Ok(saved) => {
                        let merchant = saved.merchant_contact_required;
                        let copy = editable_copy(&saved.contact_info, merchant, &zone);
                        // Input typed while the save was under way stays (as a draft).
                        let unchanged = form
                            .info
                            .try_with_untracked(|info| {
                                normalize_contact_info(&to_send(info, merchant)) == sent
                            })
                            .unwrap_or(true);
                        baseline.set(copy.clone());
                        baseline_version.set(saved.version);
                        version.set(saved.version);
                        if unchanged {
                            form.reset(copy, merchant);
                        }
                        if let Some(key) = draft_key.as_deref().filter(|_| unchanged) {
                            draft::clear(key);
                        }
                        draft_notice.set(false);
                        outcome.set(Some(Outcome::Saved));
                        // The button was disabled while saving, which took focus away.
                        focus_soon(save_id);
                        on_saved.try_run(saved);
                    }
                    Err(error) => {
                        let error = session.check(error);
                        if error.is_unauthorized() {
                            outcome.set(Some(Outcome::SessionExpired));
                            focus_soon(save_id);
                        } else if error.is_conflict() {
                            conflict_open.set(true);
                            conflict_failed.set(false);
                            theirs.set(None);
                            focus_soon(conflict_id);
                            match api.contact_info().await {
                                Ok(answer) => theirs.set(Some(answer)),
                                Err(error) => {
                                    session.check(error);
                                }
                            }
                        } else if !error.field_errors().is_empty() {
                            form.server_errors.set(error.field_errors().to_vec());
                            form.submitted.set(true);
                            focus_soon(summary_id);
                        } else {
                            leptos::logging::warn!("saving contact information failed: {error:?}");
                            outcome.set(Some(match error {
                                ApiError::Network(_) => Outcome::Network,
                                _ => Outcome::Unexpected,
                            }));
                            focus_soon(retry_id);
                        }
                    }
                }
            }
        }
    });
    let saving = save.pending();

    let resolve = Action::new_local({
        let save_id = save_id.clone();
        move |choice: &Resolution| {
            let api = api.clone();
            let zone = zone.clone();
            let save_id = save_id.clone();
            let choice = *choice;
            async move {
                match api.contact_info().await {
                    Ok(answer) => {
                        let merchant = answer.merchant_contact_required;
                        let copy = editable_copy(&answer.contact_info, merchant, &zone);
                        baseline.set(copy.clone());
                        baseline_version.set(answer.version);
                        version.set(answer.version);
                        conflict_open.set(false);
                        theirs.set(None);
                        draft_notice.set(false);
                        match choice {
                            Resolution::LoadTheirs => {
                                form.reset(copy, merchant);
                                outcome.set(None);
                            }
                            Resolution::KeepMine => {
                                form.merchant_required.set(merchant);
                                outcome.set(Some(Outcome::KeptMine));
                            }
                        }
                        focus_soon(save_id);
                    }
                    Err(error) => {
                        let error = session.check(error);
                        if error.is_unauthorized() {
                            outcome.set(Some(Outcome::SessionExpired));
                        } else {
                            conflict_failed.set(true);
                        }
                    }
                }
            }
        }
    });
    let resolving = resolve.pending();

    let submit = {
        let summary_id = summary_id.clone();
        let conflict_id = conflict_id.clone();
        move || {
            if saving.get_untracked() || resolving.get_untracked() {
                return;
            }
            if conflict_open.get_untracked() {
                focus_soon(conflict_id.clone());
                return;
            }
            form.submitted.set(true);
            outcome.set(None);
            if !form.report.with_untracked(|r| r.is_valid()) {
                focus_soon(summary_id.clone());
                return;
            }
            form.server_errors.set(Vec::new());
            let merchant = form.merchant_required.get_untracked();
            let info = form
                .info
                .with_untracked(|info| normalize_contact_info(&to_send(info, merchant)));
            save.dispatch((info, version.get_untracked()));
        }
    };

    let discard_draft = {
        let form_id = form_id.clone();
        let draft_key = draft_key.clone();
        move |_| {
            form.reset(
                baseline.get_untracked(),
                form.merchant_required.get_untracked(),
            );
            version.set(baseline_version.get_untracked());
            if let Some(key) = &draft_key {
                draft::clear(key);
            }
            draft_notice.set(false);
            focus_soon(form_id.clone());
        }
    };

    // Every error due after a submit attempt: the rules' findings, then the
    // server's findings the rules did not make.
    let summary = Memo::new(move |_| {
        if !form.submitted.get() {
            return Vec::new();
        }
        let mut errors: Vec<FieldError> = form.report.with(|r| r.errors.clone());
        form.server_errors.with(|server| {
            for error in server {
                if !errors.iter().any(|e| e.path == error.path) {
                    errors.push(error.clone());
                }
            }
        });
        errors
    });

    let summary_item = move |error: FieldError| {
        let text = {
            let error = error.clone();
            move || {
                let place = Target::parse(error.path).map(|target| target.describe(i18n));
                let what = message(i18n.t(), &error);
                match place {
                    Some(place) => format!("{place}: {what}"),
                    None => what,
                }
            }
        };
        match Target::parse(error.path) {
            Some(target) => view! {
                <li>
                    <a
                        href=move || format!("#{}", target.focus_id(form, session))
                        on:click=move |ev| {
                            ev.prevent_default();
                            focus_soon(target.focus_id(form, session));
                        }
                    >
                        {text}
                    </a>
                </li>
            }
            .into_any(),
            None => view! { <li>{text}</li> }.into_any(),
        }
    };

    let changed_fields = Memo::new(move |_| {
        theirs.with(|theirs| {
            let Some(theirs) = theirs else {
                return Vec::new();
            };
            let theirs_copy = editable_copy(
                &theirs.contact_info,
                theirs.merchant_contact_required,
                &browser_zone.get_value(),
            );
            form.info.with(|mine| differing_fields(mine, &theirs_copy))
        })
    });

    let status_text = move || match outcome.get() {
        Some(Outcome::Saved) => Some(i18n.t().form.saved),
        Some(Outcome::KeptMine) => Some(i18n.t().form.kept_mine),
        _ => None,
    };
    let problem_text = move || match outcome.get() {
        Some(Outcome::SessionExpired) => Some(i18n.t().form.session_expired),
        Some(Outcome::Network) => Some(i18n.t().common.server_unreachable),
        Some(Outcome::Unexpected) => Some(i18n.t().common.unexpected_error),
        _ => None,
    };
    let can_retry = move || {
        matches!(
            outcome.get(),
            Some(Outcome::Network) | Some(Outcome::Unexpected)
        )
    };

    let [technical_id, operational_id, hours_id] = section_ids;
    let (technical_ref, operational_ref, hours_ref) = (
        technical_id.clone(),
        operational_id.clone(),
        hours_id.clone(),
    );
    let retry = submit.clone();
    // In the onboarding modal the Save footer lives outside the scrolling
    // part (see `FormActionsSlot`), so it never covers a field.
    let actions_slot = use_context::<FormActionsSlot>()
        .and_then(|slot| slot.0.get_untracked())
        .map(|slot| -> web_sys::Element { slot.into() });
    let footer = {
        let form_id = form_id.clone();
        let save_id = save_id.clone();
        let retry_id = retry_id.clone();
        move || {
            let retry = retry.clone();
            let (form_id, save_id, retry_id) = (form_id.clone(), save_id.clone(), retry_id.clone());
            view! {
            <div class="contact-form__footer" data-testid="contact-form-footer">
                <div class="contact-form__status" role="status" data-testid="form-status">
                    {status_text}
                </div>
                <div
                    class="contact-form__problem"
                    role="alert"
                    data-testid="form-problem"
                >
                    {move || {
                        problem_text()
                            .map(|text| {
                                view! {
                                    <p class="contact-form__message contact-form__message--error">
                                        <span class="contact-form__icon" aria-hidden="true"></span>
                                        {text}
                                    </p>
                                }
                            })
                    }}
                    <Show when=can_retry>
                        <button
                            type="button"
                            id=retry_id.clone()
                            class="button contact-form__button"
                            on:click={
                                let retry = retry.clone();
                                move |_| retry()
                            }
                        >
                            {move || i18n.t().common.retry}
                        </button>
                    </Show>
                </div>
                <button
                    type="submit"
                    form=form_id
                    id=save_id
                    class="button button--primary contact-form__save"
                    disabled=move || saving.get()
                    data-testid="save-contact-info"
                >
                    {move || {
                        if saving.get() { i18n.t().form.saving } else { i18n.t().form.save }
                    }}
                </button>
            </div>
            }
        }
    };
    view! {
        <form
            class="contact-form"
            id=form_id
            tabindex="-1"
            novalidate
            aria-label=move || i18n.t().form.heading
            data-testid="contact-form"
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
        >
            <Show when=move || summary.with(|s| !s.is_empty())>
                <div
                    class="contact-form__summary"
                    id=summary_id.clone()
                    tabindex="-1"
                    role="group"
                    aria-labelledby=summary_heading_id.clone()
                    data-testid="error-summary"
                >
                    <h2 id=summary_heading_id.clone() class="contact-form__summary-title">
                        <span class="contact-form__icon" aria-hidden="true"></span>
                        {move || (i18n.t().form.summary_heading)(summary.with(Vec::len))}
                    </h2>
                    <p>{move || i18n.t().form.summary_intro}</p>
                    <ul class="contact-form__summary-list">
                        <For
                            each=move || summary.get()
                            key=|error| (error.path, error.code)
                            children=summary_item
                        />
                    </ul>
                </div>
            </Show>
            <Show when=move || conflict_open.get()>
                <div
                    class="contact-form__notice contact-form__notice--warning contact-form__conflict"
                    id=conflict_id.clone()
                    tabindex="-1"
                    role="group"
                    aria-labelledby=conflict_heading_id.clone()
                    data-testid="conflict"
                >
                    <h2 id=conflict_heading_id.clone() class="contact-form__notice-title">
                        {move || i18n.t().form.conflict_heading}
                    </h2>
                    <p>{move || i18n.t().form.conflict_body}</p>
                    {move || {
                        theirs
                            .with(|t| t.as_ref().and_then(|t| t.updated_by.clone()))
                            .map(|name| {
                                view! { <p>{move || (i18n.t().form.conflict_saved_by)(&name)}</p> }
                            })
                    }}
                    <Show when=move || changed_fields.with(|f| !f.is_empty())>
                        <p>{move || i18n.t().form.conflict_changed}</p>
                        <ul data-testid="conflict-fields">
                            {move || {
                                changed_fields
                                    .get()
                                    .into_iter()
                                    .map(|field| {
                                        view! { <li>{move || i18n.t().form.field_label(field)}</li> }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </Show>
                    <Show when=move || conflict_failed.get()>
                        <p class="contact-form__message contact-form__message--error" role="alert">
                            <span class="contact-form__icon" aria-hidden="true"></span>
                            {move || i18n.t().common.server_unreachable}
                        </p>
                    </Show>
                    <div class="contact-form__actions">
                        <button
                            type="button"
                            class="button contact-form__button"
                            disabled=move || resolving.get()
                            on:click=move |_| {
                                resolve.dispatch(Resolution::LoadTheirs);
                            }
                        >
                            {move || i18n.t().form.load_theirs}
                        </button>
                        <button
                            type="button"
                            class="button button--primary contact-form__button"
                            disabled=move || resolving.get()
                            on:click=move |_| {
                                resolve.dispatch(Resolution::KeepMine);
                            }
                        >
                            {move || i18n.t().form.keep_mine}
                        </button>
                    </div>
                </div>
            </Show>
            <Show when=move || draft_notice.get()>
                <div
                    class="contact-form__notice contact-form__notice--info"
                    data-testid="draft-notice"
                >
                    <p>{move || i18n.t().form.draft_restored}</p>
                    <button
                        type="button"
                        class="button contact-form__button"
                        on:click=discard_draft.clone()
                    >
                        {move || i18n.t().form.discard_draft}
                    </button>
                </div>
            </Show>
            <p class="contact-form__required-note">{move || i18n.t().form.required_note}</p>
            <section class="contact-form__section" aria-labelledby=technical_ref>
                <h2 id=technical_id class="contact-form__section-title">
                    {move || i18n.t().form.section_technical}
                </h2>
                <AlertContacts form />
                <EntryList form field=ContactField::TechnicalEmergency />
                <EntryList form field=ContactField::TechnicalNonEmergency />
            </section>
            <section class="contact-form__section" aria-labelledby=operational_ref>
                <h2 id=operational_id class="contact-form__section-title">
                    {move || i18n.t().form.section_operational}
                </h2>
                <Show when=move || form.merchant_required.get()>
                    <EntryList form field=ContactField::MerchantOperational />
                </Show>
                <EntryList form field=ContactField::OperationalGoogle />
                <SharedEntry form />
            </section>
            <section class="contact-form__section" aria-labelledby=hours_ref>
                <h2 id=hours_id class="contact-form__section-title">
                    {move || i18n.t().form.section_support_hours}
                </h2>
                <SupportHours form browser_zone />
            </section>
            {match actions_slot {
                Some(slot) => view! { <Portal mount=slot>{footer()}</Portal> }.into_any(),
                None => footer().into_any(),
            }}
        </form>
    }
    .into_any()
}

/// Where a container wants the form's Save footer rendered instead of at the
/// end of the form: the onboarding modal keeps it in a fixed bar below its
/// scrolling content. The submit button names the form, so it still submits it.
#[derive(Clone, Copy)]
pub struct FormActionsSlot(pub NodeRef<leptos::html::Div>);

/// The fields whose stored values would differ, in form order.
fn differing_fields(mine: &ContactInfo, theirs: &ContactInfo) -> Vec<ContactField> {
    let (mine, theirs) = (normalize_contact_info(mine), normalize_contact_info(theirs));
    ContactField::ALL
        .into_iter()
        .filter(|field| match field {
            ContactField::AlertContacts => {
                let mut a = mine.alert_contacts.clone();
                let mut b = theirs.alert_contacts.clone();
                a.sort_unstable();
                b.sort_unstable();
                a != b
            }
            ContactField::SharedWithUsers => mine.shared_with_users != theirs.shared_with_users,
            ContactField::SupportHours => mine.support_hours != theirs.support_hours,
            list_field => list(&mine, *list_field) != list(&theirs, *list_field),
        })
        .collect()
}
