use leptos::html;
use leptos::prelude::*;

/// A text input with its label, an optional hint shown before it and its
/// error after it, both tied to the input (`aria-describedby`,
/// `aria-invalid`), so every form says the same thing to every reader.
///
/// The caller decides when an error is shown (after the field was left, or
/// after a submit attempt); this only renders it.
#[component]
pub fn LabelledInput(
    /// Unique in the page; the hint and error get `{id}-hint` and `{id}-error`.
    id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// `text`, `email`, `password`…
    input_type: &'static str,
    /// What browsers and password managers may fill in (`name`, `new-password`…).
    autocomplete: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// The user left the field: from now on its errors are worth showing.
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] input_ref: NodeRef<html::Input>,
    /// For tests, when `id` is numbered per instance; defaults to `id`. The
    /// error gets `{test_id}-error`.
    #[prop(optional)]
    test_id: Option<&'static str>,
) -> impl IntoView {
    let test_id = test_id.map_or_else(|| id.clone(), str::to_owned);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error_testid = format!("{test_id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let ids: Vec<&str> = [
                has_hint.then_some(hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some);
    view! {
        <div class="labelled-input" class:labelled-input--invalid=invalid>
            <label class="labelled-input__label" for=id.clone()>
                {label}
            </label>
            {hint
                .map(|hint| {
                    view! {
                        <p id=hint_id class="labelled-input__hint">
                            {hint}
                        </p>
                    }
                })}
            <input
                id=id.clone()
                class="labelled-input__input"
                type=input_type
                name=id.clone()
                autocomplete=autocomplete
                data-testid=test_id
                node_ref=input_ref
                aria-invalid=move || if invalid() { "true" } else { "false" }
                aria-describedby=described_by
                prop:value=value
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=move |_| {
                    if let Some(on_blur) = on_blur {
                        on_blur.run(());
                    }
                }
            />
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p
                                id=error_id.clone()
                                class="labelled-input__error"
                                data-testid=error_testid.clone()
                            >
                                {message}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
