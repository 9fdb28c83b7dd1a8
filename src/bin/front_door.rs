//! Entry point of the front door (`front-door.html`): the sign-in,
//! invitation and set-up pages for visitors who are not signed in, without
//! the rest of the portal.

use leptos::prelude::*;

/// The `<meta>` through which the build names the portal's own files (its
/// JavaScript, wasm and styles) in `front-door.html`.
const PORTAL_FILES: &str = "meta[name=\"portal-files\"]";

fn main() {
    partner_portal::crash::start(partner_portal::FrontDoor);
    prefetch_portal_on_first_input();
}

/// Once the visitor starts typing (the email on the sign-in page), asks the
/// browser to fetch the portal's files into its cache at low priority, so
/// the portal starts from the cache after "Sign in". A visitor who only
/// looks at the page downloads none of it.
fn prefetch_portal_on_first_input() {
    let handle = StoredValue::new_local(None::<WindowListenerHandle>);
    let listener = window_event_listener(leptos::ev::input, move |_| {
        if let Some(handle) = handle.try_update_value(Option::take).flatten() {
            handle.remove();
            prefetch_portal();
        }
    });
    handle.set_value(Some(listener));
}

fn prefetch_portal() -> Option<()> {
    let document = document();
    let files = document
        .query_selector(PORTAL_FILES)
        .ok()??
        .get_attribute("content")?;
    let body = document.body()?;
    for href in files.split_whitespace() {
        let link = document.create_element("link").ok()?;
        link.set_attribute("rel", "prefetch").ok()?;
        link.set_attribute("href", href).ok()?;
        body.append_child(&link).ok()?;
    }
    Some(())
}
