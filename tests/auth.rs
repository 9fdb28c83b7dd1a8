//! Signing in and accepting an invitation or set-up link, as a person does it
//! in the browser, with the fake API behind the seam.

#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use partner_portal::PublicPage;
use partner_portal::api::{ApiError, VisitorClient};
use partner_portal::i18n::{self, I18n, Locale};
use partner_portal::pages::{FrontDoorSignIn, Invitation};
use portal_domain::{ErrorCode, InvitationPurpose};
use support::fake_api::{FakeApi, error, invitation_details};
use support::{Mounted, mount, settle};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Where the page sent the browser next, if anywhere.
type WentTo = Rc<RefCell<Option<String>>>;

/// The front door's page for `path` (`/sign-in?…` or `/invitation/TOKEN`),
/// with the fake API as the visitor's; the page that would load after
/// signing in is recorded instead of loaded.
fn open(path: &str, api: &FakeApi, locale: Locale) -> (Mounted, WentTo) {
    let went_to = WentTo::default();
    let page = mount({
        let api = api.clone();
        let went_to = went_to.clone();
        let path = path.to_owned();
        move || {
            VisitorClient::provide(api);
            I18n::provide(locale);
            let page = match path.strip_prefix("/invitation/") {
                Some(token) => view! { <Invitation token=token.to_owned() /> }.into_any(),
                None => {
                    let search = path.strip_prefix("/sign-in").unwrap_or_default().to_owned();
                    let go_to = UnsyncCallback::new(move |next| *went_to.borrow_mut() = Some(next));
                    view! { <FrontDoorSignIn search go_to /> }.into_any()
                }
            };
            view! { <PublicPage>{page}</PublicPage> }
        }
    });
    (page, went_to)
}

/// Whether the (fake) server holds a session now.
fn signed_in(api: &FakeApi) -> bool {
    api.with(|s| s.session.is_some())
}

/// A field's error as a screen reader reads it, "Error:" first.
fn spoken_error(t: &i18n::Catalog, message: &str) -> String {
    format!("{} {message}", t.common.error_prefix)
}

fn sign_in_with(page: &Mounted, email: &str, password: &str) {
    page.type_into("sign-in-email", email);
    page.type_into("sign-in-password", password);
    page.click("sign-in-submit");
}

fn alert_text(page: &Mounted) -> String {
    page.text_of("sign-in-error").trim().to_owned()
}

#[wasm_bindgen_test]
async fn a_wrong_password_and_an_unknown_address_read_the_same() {
    let api = FakeApi::new();
    api.with(|s| s.session = None);
    let (page, went_to) = open("/sign-in", &api, Locale::En);
    settle().await;

    sign_in_with(&page, "ana@acme.example", "wrong password");
    settle().await;
    let wrong_password = alert_text(&page);
    assert_eq!(wrong_password, i18n::EN.auth.invalid_credentials);
    assert!(!signed_in(&api));
    assert_eq!(page.focused().as_deref(), Some("sign-in-email"));
    let password: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(page.get("sign-in-password"));
    assert_eq!(password.value(), "", "a rejected password is not kept");

    sign_in_with(&page, "nobody@acme.example", "wrong password");
    settle().await;
    assert_eq!(alert_text(&page), wrong_password);
    assert!(!signed_in(&api));
    assert_eq!(*went_to.borrow(), None, "the page stays");
}

#[wasm_bindgen_test]
async fn signing_in_sets_the_session_and_continues_to_next() {
    let api = FakeApi::new();
    api.with(|s| s.session = None);
    let (page, went_to) = open("/sign-in?next=/settings/users", &api, Locale::En);
    settle().await;
    // What password managers, phone keyboards and screen readers go by.
    for (field, attribute, value) in [
        ("sign-in-email", "type", "email"),
        ("sign-in-email", "autocomplete", "username"),
        ("sign-in-email", "name", "email"),
        ("sign-in-email", "autocapitalize", "none"),
        ("sign-in-email", "spellcheck", "false"),
        ("sign-in-email", "required", ""),
        ("sign-in-password", "type", "password"),
        ("sign-in-password", "autocomplete", "current-password"),
        ("sign-in-password", "name", "password"),
        ("sign-in-password", "required", ""),
    ] {
        assert_eq!(
            page.attribute(field, attribute).as_deref(),
            Some(value),
            "{field} {attribute}"
        );
    }

    sign_in_with(&page, "Ana@Acme.example ", "correct password");
    settle().await;
    assert_eq!(
        api.with(|s| s.session.clone()).map(|info| info.user.email),
        Some("ana@acme.example".to_owned())
    );
    assert_eq!(went_to.borrow().as_deref(), Some("/settings/users"));
    assert!(
        page.text_of("sign-in-submit")
            .contains(i18n::EN.auth.signing_in),
        "the button says it is still signing in until the next page arrives"
    );
}

#[wasm_bindgen_test]
async fn next_never_leaves_the_site() {
    for next in [
        "//evil.example/steal",
        "https://evil.example/",
        "/\\evil.example",
    ] {
        let api = FakeApi::new();
        api.with(|s| s.session = None);
        let query = String::from(js_sys::encode_uri_component(next));
        let (page, went_to) = open(&format!("/sign-in?next={query}"), &api, Locale::En);
        settle().await;
        sign_in_with(&page, "ana@acme.example", "correct password");
        settle().await;
        assert!(signed_in(&api));
        assert_eq!(went_to.borrow().as_deref(), Some("/"), "next={next}");
    }
}

#[wasm_bindgen_test]
async fn too_many_attempts_says_to_wait() {
    let api = FakeApi::new();
    api.with(|s| s.session = None);
    api.fail_next(
        "sign_in",
        error(429, ErrorCode::TooManyAttempts, Vec::new()),
    );
    let (page, _went_to) = open("/sign-in", &api, Locale::En);
    settle().await;
    sign_in_with(&page, "ana@acme.example", "correct password");
    settle().await;
    assert_eq!(alert_text(&page), i18n::EN.auth.too_many_attempts);
    assert!(alert_text(&page).contains("Wait 15 minutes"));
    assert!(!signed_in(&api));
}

#[wasm_bindgen_test]
async fn an_unreachable_server_asks_to_retry() {
    let api = FakeApi::new();
    api.with(|s| s.session = None);
    api.fail_next("sign_in", ApiError::Network("offline".into()));
    let (page, went_to) = open("/sign-in", &api, Locale::En);
    settle().await;
    sign_in_with(&page, "ana@acme.example", "correct password");
    settle().await;
    assert!(alert_text(&page).contains("Check your connection and try again"));
    assert!(!signed_in(&api));

    page.click("sign-in-submit");
    settle().await;
    assert!(signed_in(&api), "the second attempt reaches the server");
    assert_eq!(went_to.borrow().as_deref(), Some("/"));
}

#[wasm_bindgen_test]
async fn empty_fields_are_pointed_out_without_asking_the_server() {
    let api = FakeApi::new();
    let (page, _went_to) = open("/sign-in", &api, Locale::En);
    settle().await;
    page.click("sign-in-submit");
    settle().await;
    assert_eq!(
        page.attribute("sign-in-email", "aria-invalid").as_deref(),
        Some("true")
    );
    let described = page.attribute("sign-in-email", "aria-describedby").unwrap();
    let message = page.find(&format!("#{described}")).unwrap();
    assert_eq!(
        message.text_content().unwrap(),
        spoken_error(&i18n::EN, i18n::EN.auth.email_required)
    );
    assert_eq!(page.focused().as_deref(), Some("sign-in-email"));
    assert!(api.calls().is_empty());

    page.type_into("sign-in-email", "ana@acme.example");
    settle().await;
    assert_eq!(
        page.attribute("sign-in-email", "aria-invalid"),
        None,
        "no longer marked invalid"
    );
    assert!(page.html().contains(i18n::EN.auth.password_required));
    assert!(
        page.find("a[href='/help']").is_some(),
        "help is one link away"
    );
}

#[wasm_bindgen_test]
async fn sign_in_speaks_spanish() {
    let api = FakeApi::new();
    let (page, _went_to) = open("/sign-in", &api, Locale::Es);
    settle().await;
    assert!(
        page.html()
            .contains("Inicia sesión en el Portal para socios")
    );
    assert!(page.text_of("sign-in-submit").contains("Iniciar sesión"));
    sign_in_with(&page, "ana@acme.example", "no es");
    settle().await;
    assert_eq!(
        alert_text(&page),
        "La dirección de correo electrónico o la contraseña no son correctas. Revisa ambas y vuelve a intentarlo."
    );
}

// ---------------------------------------------------------------------------
// Invitation and set-up links
// ---------------------------------------------------------------------------

fn with_link(purpose: InvitationPurpose) -> FakeApi {
    let api = FakeApi::new();
    api.with(|s| {
        s.session = None;
        s.invitation = Some(invitation_details(purpose));
    });
    api
}

fn heading(page: &Mounted) -> String {
    page.find("#invitation-heading")
        .expect("a heading")
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
async fn an_invitation_names_the_account_and_the_invitee() {
    let api = with_link(InvitationPurpose::Invitation);
    let (page, _went_to) = open("/invitation/abc123", &api, Locale::En);
    settle().await;
    assert_eq!(heading(&page), "Join Acme Tours on the Partner Portal");
    assert!(
        page.html()
            .contains("You will sign in with nora@acme.example.")
    );
    assert!(page.html().contains("until December 6, 2026"));
    assert!(
        page.find_by_test_id("invitation-email").is_none(),
        "the address is fixed"
    );
    let name: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(page.get("invitation-name"));
    assert_eq!(name.value(), "Nora New");
    assert_eq!(
        page.attribute("invitation-name", "autocomplete").as_deref(),
        Some("name")
    );
    assert_eq!(
        page.attribute("invitation-password", "autocomplete")
            .as_deref(),
        Some("new-password")
    );
    // The rules are shown before anything is typed, and tied to the field.
    let hint = page
        .attribute("invitation-password", "aria-describedby")
        .unwrap();
    let hint = page
        .find(&format!("#{hint}"))
        .unwrap()
        .text_content()
        .unwrap();
    assert!(hint.starts_with("Use at least 12 characters."), "{hint}");
}

#[wasm_bindgen_test]
async fn a_setup_link_asks_for_the_address_too() {
    let api = with_link(InvitationPurpose::Setup);
    let (page, _went_to) = open("/invitation/setup-token", &api, Locale::En);
    settle().await;
    assert_eq!(
        heading(&page),
        "Set up the first administrator of Acme Tours"
    );
    assert_eq!(
        page.attribute("invitation-email", "type").as_deref(),
        Some("email")
    );

    page.type_into("invitation-email", "boss@acme");
    page.leave("invitation-email");
    settle().await;
    assert_eq!(
        page.text_of("error:invitation-email"),
        spoken_error(&i18n::EN, i18n::EN.validation.email_domain_needs_dot)
    );

    page.type_into("invitation-email", "boss@acme.example");
    page.type_into("invitation-name", "Bea Boss");
    page.type_into("invitation-password", "a long enough secret");
    page.type_into("invitation-confirm", "a long enough secret");
    page.click("invitation-submit");
    settle().await;
    assert!(
        page.find_by_test_id("invitation-accepted").is_some(),
        "{}",
        page.html()
    );
    assert_eq!(
        api.with(|s| s.passwords.get("boss@acme.example").cloned()),
        Some("a long enough secret".to_owned())
    );
}

#[wasm_bindgen_test]
async fn password_mismatch_shows_after_leaving_the_field_and_clears() {
    let api = with_link(InvitationPurpose::Invitation);
    let (page, _went_to) = open("/invitation/abc123", &api, Locale::En);
    settle().await;
    page.type_into("invitation-password", "correct horse battery");
    page.type_into("invitation-confirm", "correct horse");
    settle().await;
    assert!(
        page.find_by_test_id("error:invitation-confirm").is_none(),
        "nothing is said while typing"
    );

    page.leave("invitation-confirm");
    settle().await;
    assert_eq!(
        page.text_of("error:invitation-confirm"),
        spoken_error(&i18n::EN, i18n::EN.auth.passwords_mismatch)
    );
    assert_eq!(
        page.attribute("invitation-confirm", "aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        page.attribute("invitation-confirm", "aria-describedby")
            .as_deref(),
        Some("invitation-confirm-error")
    );

    page.type_into("invitation-confirm", "correct horse battery");
    settle().await;
    assert!(page.find_by_test_id("error:invitation-confirm").is_none());
    assert_eq!(
        page.attribute("invitation-confirm", "aria-invalid"),
        None,
        "no longer marked invalid"
    );
}

#[wasm_bindgen_test]
async fn sending_an_incomplete_form_points_to_the_first_problem() {
    let api = with_link(InvitationPurpose::Invitation);
    let (page, _went_to) = open("/invitation/abc123", &api, Locale::En);
    settle().await;
    page.type_into("invitation-password", "short");
    page.click("invitation-submit");
    settle().await;
    assert_eq!(
        page.text_of("error:invitation-password"),
        spoken_error(&i18n::EN, "Use at least 12 characters.")
    );
    assert_eq!(
        page.text_of("error:invitation-confirm"),
        spoken_error(&i18n::EN, i18n::EN.auth.confirm_required)
    );
    assert_eq!(page.focused().as_deref(), Some("invitation-password"));
    assert!(
        page.text_of("invitation-alert")
            .contains(i18n::EN.auth.fix_fields)
    );
    assert_eq!(api.calls(), vec!["invitation"], "nothing was sent");
}

#[wasm_bindgen_test]
async fn accepting_leads_to_sign_in_without_carrying_anything() {
    let api = with_link(InvitationPurpose::Invitation);
    let (page, _went_to) = open("/invitation/abc123", &api, Locale::En);
    settle().await;
    page.type_into("invitation-password", "correct horse battery");
    page.type_into("invitation-confirm", "correct horse battery");
    page.click("invitation-submit");
    settle().await;
    assert_eq!(heading(&page), i18n::EN.auth.accepted_heading);
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("invitation-heading")
    );
    let link = page.find("[data-testid=invitation-accepted] a").unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("/sign-in"));
    assert_eq!(
        api.with(|s| s.passwords.get("nora@acme.example").cloned()),
        Some("correct horse battery".to_owned())
    );
}

#[wasm_bindgen_test]
async fn an_expired_link_says_to_ask_for_a_new_one() {
    let api = with_link(InvitationPurpose::Invitation);
    api.fail_next(
        "invitation",
        error(410, ErrorCode::InvitationExpired, Vec::new()),
    );
    let (page, _went_to) = open("/invitation/old", &api, Locale::En);
    settle().await;
    assert_eq!(heading(&page), "This link has expired");
    assert!(
        page.text_of("invitation-expired")
            .contains("Ask an administrator")
    );
    assert!(page.find("form").is_none());
}

#[wasm_bindgen_test]
async fn an_unknown_link_says_so() {
    let api = FakeApi::new();
    let (page, _went_to) = open("/invitation/nonsense", &api, Locale::En);
    settle().await;
    assert_eq!(heading(&page), "This link doesn't work");
    assert!(
        page.text_of("invitation-invalid")
            .contains("send you a new invitation")
    );
    assert!(page.find("a[href='/sign-in']").is_some());
}

#[wasm_bindgen_test]
async fn a_link_that_expires_while_open_switches_to_the_expired_screen() {
    let api = with_link(InvitationPurpose::Invitation);
    let (page, _went_to) = open("/invitation/abc123", &api, Locale::En);
    settle().await;
    api.fail_next(
        "accept_invitation",
        error(410, ErrorCode::InvitationExpired, Vec::new()),
    );
    page.type_into("invitation-password", "correct horse battery");
    page.type_into("invitation-confirm", "correct horse battery");
    page.click("invitation-submit");
    settle().await;
    assert_eq!(heading(&page), "This link has expired");
}

#[wasm_bindgen_test]
async fn the_servers_field_errors_land_on_the_fields() {
    let api = with_link(InvitationPurpose::Setup);
    let (page, _went_to) = open("/invitation/setup-token", &api, Locale::En);
    settle().await;
    page.type_into("invitation-email", "eddie@acme.example");
    page.type_into("invitation-name", "Eddie Again");
    page.type_into("invitation-password", "correct horse battery");
    page.type_into("invitation-confirm", "correct horse battery");
    page.click("invitation-submit");
    settle().await;
    assert_eq!(
        page.text_of("error:invitation-email"),
        spoken_error(&i18n::EN, i18n::EN.validation.already_registered)
    );
    assert_eq!(page.focused().as_deref(), Some("invitation-email"));

    page.type_into("invitation-email", "bea@acme.example");
    settle().await;
    assert!(page.find_by_test_id("error:invitation-email").is_none());
}

#[wasm_bindgen_test]
async fn the_invitation_speaks_spanish() {
    let api = with_link(InvitationPurpose::Invitation);
    let (page, _went_to) = open("/invitation/abc123", &api, Locale::Es);
    settle().await;
    assert_eq!(
        heading(&page),
        "Únete a Acme Tours en el Portal para socios"
    );
    assert!(page.html().contains("hasta el 6 de diciembre de 2026"));
    page.type_into("invitation-password", "uno dos tres cuatro");
    page.type_into("invitation-confirm", "uno dos");
    page.leave("invitation-confirm");
    settle().await;
    assert_eq!(
        page.text_of("error:invitation-confirm"),
        spoken_error(
            &i18n::ES,
            "Las contraseñas no coinciden. Escribe la misma contraseña en los dos campos."
        )
    );
}

#[wasm_bindgen_test]
async fn a_link_that_cannot_be_checked_can_be_retried() {
    let api = with_link(InvitationPurpose::Invitation);
    api.fail_next("invitation", ApiError::Network("offline".into()));
    let (page, _went_to) = open("/invitation/abc123", &api, Locale::En);
    settle().await;
    assert!(
        page.text_of("invitation-failed")
            .contains(i18n::EN.common.server_unreachable)
    );
    page.click_button("Try again");
    settle().await;
    assert_eq!(heading(&page), "Join Acme Tours on the Partner Portal");
}

#[wasm_bindgen_test]
async fn too_many_tried_links_say_how_long_to_wait_in_spanish() {
    let api = with_link(InvitationPurpose::Invitation);
    let (page, _went_to) = open("/invitation/abc123", &api, Locale::Es);
    settle().await;
    api.fail_next(
        "accept_invitation",
        error(429, ErrorCode::TooManyAttempts, Vec::new()),
    );
    page.type_into("invitation-password", "correct horse battery");
    page.type_into("invitation-confirm", "correct horse battery");
    page.click("invitation-submit");
    settle().await;
    assert_eq!(
        page.text_of("invitation-alert").trim(),
        i18n::ES.auth.links_too_many
    );
    assert!(
        page.text_of("invitation-alert")
            .contains("Espera 15 minutos")
    );
    assert_eq!(
        api.with(|s| s.passwords.get("nora@acme.example").cloned()),
        None,
        "nothing was accepted"
    );
}
