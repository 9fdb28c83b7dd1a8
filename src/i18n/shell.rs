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
    pub sign_out: &'static str,
    pub main_navigation: &'static str,
    pub nav_overview: &'static str,
    /// The navigation group holding the contact information and users pages.
    pub nav_settings: &'static str,
    pub nav_contact: &'static str,
    pub nav_users: &'static str,
    pub not_found_heading: &'static str,
    pub not_found_body: &'static str,
    pub not_found_home: &'static str,
    pub environment_label: &'static str,
    pub environment_sandbox: &'static str,
    pub environment_production: &'static str,
}

impl ShellText {
    pub fn environment(&self, environment: portal_domain::Environment) -> &'static str {
        match environment {
            portal_domain::Environment::Sandbox => self.environment_sandbox,
            portal_domain::Environment::Production => self.environment_production,
        }
    }
}

pub const EN: ShellText = ShellText {
    menu: "Menu",
    user_menu: "Account menu: ",
    nav_help: "Help",
    progress: |done, total| format!("{done} of {total} required sections done"),
    alert_contacts_chosen: "Chosen so far:",
    sign_out: "Sign out",
    main_navigation: "Main",
    nav_overview: "Overview",
    nav_settings: "Settings",
    nav_contact: "Contact information",
    nav_users: "Users",
    not_found_heading: "Page not found",
    not_found_body: "There is no page at this address. Check the link, or go back to the start.",
    not_found_home: "Go to the start page",
    environment_label: "Environment",
    environment_sandbox: "Sandbox",
    environment_production: "Production",
};

pub const ES: ShellText = ShellText {
    menu: "Menú",
    user_menu: "Menú de la cuenta: ",
    nav_help: "Ayuda",
    progress: |done, total| format!("{done} de {total} secciones obligatorias completadas"),
    alert_contacts_chosen: "Elegidos hasta ahora:",
    sign_out: "Cerrar sesión",
    main_navigation: "Principal",
    nav_overview: "Resumen",
    nav_settings: "Configuración",
    nav_contact: "Información de contacto",
    nav_users: "Usuarios",
    not_found_heading: "No se encontró la página",
    not_found_body: "No hay ninguna página en esta dirección. Comprueba el enlace o vuelve al inicio.",
    not_found_home: "Ir a la página de inicio",
    environment_label: "Entorno",
    environment_sandbox: "Zona de pruebas",
    environment_production: "Producción",
};
