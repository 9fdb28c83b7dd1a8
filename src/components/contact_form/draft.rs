//! Unsaved input kept in the browser, so a reload or an expired session loses
//! nothing (PRODUCT §7).

use portal_domain::ContactInfo;
use serde::{Deserialize, Serialize};

/// What is kept: the input, and the version it was based on with its content,
/// so saving a draft made before someone else's save is refused as a conflict
/// and merged with their change rather than silently overwriting it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub version: i64,
    /// The server copy the input started from (absent in drafts of older apps).
    #[serde(default)]
    pub base: Option<ContactInfo>,
    pub info: ContactInfo,
}

/// One draft per account and user: colleagues sharing a browser never see
/// each other's unsaved input.
pub fn key(partner_id: &str, user_id: i64) -> String {
    format!("portal.draft.contact.{partner_id}.{user_id}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored draft; one that no longer parses (an older app) is ignored.
///
/// The browser's own `JSON.parse` and `JSON.stringify` read and write the
/// text, so the app ships no JSON parser of its own.
pub fn load(key: &str) -> Option<Draft> {
    let text = storage()?.get_item(key).ok().flatten()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    crate::api::from_value(value).ok()
}

/// Keeps the draft; a full or blocked storage only means no draft is kept.
pub fn store(key: &str, draft: &Draft) {
    let Some(storage) = storage() else { return };
    let text = draft
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
        .and_then(|value| js_sys::JSON::stringify(&value).ok())
        .and_then(|text| text.as_string());
    if let Some(text) = text {
        let _ = storage.set_item(key, &text);
    }
}

pub fn clear(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}
