//! Messages shared by every screen.

pub struct CommonText {
    pub app_name: &'static str,
    pub language_label: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub sign_out: &'static str,
    pub contact_support: &'static str,
    pub how_to_get_help: &'static str,
    /// Read after links that open a new tab, for screen-reader users.
    pub opens_new_tab: &'static str,
    /// Read before a field's error by screen readers (the form-field kit).
    pub error_prefix: &'static str,
    /// Read before a field's advice by screen readers (the form-field kit).
    pub warning_prefix: &'static str,
    pub health_heading: &'static str,
    pub health_checking: &'static str,
    pub health_ok: fn(version: &str) -> String,
    pub health_database: fn(engine: &str, engine_version: &str, schema_version: u32) -> String,
    pub health_unreachable: &'static str,
    pub health_unreachable_hint: &'static str,
    pub not_found_heading: &'static str,
    pub not_found_body: &'static str,
    pub not_found_home: &'static str,
    /// A request failed for a reason the user cannot fix by editing.
    pub server_unreachable: &'static str,
    pub unexpected_error: &'static str,
    /// Shown over the page when the app stopped on an error it cannot
    /// recover from; only a reload starts it again.
    pub crash_notice: &'static str,
    pub crash_reload: &'static str,
    pub role_administrator: &'static str,
    pub role_editor: &'static str,
    pub role_read_only: &'static str,
    pub environment_label: &'static str,
    pub environment_sandbox: &'static str,
    pub environment_production: &'static str,
    pub partner_id: fn(id: &str) -> String,
    pub main_navigation: &'static str,
    pub nav_overview: &'static str,
    /// The navigation group holding the contact information and users pages.
    pub nav_settings: &'static str,
    pub nav_contact: &'static str,
    pub nav_users: &'static str,
}

impl CommonText {
    pub fn role(&self, role: portal_domain::Role) -> &'static str {
        match role {
            portal_domain::Role::Administrator => self.role_administrator,
            portal_domain::Role::Editor => self.role_editor,
            portal_domain::Role::ReadOnly => self.role_read_only,
        }
    }

    pub fn environment(&self, environment: portal_domain::Environment) -> &'static str {
        match environment {
            portal_domain::Environment::Sandbox => self.environment_sandbox,
            portal_domain::Environment::Production => self.environment_production,
        }
    }
}

pub static EN: CommonText = CommonText {
    app_name: "Partner Portal",
    language_label: "Language",
    loading: "Loading…",
    retry: "Try again",
    sign_out: "Sign out",
    contact_support: "Contact support",
    how_to_get_help: "How to get help",
    opens_new_tab: " (opens in a new tab)",
    error_prefix: "Error:",
    warning_prefix: "Advice:",
    health_heading: "Portal status",
    health_checking: "Checking the portal server…",
    health_ok: |version| format!("The portal server (version {version}) is running."),
    health_database: |engine, version, schema| {
        format!("Database: connected ({engine} {version}, schema version {schema}).")
    },
    health_unreachable: "Can't reach the portal server.",
    health_unreachable_hint: "Check your connection, then try again. If it keeps failing, the server may be down.",
    not_found_heading: "Page not found",
    not_found_body: "There is no page at this address. Check the link, or go back to the start.",
    not_found_home: "Go to the start page",
    server_unreachable: "Can't reach the portal server. Check your connection and try again.",
    unexpected_error: "Something went wrong on our side. Try again in a moment; if it keeps happening, contact support.",
    crash_notice: "Something went wrong. Reload the page to continue.",
    crash_reload: "Reload",
    role_administrator: "Administrator",
    role_editor: "Editor",
    role_read_only: "Read only",
    environment_label: "Environment",
    environment_sandbox: "Sandbox",
    environment_production: "Production",
    partner_id: |id| format!("Partner ID {id}"),
    main_navigation: "Main",
    nav_overview: "Overview",
    nav_settings: "Settings",
    nav_contact: "Contact information",
    nav_users: "Users",
};

pub static ES: CommonText = CommonText {
    app_name: "Portal para socios",
    language_label: "Idioma",
    loading: "Cargando…",
    retry: "Volver a intentarlo",
    sign_out: "Cerrar sesión",
    contact_support: "Comunicarse con el equipo de asistencia",
    how_to_get_help: "Cómo obtener ayuda",
    opens_new_tab: " (se abre en una pestaña nueva)",
    error_prefix: "Error:",
    warning_prefix: "Recomendación:",
    health_heading: "Estado del portal",
    health_checking: "Comprobando el servidor del portal…",
    health_ok: |version| {
        format!("El servidor del portal (versión {version}) está en funcionamiento.")
    },
    health_database: |engine, version, schema| {
        format!("Base de datos: conectada ({engine} {version}, versión del esquema {schema}).")
    },
    health_unreachable: "No se puede conectar con el servidor del portal.",
    health_unreachable_hint: "Comprueba tu conexión y vuelve a intentarlo. Si el problema continúa, es posible que el servidor no esté disponible.",
    not_found_heading: "No se encontró la página",
    not_found_body: "No hay ninguna página en esta dirección. Comprueba el enlace o vuelve al inicio.",
    not_found_home: "Ir a la página de inicio",
    server_unreachable: "No se puede conectar con el servidor del portal. Comprueba tu conexión y vuelve a intentarlo.",
    unexpected_error: "Se produjo un error de nuestra parte. Vuelve a intentarlo en unos momentos y, si sigue ocurriendo, comunícate con el equipo de asistencia.",
    crash_notice: "Se produjo un error. Vuelve a cargar la página para continuar.",
    crash_reload: "Volver a cargar",
    role_administrator: "Administrador",
    role_editor: "Editor",
    role_read_only: "Solo lectura",
    environment_label: "Entorno",
    environment_sandbox: "Zona de pruebas",
    environment_production: "Producción",
    partner_id: |id| format!("ID de socio {id}"),
    main_navigation: "Principal",
    nav_overview: "Resumen",
    nav_settings: "Configuración",
    nav_contact: "Información de contacto",
    nav_users: "Usuarios",
};
