//! Sign-in, invitation acceptance and first-administrator set-up.

pub struct AuthText {
    pub sign_in_heading: &'static str,
}

pub const EN: AuthText = AuthText {
    sign_in_heading: "Sign in to the Partner Portal",
};

pub const ES: AuthText = AuthText {
    sign_in_heading: "Inicia sesión en el Portal para socios",
};
