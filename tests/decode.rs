//! The client's JSON reader: answers as the server writes them, read from
//! what the browser's own parser makes of them.

#![cfg(target_arch = "wasm32")]

use portal_domain::{Code, ContactInfoResponse, HistoryPage, ReviewState, ReviewStatus};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use partner_portal::api::from_value;
use wasm_bindgen::JsValue;

wasm_bindgen_test_configure!(run_in_browser);

/// What the browser's own parser makes of `json`, as the client gets it.
fn parsed(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

#[wasm_bindgen_test]
fn reads_an_answer_as_the_server_writes_it() {
    let answer: ContactInfoResponse = from_value(parsed(
        r#"{"contact_info":{"alert_contacts":[7],"technical_emergency":[{"email":"oncall@a.example","name":"On call","phone":"+34 600 000 000"}],
            "technical_non_emergency":[],"merchant_operational":[],"operational_google":[],
            "shared_with_users":{"email":"help@a.example","name":"","phone":""},
            "support_hours":[{"time_zone":"Europe/Madrid","days":["mon","fri"],"all_day":false,"from":"09:00","to":"17:00"}]},
           "version":3,"complete":true,"merchant_contact_required":false,
           "updated_by":"Ana","updated_at":"2026-11-30T08:00:00Z",
           "warnings":[{"path":"technical_emergency[0].email","code":"personal_address","params":{"reason":"consumer_domain"}}]}"#,
    ))
    .unwrap();
    assert_eq!(answer.version, 3);
    assert_eq!(answer.contact_info.alert_contacts, [7]);
    assert_eq!(
        answer.contact_info.technical_emergency[0].phone,
        "+34 600 000 000"
    );
    assert_eq!(answer.contact_info.support_hours[0].days.len(), 2);
    assert_eq!(answer.updated_by.as_deref(), Some("Ana"));
    assert_eq!(answer.warnings[0].code, Code::PersonalAddress);
    assert_eq!(answer.warnings[0].param("reason"), Some("consumer_domain"));
}

#[wasm_bindgen_test]
fn absent_or_null_optional_fields_are_none_and_unknown_fields_are_left_alone() {
    let status: ReviewStatus = from_value(parsed(
        r#"{"state":"due","reviewed_at":null,"reviewed_by":"Ana","remind_at":null,"lock_at":null,"added_later":{"x":1}}"#,
    ))
    .unwrap();
    assert_eq!(status.state, ReviewState::Due);
    assert_eq!(status.reviewed_at, None);
    assert_eq!(status.reviewed_by.as_deref(), Some("Ana"));
    let page: HistoryPage =
        from_value(parsed(r#"{"entries":[],"page":1,"per_page":20,"total":0}"#)).unwrap();
    assert_eq!((page.page, page.per_page, page.total), (1, 20, 0));
}

#[wasm_bindgen_test]
fn a_value_of_another_shape_is_an_error_that_says_what_was_expected() {
    let wrong_type = from_value::<HistoryPage>(parsed(
        r#"{"entries":[],"page":"one","per_page":20,"total":0}"#,
    ))
    .unwrap_err();
    assert!(
        wrong_type.to_string().starts_with("expected"),
        "{wrong_type}"
    );
    let missing =
        from_value::<HistoryPage>(parsed(r#"{"entries":[],"page":1,"total":0}"#)).unwrap_err();
    assert_eq!(missing.to_string(), "missing field `per_page`");
    let unknown_code = from_value::<ReviewStatus>(parsed(
        r#"{"state":"someday","reviewed_at":null,"reviewed_by":null,"remind_at":null,"lock_at":null}"#,
    ))
    .unwrap_err();
    assert_eq!(unknown_code.to_string(), "unknown variant `someday`");
    // Beyond the integers a JavaScript number holds exactly.
    assert!(
        from_value::<HistoryPage>(parsed(
            r#"{"entries":[],"page":1.5,"per_page":20,"total":0}"#
        ))
        .is_err()
    );
}
