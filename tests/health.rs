//! The start page's server status, with a fake API client behind the seam.

#![cfg(target_arch = "wasm32")]

mod support;

use std::collections::VecDeque;
use std::sync::Mutex;

use leptos::prelude::*;
use partner_portal::api::{Api, ApiError, ApiFuture, PortalApi};
use partner_portal::i18n::{I18n, Locale};
use partner_portal::pages::Home;
use portal_domain::Health;
use support::{mount, settle};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Answers health checks from a script, one answer per call.
struct ScriptedApi {
    answers: Mutex<VecDeque<Result<Health, ApiError>>>,
}

impl ScriptedApi {
    fn new(answers: impl IntoIterator<Item = Result<Health, ApiError>>) -> Self {
        Self {
            answers: Mutex::new(answers.into_iter().collect()),
        }
    }
}

impl PortalApi for ScriptedApi {
    fn health(&self) -> ApiFuture<Health> {
        let answer = self
            .answers
            .lock()
            .unwrap()
            .pop_front()
            .expect("the page asked for health more often than the test scripted");
        Box::pin(async move { answer })
    }
}

fn healthy() -> Health {
    Health {
        status: "ok".into(),
        version: "9.8.7".into(),
        database: "ok".into(),
        sqlite_version: "3.99.1".into(),
        schema_version: 4,
    }
}

fn home_with(api: ScriptedApi, locale: Locale) -> impl IntoView {
    Api::provide(api);
    I18n::provide(locale);
    view! { <Home /> }
}

#[wasm_bindgen_test]
async fn shows_what_the_server_reported() {
    let page = mount(|| home_with(ScriptedApi::new([Ok(healthy())]), Locale::En));
    settle().await;
    assert_eq!(
        page.text_of("health-database"),
        "Database: connected (SQLite 3.99.1, schema version 4)."
    );
    assert!(page.text_of("health-ok").contains("version 9.8.7"));
    assert!(page.find_by_test_id("health-error").is_none());
}

#[wasm_bindgen_test]
async fn an_unreachable_server_can_be_retried() {
    let page = mount(|| {
        home_with(
            ScriptedApi::new([
                Err(ApiError::Network("connection refused".into())),
                Ok(healthy()),
            ]),
            Locale::En,
        )
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
    assert!(page.text_of("health-ok").contains("version 9.8.7"));
}

#[wasm_bindgen_test]
async fn speaks_spanish() {
    let page = mount(|| home_with(ScriptedApi::new([Ok(healthy())]), Locale::Es));
    settle().await;
    assert_eq!(
        page.text_of("health-database"),
        "Base de datos: conectada (SQLite 3.99.1, versión del esquema 4)."
    );
}
