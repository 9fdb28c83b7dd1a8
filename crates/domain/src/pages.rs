//! Which page of the web app an address is. The web app is three entries:
//! the signed-in portal, the front door (signing in, invitation links) and
//! the public pages (the status page, confirmation links). The server picks
//! the entry to send by this, and each entry reads it again to show its
//! page, so the two can never disagree about an address: one that an entry
//! did not know would make it load the page again, forever.

/// A page address of the web app, as the browser shows it to the page
/// (`location.pathname`: still percent-encoded, with its leading `/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppPage<'a> {
    /// `/sign-in`: the front door's.
    SignIn,
    /// `/invitation/TOKEN`, an invitation or set-up link: the front door's.
    /// The token is still percent-encoded.
    Invitation(&'a str),
    /// `/status`: the public pages'.
    Status,
    /// `/verify/TOKEN`, an address's confirmation link: the public pages'.
    /// The token is still percent-encoded.
    Verify(&'a str),
    /// `/`, `/settings` and `/settings/…`: the portal's own pages, which
    /// need a session (without one, the front door asks to sign in first).
    Portal,
    /// Anything else (help, unknown pages, an address written otherwise
    /// such as `/%73tatus` or `//status`): the portal's router answers it.
    Other,
}

impl<'a> AppPage<'a> {
    /// The page at `path`. Addresses match exactly: `/sign-in/` is not the
    /// sign-in page and `/verify/a/b` is no link.
    pub fn of(path: &'a str) -> Self {
        let token = |prefix: &str| {
            path.strip_prefix(prefix)
                .filter(|token| !token.is_empty() && !token.contains('/'))
        };
        if path == "/sign-in" {
            AppPage::SignIn
        } else if let Some(token) = token("/invitation/") {
            AppPage::Invitation(token)
        } else if path == "/status" {
            AppPage::Status
        } else if let Some(token) = token("/verify/") {
            AppPage::Verify(token)
        } else if path == "/" || path == "/settings" || path.starts_with("/settings/") {
            AppPage::Portal
        } else {
            AppPage::Other
        }
    }

    /// Whether the front door shows it whatever the session.
    pub fn is_front_door(self) -> bool {
        matches!(self, AppPage::SignIn | AppPage::Invitation(_))
    }

    /// Whether the public pages show it.
    pub fn is_public(self) -> bool {
        matches!(self, AppPage::Status | AppPage::Verify(_))
    }
}

#[cfg(test)]
mod tests {
    use super::AppPage::{self, *};

    #[test]
    fn each_address_is_one_page() {
        for (path, page) in [
            ("/sign-in", SignIn),
            ("/invitation/abc123", Invitation("abc123")),
            ("/invitation/a%2Fb", Invitation("a%2Fb")),
            ("/status", Status),
            ("/verify/abc123", Verify("abc123")),
            ("/", Portal),
            ("/settings", Portal),
            ("/settings/", Portal),
            ("/settings/contact", Portal),
            ("/help", Other),
            ("/no-such-page", Other),
            ("/sign-in/", Other),
            ("/sign-in-elsewhere", Other),
            ("/invitation/", Other),
            ("/invitation/abc/def", Other),
            ("/status/", Other),
            ("/verify/", Other),
            ("/verify/abc/def", Other),
            ("/settingsx", Other),
            ("", Other),
            // Written otherwise than each entry reads it: the portal's.
            ("/%73tatus", Other),
            ("//status", Other),
            ("/sign%2Din", Other),
            ("//invitation/x", Other),
        ] {
            assert_eq!(AppPage::of(path), page, "{path}");
        }
    }

    #[test]
    fn the_front_door_and_the_public_pages_have_their_own_pages() {
        let entry = |path| {
            let page = AppPage::of(path);
            (page.is_front_door(), page.is_public())
        };
        assert_eq!(entry("/sign-in"), (true, false));
        assert_eq!(entry("/invitation/x"), (true, false));
        assert_eq!(entry("/status"), (false, true));
        assert_eq!(entry("/verify/x"), (false, true));
        assert_eq!(entry("/"), (false, false));
        assert_eq!(entry("/help"), (false, false));
    }
}
