//! Contact entries: an address (required), a name and a phone number, alone or
//! in a list of up to ten.

use leptos::prelude::*;
use portal_domain::validate::CONTACT_LIST_MAX_ENTRIES;
use portal_domain::{ContactField, FieldPath};

use super::messages::FieldMessage;
use super::state::{Form, Part, Slot, focus_soon, part_label};
use crate::components::TextField;
use crate::components::address_state::AddressBadge;
use crate::i18n::I18n;
use crate::i18n::validation::message;
use crate::state::AccountData;

/// One labelled input of an entry, with its messages, from the form-field kit.
#[component]
fn EntryInput(
    form: Form,
    entry: Slot,
    part: Part,
    /// Ids of text read with the input: on the address, the field's purpose
    /// and the address's state.
    described_by: Vec<String>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let slot = entry;
    let path = slot.part_path(part);
    // The entry's number, for lists; the shared entry is the only one.
    let suffix = Signal::derive(move || match slot {
        Slot::List(_, i) => (i18n.t().form.entry_suffix)(i + 1),
        Slot::Shared => String::new(),
    });
    let (kind, autocomplete) = match part {
        Part::Email => ("email", "email"),
        Part::Name => ("text", "name"),
        Part::Phone => ("tel", "tel"),
    };
    let class = match part {
        Part::Email => "contact-form__control--email",
        Part::Name => "contact-form__control--name",
        Part::Phone => "contact-form__control--phone",
    };
    view! {
        <TextField
            id=form.path_id(path)
            test_id=path.to_string()
            label=Signal::derive(move || part_label(part, &i18n.t().form).to_owned())
            label_suffix=suffix
            also_described_by=Signal::stored(described_by)
            input_type=kind
            autocomplete=autocomplete
            no_spellcheck=part != Part::Name
            value=Signal::derive(move || form.entry_value(slot, part))
            on_input=Callback::new(move |value| form.set_entry_value(slot, part, value))
            on_blur=Callback::new(move |()| form.touch(path))
            error=Signal::derive(move || {
                form.shown_error(path).map(|e| message(i18n.t(), &e))
            })
            warning=Signal::derive(move || {
                form.shown_warning(path).map(|w| message(i18n.t(), &w))
            })
            class=class
        />
    }
}

/// The three inputs of one entry, and the state of its address once saved.
#[component]
fn EntryInputs(form: Form, entry: Slot, purpose_id: String) -> impl IntoView {
    let state_id = form.path_id_with(entry.path(), "address-state");
    // Addresses have states only in the signed-in portal.
    let mut described_by = vec![purpose_id];
    if use_context::<AccountData>().is_some() {
        described_by.push(state_id.clone());
    }
    view! {
        <EntryInput form entry part=Part::Email described_by />
        <EntryInput form entry part=Part::Name described_by=Vec::new() />
        <EntryInput form entry part=Part::Phone described_by=Vec::new() />
        <AddressBadge email=Signal::derive(move || form.entry_value(entry, Part::Email)) id=state_id />
    }
}

/// A list field: one to ten entries, added and removed by the user.
#[component]
pub fn EntryList(form: Form, field: ContactField) -> impl IntoView {
    let i18n = I18n::expect();
    let whole = FieldPath::contact(field);
    let prefix = field.path_prefix();
    let purpose_id = form.purpose_id(field);
    let limit_id = form.path_id_with(whole, "limit");
    let add_id = form.path_id_with(whole, "add");
    let len = Memo::new(move |_| form.list_len(field));
    let full = move || len.get() >= CONTACT_LIST_MAX_ENTRIES;

    let described_by = move || form.field_described_by(field);

    let entry = {
        let purpose_id = purpose_id.clone();
        move |index: usize| {
            let slot = Slot::List(field, index);
            let title_id = form.path_id_with(slot.path(), "title");
            let labelled_by = title_id.clone();
            let remove = move |_| {
                form.remove_entry(field, index);
                let next = index.min(len.get_untracked().saturating_sub(1));
                focus_soon(form.path_id(Slot::List(field, next).part_path(Part::Email)));
            };
            view! {
                <div
                    class="contact-form__entry"
                    role="group"
                    aria-labelledby=labelled_by
                    data-testid=slot.path().to_string()
                >
                    <p class="contact-form__entry-title" id=title_id>
                        {move || (i18n.t().form.contact_n)(index + 1)}
                    </p>
                    <div class="contact-form__entry-inputs">
                        <EntryInputs form entry=slot purpose_id=purpose_id.clone() />
                    </div>
                    <Show when=move || { len.get() > 1 }>
                        <button
                            type="button"
                            class="button contact-form__button contact-form__remove"
                            on:click=remove
                        >
                            {move || (i18n.t().form.remove_contact)(index + 1)}
                        </button>
                    </Show>
                </div>
            }
        }
    };

    let add = move |_| {
        if len.get_untracked() < CONTACT_LIST_MAX_ENTRIES {
            let index = len.get_untracked();
            form.add_entry(field);
            focus_soon(form.path_id(Slot::List(field, index).part_path(Part::Email)));
        }
    };

    view! {
        <fieldset
            class="contact-form__field"
            aria-describedby=described_by
            data-testid=format!("field-{prefix}")
        >
            <legend class="contact-form__legend">
                {move || i18n.t().form.field_label(field)}
            </legend>
            <p id=purpose_id class="contact-form__purpose">
                {move || i18n.t().form.field_purpose(field)}
            </p>
            <FieldMessage form path=whole />
            <For each=move || 0..len.get() key=|index| *index children=entry />
            <div class="contact-form__list-actions">
                <button
                    type="button"
                    id=add_id
                    class="button contact-form__button"
                    disabled=full
                    aria-describedby=move || full().then(|| limit_id.clone())
                    on:click=add
                >
                    {move || i18n.t().form.add_contact}
                </button>
                <Show when=full>
                    <p id=form.path_id_with(whole, "limit") class="contact-form__hint">
                        {move || (i18n.t().form.contacts_limit)(CONTACT_LIST_MAX_ENTRIES)}
                    </p>
                </Show>
            </div>
        </fieldset>
    }
}

/// The single entry given to users.
#[component]
pub fn SharedEntry(form: Form) -> impl IntoView {
    let i18n = I18n::expect();
    let field = ContactField::SharedWithUsers;
    let purpose_id = form.purpose_id(field);
    view! {
        <fieldset class="contact-form__field" data-testid="field-shared_with_users">
            <legend class="contact-form__legend">
                {move || i18n.t().form.field_label(field)}
            </legend>
            <p id=purpose_id.clone() class="contact-form__purpose">
                {move || i18n.t().form.field_purpose(field)}
            </p>
            <div class="contact-form__entry-inputs">
                <EntryInputs form entry=Slot::Shared purpose_id />
            </div>
        </fieldset>
    }
}
