//! Verified addresses: the page a confirmation link opens, and the state
//! shown beside each saved address in the form and on the Overview.

#![cfg(target_arch = "wasm32")]

mod support;

use partner_portal::i18n::Locale;
use portal_domain::{
    AddressState, AddressStatus, ContactField, ErrorCode, ReviewState, VerificationDetails,
};
use support::fake_api::{FakeApi, error};
use support::{Mounted, settle_until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn details() -> VerificationDetails {
    VerificationDetails {
        email: "oncall@acme.example".into(),
        account_name: "Acme Tours".into(),
        partner_id: "P-TEST".into(),
        roles: vec![
            ContactField::TechnicalEmergency,
            ContactField::SharedWithUsers,
        ],
    }
}

fn status(email: &str, state: AddressState) -> AddressStatus {
    AddressStatus {
        email: email.into(),
        state,
        sent_at: (state != AddressState::Unverified).then(|| "2026-11-28T10:00:00Z".into()),
        verified_at: (state == AddressState::Verified).then(|| "2026-11-29T10:00:00Z".into()),
    }
}

/// An account with saved, complete contact information: one verified
/// address, one with a link sent and two nobody confirmed.
fn saved_account() -> FakeApi {
    let api = FakeApi::new().with_complete_info(ReviewState::Current);
    api.with(|s| {
        s.addresses = vec![
            status("oncall@acme.example", AddressState::Verified),
            status("tech@acme.example", AddressState::Unverified),
            status("ops@acme.example", AddressState::VerificationSent),
            status("support@acme.example", AddressState::Unverified),
        ];
    });
    api
}

/// The state shown in the entry (or field) with `data-testid`.
fn state_in(page: &Mounted, entry: &str) -> HtmlElement {
    page.get(entry)
        .query_selector("[data-testid=\"address-state\"]")
        .unwrap()
        .unwrap_or_else(|| panic!("no address state in {entry}: {}", page.html()))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn the_link_shows_account_and_roles_and_confirms_only_on_the_button() {
    let api = FakeApi::new();
    api.with(|s| s.verification = Some(details()));
    let page = support::public_page_at("/verify/some-token", api.clone(), Locale::En).await;
    settle_until("the details show", || {
        page.find_by_test_id("verify-details").is_some()
    })
    .await;
    let headings = page.root.query_selector_all("h1").unwrap();
    assert_eq!(headings.length(), 1);
    assert_eq!(
        headings.item(0).unwrap().text_content().unwrap(),
        "Confirm your contact address"
    );
    let text = page.text();
    assert!(text.contains("oncall@acme.example is named"), "{text}");
    let shown = page.text_of("verify-details");
    assert!(shown.contains("Acme Tours"), "{shown}");
    assert!(shown.contains("Partner ID P-TEST"), "{shown}");
    assert!(shown.contains("Technical emergency contacts"), "{shown}");
    assert!(
        shown.contains("Operational contact (to share with users)"),
        "{shown}"
    );
    assert!(
        !api.calls().contains(&"confirm_verification".to_owned()),
        "opening the link confirms nothing"
    );

    page.click("verify-confirm");
    settle_until("the confirmation shows", || {
        page.find_by_test_id("verify-confirmed").is_some()
    })
    .await;
    assert_eq!(
        page.find("h1").unwrap().text_content().unwrap(),
        "Address confirmed"
    );
    assert!(
        page.text_of("verify-confirmed")
            .contains("oncall@acme.example is confirmed for Acme Tours")
    );
    assert_eq!(support::focused().unwrap().id(), "verify-heading");
    assert_eq!(api.count_of("confirm_verification"), 1);
}

#[wasm_bindgen_test]
async fn a_used_or_expired_link_says_what_to_do_in_spanish() {
    let page = support::public_page_at("/verify/used", FakeApi::new(), Locale::Es).await;
    settle_until("the invalid link is explained", || {
        page.find_by_test_id("verify-invalid").is_some()
    })
    .await;
    assert_eq!(
        page.find("h1").unwrap().text_content().unwrap(),
        "Este enlace no funciona"
    );
    assert!(
        page.text_of("verify-invalid")
            .contains("pide a los administradores")
    );
    assert!(page.find_by_test_id("verify-confirm").is_none());
    drop(page);

    let api = FakeApi::new();
    api.fail_next(
        "verification_details",
        error(410, ErrorCode::VerificationExpired, Vec::new()),
    );
    let page = support::public_page_at("/verify/old", api, Locale::Es).await;
    settle_until("the expired link is explained", || {
        page.find_by_test_id("verify-expired").is_some()
    })
    .await;
    assert_eq!(
        page.find("h1").unwrap().text_content().unwrap(),
        "Este enlace caducó"
    );
    assert!(page.text_of("verify-expired").contains("7 días"));
}

#[wasm_bindgen_test]
async fn each_saved_address_shows_its_state_and_an_editor_can_send_a_link() {
    let api = saved_account();
    let page = support::app_at("/settings/contact", api.clone(), Locale::En).await;
    settle_until("the states show", || {
        page.find_by_test_id("technical_emergency[0]").is_some()
            && !state_in(&page, "technical_emergency[0]").hidden()
    })
    .await;
    let verified = state_in(&page, "technical_emergency[0]");
    assert!(
        verified.text_content().unwrap().starts_with("Verified "),
        "{}",
        verified.text_content().unwrap()
    );
    assert!(
        verified.query_selector("button").unwrap().is_none(),
        "a verified address needs no link"
    );
    let sent = state_in(&page, "operational_google[0]");
    assert!(
        sent.text_content().unwrap().contains("Verification sent "),
        "{}",
        sent.text_content().unwrap()
    );
    assert!(sent.text_content().unwrap().contains("Resend"));

    // The email input is described by its state.
    let input = page.get("technical_non_emergency[0].email");
    let described = input.get_attribute("aria-describedby").unwrap();
    let state = state_in(&page, "technical_non_emergency[0]");
    let text_id = state.query_selector("span[id]").unwrap().unwrap().id();
    assert!(described.split(' ').any(|id| id == text_id), "{described}");
    assert!(state.text_content().unwrap().contains("Not verified"));

    let button: HtmlElement = state
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Send verification: tech@acme.example")
    );
    button.click();
    settle_until("the link is sent", || {
        state_in(&page, "technical_non_emergency[0]")
            .text_content()
            .unwrap()
            .contains("Verification sent ")
    })
    .await;
    assert_eq!(api.count_of("send_verification"), 1);

    // Sent again too soon: the server refuses, and the form says when to retry.
    api.fail_next(
        "send_verification",
        error(429, ErrorCode::TooManyAttempts, Vec::new()),
    );
    page.click_button("Resend");
    settle_until("the refusal shows", || {
        state_in(&page, "technical_non_emergency[0]")
            .text_content()
            .unwrap()
            .contains("A link was sent to this address less than 10 minutes ago; try again when 10 minutes have passed.")
    })
    .await;

    // An address typed but not saved has no state.
    page.type_into("technical_non_emergency[0].email", "new@acme.example");
    settle_until("the state goes", || {
        state_in(&page, "technical_non_emergency[0]").hidden()
    })
    .await;
}

#[wasm_bindgen_test]
async fn read_only_users_see_the_states_in_spanish_on_the_overview() {
    let api = saved_account().signed_in_as(3);
    let page = support::app_at("/", api, Locale::Es).await;
    settle_until("the address line shows", || {
        page.find_by_test_id("checklist-contact")
            .is_some_and(|card| card.text_content().unwrap().contains("direcciones"))
    })
    .await;
    let card = page.text_of("checklist-contact");
    assert!(card.contains("1 de 4 direcciones verificadas"), "{card}");
    assert!(
        card.contains(
            "Sin verificar todavía: tech@acme.example, ops@acme.example, support@acme.example"
        ),
        "{card}"
    );
}

#[wasm_bindgen_test]
async fn read_only_users_see_each_addresss_state_beside_it_without_a_button() {
    let api = saved_account().signed_in_as(3);
    let page = support::app_at("/settings/contact", api.clone(), Locale::Es).await;
    settle_until("the states show", || {
        page.find_by_test_id("technical_emergency[0]")
            .is_some_and(|_| !state_in(&page, "technical_emergency[0]").hidden())
    })
    .await;
    assert!(page.find_by_test_id("contact-form-read-only").is_some());
    let verified = state_in(&page, "technical_emergency[0]");
    assert!(
        verified.text_content().unwrap().starts_with("Verificada "),
        "{}",
        verified.text_content().unwrap()
    );
    let unverified = state_in(&page, "technical_non_emergency[0]");
    assert!(
        unverified.text_content().unwrap().contains("Sin verificar"),
        "{}",
        unverified.text_content().unwrap()
    );
    assert!(
        page.find("[data-testid=contact-form-read-only] button")
            .is_none(),
        "reading is all a read-only user may do"
    );
    assert_eq!(
        api.count_of("addresses"),
        1,
        "the states are asked for once"
    );
}
