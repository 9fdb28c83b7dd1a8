//! Entry point of the web app: the crash notice, panic reporting, then mount
//! the app in place of the page's loading skeleton.

fn main() {
    partner_portal::crash::prepare_notice();
    console_error_panic_hook::set_once();
    let skeleton = leptos::prelude::document().get_element_by_id("app-skeleton");
    leptos::mount::mount_to_body(partner_portal::App);
    // The app's first view is in place within the same task, so the page is
    // never blank in between.
    if let Some(skeleton) = skeleton {
        skeleton.remove();
    }
}
