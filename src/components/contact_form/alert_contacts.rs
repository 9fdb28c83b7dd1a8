//! Alert contacts: picked from the account's active users, and only in
//! Production, because alerts are about the production environment.

use leptos::prelude::*;
use portal_domain::{ContactField, Environment, FieldPath};

use super::messages::FieldMessage;
use super::state::Form;
use crate::i18n::I18n;
use crate::state::Session;

/// One checkbox of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertOption {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    /// Chosen earlier but no longer an active user: listed so it can be unticked.
    pub inactive: bool,
}

impl AlertOption {
    pub fn dom_id(&self, form: Form) -> String {
        form.dom_id(&format!("alert_contacts-user-{}", self.user_id))
    }
}

/// The account's active users, then any chosen id that is not one of them.
pub fn alert_options(form: Form) -> Vec<AlertOption> {
    let mut options: Vec<AlertOption> = form.users.with_value(|users| {
        users
            .iter()
            .filter(|u| u.is_active())
            .map(|u| AlertOption {
                user_id: u.id,
                name: u.name.clone(),
                email: u.email.clone(),
                inactive: false,
            })
            .collect()
    });
    let chosen = form.info.with(|info| info.alert_contacts.clone());
    for id in chosen {
        if options.iter().any(|o| o.user_id == id) {
            continue;
        }
        let known = form
            .users
            .with_value(|users| users.iter().find(|u| u.id == id).cloned());
        options.push(AlertOption {
            user_id: id,
            name: known
                .as_ref()
                .map_or_else(|| id.to_string(), |u| u.name.clone()),
            email: known.map(|u| u.email).unwrap_or_default(),
            inactive: true,
        });
    }
    options
}

#[component]
pub fn AlertContacts(form: Form) -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let field = ContactField::AlertContacts;
    let whole = FieldPath::contact(field);
    let sandbox = Memo::new(move |_| session.environment() == Environment::Sandbox);
    let legend_id = form.dom_id("alert_contacts-legend");
    let purpose_id = form.purpose_id(field);
    let sandbox_id = form.dom_id("alert_contacts-sandbox");
    let switch_id = form.dom_id("alert_contacts-switch");
    let options = Memo::new(move |_| alert_options(form));

    let described_by = {
        let purpose_id = purpose_id.clone();
        let sandbox_id = sandbox_id.clone();
        move || {
            let mut ids = vec![purpose_id.clone()];
            if sandbox.get() {
                ids.push(sandbox_id.clone());
            }
            ids.extend(form.message_ids(whole));
            ids.join(" ")
        }
    };

    let choice = move |option: AlertOption| {
        let id = option.dom_id(form);
        let user_id = option.user_id;
        let index = Signal::derive(move || {
            form.info.with(|info| {
                info.alert_contacts
                    .iter()
                    .position(|&chosen| chosen == user_id)
            })
        });
        // Only a chosen user has a path, and so messages.
        let path = Signal::derive(move || index.get().map(|i| whole.item(i)));
        let (name, inactive) = (option.name.clone(), option.inactive);
        let label = move || {
            if inactive {
                (i18n.t().form.inactive_user)(&name)
            } else {
                name.clone()
            }
        };
        view! {
            <li class="contact-form__choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    class="contact-form__checkbox"
                    data-testid=format!("alert-contact-{user_id}")
                    prop:checked=move || index.get().is_some()
                    aria-invalid=move || {
                        path.get().and_then(|p| form.shown_error(p)).map(|_| "true")
                    }
                    aria-describedby=move || {
                        path.get().map(|p| form.message_ids(p).join(" ")).unwrap_or_default()
                    }
                    on:change:target=move |ev| {
                        let checked = ev.target().checked();
                        let change = |info: &mut portal_domain::ContactInfo| {
                            info.alert_contacts.retain(|&chosen| chosen != user_id);
                            if checked {
                                info.alert_contacts.push(user_id);
                            }
                        };
                        match path.get_untracked() {
                            Some(at) => form.edit(at, change),
                            None => form.info.update(change),
                        }
                    }
                />
                <label for=id class="contact-form__choice-label">
                    <span class="contact-form__choice-name">{label}</span>
                    {(!option.email.is_empty())
                        .then(|| {
                            view! {
                                <span class="contact-form__choice-detail">
                                    {option.email.clone()}
                                </span>
                            }
                        })}
                </label>
                {move || path.get().map(|path| view! { <FieldMessage form path /> })}
            </li>
        }
    };

    view! {
        <fieldset
            class="contact-form__field"
            id=form.path_id(whole)
            aria-describedby=described_by
            data-testid="field-alert_contacts"
            on:focusout=move |_| form.touch(whole)
        >
            <legend id=legend_id class="contact-form__legend">
                {move || i18n.t().form.labels.alert_contacts}
            </legend>
            <p id=purpose_id class="contact-form__purpose">
                {move || i18n.t().form.alert_contacts_purpose}
            </p>
            <Show when=move || sandbox.get()>
                <div
                    class="contact-form__notice contact-form__notice--info"
                    data-testid="alert-contacts-sandbox"
                >
                    <p id=sandbox_id.clone()>{move || i18n.t().form.alert_contacts_sandbox}</p>
                    <button
                        type="button"
                        id=switch_id.clone()
                        class="button contact-form__button"
                        on:click=move |_| session.set_environment(Environment::Production)
                    >
                        {move || i18n.t().form.switch_to_production}
                    </button>
                </div>
            </Show>
            <FieldMessage form path=whole />
            // On Sandbox the choice waits for the switch above: the users
            // already chosen are listed, and nothing is shown disabled.
            <Show
                when=move || !sandbox.get()
                fallback=move || {
                    let chosen: Vec<String> = options
                        .get()
                        .into_iter()
                        .filter(|o| form.info.with(|info| info.alert_contacts.contains(&o.user_id)))
                        .map(|o| o.name)
                        .collect();
                    (!chosen.is_empty())
                        .then(|| {
                            view! {
                                <p class="contact-form__purpose" data-testid="alert-contacts-chosen">
                                    {move || i18n.t().shell.alert_contacts_chosen}
                                    " "
                                    {chosen.join(", ")}
                                </p>
                            }
                        })
                }
            >
                <Show
                    when=move || options.with(|o| !o.is_empty())
                    fallback=move || {
                        view! {
                            <p class="contact-form__purpose">
                                {move || i18n.t().form.alert_contacts_none}
                            </p>
                        }
                    }
                >
                    <ul class="contact-form__choices">
                        <For
                            each=move || options.get()
                            key=|option| (option.user_id, option.inactive)
                            children=choice
                        />
                    </ul>
                </Show>
            </Show>
        </fieldset>
    }
}
