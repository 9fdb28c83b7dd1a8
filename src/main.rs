//! Entry point of the web app: the crash notice, panic reporting, then mount
//! the app in place of the page's loading skeleton.

fn main() {
    partner_portal::crash::prepare_notice();
    console_error_panic_hook::set_once();
    let skeleton = leptos::prelude::document().get_element_by_id("app-skeleton");
    // `trunk serve` answers every path with this page, where the server
    // would send the front door's page for the front door's paths: in
    // development builds the portal's entry starts the front door there
    // itself, so signing in works under `trunk serve` too.
    let path = leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default();
    if cfg!(debug_assertions) && partner_portal::is_front_door_path(&path) {
        leptos::mount::mount_to_body(partner_portal::FrontDoor);
    } else {
        leptos::mount::mount_to_body(partner_portal::App);
    }
    // The app's first view is in place within the same task, so the page is
    // never blank in between.
    if let Some(skeleton) = skeleton {
        skeleton.remove();
    }
}
