//! Settings → Contact information: importing a downloaded file, checked,
//! shown as a change list and saved only on confirmation.

#![cfg(target_arch = "wasm32")]

mod support;

use partner_portal::i18n::Locale;
use portal_domain::{ContactEntry, ContactInfo, ContactInfoDocument, ReviewState};
use serde::Serialize;
use support::fake_api::{FakeApi, complete_info};
use support::{Mounted, settle_until};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Settings → Contact information, with complete contact information saved
/// at version 1.
async fn settings(api: FakeApi, locale: Locale) -> Mounted {
    let api = api.with_complete_info(ReviewState::Current);
    let page = support::app_at("/settings/contact", api, locale).await;
    settle_until("the import control", || {
        page.find_by_test_id("transfer-file").is_some()
    })
    .await;
    page
}

/// A file as Download as JSON writes it, holding `info` exported at `version`.
fn file(version: i64, info: ContactInfo) -> String {
    let document = ContactInfoDocument::new("P-TEST", version, info);
    let value = document
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap();
    js_sys::JSON::stringify(&value).unwrap().into()
}

#[wasm_bindgen_test]
async fn a_file_downloaded_before_someone_saved_is_refused_as_stale() {
    let api = FakeApi::new();
    let page = settings(api.clone(), Locale::En).await;
    page.choose_file("transfer-file", "old.json", &file(0, complete_info()));
    settle_until("the problem", || {
        page.find_by_test_id("transfer-problem").is_some()
    })
    .await;
    let problem = page.text_of("transfer-problem");
    assert!(problem.contains("downloaded at version 0"), "{problem}");
    assert!(
        problem.contains("Download the contact information again"),
        "{problem}"
    );
    assert_eq!(page.focused().as_deref(), Some("transfer-problem"));
    assert!(page.find_by_test_id("transfer-review").is_none());
    assert!(api.with(|s| s.saved_with.is_empty()));
}

#[wasm_bindgen_test]
async fn a_valid_file_shows_its_changes_and_saves_them_with_its_version_on_confirmation() {
    let api = FakeApi::new();
    let page = settings(api.clone(), Locale::En).await;
    let mut edited = complete_info();
    edited.shared_with_users = ContactEntry::new("help@acme.example");
    page.choose_file("transfer-file", "edited.json", &file(1, edited));
    settle_until("the change list", || {
        page.find_by_test_id("transfer-review").is_some()
    })
    .await;
    let review = page.text_of("transfer-review");
    assert!(
        review.contains("Operational contact (to share with users)"),
        "{review}"
    );
    assert!(
        review.contains("support@acme.example → help@acme.example"),
        "{review}"
    );
    // Nothing is saved before the confirmation.
    assert!(api.with(|s| s.saved_with.is_empty()));

    page.click_button("Save these changes");
    settle_until("the saved notice", || {
        page.find_by_test_id("transfer-saved").is_some()
    })
    .await;
    assert_eq!(api.with(|s| s.saved_with.clone()), vec![1]);
    assert_eq!(
        api.with(|s| s.contact.contact_info.shared_with_users.email.clone()),
        "help@acme.example"
    );
    assert!(page.find_by_test_id("transfer-review").is_none());
    settle_until("focus on the saved notice", || {
        page.focused().as_deref() == Some("transfer-saved")
    })
    .await;
    // The form starts again from what the import saved.
    settle_until("the form showing the imported address", || {
        page.find_by_test_id("shared_with_users.email").is_some()
            && page.value_of("shared_with_users.email") == "help@acme.example"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_file_that_breaks_the_rules_says_which_in_spanish_and_saves_nothing() {
    let api = FakeApi::new();
    let page = settings(api.clone(), Locale::Es).await;
    let mut broken = complete_info();
    broken.shared_with_users = ContactEntry::new("not an address");
    page.choose_file("transfer-file", "broken.json", &file(1, broken));
    settle_until("the problem", || {
        page.find_by_test_id("transfer-problem").is_some()
    })
    .await;
    let problem = page.text_of("transfer-problem");
    assert!(problem.contains("no cumple estas reglas"), "{problem}");
    assert!(
        problem.contains("Contacto operativo (para compartir con los usuarios)"),
        "{problem}"
    );
    assert!(api.with(|s| s.saved_with.is_empty()));

    page.choose_file("transfer-file", "notes.txt", "not json at all");
    settle_until("the next problem", || {
        page.text_of("transfer-problem").contains("no es JSON")
    })
    .await;
}
