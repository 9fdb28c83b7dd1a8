//! The coverage check's advice: beside the fields in the form, listed on the
//! Overview, and dismissed there for the whole account.

#![cfg(target_arch = "wasm32")]

mod support;

use partner_portal::i18n::Locale;
use portal_domain::{Code, ContactEntry, ContactInfo, SupportSchedule};
use support::fake_api::FakeApi;
use support::{Mounted, settle_until};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Saved information with two pieces of advice: the emergency contact has no
/// phone while support is office hours only, and the Google-only address is
/// also the one given to users.
fn uncovered() -> ContactInfo {
    ContactInfo {
        alert_contacts: vec![1],
        technical_emergency: vec![ContactEntry::new("oncall@acme.example")],
        technical_non_emergency: vec![ContactEntry::new("tech@acme.example")],
        merchant_operational: Vec::new(),
        operational_google: vec![ContactEntry::new("help@acme.example")],
        shared_with_users: ContactEntry::new("help@acme.example"),
        support_hours: vec![SupportSchedule::weekdays_nine_to_five("Europe/Madrid")],
    }
}

const PHONE_ADVICE: &str = "warning:technical_emergency[0].phone";
const SHARED_ADVICE: &str = "warning:shared_with_users.email";

async fn overview(api: &FakeApi, locale: Locale) -> Mounted {
    let page = support::app_at("/", api.clone(), locale).await;
    settle_until("the Overview shows", || {
        page.find_by_test_id("checklist").is_some()
    })
    .await;
    page
}

#[wasm_bindgen_test]
async fn advice_shows_beside_its_fields_and_on_the_overview_and_stays_dismissed() {
    let api = FakeApi::new().with_saved_contact(uncovered());

    // The form shows the saved information's advice at once, beside each field.
    let form = support::app_at("/settings/contact", api.clone(), Locale::En).await;
    settle_until("the advice shows in the form", || {
        form.find_by_test_id(PHONE_ADVICE).is_some()
    })
    .await;
    assert!(
        form.text_of(PHONE_ADVICE).contains("Add a phone number"),
        "{}",
        form.text_of(PHONE_ADVICE)
    );
    assert!(form.text_of(SHARED_ADVICE).contains("Google"));
    assert!(
        form.find_by_test_id("warning:operational_google[0].email")
            .is_some()
    );
    drop(form);

    // The Overview lists each piece of advice once, and dismisses it.
    let page = overview(&api, Locale::En).await;
    let advice = page.text_of("coverage-warnings");
    assert!(
        advice.contains("Emergency contacts without a phone number"),
        "{advice}"
    );
    assert!(advice.contains("The same address for Google and for users"));
    assert_eq!(
        page.get("coverage-warnings")
            .query_selector_all("li")
            .unwrap()
            .length(),
        2
    );
    let addresses_asked = || api.count_of("addresses");
    let asked_before = addresses_asked();
    page.click("dismiss-emergency_phone_missing");
    settle_until("the dismissed advice leaves the Overview", || {
        page.find_by_test_id("coverage-emergency_phone_missing")
            .is_none()
    })
    .await;
    assert!(
        page.find_by_test_id("coverage-operational_address_shared")
            .is_some()
    );
    // What the server holds.
    assert_eq!(
        api.with(|s| s.contact.dismissed_warnings.clone()),
        vec![Code::EmergencyPhoneMissing]
    );
    assert!(api.calls().contains(&"set_warning_dismissed".to_owned()));
    assert_eq!(
        addresses_asked(),
        asked_before,
        "a dismissal saves no address: their states are not asked again"
    );
    drop(page);

    // After a reload it stays dismissed, on the Overview and in the form.
    let page = overview(&api, Locale::En).await;
    assert!(
        page.find_by_test_id("coverage-emergency_phone_missing")
            .is_none()
    );
    assert!(
        page.find_by_test_id("coverage-operational_address_shared")
            .is_some()
    );
    drop(page);
    let form = support::app_at("/settings/contact", api.clone(), Locale::En).await;
    settle_until("the other advice shows in the form", || {
        form.find_by_test_id(SHARED_ADVICE).is_some()
    })
    .await;
    assert!(form.find_by_test_id(PHONE_ADVICE).is_none());
}

#[wasm_bindgen_test]
async fn read_only_users_see_the_advice_in_spanish_but_cannot_dismiss_it() {
    let api = FakeApi::new()
        .with_saved_contact(uncovered())
        .signed_in_as(3);
    let page = overview(&api, Locale::Es).await;
    let advice = page.text_of("coverage-warnings");
    assert!(
        advice.contains("Contactos de emergencia sin número de teléfono"),
        "{advice}"
    );
    assert!(advice.contains("Agrega un número de teléfono"), "{advice}");
    assert!(
        page.find_by_test_id("dismiss-emergency_phone_missing")
            .is_none()
    );
    assert!(advice.contains("Revisar en Configuración"), "{advice}");
}

#[wasm_bindgen_test]
async fn without_advice_the_overview_shows_no_advice_section() {
    let mut info = uncovered();
    info.technical_emergency[0].phone = "+34911234567".into();
    info.shared_with_users = ContactEntry::new("support@acme.example");
    let api = FakeApi::new().with_saved_contact(info);
    let page = overview(&api, Locale::En).await;
    assert!(page.find_by_test_id("coverage-warnings").is_none());
}
