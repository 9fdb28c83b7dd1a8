//! The translation catalogs: every error code of the domain rules has its own
//! sentence in each language.

#![cfg(target_arch = "wasm32")]

use partner_portal::i18n::validation::message;
use partner_portal::i18n::{EN, ES};
use portal_domain::{FieldError, codes};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_domain_code_has_its_own_message_in_both_languages() {
    for code in codes::ALL {
        let error = FieldError::new("technical_emergency[0].email", *code)
            .with_param(codes::param::MAX, 10)
            .with_param(codes::param::MIN, 12)
            .with_param(codes::param::FIRST, 0)
            .with_param(codes::param::WITH, 1);
        let (english, spanish) = (message(&EN, &error), message(&ES, &error));
        assert_ne!(
            english, EN.validation.unknown,
            "no English message for {code}"
        );
        assert_ne!(
            spanish, ES.validation.unknown,
            "no Spanish message for {code}"
        );
        assert_ne!(english, spanish, "{code} is not translated");
    }
}

#[wasm_bindgen_test]
fn messages_name_what_is_missing_and_count_from_one() {
    let required = |path: &str| message(&EN, &FieldError::new(path, codes::REQUIRED));
    assert_eq!(
        required("alert_contacts"),
        "Choose at least one alert contact."
    );
    assert_eq!(
        required("support_hours[0].days"),
        "Choose at least one day."
    );
    assert_eq!(required("operational_google"), "Add at least one contact.");
    let duplicate = FieldError::new("technical_emergency[2].email", codes::DUPLICATE)
        .with_param(codes::param::FIRST, 0);
    assert!(message(&ES, &duplicate).contains("contacto 1 "));
}
