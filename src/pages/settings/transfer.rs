//! The contact information as a file: downloaded as a [`ContactInfoDocument`]
//! (what `portal-server admin export` writes), and such a file imported after
//! the checks of `portal-server admin import`, with its changes shown before
//! anything is saved.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::{
    ContactInfo, ContactInfoDocument, ContactInfoResponse, DOCUMENT_SCHEMA_VERSION,
    DocumentProblem, FieldChange, FieldError, Rules, User, UserRef, field_changes,
    normalize_contact_info, validate_contact_info,
};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::ChangeList;
use crate::api::{Api, ApiError, from_value};
use crate::components::contact_form::{error_sentence, focus_soon};
use crate::i18n::I18n;
use crate::state::{AccountData, Announcer, Session};

/// Why a file was not imported.
#[derive(Debug, Clone)]
enum Problem {
    NotJson,
    NotDocument,
    Document(DocumentProblem),
    /// The rules' findings; `rejected`: the server's, answering the save.
    Invalid {
        errors: Vec<FieldError>,
        rejected: bool,
    },
    /// Someone saved between the check and the save (412).
    Conflict,
    /// The save failed otherwise (network, server).
    Save(ApiError),
}

/// A file that passed every check, and what saving it would change.
#[derive(Debug, Clone)]
struct Review {
    info: ContactInfo,
    version: i64,
    changes: Vec<FieldChange>,
}

const REVIEW_HEADING: &str = "transfer-review-heading";
const PROBLEM: &str = "transfer-problem";
const SAVED: &str = "transfer-saved";
const FILE: &str = "transfer-file";

/// "Download as JSON" for everyone; "Import from a file" for those who may
/// edit. `on_imported` gets the server's answer to an imported save.
#[component]
pub fn ContactTransfer(
    editable: bool,
    on_imported: Callback<ContactInfoResponse>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let data = AccountData::expect();
    let announcer = Announcer::expect();
    let api = StoredValue::new(Api::expect());
    let problem = RwSignal::new(None::<Problem>);
    let review = RwSignal::new(None::<Review>);
    let saving = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let partner_id = move || {
        session
            .get_untracked()
            .map(|s| s.account.partner_id)
            .unwrap_or_default()
    };
    let current = move || data.contact().with_untracked(|c| c.ready().cloned());

    let download = move |_| {
        if let Some(c) = current() {
            save_file(&ContactInfoDocument::new(
                partner_id(),
                c.version,
                c.contact_info,
            ));
        }
    };
    let choose = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file, edited again, is read again when chosen again.
        input.set_value("");
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let (Some(text), Some(current)) = (text, current()) else {
                return;
            };
            let users = data.users().with_untracked(|u| u.ready().cloned());
            saved.set(false);
            match read(&text, &partner_id(), &current, &users.unwrap_or_default()) {
                Ok(found) => {
                    problem.set(None);
                    review.set(Some(found));
                    focus_soon(REVIEW_HEADING.into());
                }
                Err(found) => {
                    review.set(None);
                    problem.set(Some(found));
                    focus_soon(PROBLEM.into());
                }
            }
        });
    };
    let save = move |()| {
        let Some(Review { info, version, .. }) = review.get_untracked() else {
            return;
        };
        saving.set(true);
        let request = api.with_value(|api| api.save_contact_info(info, version));
        spawn_local(async move {
            let answer = request.await;
            // The page may be gone (signed out meanwhile).
            if saving.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(answer) => {
                    review.set(None);
                    problem.set(None);
                    saved.set(true);
                    on_imported.run(answer);
                    announcer.announce(i18n.t().transfer.imported);
                    focus_soon(SAVED.into());
                }
                Err(error) => {
                    let found = Problem::of_save(session.check(error));
                    // A failed connection may be tried again; the rest needs a new file.
                    if !matches!(found, Problem::Save(ApiError::Network(_))) {
                        review.set(None);
                    }
                    problem.set(Some(found));
                    focus_soon(PROBLEM.into());
                }
            }
        });
    };
    let cancel = move |()| {
        review.set(None);
        focus_soon(FILE.into());
    };

    view! {
        <section class="transfer" aria-labelledby="transfer-heading" data-testid="transfer">
            <h2 id="transfer-heading">{move || i18n.t().transfer.heading}</h2>
            <p>{move || i18n.t().transfer.intro}</p>
            <button type="button" class="button" on:click=download>
                {move || i18n.t().transfer.download}
            </button>
            {editable
                .then(|| {
                    view! {
                        <p>{move || i18n.t().transfer.intro_import}</p>
                        <div class="field">
                            <label class="field__label" for=FILE>{move || i18n.t().transfer.import_label}</label>
                            <p id="transfer-file-hint" class="field__hint">{move || i18n.t().transfer.import_hint}</p>
                            <input
                                id=FILE
                                class="transfer__file"
                                type="file"
                                accept="application/json,.json"
                                aria-describedby="transfer-file-hint"
                                data-testid=FILE
                                on:change=choose
                            />
                        </div>
                        {move || problem.get().map(|found| view! { <ProblemNotice found partner_id=partner_id() /> })}
                        <Show when=move || saved.get()>
                            <p id=SAVED class="notice" tabindex="-1" data-testid=SAVED>
                                {move || i18n.t().transfer.imported}
                            </p>
                        </Show>
                        {move || {
                            review
                                .get()
                                .map(|found| {
                                    view! {
                                        <ReviewPanel
                                            changes=found.changes
                                            saving=saving.read_only()
                                            on_save=Callback::new(save)
                                            on_cancel=Callback::new(cancel)
                                        />
                                    }
                                })
                        }}
                    }
                })}
        </section>
    }
}

impl Problem {
    /// What the server's refusal of an imported save means for the user.
    fn of_save(error: ApiError) -> Self {
        match error.status() {
            Some(412) => Problem::Conflict,
            Some(422) if !error.field_errors().is_empty() => Problem::Invalid {
                errors: error.field_errors().to_vec(),
                rejected: true,
            },
            _ => Problem::Save(error),
        }
    }
}

/// Why the file was not imported (or not saved), and for the rules' findings
/// each of them.
#[component]
fn ProblemNotice(found: Problem, partner_id: String) -> impl IntoView {
    let i18n = I18n::expect();
    let (text, errors) = describe(i18n, &found, &partner_id);
    view! {
        <div id=PROBLEM class="notice notice--error" role="alert" tabindex="-1" data-testid=PROBLEM>
            <p>{text}</p>
            {(!errors.is_empty())
                .then(|| view! { <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul> })}
        </div>
    }
}

/// What saving the file would change, with Save (when it changes anything)
/// and Cancel.
#[component]
fn ReviewPanel(
    changes: Vec<FieldChange>,
    saving: ReadSignal<bool>,
    on_save: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let unchanged = changes.is_empty();
    view! {
        <section class="transfer__review" aria-labelledby=REVIEW_HEADING data-testid="transfer-review">
            <h3 id=REVIEW_HEADING tabindex="-1">{move || i18n.t().transfer.review_heading}</h3>
            <p>
                {move || {
                    let t = &i18n.t().transfer;
                    if unchanged { t.nothing_changed } else { t.review_intro }
                }}
            </p>
            <ChangeList changes />
            <div class="transfer__actions">
                {(!unchanged)
                    .then(|| {
                        view! {
                            <button type="button" class="button button--primary" disabled=move || saving.get() on:click=move |_| on_save.run(())>
                                {move || if saving.get() { i18n.t().form.saving } else { i18n.t().transfer.save }}
                            </button>
                        }
                    })}
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t().transfer.cancel}
                </button>
            </div>
        </section>
    }
}

/// The file's document, if it can be imported into the account
/// `partner_id` whose contact information is `current`: the checks of
/// [`ContactInfoDocument::check`], then the rules.
fn read(
    text: &str,
    partner_id: &str,
    current: &ContactInfoResponse,
    users: &[User],
) -> Result<Review, Problem> {
    let value = js_sys::JSON::parse(text).map_err(|_| Problem::NotJson)?;
    // Another format's version says more than its fields not matching.
    let found = js_sys::Reflect::get(&value, &"schema_version".into())
        .ok()
        .and_then(|v| v.as_f64());
    if let Some(found) = found.filter(|&v| v != f64::from(DOCUMENT_SCHEMA_VERSION)) {
        return Err(Problem::Document(DocumentProblem::SchemaVersion {
            found: found as u32,
        }));
    }
    let document: ContactInfoDocument = from_value(value).map_err(|_| Problem::NotDocument)?;
    document
        .check(partner_id, current.version)
        .map_err(Problem::Document)?;
    let info = normalize_contact_info(&document.contact_info);
    let refs: Vec<UserRef<'_>> = users.iter().map(UserRef::from).collect();
    let rules = Rules {
        merchant_contact_required: current.merchant_contact_required,
        users: &refs,
    };
    let report = validate_contact_info(&info, &rules);
    if !report.is_valid() {
        return Err(Problem::Invalid {
            errors: report.errors,
            rejected: false,
        });
    }
    let name = |id: i64| users.iter().find(|u| u.id == id).map(|u| u.name.clone());
    let changes = field_changes(Some(&current.contact_info), &info, &name);
    Ok(Review {
        info,
        version: document.version,
        changes,
    })
}

/// What to tell the user about `problem`: a sentence, and the rules' findings.
fn describe(i18n: I18n, problem: &Problem, own: &str) -> (String, Vec<String>) {
    let t = &i18n.t().transfer;
    let text = match problem {
        Problem::NotJson => t.not_json.to_owned(),
        Problem::NotDocument => t.not_document.to_owned(),
        Problem::Document(DocumentProblem::SchemaVersion { found }) => {
            (t.schema_version)(*found, DOCUMENT_SCHEMA_VERSION)
        }
        Problem::Document(DocumentProblem::OtherAccount { found }) => (t.other_account)(found, own),
        Problem::Document(DocumentProblem::Stale { exported, current }) => {
            (t.stale)(*exported, *current)
        }
        Problem::Invalid { rejected, .. } => {
            if *rejected { t.rejected } else { t.invalid }.to_owned()
        }
        Problem::Conflict => t.conflict.to_owned(),
        Problem::Save(ApiError::Network(_)) => i18n.t().common.server_unreachable.to_owned(),
        Problem::Save(_) => i18n.t().common.unexpected_error.to_owned(),
    };
    let errors = match problem {
        Problem::Invalid { errors, .. } => errors.iter().map(|e| error_sentence(i18n, e)).collect(),
        _ => Vec::new(),
    };
    (text, errors)
}

/// Saves `document` as `contact-information-<partner id>-v<version>.json`,
/// indented as the command line's export is.
fn save_file(file: &ContactInfoDocument) {
    let text = file
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &2.into()).ok()
        });
    let Some(text) = text else {
        return;
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let url =
        web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text), &options)
            .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob));
    let (Ok(url), Some(body)) = (url, document().body()) else {
        return;
    };
    if let Ok(link) = document().create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(&format!(
            "contact-information-{}-v{}.json",
            file.partner_id, file.version
        ));
        let _ = body.append_child(&link);
        link.click();
        link.remove();
    }
    // The download has started by then; the URL only keeps the text alive.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}
