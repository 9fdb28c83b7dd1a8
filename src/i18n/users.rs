//! The account's users and invitations.

pub struct UsersText {
    pub heading: &'static str,
}

pub const EN: UsersText = UsersText { heading: "Users" };

pub const ES: UsersText = UsersText {
    heading: "Usuarios",
};
