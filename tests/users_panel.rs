//! The account's users: the list everyone sees, and what administrators can
//! change, with the fake API behind the seam.

#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use partner_portal::api::{Api, ApiError};
use partner_portal::components::UsersPanel;
use partner_portal::i18n::{self, I18n, Locale};
use partner_portal::state::{AccountData, Session};
use portal_domain::{ErrorCode, Role, UserStatus};
use support::fake_api::{FakeApi, error, pending_user};
use support::{Mounted, mount, settle};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The panel, signed in as whoever the fake's session names.
fn open(api: &FakeApi, locale: Locale) -> (Mounted, Session) {
    let info = api.with(|s| s.session.clone()).expect("a signed-in user");
    let session = Rc::new(Cell::new(None));
    let page = mount({
        let api = api.clone();
        let session = session.clone();
        move || {
            Api::provide(api);
            I18n::provide(locale);
            session.set(Some(Session::provide_signed_in(info)));
            AccountData::provide();
            view! { <UsersPanel /> }
        }
    });
    (page, session.get().expect("the session was provided"))
}

/// Ana (administrator, signed in), Eddie (editor), Rosa (read only), plus a
/// pending invitation for Nina and an expired one for Otto.
fn account_with_invitations() -> FakeApi {
    let api = FakeApi::new();
    api.with(|s| {
        s.users.push(pending_user(
            4,
            "Nina New",
            "nina@acme.example",
            Role::Editor,
        ));
        let mut expired = pending_user(5, "Otto Old", "otto@acme.example", Role::ReadOnly);
        expired.status = UserStatus::InvitationExpired;
        expired.invitation_expires_at = None;
        s.users.push(expired);
    });
    api
}

fn status(page: &Mounted) -> String {
    page.text_of("users-status").trim().to_owned()
}

fn alert(page: &Mounted) -> String {
    page.text_of("users-alert").trim().to_owned()
}

/// A field's error as a screen reader reads it, "Error:" first.
fn spoken_error(message: &str) -> String {
    format!("{} {message}", i18n::EN.common.error_prefix)
}

#[wasm_bindgen_test]
async fn lists_everyone_with_role_and_status() {
    let api = account_with_invitations();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    assert!(page.text_of("user-1").contains("Ana Admin"));
    assert!(page.text_of("user-1").contains("(you)"));
    assert!(page.text_of("user-2").contains("eddie@acme.example"));
    assert!(!page.text_of("user-2").contains("(you)"));
    assert_eq!(page.text_of("role-1"), "Administrator");
    assert_eq!(page.text_of("role-3"), "Read only");
    assert_eq!(page.text_of("status-1"), "Active");
    assert_eq!(
        page.text_of("status-4"),
        "Invitation pending (expires December 6, 2026)"
    );
    assert_eq!(page.text_of("status-5"), "Invitation expired");
    assert!(page.find_by_test_id("users-read-only").is_none());
}

#[wasm_bindgen_test]
async fn an_administrator_invites_a_colleague() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    page.type_into("invite-name", "Nina New");
    page.type_into("invite-email", "nina@acme.example");
    page.choose("invite-role", "administrator");
    page.submit("invite-form");
    settle().await;

    assert!(
        status(&page).starts_with("Invitation sent to nina@acme.example."),
        "{}",
        status(&page)
    );
    assert_eq!(
        page.attribute("users-status", "aria-live").as_deref(),
        Some("polite")
    );
    assert!(page.text_of("user-4").contains("Nina New"));
    assert_eq!(page.text_of("role-4"), "Administrator");
    assert!(page.text_of("status-4").starts_with("Invitation pending"));
    let invited = api
        .with(|s| s.users.iter().find(|u| u.id == 4).cloned())
        .unwrap();
    assert_eq!(invited.role, Role::Administrator);
    let name: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(page.get("invite-name"));
    assert_eq!(name.value(), "", "the form is ready for the next colleague");
    assert!(page.find_by_test_id("error:invite-name").is_none());
}

#[wasm_bindgen_test]
async fn the_invite_form_checks_before_sending() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    page.type_into("invite-email", "nina@");
    page.submit("invite-form");
    settle().await;
    assert_eq!(
        page.text_of("error:invite-name"),
        spoken_error(i18n::EN.validation.required)
    );
    assert_eq!(
        page.text_of("error:invite-email"),
        spoken_error(i18n::EN.validation.invalid_email)
    );
    assert_eq!(
        page.attribute("invite-email", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(page.focused().as_deref(), Some("invite-name"));
    assert!(!api.calls().contains(&"invite".to_owned()));
}

#[wasm_bindgen_test]
async fn an_address_already_registered_is_shown_on_the_email_field() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    page.type_into("invite-name", "Eddie Twice");
    page.type_into("invite-email", "eddie@acme.example");
    page.submit("invite-form");
    settle().await;
    assert_eq!(
        page.text_of("error:invite-email"),
        spoken_error(i18n::EN.validation.already_registered)
    );
    assert_eq!(page.focused().as_deref(), Some("invite-email"));
    assert_eq!(status(&page), "");
}

#[wasm_bindgen_test]
async fn an_editor_sees_the_list_read_only() {
    let api = FakeApi::new().signed_in_as(2);
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    assert!(page.text_of("user-2").contains("(you)"));
    assert!(page.find_by_test_id("invite-form").is_none());
    assert!(page.find_by_test_id("change-role-3").is_none());
    assert!(page.find_by_test_id("remove-3").is_none());
    assert_eq!(
        page.text_of("users-read-only"),
        i18n::EN.users.managers_only
    );
}

#[wasm_bindgen_test]
async fn the_last_administrator_cannot_be_removed_and_says_why() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    assert!(page.find_by_test_id("remove-1").is_none());
    assert!(page.find_by_test_id("change-role-1").is_none());
    assert!(
        page.text_of("only-admin-1")
            .contains("Make someone else an administrator first.")
    );
    assert!(page.find_by_test_id("remove-2").is_some());
}

#[wasm_bindgen_test]
async fn removing_asks_first_and_can_be_cancelled() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;

    page.click("remove-2");
    settle().await;
    assert_eq!(
        page.text_of("step-2").trim_start().split('?').next(),
        Some("Remove Eddie Editor from the account")
    );
    assert_eq!(
        page.attribute("remove-2", "aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(page.focused().as_deref(), Some("confirm-2"));
    assert!(!api.calls().contains(&"remove_user".to_owned()));

    page.click_button("Cancel");
    settle().await;
    assert!(page.find_by_test_id("step-2").is_none());
    assert_eq!(page.focused().as_deref(), Some("remove-2"));
    assert!(page.find_by_test_id("user-2").is_some());

    page.click("remove-2");
    settle().await;
    page.click("confirm-2");
    settle().await;
    assert!(page.find_by_test_id("user-2").is_none());
    assert_eq!(status(&page), "Eddie Editor was removed from the account.");
    assert!(api.calls().contains(&"remove_user".to_owned()));
    assert_eq!(page.focused().as_deref(), Some("users-list"));
}

#[wasm_bindgen_test]
async fn escape_closes_a_confirmation() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    page.click("remove-3");
    settle().await;
    page.press_key("confirm-3", "Escape");
    settle().await;
    assert!(page.find_by_test_id("step-3").is_none());
    assert_eq!(page.focused().as_deref(), Some("remove-3"));
}

#[wasm_bindgen_test]
async fn an_administrator_changes_a_role() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    page.click("change-role-2");
    settle().await;
    assert_eq!(page.focused().as_deref(), Some("role-select-2"));
    page.choose("role-select-2", "administrator");
    page.click("save-role-2");
    settle().await;
    assert_eq!(page.text_of("role-2"), "Administrator");
    assert_eq!(status(&page), "Eddie Editor's role is now Administrator.");
    assert_eq!(page.focused().as_deref(), Some("change-role-2"));
    // With a second administrator, Ana may now be removed or demoted.
    assert!(page.find_by_test_id("only-admin-1").is_none());
    assert!(page.find_by_test_id("remove-1").is_some());
}

#[wasm_bindgen_test]
async fn one_of_two_administrators_may_become_an_editor() {
    let api = FakeApi::new();
    api.with(|s| s.users[1].role = Role::Administrator);
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    page.click("change-role-2");
    settle().await;
    page.choose("role-select-2", "editor");
    page.click("save-role-2");
    settle().await;
    // Two administrators: Eddie may become an editor.
    assert_eq!(page.text_of("role-2"), "Editor");
    // Now Ana is the only one again.
    assert!(page.find_by_test_id("only-admin-1").is_some());
}

#[wasm_bindgen_test]
async fn a_stale_user_reloads_the_list_and_says_so() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    // Someone else changed Eddie meanwhile.
    api.with(|s| {
        s.users[1].version = 2;
        s.users[1].role = Role::ReadOnly;
    });
    page.click("change-role-2");
    settle().await;
    page.choose("role-select-2", "administrator");
    page.click("save-role-2");
    settle().await;
    assert_eq!(alert(&page), i18n::EN.users.stale);
    assert_eq!(
        page.text_of("role-2"),
        "Read only",
        "the list shows the newer state"
    );
    assert!(page.find_by_test_id("step-2").is_none());
    assert_eq!(api.count_of("users"), 2, "{:?}", api.calls());
}

#[wasm_bindgen_test]
async fn the_servers_refusals_are_explained() {
    let api = FakeApi::new();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    api.fail_next(
        "remove_user",
        error(409, ErrorCode::LastAlertContact, Vec::new()),
    );
    page.click("remove-2");
    settle().await;
    page.click("confirm-2");
    settle().await;
    assert_eq!(alert(&page), i18n::EN.validation.last_alert_contact);
    assert!(page.find_by_test_id("user-2").is_some());

    api.fail_next("remove_user", ApiError::Network("offline".into()));
    page.click("confirm-2");
    settle().await;
    assert_eq!(alert(&page), i18n::EN.common.server_unreachable);
    assert!(
        page.find_by_test_id("step-2").is_some(),
        "still there to retry"
    );
}

#[wasm_bindgen_test]
async fn an_ended_session_is_handed_to_the_session() {
    let api = FakeApi::new();
    let (page, session) = open(&api, Locale::En);
    settle().await;
    api.fail_next(
        "remove_user",
        error(401, ErrorCode::Unauthorized, Vec::new()),
    );
    page.click("remove-3");
    settle().await;
    page.click("confirm-3");
    settle().await;
    assert!(!session.is_signed_in());
}

#[wasm_bindgen_test]
async fn invitations_can_be_resent_and_revoked() {
    let api = account_with_invitations();
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    assert!(page.find_by_test_id("remove-4").is_none());

    page.click("resend-5");
    settle().await;
    assert!(status(&page).starts_with("A new invitation was sent to otto@acme.example."));
    assert!(page.text_of("status-5").starts_with("Invitation pending"));

    page.click("revoke-4");
    settle().await;
    assert!(
        page.text_of("step-4")
            .contains("Revoke the invitation for Nina New?")
    );
    assert!(page.find_by_test_id("user-4").is_some());
    page.click("confirm-4");
    settle().await;
    assert!(page.find_by_test_id("user-4").is_none());
    assert_eq!(status(&page), "The invitation for Nina New was revoked.");
}

#[wasm_bindgen_test]
async fn demoting_yourself_takes_effect_at_once() {
    let api = FakeApi::new();
    api.with(|s| s.users[1].role = Role::Administrator);
    let (page, session) = open(&api, Locale::En);
    settle().await;
    page.click("change-role-1");
    settle().await;
    page.choose("role-select-1", "editor");
    page.click("save-role-1");
    settle().await;
    assert_eq!(session.get().map(|info| info.user.role), Some(Role::Editor));
    assert!(page.find_by_test_id("invite-form").is_none());
    assert!(page.find_by_test_id("users-read-only").is_some());
}

#[wasm_bindgen_test]
async fn the_panel_speaks_spanish() {
    let api = account_with_invitations();
    let (page, _session) = open(&api, Locale::Es);
    settle().await;
    assert_eq!(page.text_of("role-1"), "Administrador");
    assert_eq!(page.text_of("status-1"), "Activo");
    assert_eq!(
        page.text_of("status-4"),
        "Invitación pendiente (caduca el 6 de diciembre de 2026)"
    );
    assert!(page.text_of("user-1").contains("(tú)"));
    assert!(page.text_of("invite-submit").contains("Enviar invitación"));
    page.click("remove-2");
    settle().await;
    assert!(
        page.text_of("step-2")
            .contains("¿Quitar a Eddie Editor de la cuenta?")
    );
}

#[wasm_bindgen_test]
async fn a_list_that_fails_to_load_can_be_retried() {
    let api = FakeApi::new();
    api.fail_next("users", ApiError::Network("offline".into()));
    let (page, _session) = open(&api, Locale::En);
    settle().await;
    assert!(
        page.text_of("users-load-error")
            .contains(i18n::EN.common.server_unreachable)
    );
    assert!(page.find_by_test_id("user-1").is_none());

    page.click_button("Try again");
    settle().await;
    assert!(page.find_by_test_id("users-load-error").is_none());
    assert!(page.text_of("user-2").contains("Eddie Editor"));
}

#[wasm_bindgen_test]
async fn the_panel_leaves_its_heading_to_its_host() {
    let (page, _) = open(&FakeApi::new(), Locale::En);
    settle().await;
    assert!(page.find("h2").is_none());
    assert_eq!(
        page.find("section.users-panel")
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some("Users")
    );
    assert!(page.find_by_test_id("invite-form").is_some());
}
