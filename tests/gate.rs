//! The onboarding gate: the blocking modal, its keyboard behaviour and who
//! sees what behind it.

#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use partner_portal::i18n::Locale;
use portal_domain::ReviewState;
use support::fake_api::FakeApi;
use support::{Mounted, settle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// The whole app at `path` in English for the fake API's signed-in user.
async fn app_at(path: &str, api: FakeApi) -> Mounted {
    support::app_at(path, api, Locale::En).await
}

fn press(target: &web_sys::EventTarget, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn active() -> HtmlElement {
    document().active_element().unwrap().unchecked_into()
}

fn dialog(page: &Mounted) -> HtmlElement {
    page.find_by_test_id("onboarding-modal")
        .expect("the onboarding modal is shown")
}

#[wasm_bindgen_test]
async fn the_modal_covers_every_route_and_the_portal_behind_it_is_inert() {
    for path in ["/", "/settings/contact", "/no/such/page"] {
        let page = app_at(path, FakeApi::new()).await;
        let dialog = dialog(&page);
        assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
        assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
        let portal = page.root.query_selector(".portal").unwrap().unwrap();
        assert!(
            portal.has_attribute("inert"),
            "{path}: the portal must be inert"
        );
        assert_eq!(portal.get_attribute("aria-hidden").as_deref(), Some("true"));
        // Focus moved into the dialog, onto its title.
        assert_eq!(active().id(), "onboarding-title", "{path}");
    }
}

#[wasm_bindgen_test]
async fn tab_and_shift_tab_wrap_inside_the_modal() {
    let page = app_at("/", FakeApi::new()).await;
    let dialog = dialog(&page);
    let focusable = partner_portal::components::focus::focusable_in(&dialog);
    assert!(
        focusable.len() >= 4,
        "found {} focusable elements",
        focusable.len()
    );
    let (first, last) = (focusable.first().unwrap(), focusable.last().unwrap());

    last.focus().unwrap();
    press(last, "Tab", false);
    assert_eq!(
        &active(),
        first,
        "Tab on the last element goes to the first"
    );

    press(first, "Tab", true);
    assert_eq!(
        &active(),
        last,
        "Shift+Tab on the first element goes to the last"
    );
}

#[wasm_bindgen_test]
async fn escape_does_not_close_the_modal() {
    let page = app_at("/", FakeApi::new()).await;
    let dialog = dialog(&page);
    // Anything outside the dialog that would act on Escape (a browser's or
    // another component's handler) must not see it.
    let reached_document = std::rc::Rc::new(std::cell::Cell::new(false));
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(KeyboardEvent)>::new({
        let reached_document = reached_document.clone();
        move |ev: KeyboardEvent| {
            if ev.key() == "Escape" {
                reached_document.set(true);
            }
        }
    });
    document()
        .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let not_cancelled = dialog.dispatch_event(&event).unwrap();
    document()
        .remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
    assert!(!not_cancelled, "the modal cancels Escape's default action");
    assert!(
        !reached_document.get(),
        "Escape stops at the modal and never reaches the document"
    );
    settle().await;
    assert!(page.find_by_test_id("onboarding-modal").is_some());
}

#[wasm_bindgen_test]
async fn the_locked_portal_renders_no_page_behind_the_modal() {
    for path in ["/", "/settings/contact", "/settings/users"] {
        let api = FakeApi::new();
        let page = app_at(path, api.clone()).await;
        assert!(page.find_by_test_id("onboarding-modal").is_some(), "{path}");
        assert!(
            page.find_by_test_id("locked-placeholder").is_some(),
            "{path}"
        );
        // Only the modal's own form, and none of the pages' content.
        let forms = page
            .root
            .query_selector_all("[data-testid=\"contact-form\"]")
            .unwrap();
        assert_eq!(forms.length(), 1, "{path}");
        assert!(page.find_by_test_id("checklist").is_none(), "{path}");
        assert!(page.find_by_test_id("history").is_none(), "{path}");
        assert!(
            page.root.query_selector("#main h1").unwrap().is_none(),
            "{path}"
        );
        // What the modal needs, asked for once each.
        let calls = api.calls();
        let count = |name: &str| calls.iter().filter(|c| *c == name).count();
        assert_eq!(count("contact_info"), 1, "{path}: {calls:?}");
        assert_eq!(count("users"), 1, "{path}: {calls:?}");
        assert_eq!(count("history"), 0, "{path}: {calls:?}");
    }
}

#[wasm_bindgen_test]
async fn saving_in_the_modal_unlocks_the_page_with_the_saved_data_and_no_new_request() {
    let api = FakeApi::new();
    let page = app_at("/settings/contact", api.clone()).await;
    support::fill_valid_contact_form(&page);
    page.submit("contact-form");
    settle().await;
    settle().await;
    assert!(page.find_by_test_id("onboarding-modal").is_none());
    // The page behind mounts with the saved copy: the form shows what was stored.
    assert_eq!(
        page.value_of("technical_emergency[0].email"),
        api.with(|s| s.contact.contact_info.technical_emergency[0].email.clone())
    );
    let calls = api.calls();
    let count = |name: &str| calls.iter().filter(|c| *c == name).count();
    assert_eq!(count("contact_info"), 1, "{calls:?}");
    assert_eq!(count("users"), 1, "{calls:?}");
    assert_eq!(count("save_contact_info"), 1, "{calls:?}");
}

#[wasm_bindgen_test]
async fn tabs_follow_the_apg_keyboard_pattern() {
    let page = app_at("/", FakeApi::new()).await;
    let tab =
        |id: &str| -> HtmlElement { document().get_element_by_id(id).unwrap().unchecked_into() };
    let panel_hidden = |id: &str| {
        document()
            .get_element_by_id(id)
            .unwrap()
            .has_attribute("hidden")
    };
    let (contact, users) = (tab("tab-contact"), tab("tab-users"));
    assert_eq!(
        contact.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(contact.tab_index(), 0);
    assert_eq!(users.tab_index(), -1);
    assert_eq!(
        contact.get_attribute("aria-controls").as_deref(),
        Some("panel-contact")
    );

    contact.focus().unwrap();
    press(&contact, "ArrowRight", false);
    settle().await;
    assert_eq!(active(), users);
    assert_eq!(
        users.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert!(panel_hidden("panel-contact"));
    assert!(!panel_hidden("panel-users"));

    press(&users, "ArrowRight", false);
    settle().await;
    assert_eq!(
        active(),
        contact,
        "ArrowRight on the last tab wraps to the first"
    );
    press(&contact, "End", false);
    settle().await;
    assert_eq!(active(), users);
    press(&users, "Home", false);
    settle().await;
    assert_eq!(active(), contact);
    press(&contact, "ArrowLeft", false);
    settle().await;
    assert_eq!(
        active(),
        users,
        "ArrowLeft on the first tab wraps to the last"
    );
    let _ = page;
}

#[wasm_bindgen_test]
async fn read_only_users_see_whom_to_ask_instead_of_the_form() {
    let page = app_at("/", FakeApi::new().signed_in_as(3)).await;
    let text = page.text_of("read-only-gate");
    assert!(text.contains("read-only access"), "{text}");
    assert!(
        text.contains("Ana Admin") && text.contains("Eddie Editor"),
        "{text}"
    );
    assert!(!text.contains("Rosa Reader"), "{text}");
    assert!(page.root.query_selector("form").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_complete_account_shows_the_portal_without_the_modal() {
    let api = FakeApi::new();
    api.with(|s| s.session.as_mut().unwrap().contact_info_complete = true);
    let page = app_at("/", api).await;
    assert!(page.find_by_test_id("onboarding-modal").is_none());
    let portal = page.root.query_selector(".portal").unwrap().unwrap();
    assert!(!portal.has_attribute("inert"));
    assert_eq!(page.text_of("account-name"), "Acme Tours");
    assert!(page.find_by_test_id("checklist").is_some());
}

/// Signed out is a new page (the front door's sign-in), which could not load
/// from a server the portal cannot reach; so the portal says so and asks again
/// when told to.
#[wasm_bindgen_test]
async fn an_unreachable_server_is_said_and_asked_again_instead_of_signing_out() {
    let api = FakeApi::new();
    api.fail_next(
        "session",
        partner_portal::api::ApiError::Network("offline".into()),
    );
    support::go_to("/settings/users");
    let page = support::mount({
        let api = api.clone();
        move || {
            partner_portal::api::Api::provide(api);
            partner_portal::i18n::I18n::provide(Locale::Es);
            partner_portal::state::Session::provide().load();
            view! { <partner_portal::AppRoutes /> }
        }
    });
    support::settle_until("the server is said to be unreachable", || {
        page.find_by_test_id("session-unreachable").is_some()
    })
    .await;
    let alert = page.text_of("session-unreachable");
    assert!(
        alert.contains(partner_portal::i18n::ES.common.server_unreachable),
        "{alert}"
    );
    assert!(
        alert.contains(partner_portal::i18n::ES.common.retry),
        "{alert}"
    );
    assert_eq!(support::current_path(), "/settings/users", "still here");

    page.click("session-retry");
    support::settle_until("the modal opens", || {
        page.find_by_test_id("onboarding-modal").is_some()
    })
    .await;
    assert!(page.find_by_test_id("session-unreachable").is_none());
    assert_eq!(api.count_of("session"), 2, "asked once more");
}

#[wasm_bindgen_test]
async fn save_stays_in_a_bar_below_the_scrolling_part_and_submits_the_form() {
    let api = FakeApi::new();
    let page = app_at("/", api.clone()).await;
    let save = page
        .root
        .query_selector(".modal__actions [data-testid=\"save-contact-info\"]")
        .unwrap()
        .expect("the Save button is in the modal's action bar");
    let form = page.find_by_test_id("contact-form").unwrap();
    assert_eq!(save.get_attribute("form"), Some(form.id()));
    assert!(
        page.root
            .query_selector(".modal__scroll [data-testid=\"save-contact-info\"]")
            .unwrap()
            .is_none()
    );
    // Clicking it validates the form (nothing is valid yet, so nothing is sent).
    save.unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert!(page.find_by_test_id("error-summary").is_some());
    assert!(!api.calls().contains(&"save_contact_info".to_owned()));
}

#[wasm_bindgen_test]
async fn an_overdue_review_locks_until_the_information_is_confirmed_unchanged() {
    let api = FakeApi::new().with_complete_info(ReviewState::Overdue);
    let page = app_at("/", api.clone()).await;
    let title = page.get("onboarding-modal").inner_text();
    assert!(title.contains("still correct"), "{title}");
    // The stored version, pre-filled and unchanged, is confirmed in one click.
    assert_eq!(
        page.value_of("technical_emergency[0].email"),
        "oncall@acme.example"
    );
    page.click("confirm-review");
    support::settle_until("the modal closes", || {
        page.find_by_test_id("onboarding-modal").is_none()
    })
    .await;
    let calls = api.calls();
    assert!(calls.contains(&"confirm_review".to_owned()), "{calls:?}");
    assert!(
        !calls.contains(&"save_contact_info".to_owned()),
        "confirming saves no new version: {calls:?}"
    );
    support::settle_until("the overview shows", || {
        page.find_by_test_id("checklist").is_some()
    })
    .await;
    support::settle_until("the unlock is announced", || {
        page.text_of("live-region").contains("unlocked")
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_edit_replaces_the_confirmation_with_a_save() {
    let api = FakeApi::new().with_complete_info(ReviewState::Overdue);
    let page = app_at("/", api.clone()).await;
    assert!(page.find_by_test_id("confirm-review").is_some());
    page.type_into("operational_google[0].email", "ops-new@acme.example");
    settle().await;
    assert!(
        page.find_by_test_id("confirm-review").is_none(),
        "changed information is saved, not confirmed"
    );
    page.click("save-contact-info");
    support::settle_until("the modal closes", || {
        page.find_by_test_id("onboarding-modal").is_none()
    })
    .await;
    assert!(!api.calls().contains(&"confirm_review".to_owned()));
    assert_eq!(
        api.with(|s| s.contact.contact_info.operational_google[0].email.clone()),
        "ops-new@acme.example"
    );
}

#[wasm_bindgen_test]
async fn a_due_review_is_a_banner_for_editors_that_leads_to_the_confirmation() {
    let api = FakeApi::new().with_complete_info(ReviewState::Due);
    let page = app_at("/", api.clone()).await;
    assert!(
        page.find_by_test_id("onboarding-modal").is_none(),
        "not locked yet"
    );
    let banner = page.text_of("review-banner");
    assert!(
        banner.contains("2025") && banner.contains("2026"),
        "{banner}"
    );
    drop(page);

    let page = app_at("/settings/contact", api.clone()).await;
    page.click("confirm-review");
    support::settle_until("the banner goes", || {
        page.find_by_test_id("review-banner").is_none()
    })
    .await;
    assert!(api.calls().contains(&"confirm_review".to_owned()));
    assert!(
        page.text_of("form-status").contains("still correct"),
        "{}",
        page.text_of("form-status")
    );
}

#[wasm_bindgen_test]
async fn read_only_users_see_no_review_banner() {
    let api = FakeApi::new()
        .with_complete_info(ReviewState::Due)
        .signed_in_as(3);
    let page = app_at("/", api).await;
    assert!(page.find_by_test_id("checklist").is_some());
    assert!(page.find_by_test_id("review-banner").is_none());
}
