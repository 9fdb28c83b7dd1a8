//! The start page's server status, with a fake API client behind the seam.

#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use partner_portal::api::{ApiError, PublicClient};
use partner_portal::i18n::{I18n, Locale};
use partner_portal::pages::Status;
use support::fake_api::FakeApi;
use support::{mount, settle};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn home_with(api: FakeApi, locale: Locale) -> impl IntoView {
    PublicClient::provide(api);
    I18n::provide(locale);
    view! { <Status /> }
}

#[wasm_bindgen_test]
async fn shows_what_the_server_reported() {
    let page = mount(|| home_with(FakeApi::new(), Locale::En));
    settle().await;
    assert_eq!(
        page.text_of("health-database"),
        "Database: connected (SQLite 3.0.0, schema version 1)."
    );
    assert!(page.text_of("health-ok").contains("version 0.0.0"));
    assert!(page.find_by_test_id("health-error").is_none());
}

#[wasm_bindgen_test]
async fn an_unreachable_server_can_be_retried() {
    let api = FakeApi::new();
    api.fail_next("health", ApiError::Network("connection refused".into()));
    let page = mount({
        let api = api.clone();
        move || home_with(api, Locale::En)
    });
    settle().await;
    assert!(
        page.text_of("health-error")
            .contains("Can't reach the portal server.")
    );
    assert!(page.find_by_test_id("health-ok").is_none());

    page.click_button("Try again");
    settle().await;
    assert!(page.find_by_test_id("health-error").is_none());
    assert!(page.text_of("health-ok").contains("version 0.0.0"));
    assert_eq!(api.calls(), vec!["health", "health"]);
}

#[wasm_bindgen_test]
async fn speaks_spanish() {
    let page = mount(|| home_with(FakeApi::new(), Locale::Es));
    settle().await;
    assert_eq!(
        page.text_of("health-database"),
        "Base de datos: conectada (SQLite 3.0.0, versión del esquema 1)."
    );
    assert_eq!(document().title(), "Portal para socios");
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("es")
    );
}

/// How many requests for `path` the browser has finished.
fn finished_requests(path: &str) -> usize {
    let performance = window().performance().unwrap();
    performance
        .get_entries_by_type("resource")
        .iter()
        .filter_map(|entry| {
            js_sys::Reflect::get(&entry, &"name".into())
                .ok()?
                .as_string()
        })
        .filter(|name| name.ends_with(path))
        .count()
}

/// The real client starts a request when it is asked for, not when its
/// answer is first awaited: the portal asks for its data while it builds
/// its screens, and the requests travel meanwhile.
#[wasm_bindgen_test]
async fn the_http_client_sends_a_request_as_soon_as_it_is_asked_for() {
    use partner_portal::api::{HttpApi, PublicApi};
    let before = finished_requests("/api/v1/health");
    let answer = HttpApi::same_origin().health();
    // The test server answers it, 404 or not.
    support::settle_until("the request went out", || {
        finished_requests("/api/v1/health") > before
    })
    .await;
    // Never awaited: its request went out all the same.
    drop(answer);
}
