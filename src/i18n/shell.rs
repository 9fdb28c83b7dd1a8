//! The portal's frame: the top app bar, the navigation and the user menu.

pub struct ShellText {
    /// The button that shows the navigation on narrow screens.
    pub menu: &'static str,
    /// The button that opens the user's own menu (name, role, language, sign-out).
    pub user_menu: fn(name: &str) -> String,
    pub nav_help: &'static str,
    /// The onboarding modal's progress line, updated as the form is filled in.
    pub progress: fn(done: usize, total: usize) -> String,
    /// The alert-contacts field on Sandbox: the contacts already chosen.
    pub alert_contacts_chosen: &'static str,
}

pub const EN: ShellText = ShellText {
    menu: "Menu",
    user_menu: |name| format!("Account menu for {name}"),
    nav_help: "Help",
    progress: |done, total| format!("{done} of {total} required sections done"),
    alert_contacts_chosen: "Chosen so far:",
};

pub const ES: ShellText = ShellText {
    menu: "Menú",
    user_menu: |name| format!("Menú de la cuenta de {name}"),
    nav_help: "Ayuda",
    progress: |done, total| format!("{done} de {total} secciones obligatorias completadas"),
    alert_contacts_chosen: "Elegidos hasta ahora:",
};
