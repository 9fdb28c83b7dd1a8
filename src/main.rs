//! Entry point of the web app (`index.html`): the signed-in portal.

use partner_portal::crash::start;
use portal_domain::AppPage;

fn main() {
    // `trunk serve` answers every path with this page, where the server
    // would send the front door's or the public pages' own page: in
    // development builds the portal's entry starts those itself, so signing
    // in, the status page and confirmation links work under `trunk serve`
    // too. Release builds compile this block out.
    if cfg!(debug_assertions) {
        let path = leptos::prelude::window()
            .location()
            .pathname()
            .unwrap_or_default();
        let page = AppPage::of(&path);
        if page.is_front_door() {
            return start(partner_portal::FrontDoor);
        }
        if page.is_public() {
            return start(partner_portal::PublicPages);
        }
    }
    start(partner_portal::App);
}
