//! The unlocked portal: shell, settings pages and the change history.

#![cfg(target_arch = "wasm32")]

mod support;

use partner_portal::i18n::Locale;
use portal_domain::{Environment, FieldChange, HistoryEntry, HistoryPage};
use support::fake_api::FakeApi;
use support::{Mounted, settle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The whole app at `path`, signed in, with complete contact information.
async fn portal_at(path: &str, api: FakeApi, locale: Locale) -> Mounted {
    api.with(|s| s.session.as_mut().unwrap().contact_info_complete = true);
    support::app_at(path, api, locale).await
}

fn history(entries: Vec<HistoryEntry>, total: u64) -> HistoryPage {
    HistoryPage {
        entries,
        page: 1,
        per_page: 20,
        total,
    }
}

#[wasm_bindgen_test]
async fn the_history_shows_who_changed_what_from_old_to_new() {
    let api = FakeApi::new();
    api.with(|s| {
        s.history = history(
            vec![HistoryEntry {
                id: 7,
                at: "2026-11-29T10:15:00Z".into(),
                actor_name: "Eddie Editor".into(),
                changes: vec![FieldChange {
                    field: "shared_with_users".into(),
                    before: vec!["support@acme.example".into()],
                    after: vec!["help@acme.example".into()],
                }],
            }],
            1,
        )
    });
    let page = portal_at("/settings/contact", api, Locale::En).await;
    let entry = page.text_of("history-entry");
    assert!(entry.contains("Eddie Editor"), "{entry}");
    assert!(entry.contains("2026"), "the date is shown: {entry}");
    assert!(
        entry.contains("Operational contact (to share with users)"),
        "{entry}"
    );
    assert!(
        entry.contains("support@acme.example → help@acme.example"),
        "{entry}"
    );
    assert!(page.text_of("history").contains("Page 1 of 1"));
    // One page: neither direction goes anywhere.
    for label in ["Newer changes", "Older changes"] {
        let button = page.button(label).unwrap_or_else(|| panic!("no {label}"));
        assert!(button.disabled(), "{label}");
    }
}

#[wasm_bindgen_test]
async fn an_empty_history_says_so_in_spanish() {
    let page = portal_at("/settings/contact", FakeApi::new(), Locale::Es).await;
    assert!(
        page.text_of("history")
            .contains("Todavía no se ha guardado ningún cambio.")
    );
}

#[wasm_bindgen_test]
async fn the_environment_switcher_marks_the_active_one_and_remembers_the_choice() {
    let api = FakeApi::new();
    let page = portal_at("/", api.clone(), Locale::En).await;
    let switcher = page.find_by_test_id("environment-switcher").unwrap();
    let pressed = || {
        let buttons = switcher.query_selector_all("button").unwrap();
        (0..buttons.length())
            .map(|i| buttons.item(i).unwrap())
            .filter(|b| {
                b.unchecked_ref::<web_sys::Element>()
                    .get_attribute("aria-pressed")
                    .as_deref()
                    == Some("true")
            })
            .map(|b| b.text_content().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(pressed(), vec!["Production"]);
    page.click_button("Sandbox");
    settle().await;
    assert_eq!(pressed(), vec!["Sandbox"]);
    assert!(api.calls().contains(&"set_environment".to_owned()));
    assert_eq!(
        api.with(|s| s.session.as_ref().unwrap().environment),
        Environment::Sandbox
    );
}

#[wasm_bindgen_test]
async fn navigation_marks_the_current_page_and_unknown_routes_are_not_found() {
    let page = portal_at("/settings/users", FakeApi::new(), Locale::En).await;
    let current = page
        .root
        .query_selector("nav a[aria-current=\"page\"]")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), "Users");
    drop(page);

    let page = portal_at("/no/such/page", FakeApi::new(), Locale::Es).await;
    assert!(page.html().contains("No se encontró la página"));
}

#[wasm_bindgen_test]
async fn a_save_keeps_the_page_its_focus_and_the_saved_message_and_asks_for_nothing_again() {
    let api = FakeApi::new();
    let page = portal_at("/settings/contact", api.clone(), Locale::En).await;
    let form_before = page.get("contact-form");
    support::fill_valid_contact_form(&page);
    page.click("save-contact-info");
    settle().await;
    settle().await;
    assert_eq!(page.text_of("form-status"), "Contact information saved.");
    // The same form, not a rebuilt one: nothing the user sees is replaced.
    assert!(form_before.is_same_node(Some(&page.get("contact-form"))));
    assert_eq!(
        support::focused().unwrap().id(),
        page.get("save-contact-info").id()
    );
    assert!(page.text_of("last-updated").contains("Ana Admin"));
    let calls = api.calls();
    let count = |name: &str| calls.iter().filter(|c| *c == name).count();
    assert_eq!(count("save_contact_info"), 1, "{calls:?}");
    assert_eq!(
        count("contact_info"),
        1,
        "the save's answer is used: {calls:?}"
    );
    assert_eq!(count("users"), 1, "{calls:?}");
}
