//! The translation catalogs: every error code of the domain rules has its own
//! sentence in each language.

#![cfg(target_arch = "wasm32")]

use partner_portal::i18n::validation::message;
use partner_portal::i18n::{EN, ES};
use portal_domain::codes::param;
use portal_domain::{Code, FieldError, FieldPath};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_domain_code_has_its_own_message_in_both_languages() {
    let path: FieldPath = "technical_emergency[0].email".parse().unwrap();
    let mut english_seen = std::collections::BTreeMap::new();
    for &code in Code::ALL {
        let error = FieldError::new(path, code)
            .with_param(param::MAX, 10)
            .with_param(param::MIN, 12)
            .with_param(param::FIRST, 0)
            .with_param(param::WITH, 1);
        let (english, spanish) = (message(&EN, &error), message(&ES, &error));
        assert!(!english.is_empty() && !spanish.is_empty(), "{code}");
        assert_ne!(english, spanish, "{code} is not translated");
        if let Some(other) = english_seen.insert(english.clone(), code) {
            panic!("{code} and {other} say the same: {english}");
        }
    }
}

#[wasm_bindgen_test]
fn messages_name_what_is_missing_and_count_from_one() {
    let required =
        |path: &str| message(&EN, &FieldError::new(path.parse().unwrap(), Code::Required));
    assert_eq!(
        required("alert_contacts"),
        "Choose at least one alert contact."
    );
    assert_eq!(
        required("support_hours[0].days"),
        "Choose at least one day."
    );
    assert_eq!(required("operational_google"), "Add at least one contact.");
    let duplicate = FieldError::new(
        "technical_emergency[2].email".parse().unwrap(),
        Code::Duplicate,
    )
    .with_param(param::FIRST, 0);
    assert!(message(&ES, &duplicate).contains("contacto 1 "));
}
