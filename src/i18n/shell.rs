//! The portal's frame: the top app bar, the navigation and the user menu.

pub struct ShellText {
    /// The button that shows the navigation on narrow screens.
    pub menu: &'static str,
    /// The button that opens the user's own menu (name, role, language, sign-out).
    /// Read before the user's name on that button.
    pub user_menu: &'static str,
    pub nav_help: &'static str,
    /// The onboarding modal's progress line, updated as the form is filled in.
    pub progress: fn(done: usize, total: usize) -> String,
    /// The alert-contacts field on Sandbox: the contacts already chosen.
    pub alert_contacts_chosen: &'static str,
}

pub const EN: ShellText = ShellText {
    menu: "Menu",
    user_menu: "Account menu: ",
    nav_help: "Help",
    progress: |done, total| format!("{done} of {total} required sections done"),
    alert_contacts_chosen: "Chosen so far:",
};

pub const ES: ShellText = ShellText {
    menu: "Menú",
    user_menu: "Menú de la cuenta: ",
    nav_help: "Ayuda",
    progress: |done, total| format!("{done} de {total} secciones obligatorias completadas"),
    alert_contacts_chosen: "Elegidos hasta ahora:",
};
