//! What the form shows when someone else saved first: the fields both people
//! changed, each with both versions side by side and a choice between them.
//! Fields only one side changed never appear here: the merge already took
//! them (see `portal_domain::merge`).

use leptos::prelude::*;
use portal_domain::{ContactField, ContactInfo};

use super::controller::{Choice, Controller};
use super::footer::FormButton;
use super::values::{ValueList, field_values};
use crate::i18n::I18n;

/// A save refused because the stored version moved on.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Who saved the version the user collided with, if the server says.
    pub saved_by: Option<String>,
    /// The user's input when the save was refused.
    pub mine: ContactInfo,
    /// The stored version.
    pub theirs: ContactInfo,
    /// Fields both changed differently, in form order, with the choice made so far.
    pub fields: Vec<(ContactField, Option<Choice>)>,
    /// Fields only they changed, already taken into the form.
    pub taken: Vec<ContactField>,
}

impl Conflict {
    /// How many conflicting fields still wait for a decision, given the
    /// input now: a field is decided by choosing a version, or by editing it
    /// into something else than what the user had when the save was refused.
    pub fn undecided(&self, current: &ContactInfo) -> usize {
        self.fields
            .iter()
            .filter(|(field, choice)| choice.is_none() && current.stores_alike(&self.mine, *field))
            .count()
    }
}

#[component]
pub fn ConflictPanel(controller: Controller) -> impl IntoView {
    let i18n = I18n::expect();
    let form = controller.form;
    let heading_id = form.dom_id("conflict-heading");
    let labelled_by = heading_id.clone();
    let conflict = controller.conflict;
    let saved_by = move || conflict.with(|c| c.as_ref().and_then(|c| c.saved_by.clone()));
    let taken = move || conflict.with(|c| c.as_ref().map(|c| c.taken.clone()).unwrap_or_default());
    let fields = move || {
        conflict.with(|c| {
            c.as_ref()
                .map(|c| c.fields.iter().map(|(f, _)| *f).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let undecided = move || {
        conflict.with(|c| {
            c.as_ref()
                .map_or(0, |c| form.info.with(|info| c.undecided(info)))
        })
    };
    let show_undecided = controller.show_undecided;

    view! {
        <div
            class="contact-form__notice contact-form__notice--warning contact-form__conflict"
            id=form.dom_id("conflict")
            tabindex="-1"
            role="group"
            aria-labelledby=labelled_by
            data-testid="conflict"
        >
            <h2 id=heading_id class="contact-form__notice-title">
                {move || i18n.t().form.conflict_heading}
            </h2>
            {move || {
                saved_by()
                    .map(|name| view! { <p>{move || (i18n.t().form.conflict_saved_by)(&name)}</p> })
            }}
            <Show when=move || !fields().is_empty()>
                <p>{move || i18n.t().form.conflict_body}</p>
            </Show>
            <For each=fields key=|field| *field let:field>
                <ConflictField controller field />
            </For>
            <Show when=move || !taken().is_empty()>
                <p>{move || i18n.t().form.conflict_taken}</p>
                <ul data-testid="conflict-taken">
                    {move || {
                        taken()
                            .into_iter()
                            .map(|field| view! { <li>{move || i18n.t().form.field_label(field)}</li> })
                            .collect_view()
                    }}
                </ul>
            </Show>
            <Show when=move || { show_undecided.get() && undecided() > 0 }>
                <p
                    class="field__message field__message--error"
                    role="alert"
                    data-testid="conflict-undecided"
                >
                    <span class="field__icon" aria-hidden="true"></span>
                    {move || (i18n.t().form.conflict_undecided)(undecided())}
                </p>
            </Show>
            <div class="contact-form__actions">
                <FormButton
                    label=Signal::derive(move || i18n.t().form.load_theirs)
                    on_click=Callback::new(move |()| controller.load_theirs())
                />
            </div>
        </div>
    }
}

/// One field both changed: their value, mine, and the choice.
#[component]
fn ConflictField(controller: Controller, field: ContactField) -> impl IntoView {
    let i18n = I18n::expect();
    let form = controller.form;
    let conflict = controller.conflict;
    let name = form.dom_id(&format!("conflict-{}", field.path_prefix()));
    let values = move |theirs: bool| {
        conflict.with(|c| {
            c.as_ref()
                .map(|c| {
                    let info = if theirs { &c.theirs } else { &c.mine };
                    form.users
                        .with_value(|users| field_values(i18n, info, users, field))
                })
                .unwrap_or_default()
        })
    };
    let chosen = move || {
        conflict.with(|c| {
            c.as_ref().and_then(|c| {
                c.fields
                    .iter()
                    .find(|(f, _)| *f == field)
                    .and_then(|(_, c)| *c)
            })
        })
    };
    let column = move |theirs: bool| {
        let heading = move || {
            if theirs {
                i18n.t().form.conflict_theirs
            } else {
                i18n.t().form.conflict_mine
            }
        };
        let choice = if theirs { Choice::Theirs } else { Choice::Mine };
        let id = format!("{name}-{}", if theirs { "theirs" } else { "mine" });
        let test_id = format!(
            "conflict-{}-{}",
            field.path_prefix(),
            if theirs { "theirs" } else { "mine" }
        );
        view! {
            <div class="contact-form__conflict-version" data-testid=test_id>
                <p class="contact-form__conflict-version-title">{heading}</p>
                <ValueList lines=Signal::derive(move || values(theirs)) />
                <div class="contact-form__check">
                    <input
                        type="radio"
                        class="contact-form__checkbox"
                        id=id.clone()
                        name=name.clone()
                        prop:checked=move || chosen() == Some(choice)
                        on:change=move |_| controller.choose(field, choice)
                    />
                    <label for=id class="contact-form__choice-label">
                        {move || {
                            if theirs { i18n.t().form.use_theirs } else { i18n.t().form.keep_mine }
                        }}
                    </label>
                </div>
            </div>
        }
    };
    view! {
        <fieldset class="contact-form__conflict-field">
            <legend class="contact-form__legend">
                {move || i18n.t().form.field_label(field)}
            </legend>
            <div class="contact-form__conflict-versions">{column(true)} {column(false)}</div>
        </fieldset>
    }
}
