//! Dates from the API (RFC 3339, UTC) as the reader says them.

use wasm_bindgen::JsValue;

use crate::i18n::Locale;

/// The calendar date of an RFC 3339 timestamp, spelled out in `locale`
/// ("December 6, 2026", "6 de diciembre de 2026") in the browser's time zone,
/// because an invitation expires on the reader's day, not on UTC's. Anything
/// the browser can't parse is shown as it came, rather than as nothing.
pub fn local_date(rfc3339: &str, locale: Locale) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let options = js_sys::Object::new();
    // Setting a plain property on a fresh object cannot fail.
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    date.to_locale_date_string(locale.tag(), &options).into()
}

/// Date and time of an RFC 3339 timestamp in `locale` and the browser's time
/// zone ("December 6, 2026 at 10:15 AM"), for "last updated" and history lines.
pub fn local_date_time(rfc3339: &str, locale: Locale) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let options = js_sys::Object::new();
    // Setting plain properties on a fresh object cannot fail.
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(locale.tag(), &options).into()
}
