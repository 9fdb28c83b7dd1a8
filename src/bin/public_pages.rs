//! Entry point of the public pages (`public-pages.html`): the status page
//! and the page an address's confirmation link opens, without the rest of
//! the portal.

fn main() {
    partner_portal::crash::start(partner_portal::PublicPages);
}
