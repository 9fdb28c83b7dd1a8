//! The contact information form, mounted on its own with a fake API behind
//! the seam: what the user sees as they fill it in, save it, and meet errors.

#![cfg(target_arch = "wasm32")]

mod support;

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use partner_portal::api::{Api, ApiError, ApiFuture, PortalApi};
use partner_portal::components::ContactForm;
use partner_portal::i18n::{I18n, Locale};
use partner_portal::state::Session;
use portal_domain::{
    AddressStatus, Code, ContactEntry, ContactField, ContactInfo, ContactInfoResponse, Environment,
    ErrorCode, FieldError, FieldPath, HistoryPage, NewInvitation, Part, ReviewStatus, Role,
    SessionInfo, SupportSchedule, TIME_ZONES, User,
};
use support::fake_api::{FakeApi, complete_info, error};
use support::{Mounted, focused, mount, settle, settle_until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DRAFT_KEY: &str = "portal.draft.contact.P-TEST.1";

type Saved = Arc<Mutex<Vec<ContactInfoResponse>>>;

/// Everything one test needs: the fake server, what `on_saved` received,
/// and the session the form runs in.
struct Setup {
    api: FakeApi,
    saved: Saved,
    locale: Locale,
    editable: bool,
    /// Mounts the form on this client instead of `api` itself.
    held: Option<HeldSaves>,
}

impl Setup {
    fn new() -> Self {
        clear_storage();
        Self {
            api: FakeApi::new(),
            saved: Arc::default(),
            locale: Locale::En,
            editable: true,
            held: None,
        }
    }

    fn mount(&self) -> Mounted {
        let api = self.api.clone();
        let saved = self.saved.clone();
        let locale = self.locale;
        let editable = self.editable;
        let held = self.held.clone();
        mount(move || {
            let session = api.with(|s| s.session.clone()).unwrap();
            let data = api.with(|s| s.contact.clone());
            let users = api.with(|s| s.users.clone());
            match held {
                Some(held) => Api::provide(held),
                None => Api::provide(api),
            }
            I18n::provide(locale);
            Session::provide_signed_in(session);
            let on_saved = Callback::new(move |answer| saved.lock().unwrap().push(answer));
            view! { <ContactForm data users on_saved editable /> }
        })
    }

    fn saves(&self) -> usize {
        count(&self.api, "save_contact_info")
    }
}

fn count(api: &FakeApi, method: &str) -> usize {
    api.count_of(method)
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn clear_storage() {
    storage().clear().unwrap();
}

fn stored_draft() -> Option<String> {
    storage().get_item(DRAFT_KEY).unwrap()
}

fn error_text(page: &Mounted, path: &str) -> Option<String> {
    page.find_by_test_id(&format!("error:{path}"))
        .map(|e| e.text_content().unwrap_or_default())
}

fn attribute(page: &Mounted, id: &str, name: &str) -> Option<String> {
    page.get(id).get_attribute(name)
}

/// The "Add contact" button of one list field.
fn add_button(page: &Mounted, field: &str) -> web_sys::HtmlButtonElement {
    page.get(&format!("field-{field}"))
        .query_selector(".contact-form__list-actions button")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

use support::fill_valid_contact_form as fill_valid;

#[wasm_bindgen_test]
async fn sections_fields_and_purposes_are_labelled() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    let text = page.text();
    for expected in [
        "Technical contacts",
        "Operational contacts",
        "Support hours",
        "Alert contacts",
        "Technical emergency contacts",
        "Technical non-emergency contacts",
        "Operational contact (for Google)",
        "Operational contact (to share with users)",
        "Operational support hours",
        "Who we notify in an emergency",
    ] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
    let email = page.get("technical_emergency[0].email");
    assert_eq!(email.get_attribute("type").as_deref(), Some("email"));
    assert_eq!(
        email.get_attribute("autocomplete").as_deref(),
        Some("email")
    );
    assert_eq!(
        attribute(&page, "technical_emergency[0].phone", "type").as_deref(),
        Some("tel")
    );
    assert_eq!(
        attribute(&page, "technical_emergency[0].name", "autocomplete").as_deref(),
        Some("name")
    );
    let label = page
        .root
        .query_selector(&format!("label[for=\"{}\"]", email.id()))
        .unwrap()
        .expect("the address has a label");
    assert_eq!(
        label.text_content().unwrap().trim(),
        "Email address, contact 1"
    );
    let purpose_id = email.get_attribute("aria-describedby").unwrap();
    let purpose = document().get_element_by_id(&purpose_id).unwrap();
    assert!(
        purpose
            .text_content()
            .unwrap()
            .contains("Who we notify in an emergency")
    );
    // Alert contacts are the active users, as checkboxes.
    for id in [1, 2, 3] {
        let checkbox: web_sys::HtmlInputElement =
            page.get(&format!("alert-contact-{id}")).unchecked_into();
        assert_eq!(checkbox.type_(), "checkbox");
        assert!(!checkbox.disabled());
    }
    assert!(text.contains("eddie@acme.example"));
    assert_eq!(
        page.text_of("save-contact-info").trim(),
        "Save contact information"
    );
    // Nothing is filled in yet: the footer's progress line says so.
    assert_eq!(
        page.text_of("form-progress"),
        "0 of 6 required sections done"
    );
}

#[wasm_bindgen_test]
async fn an_email_error_appears_after_leaving_the_field_and_clears_when_fixed() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    let path = "technical_emergency[0].email";

    page.type_into(path, "not-an-email");
    settle().await;
    assert_eq!(error_text(&page, path), None, "no error while typing");
    assert_eq!(attribute(&page, path, "aria-invalid"), None);

    page.leave(path);
    settle().await;
    let message = error_text(&page, path).expect("error after leaving the field");
    assert!(message.contains("Error:"), "{message}");
    assert!(message.contains("Enter an email address like name@example.com."));
    assert_eq!(
        attribute(&page, path, "aria-invalid").as_deref(),
        Some("true")
    );
    let error_id = page.get(&format!("error:{path}")).id();
    assert!(
        attribute(&page, path, "aria-describedby")
            .unwrap()
            .split(' ')
            .any(|id| id == error_id)
    );

    page.type_into(path, "oncall@acme.example");
    settle().await;
    assert_eq!(error_text(&page, path), None, "gone as soon as it is valid");
    assert_eq!(attribute(&page, path, "aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn a_phone_error_appears_after_leaving_the_field_and_clears_when_fixed() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    let path = "technical_non_emergency[0].phone";

    page.fill(path, "912 34");
    settle().await;
    assert!(
        error_text(&page, path)
            .unwrap()
            .contains("Enter the number with its country code")
    );
    page.type_into(path, "+34 912 345 678");
    settle().await;
    assert_eq!(error_text(&page, path), None);
}

#[wasm_bindgen_test]
async fn list_errors_appear_after_touch_and_clear_when_fixed() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;

    // A repeated address in one list.
    page.fill("operational_google[0].email", "ops@acme.example");
    add_button(&page, "operational_google").click();
    settle().await;
    let entries: Vec<_> = (0..3)
        .filter_map(|i| page.find_by_test_id(&format!("operational_google[{i}]")))
        .collect();
    assert_eq!(entries.len(), 2);
    page.fill("operational_google[1].email", "OPS@acme.example");
    settle().await;
    assert!(
        error_text(&page, "operational_google[1].email")
            .unwrap()
            .contains("already in contact 1 of this list")
    );
    page.type_into("operational_google[1].email", "escalations@acme.example");
    settle().await;
    assert_eq!(error_text(&page, "operational_google[1].email"), None);

    // Alert contacts: leaving the list with nobody chosen.
    page.click("alert-contact-2");
    page.click("alert-contact-2");
    page.leave("alert-contact-2");
    settle().await;
    assert!(
        error_text(&page, "alert_contacts")
            .unwrap()
            .contains("Choose at least one alert contact.")
    );
    page.click("alert-contact-2");
    settle().await;
    assert_eq!(error_text(&page, "alert_contacts"), None);
}

#[wasm_bindgen_test]
async fn a_schedule_time_error_appears_after_touch_and_clears_when_fixed() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    let to = "support_hours[0].to";

    page.fill("support_hours[0].from", "18:00");
    page.fill(to, "09:00");
    settle().await;
    assert!(
        error_text(&page, to)
            .unwrap()
            .contains("The end time must be later than the start time.")
    );
    assert_eq!(
        attribute(&page, to, "aria-invalid").as_deref(),
        Some("true")
    );
    page.type_into(to, "20:00");
    settle().await;
    assert_eq!(error_text(&page, to), None);

    // The zone comes from a list; something else is refused.
    let zone = "support_hours[0].time_zone";
    page.fill(zone, "Mars/Olympus_Mons");
    settle().await;
    assert!(
        error_text(&page, zone)
            .unwrap()
            .contains("Choose a time zone from the list.")
    );
    page.type_into(zone, "Europe/Madrid");
    settle().await;
    assert_eq!(error_text(&page, zone), None);
}

#[wasm_bindgen_test]
async fn a_new_schedule_starts_in_the_browsers_time_zone_and_presets_fill_it() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    let zone = page.value_of("support_hours[0].time_zone");
    assert!(TIME_ZONES.contains(&zone.as_str()), "{zone}");
    assert!(page.find_by_test_id("support_hours[0].from").is_some());

    page.click_button("Weekdays 9:00–17:00");
    settle().await;
    assert_eq!(page.value_of("support_hours[0].from"), "09:00");
    assert_eq!(page.value_of("support_hours[0].to"), "17:00");
    let monday: web_sys::HtmlInputElement = page
        .get("support_hours[0]")
        .query_selector("input[type=checkbox]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(monday.checked());

    page.click_button("24/7");
    settle().await;
    assert!(
        page.find_by_test_id("support_hours[0].from").is_none(),
        "round the clock hides the times"
    );

    assert!(!page.has_button("Remove schedule 1"));
    page.click_button("Add schedule");
    settle().await;
    assert_eq!(page.value_of("support_hours[1].time_zone"), zone);
    assert!(page.has_button("Remove schedule 2"));
    page.click_button("Remove schedule 2");
    settle().await;
    assert!(page.find_by_test_id("support_hours[1]").is_none());
}

#[wasm_bindgen_test]
async fn entries_can_be_added_up_to_ten_and_removed_down_to_one() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    assert!(!page.has_button("Remove contact 1"));
    let add = || add_button(&page, "technical_emergency");
    for _ in 0..9 {
        add().click();
        settle().await;
    }
    assert!(page.find_by_test_id("technical_emergency[9]").is_some());
    assert!(add().disabled());
    assert!(page.text().contains("You can add up to 10 contacts"));
    assert_eq!(
        focused().unwrap().id(),
        page.get("technical_emergency[9].email").id(),
        "a new entry gets focus"
    );

    page.type_into("technical_emergency[1].email", "second@acme.example");
    page.click_button("Remove contact 1");
    settle().await;
    assert!(page.find_by_test_id("technical_emergency[9]").is_none());
    assert_eq!(
        page.value_of("technical_emergency[0].email"),
        "second@acme.example"
    );
    assert!(!add().disabled());
}

#[wasm_bindgen_test]
async fn submitting_with_errors_moves_focus_to_a_summary_linking_to_the_fields() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    page.fill("technical_emergency[0].email", "oncall@acme.example");

    page.click("save-contact-info");
    settle().await;
    let summary = page.get("error-summary");
    assert_eq!(
        focused().unwrap().id(),
        summary.id(),
        "focus on the summary"
    );
    let heading = summary.query_selector("h2").unwrap().unwrap();
    let links = summary.query_selector_all("a").unwrap();
    assert_eq!(
        heading.text_content().unwrap().trim(),
        format!("There are {} problems", links.length())
    );
    // Alert contacts, non-emergency, Google, shared address, days, from, to.
    assert_eq!(links.length(), 7, "{}", summary.inner_html());
    let summary_text = summary.text_content().unwrap();
    assert!(summary_text.contains("Choose at least one alert contact."));
    assert!(summary_text.contains("Operational contact (to share with users) – Email address"));
    for i in 0..links.length() {
        let link = links.item(i).unwrap().unchecked_into::<web_sys::Element>();
        let href = link.get_attribute("href").unwrap();
        assert!(
            document().get_element_by_id(&href[1..]).is_some(),
            "{href} points nowhere"
        );
    }
    // Every field's error is now shown, touched or not.
    assert!(error_text(&page, "shared_with_users.email").is_some());
    assert_eq!(
        setup.saves(),
        0,
        "nothing is sent while the form is invalid"
    );

    // Following a link focuses the field.
    let shared = (0..links.length())
        .map(|i| {
            links
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|l| l.text_content().unwrap().contains("to share with users"))
        .unwrap();
    shared.click();
    settle().await;
    assert_eq!(
        focused().unwrap().id(),
        page.get("shared_with_users.email").id()
    );

    // The summary shrinks as problems are fixed.
    page.type_into("shared_with_users.email", "support@acme.example");
    settle().await;
    assert_eq!(
        page.get("error-summary")
            .query_selector_all("a")
            .unwrap()
            .length(),
        6
    );
}

#[wasm_bindgen_test]
async fn a_valid_form_saves_once_reports_back_and_clears_the_draft() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    fill_valid(&page);
    page.fill("technical_emergency[0].phone", "+34 (912) 345-678");
    settle().await;
    assert!(stored_draft().is_some(), "unsaved input is kept as a draft");

    page.click("save-contact-info");
    settle().await;
    assert_eq!(setup.saves(), 1);
    let saved = setup.saved.lock().unwrap().clone();
    assert_eq!(saved.len(), 1, "on_saved fired once");
    assert_eq!(saved[0].version, 1);
    let stored = setup.api.with(|s| s.contact.contact_info.clone());
    assert_eq!(stored.alert_contacts, vec![1]);
    assert_eq!(stored.technical_emergency[0].phone, "+34912345678");
    assert!(stored.merchant_operational.is_empty());
    assert_eq!(stored.support_hours[0].days.len(), 7);
    assert_eq!(stored_draft(), None, "the draft is cleared");
    assert!(page.find_by_test_id("error-summary").is_none());
    assert_eq!(page.text_of("form-status"), "Contact information saved.");
    assert_eq!(
        page.text_of("save-contact-info").trim(),
        "Save contact information"
    );
}

#[wasm_bindgen_test]
async fn personal_addresses_get_non_blocking_advice() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    fill_valid(&page);
    page.fill("technical_emergency[0].email", "someone@gmail.com");
    settle().await;
    let advice = page
        .get("warning:technical_emergency[0].email")
        .text_content()
        .unwrap();
    assert!(advice.contains("looks like a personal address"), "{advice}");
    assert_eq!(
        attribute(&page, "technical_emergency[0].email", "aria-invalid"),
        None
    );
    page.click("save-contact-info");
    settle().await;
    assert_eq!(setup.saves(), 1, "advice does not block saving");
}

#[wasm_bindgen_test]
async fn alert_contacts_on_sandbox_are_explained_and_chosen_after_the_inline_switch() {
    let setup = Setup::new();
    setup.api.with(|s| {
        s.session.as_mut().unwrap().environment = Environment::Sandbox;
        s.contact.contact_info.alert_contacts = vec![2];
    });
    let page = setup.mount();
    settle().await;
    let checkbox = |id: i64| -> Option<web_sys::HtmlInputElement> {
        page.find_by_test_id(&format!("alert-contact-{id}"))
            .map(|e| e.unchecked_into())
    };
    // No disabled controls: the explanation, the switch and who is chosen.
    assert!(checkbox(1).is_none() && checkbox(2).is_none());
    assert_eq!(
        page.root
            .query_selector_all("input:disabled, button:disabled")
            .unwrap()
            .length(),
        0
    );
    assert!(
        page.text_of("alert-contacts-sandbox")
            .contains("can only be chosen in the production environment")
    );
    let chosen = page.text_of("alert-contacts-chosen");
    assert!(chosen.contains("Chosen so far:"), "{chosen}");
    let second = setup
        .api
        .with(|s| s.users.iter().find(|u| u.id == 2).unwrap().name.clone());
    assert!(chosen.contains(&second), "{chosen}");

    page.click_button("Switch to Production");
    settle().await;
    assert!(setup.api.calls().contains(&"set_environment".to_owned()));
    assert_eq!(
        setup.api.with(|s| s.session.as_ref().unwrap().environment),
        Environment::Production
    );
    assert!(page.find_by_test_id("alert-contacts-sandbox").is_none());
    assert!(
        checkbox(2).unwrap().checked(),
        "the chosen contacts stay chosen"
    );
    let first = checkbox(1).unwrap();
    assert!(!first.disabled());
    first.click();
    settle().await;
    assert!(checkbox(1).unwrap().checked());
}

#[wasm_bindgen_test]
async fn the_merchant_contact_is_shown_only_when_the_integration_needs_it() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    assert!(page.find_by_test_id("field-merchant_operational").is_none());
    assert!(!page.text().contains("Merchant operational contact"));
    drop(page);

    setup
        .api
        .with(|s| s.contact.merchant_contact_required = true);
    let page = setup.mount();
    settle().await;
    assert!(
        page.text_of("field-merchant_operational")
            .contains("Merchant operational contact")
    );
    fill_valid(&page);
    page.click("save-contact-info");
    settle().await;
    assert_eq!(setup.saves(), 0, "the merchant contact is required here");
    assert!(
        error_text(&page, "merchant_operational[0].email")
            .unwrap()
            .contains("Enter an email address.")
    );
    page.type_into("merchant_operational[0].email", "merchants@acme.example");
    page.click("save-contact-info");
    settle().await;
    assert_eq!(setup.saves(), 1);
    assert_eq!(
        setup
            .api
            .with(|s| s.contact.contact_info.merchant_operational.clone()),
        vec![ContactEntry::new("merchants@acme.example")]
    );
}

#[wasm_bindgen_test]
async fn speaks_spanish() {
    let mut setup = Setup::new();
    setup.locale = Locale::Es;
    let page = setup.mount();
    settle().await;
    let text = page.text();
    assert!(text.contains("Contactos técnicos de emergencia"));
    assert!(text.contains("Contacto operativo (para compartir con los usuarios)"));
    assert!(text.contains("Miércoles"));

    page.fill("technical_emergency[0].email", "sin-arroba");
    settle().await;
    assert!(
        error_text(&page, "technical_emergency[0].email")
            .unwrap()
            .contains("Introduce una dirección de correo como nombre@ejemplo.com.")
    );
    page.click("save-contact-info");
    settle().await;
    assert!(page.text_of("error-summary").contains("Hay 8 problemas"));
    assert_eq!(
        page.text_of("save-contact-info").trim(),
        "Guardar información de contacto"
    );
}

#[wasm_bindgen_test]
async fn a_draft_survives_a_remount_and_can_be_discarded() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    assert!(page.find_by_test_id("draft-notice").is_none());
    page.type_into("technical_emergency[0].email", "draft@acme.example");
    settle().await;
    drop(page);

    let page = setup.mount();
    settle().await;
    assert_eq!(
        page.value_of("technical_emergency[0].email"),
        "draft@acme.example"
    );
    assert!(
        page.text_of("draft-notice")
            .contains("We restored changes you hadn't saved.")
    );

    page.click_button("Discard draft");
    settle().await;
    assert_eq!(page.value_of("technical_emergency[0].email"), "");
    assert!(page.find_by_test_id("draft-notice").is_none());
    assert_eq!(stored_draft(), None);
    drop(page);

    let page = setup.mount();
    settle().await;
    assert!(page.find_by_test_id("draft-notice").is_none());
    assert_eq!(page.value_of("technical_emergency[0].email"), "");
}

#[wasm_bindgen_test]
async fn the_servers_field_errors_show_on_their_fields() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    fill_valid(&page);
    setup.api.fail_next(
        "save_contact_info",
        error(
            422,
            ErrorCode::ValidationFailed,
            vec![FieldError::new(
                FieldPath::entry(ContactField::TechnicalNonEmergency, 0, Part::Email),
                Code::InvalidEmail,
            )],
        ),
    );
    page.click("save-contact-info");
    settle().await;
    let path = "technical_non_emergency[0].email";
    assert!(
        error_text(&page, path)
            .unwrap()
            .contains("Enter an email address like name@example.com.")
    );
    assert_eq!(
        attribute(&page, path, "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(focused().unwrap().id(), page.get("error-summary").id());
    assert!(setup.saved.lock().unwrap().is_empty());

    page.type_into(path, "tech-team@acme.example");
    settle().await;
    assert_eq!(
        error_text(&page, path),
        None,
        "editing the field answers it"
    );
    page.click("save-contact-info");
    settle().await;
    assert_eq!(setup.saves(), 2);
    assert_eq!(setup.saved.lock().unwrap().len(), 1);
}

/// Picks one version of a conflicting field in the conflict panel.
fn choose(page: &Mounted, field: &str, side: &str) {
    page.get(&format!("conflict-{field}-{side}"))
        .query_selector("input[type=radio]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn changes_to_different_fields_are_merged_and_saved_without_asking() {
    let setup = Setup::new();
    setup.api.with(|s| {
        s.contact.contact_info = complete_info();
        s.contact.version = 1;
    });
    let page = setup.mount();
    settle().await;
    page.type_into("operational_google[0].email", "ops-mine@acme.example");
    // Someone else changes another field meanwhile.
    setup.api.with(|s| {
        s.contact.version = 2;
        s.contact.updated_by = Some("Eddie Editor".into());
        s.contact.contact_info.technical_non_emergency =
            vec![ContactEntry::new("tech-theirs@acme.example")];
    });
    page.click("save-contact-info");
    settle_until("the merged save", || setup.saves() == 2).await;
    settle().await;
    assert!(
        page.find_by_test_id("conflict").is_none(),
        "nothing to decide"
    );
    let stored = setup.api.with(|s| s.contact.clone());
    assert_eq!(stored.version, 3);
    assert_eq!(
        stored.contact_info.operational_google[0].email,
        "ops-mine@acme.example"
    );
    assert_eq!(
        stored.contact_info.technical_non_emergency[0].email, "tech-theirs@acme.example",
        "their change to a field I never touched is kept"
    );
    assert_eq!(
        page.value_of("technical_non_emergency[0].email"),
        "tech-theirs@acme.example"
    );
    assert!(
        page.text_of("form-status")
            .contains("Changes someone else saved meanwhile")
    );
}

#[wasm_bindgen_test]
async fn a_field_both_changed_shows_both_values_and_saves_the_users_choice() {
    let setup = Setup::new();
    setup.api.with(|s| {
        s.contact.contact_info = complete_info();
        s.contact.version = 1;
    });
    let page = setup.mount();
    settle().await;
    page.type_into("technical_emergency[0].email", "oncall-mine@acme.example");
    page.type_into("operational_google[0].email", "ops-mine@acme.example");
    setup.api.with(|s| {
        s.contact.version = 4;
        s.contact.updated_by = Some("Eddie Editor".into());
        s.contact.contact_info.technical_emergency =
            vec![ContactEntry::new("oncall-theirs@acme.example")];
        s.contact.contact_info.technical_non_emergency =
            vec![ContactEntry::new("tech-theirs@acme.example")];
    });

    page.click("save-contact-info");
    settle().await;
    let conflict = page.text_of("conflict");
    assert!(conflict.contains("Someone else saved the contact information while you were editing"));
    assert!(conflict.contains("Last saved by Eddie Editor."));
    // Both values side by side, not only the field's name.
    assert!(
        page.text_of("conflict-technical_emergency-theirs")
            .contains("oncall-theirs@acme.example")
    );
    assert!(
        page.text_of("conflict-technical_emergency-mine")
            .contains("oncall-mine@acme.example")
    );
    assert!(
        page.find_by_test_id("conflict-operational_google-theirs")
            .is_none(),
        "only I changed it"
    );
    assert!(
        page.text_of("conflict-taken")
            .contains("Technical non-emergency contacts")
    );
    assert_eq!(focused().unwrap().id(), page.get("conflict").id());
    assert_eq!(setup.saves(), 1);

    // Nothing is saved until the field is decided.
    page.click("save-contact-info");
    settle().await;
    assert!(
        page.text_of("conflict-undecided")
            .contains("Choose which version to keep")
    );
    assert_eq!(setup.saves(), 1);

    choose(&page, "technical_emergency", "theirs");
    settle().await;
    assert_eq!(
        page.value_of("technical_emergency[0].email"),
        "oncall-theirs@acme.example"
    );
    page.click("save-contact-info");
    settle().await;
    assert_eq!(setup.saves(), 2);
    let stored = setup.api.with(|s| s.contact.clone());
    assert_eq!(stored.version, 5, "saved over version 4");
    assert_eq!(
        stored.contact_info.technical_emergency[0].email,
        "oncall-theirs@acme.example"
    );
    assert_eq!(
        stored.contact_info.operational_google[0].email,
        "ops-mine@acme.example"
    );
    assert_eq!(
        stored.contact_info.technical_non_emergency[0].email,
        "tech-theirs@acme.example"
    );
    assert!(page.find_by_test_id("conflict").is_none());
}

#[wasm_bindgen_test]
async fn editing_a_field_both_changed_decides_it_too() {
    let setup = Setup::new();
    setup.api.with(|s| {
        s.contact.contact_info = complete_info();
        s.contact.version = 1;
    });
    let page = setup.mount();
    settle().await;
    page.type_into("technical_emergency[0].email", "oncall-mine@acme.example");
    setup.api.with(|s| {
        s.contact.version = 2;
        s.contact.contact_info.technical_emergency =
            vec![ContactEntry::new("oncall-theirs@acme.example")];
    });
    page.click("save-contact-info");
    settle().await;
    assert!(page.find_by_test_id("conflict").is_some());
    // Neither version: a third address typed after seeing both.
    page.type_into("technical_emergency[0].email", "oncall-team@acme.example");
    page.click("save-contact-info");
    settle().await;
    assert!(page.find_by_test_id("conflict-undecided").is_none());
    assert_eq!(setup.saves(), 2);
    let stored = setup.api.with(|s| s.contact.clone());
    assert_eq!(stored.version, 3);
    assert_eq!(
        stored.contact_info.technical_emergency[0].email,
        "oncall-team@acme.example"
    );
}

#[wasm_bindgen_test]
async fn a_conflict_can_load_their_version_instead() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    fill_valid(&page);
    let theirs = ContactInfo {
        alert_contacts: vec![2],
        technical_emergency: vec![ContactEntry::new("theirs@acme.example")],
        ..complete_info()
    };
    setup.api.with(|s| {
        s.contact.version = 2;
        s.contact.contact_info = theirs.clone();
    });
    page.click("save-contact-info");
    settle().await;
    page.click_button("Discard all my changes and load their version");
    settle().await;
    assert!(page.find_by_test_id("conflict").is_none());
    assert_eq!(
        page.value_of("technical_emergency[0].email"),
        "theirs@acme.example"
    );
    assert_eq!(page.value_of("support_hours[0].time_zone"), "Europe/Madrid");
    assert_eq!(stored_draft(), None, "their version is not a draft");
    page.click("save-contact-info");
    settle().await;
    assert_eq!(setup.saved.lock().unwrap()[0].version, 3);
}

#[wasm_bindgen_test]
async fn saved_stays_on_screen_until_the_next_edit() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    fill_valid(&page);
    page.click("save-contact-info");
    settle().await;
    settle().await;
    assert_eq!(page.text_of("form-status"), "Contact information saved.");
    assert_eq!(focused().unwrap().id(), page.get("save-contact-info").id());
    page.type_into("technical_emergency[0].name", "On-call team");
    settle().await;
    assert_eq!(
        page.text_of("form-status"),
        "",
        "an edit makes it unsaved again"
    );
}

#[wasm_bindgen_test]
async fn server_errors_reach_the_field_their_typed_path_names() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    fill_valid(&page);
    add_button(&page, "technical_emergency").click();
    settle().await;
    page.fill("technical_emergency[1].email", "backup@acme.example");
    setup.api.fail_next(
        "save_contact_info",
        error(
            422,
            ErrorCode::ValidationFailed,
            vec![
                FieldError::new(
                    FieldPath::entry(ContactField::TechnicalEmergency, 1, Part::Phone),
                    Code::InvalidPhone,
                ),
                FieldError::new(
                    FieldPath::schedule(0, portal_domain::SchedulePart::TimeZone),
                    Code::UnknownTimeZone,
                ),
            ],
        ),
    );
    page.click("save-contact-info");
    settle().await;
    assert!(error_text(&page, "technical_emergency[1].phone").is_some());
    assert!(error_text(&page, "technical_emergency[0].phone").is_none());
    assert!(error_text(&page, "support_hours[0].time_zone").is_some());
    assert_eq!(
        attribute(&page, "technical_emergency[1].phone", "aria-invalid").as_deref(),
        Some("true")
    );
    // The summary's link puts focus on exactly that control.
    let link: web_sys::HtmlElement = page
        .get("error-summary")
        .query_selector("a")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.click();
    settle().await;
    assert_eq!(
        focused().unwrap().id(),
        page.get("technical_emergency[1].phone").id()
    );
}

#[wasm_bindgen_test]
async fn a_network_error_can_be_retried() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    fill_valid(&page);
    setup
        .api
        .fail_next("save_contact_info", ApiError::Network("offline".into()));
    page.click("save-contact-info");
    settle().await;
    assert!(
        page.text_of("form-problem")
            .contains("Can't reach the portal server.")
    );
    assert!(setup.saved.lock().unwrap().is_empty());
    assert_eq!(
        focused().unwrap().id(),
        page.button("Try again").unwrap().id(),
        "focus on the way out of the problem"
    );
    page.click_button("Try again");
    settle().await;
    assert_eq!(setup.saves(), 2);
    assert_eq!(setup.saved.lock().unwrap().len(), 1);
    assert_eq!(page.text_of("form-problem").trim(), "");
}

#[wasm_bindgen_test]
async fn an_expired_session_keeps_the_draft() {
    let setup = Setup::new();
    let page = setup.mount();
    settle().await;
    fill_valid(&page);
    setup.api.fail_next(
        "save_contact_info",
        error(401, ErrorCode::Unauthorized, Vec::new()),
    );
    page.click("save-contact-info");
    settle().await;
    assert!(
        page.text_of("form-problem")
            .contains("Your session has expired.")
    );
    assert!(stored_draft().unwrap().contains("oncall@acme.example"));
}

#[wasm_bindgen_test]
async fn read_only_users_see_the_values_without_controls() {
    let mut setup = Setup::new();
    setup.editable = false;
    setup.api.with(|s| {
        s.contact.contact_info.alert_contacts = vec![2];
        s.contact.contact_info.shared_with_users =
            ContactEntry::new("help@acme.example").with_name("Help desk");
        s.contact.contact_info.support_hours =
            vec![SupportSchedule::weekdays_nine_to_five("Europe/Madrid")];
    });
    let page = setup.mount();
    settle().await;
    assert!(page.root.query_selector("input").unwrap().is_none());
    assert!(page.root.query_selector("button").unwrap().is_none());
    let text = page.text();
    assert!(text.contains("Eddie Editor <eddie@acme.example>"));
    assert!(text.contains("Help desk <help@acme.example>"));
    assert!(
        text.contains("Europe/Madrid: Monday, Tuesday, Wednesday, Thursday, Friday · 09:00–17:00")
    );
}

#[wasm_bindgen_test]
async fn saving_shows_on_the_button_and_sends_nothing_more_meanwhile() {
    let mut setup = Setup::new();
    let held = HeldSaves::new(setup.api.clone());
    setup.held = Some(held.clone());
    let page = setup.mount();
    settle().await;
    fill_valid(&page);

    page.click("save-contact-info");
    settle().await;
    let button: web_sys::HtmlButtonElement = page.get("save-contact-info").unchecked_into();
    assert!(button.disabled());
    assert_eq!(button.text_content().unwrap().trim(), "Saving…");
    page.fire("contact-form", "submit");
    settle().await;
    assert_eq!(setup.saves(), 1, "one save however often the user asks");

    held.release();
    settle().await;
    assert!(!button.disabled());
    assert_eq!(
        button.text_content().unwrap().trim(),
        "Save contact information"
    );
    assert_eq!(setup.saved.lock().unwrap().len(), 1);
    assert_eq!(
        focused().unwrap().id(),
        button.id(),
        "focus is back on Save"
    );
}

/// The fake server, except that its answers to saves wait until the test
/// releases them, so what the user sees meanwhile can be checked.
#[derive(Clone)]
struct HeldSaves {
    inner: FakeApi,
    gate: Arc<Mutex<Gate>>,
}

#[derive(Default)]
struct Gate {
    open: bool,
    waiting: Vec<Waker>,
}

/// Resolves once the gate is open.
struct Opened(Arc<Mutex<Gate>>);

impl Future for Opened {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut gate = self.0.lock().unwrap();
        if gate.open {
            Poll::Ready(())
        } else {
            gate.waiting.push(cx.waker().clone());
            Poll::Pending
        }
    }
}

impl HeldSaves {
    fn new(inner: FakeApi) -> Self {
        Self {
            inner,
            gate: Arc::default(),
        }
    }

    fn release(&self) {
        let mut gate = self.gate.lock().unwrap();
        gate.open = true;
        for waker in gate.waiting.drain(..) {
            waker.wake();
        }
    }
}

impl PortalApi for HeldSaves {
    fn save_contact_info(&self, info: ContactInfo, version: i64) -> ApiFuture<ContactInfoResponse> {
        let answer = self.inner.save_contact_info(info, version);
        let opened = Opened(self.gate.clone());
        Box::pin(async move {
            opened.await;
            answer.await
        })
    }

    fn session(&self) -> ApiFuture<Option<SessionInfo>> {
        self.inner.session()
    }
    fn sign_out(&self) -> ApiFuture<()> {
        self.inner.sign_out()
    }
    fn set_environment(&self, environment: Environment) -> ApiFuture<SessionInfo> {
        self.inner.set_environment(environment)
    }
    fn contact_info(&self) -> ApiFuture<ContactInfoResponse> {
        self.inner.contact_info()
    }
    fn confirm_review(&self, version: i64) -> ApiFuture<ReviewStatus> {
        self.inner.confirm_review(version)
    }
    fn set_warning_dismissed(
        &self,
        code: portal_domain::Code,
        dismissed: bool,
    ) -> ApiFuture<ContactInfoResponse> {
        self.inner.set_warning_dismissed(code, dismissed)
    }
    fn history(&self, page: u32) -> ApiFuture<HistoryPage> {
        self.inner.history(page)
    }
    fn users(&self) -> ApiFuture<Vec<User>> {
        self.inner.users()
    }
    fn invite(&self, invitation: NewInvitation) -> ApiFuture<User> {
        self.inner.invite(invitation)
    }
    fn change_role(&self, user_id: i64, role: Role, version: i64) -> ApiFuture<User> {
        self.inner.change_role(user_id, role, version)
    }
    fn remove_user(&self, user_id: i64, version: i64) -> ApiFuture<()> {
        self.inner.remove_user(user_id, version)
    }
    fn resend_invitation(&self, user_id: i64) -> ApiFuture<User> {
        self.inner.resend_invitation(user_id)
    }
    fn revoke_invitation(&self, user_id: i64) -> ApiFuture<()> {
        self.inner.revoke_invitation(user_id)
    }
    fn addresses(&self) -> ApiFuture<Vec<AddressStatus>> {
        self.inner.addresses()
    }
    fn send_verification(&self, email: String) -> ApiFuture<()> {
        self.inner.send_verification(email)
    }
}
