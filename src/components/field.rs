//! The one form-field kit: a label, an optional hint, the input, and below it
//! its error (red, with an icon and a spoken "Error:") or else its advice
//! (amber), all tied to the input with `aria-invalid` and `aria-describedby`.
//! Every form of the portal builds its text inputs from it, so every reader
//! hears the same thing in every form.
//!
//! The caller decides when a message is due (after the field was left, or
//! after a submit attempt); the kit only renders it.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::I18n;

/// Joins the ids of what describes a control, leaving out what is absent;
/// `None` when nothing does, so the attribute is not rendered empty.
pub fn described_by<I, S>(ids: I) -> Option<String>
where
    I: IntoIterator<Item = Option<S>>,
    S: AsRef<str>,
{
    let ids: Vec<String> = ids
        .into_iter()
        .flatten()
        .map(|id| id.as_ref().to_owned())
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A control's error or, when it has none, its advice. Element ids are
/// `{id}-error` / `{id}-warning`, test ids `error:{test_id}` / `warning:{test_id}`.
#[component]
pub fn FieldMessages(
    #[prop(into)] id: Signal<String>,
    #[prop(into)] test_id: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Shown only while there is no error; `Signal::stored(None)` for none.
    #[prop(into)]
    warning: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let message = move |text: String, warning: bool| {
        let kind = if warning { "warning" } else { "error" };
        view! {
            <p
                class=format!("field__message field__message--{kind}")
                id=move || format!("{}-{kind}", id.get())
                data-testid=move || format!("{kind}:{}", test_id.get())
            >
                <span class="field__icon" aria-hidden="true"></span>
                <span class="visually-hidden">
                    {move || {
                        if warning { i18n.common().warning_prefix } else { i18n.common().error_prefix }
                    }}
                    " "
                </span>
                <span>{text}</span>
            </p>
        }
    };
    move || match error.get() {
        Some(text) => Some(message(text, false)),
        None => warning.get().map(|text| message(text, true)),
    }
}

/// What a text input's kit needs beyond its value.
#[component]
pub fn TextField(
    /// Unique in the page; the hint and messages derive their ids from it.
    #[prop(into)]
    id: String,
    #[prop(into)] label: Signal<String>,
    /// Read after the label by screen readers only, e.g. "(contact 2)".
    #[prop(optional, into)]
    label_suffix: Option<Signal<String>>,
    /// Shown under the label, before the input.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Ids of text elsewhere that also describes the input (a field's purpose).
    #[prop(optional, into)]
    also_described_by: Option<Signal<Vec<String>>>,
    /// `text`, `email`, `password`, `tel`…
    input_type: &'static str,
    /// What browsers and password managers may fill in (`name`, `new-password`…).
    autocomplete: &'static str,
    /// `false` for addresses and numbers, where spelling suggestions only get in the way.
    #[prop(optional)]
    no_spellcheck: bool,
    /// For what is typed exactly as it is (addresses), so phones do not
    /// capitalise the first letter.
    #[prop(optional)]
    no_autocapitalize: bool,
    /// Marks the field as one the form cannot do without (announced as
    /// "required"); forms keep `novalidate`, so the kit's messages say what is missing.
    #[prop(optional)]
    required: bool,
    /// The name the field is submitted and remembered under (password
    /// managers read it); defaults to `id`.
    #[prop(optional)]
    name: Option<&'static str>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// The user left the field: from now on its messages are due.
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional, into)] warning: Option<Signal<Option<String>>>,
    #[prop(optional)] input_ref: NodeRef<html::Input>,
    /// For tests; defaults to `id`.
    #[prop(optional, into)]
    test_id: Option<String>,
    /// A modifier class for the wrapper, for layouts such as an entry's columns.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let test_id = test_id.unwrap_or_else(|| id.clone());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let warning_id = format!("{id}-warning");
    let has_hint = hint.is_some();
    let shows_warning =
        move || error.with(Option::is_none) && warning.is_some_and(|w| w.with(Option::is_some));
    let described = {
        let hint_id = hint_id.clone();
        move || {
            let mut ids: Vec<Option<String>> = also_described_by
                .map(|ids| ids.get().into_iter().map(Some).collect())
                .unwrap_or_default();
            ids.push(has_hint.then(|| hint_id.clone()));
            ids.push(error.with(Option::is_some).then(|| error_id.clone()));
            ids.push(shows_warning().then(|| warning_id.clone()));
            described_by(ids)
        }
    };
    let invalid = move || error.with(Option::is_some);
    view! {
        <div class=format!("field {class}") class:field--invalid=invalid>
            <label class="field__label" for=id.clone()>
                {label}
                {label_suffix
                    .map(|suffix| view! { <span class="visually-hidden">{suffix}</span> })}
            </label>
            {hint.map(|hint| view! { <p id=hint_id class="field__hint">{hint}</p> })}
            <input
                id=id.clone()
                class="field__input"
                type=input_type
                name=name.map_or_else(|| id.clone(), str::to_owned)
                autocomplete=autocomplete
                autocapitalize=no_autocapitalize.then_some("none")
                spellcheck=no_spellcheck.then_some("false")
                required=required
                data-testid=test_id.clone()
                node_ref=input_ref
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described
                prop:value=value
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=move |_| {
                    if let Some(on_blur) = on_blur {
                        on_blur.run(());
                    }
                }
            />
            <FieldMessages
                id=id
                test_id=test_id
                error
                warning=warning.unwrap_or_else(|| Signal::stored(None))
            />
        </div>
    }
}
