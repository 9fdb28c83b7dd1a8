//! The unlocked portal: shell, settings pages and the change history.

#![cfg(target_arch = "wasm32")]

mod support;

use partner_portal::components::end_user_preview::in_viewer_zone;
use partner_portal::i18n::Locale;
use portal_domain::{
    Environment, FieldChange, HistoryEntry, HistoryPage, ReviewState, SupportSchedule, Weekday,
};
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

/// Milliseconds since the epoch of a UTC date and hour.
fn utc(year: i32, month: u32, day: u32, hour: u32) -> f64 {
    js_sys::Date::utc(f64::from(year), f64::from(month - 1))
        + (f64::from(day - 1) * 24.0 + f64::from(hour)) * 3_600_000.0
}

fn schedule(zone: &str, days: &[Weekday], from: &str, to: &str) -> SupportSchedule {
    SupportSchedule {
        time_zone: zone.into(),
        days: days.to_vec(),
        all_day: false,
        from: from.into(),
        to: to.into(),
    }
}

#[wasm_bindgen_test]
fn support_hours_are_converted_to_the_viewers_zone_with_the_browsers_rules() {
    use Weekday::*;
    let weekdays = [Mon, Tue, Wed, Thu, Fri];
    let madrid = schedule("Europe/Madrid", &weekdays, "09:00", "17:00");
    // January: Madrid is UTC+1, New York UTC−5.
    let january = utc(2027, 1, 13, 12);
    let converted = in_viewer_zone(&madrid, "America/New_York", january).unwrap();
    assert_eq!(converted.time_zone, "America/New_York");
    assert_eq!(
        (converted.from.as_str(), converted.to.as_str()),
        ("03:00", "11:00")
    );
    assert_eq!(converted.days, weekdays);

    // Late March: New York has moved its clocks, London not yet (4 h, not 5).
    let london = schedule("Europe/London", &weekdays, "09:00", "17:00");
    let march = utc(2027, 3, 20, 12);
    let converted = in_viewer_zone(&london, "America/New_York", march).unwrap();
    assert_eq!(
        (converted.from.as_str(), converted.to.as_str()),
        ("05:00", "13:00")
    );

    // Across midnight: Monday morning in Tokyo is Sunday afternoon in Los Angeles.
    let tokyo = schedule("Asia/Tokyo", &[Mon], "09:00", "17:00");
    let converted = in_viewer_zone(&tokyo, "America/Los_Angeles", january).unwrap();
    assert_eq!(converted.days, vec![Sun]);
    assert_eq!(
        (converted.from.as_str(), converted.to.as_str()),
        ("16:00", "00:00")
    );

    // Nothing to convert: the same zone, or a zone the browser does not know.
    assert_eq!(in_viewer_zone(&madrid, "Europe/Madrid", january), None);
    assert_eq!(in_viewer_zone(&madrid, "Mars/Olympus_Mons", january), None);
}

#[wasm_bindgen_test]
async fn settings_preview_what_end_users_see_in_the_users_language() {
    let api = FakeApi::new().with_complete_info(ReviewState::Current);
    api.with(|s| {
        s.contact.contact_info.shared_with_users.name = "Acme Help Desk".into();
        s.contact.contact_info.support_hours =
            vec![schedule("Asia/Tokyo", &[Weekday::Mon], "09:00", "17:00")];
    });
    let page = portal_at("/settings/contact", api, Locale::Es).await;
    let preview = page.text_of("end-user-preview");
    assert!(
        preview.contains("Lo que ven los usuarios finales"),
        "{preview}"
    );
    assert!(preview.contains("Acme Help Desk"), "{preview}");
    assert!(preview.contains("support@acme.example"), "{preview}");
    assert!(preview.contains("lun 09:00–17:00, Asia/Tokyo"), "{preview}");
    // The test browser's zone is not Tokyo's: the hours are converted too.
    assert!(
        page.text_of("end-user-local-hours")
            .starts_with("Donde estás: "),
        "{preview}"
    );
}
