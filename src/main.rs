//! Entry point of the web app: panic reporting, then mount the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(partner_portal::App);
}
