//! Messages shared by every screen.

pub struct CommonText {
    pub app_name: &'static str,
    pub language_label: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub contact_support: &'static str,
    pub how_to_get_help: &'static str,
    /// Read after links that open a new tab, for screen-reader users.
    pub opens_new_tab: &'static str,
    /// Read before a field's error by screen readers (the form-field kit).
    pub error_prefix: &'static str,
    /// Read before a field's advice by screen readers (the form-field kit).
    pub warning_prefix: &'static str,
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
    pub partner_id: fn(id: &str) -> String,
}

impl CommonText {
    pub fn role(&self, role: portal_domain::Role) -> &'static str {
        match role {
            portal_domain::Role::Administrator => self.role_administrator,
            portal_domain::Role::Editor => self.role_editor,
            portal_domain::Role::ReadOnly => self.role_read_only,
        }
    }
}

pub static EN: CommonText = CommonText {
    app_name: "Partner Portal",
    language_label: "Language",
    loading: "Loading…",
    retry: "Try again",
    contact_support: "Contact support",
    how_to_get_help: "How to get help",
    opens_new_tab: " (opens in a new tab)",
    error_prefix: "Error:",
    warning_prefix: "Advice:",
    server_unreachable: "Can't reach the portal server. Check your connection and try again.",
    unexpected_error: "Something went wrong on our side. Try again in a moment; if it keeps happening, contact support.",
    crash_notice: "Something went wrong. Reload the page to continue.",
    crash_reload: "Reload",
    role_administrator: "Administrator",
    role_editor: "Editor",
    role_read_only: "Read only",
    partner_id: |id| format!("Partner ID {id}"),
};

pub static ES: CommonText = CommonText {
    app_name: "Portal para socios",
    language_label: "Idioma",
    loading: "Cargando…",
    retry: "Volver a intentarlo",
    contact_support: "Comunicarse con el equipo de asistencia",
    how_to_get_help: "Cómo obtener ayuda",
    opens_new_tab: " (se abre en una pestaña nueva)",
    error_prefix: "Error:",
    warning_prefix: "Recomendación:",
    server_unreachable: "No se puede conectar con el servidor del portal. Comprueba tu conexión y vuelve a intentarlo.",
    unexpected_error: "Se produjo un error de nuestra parte. Vuelve a intentarlo en unos momentos y, si sigue ocurriendo, comunícate con el equipo de asistencia.",
    crash_notice: "Se produjo un error. Vuelve a cargar la página para continuar.",
    crash_reload: "Volver a cargar",
    role_administrator: "Administrador",
    role_editor: "Editor",
    role_read_only: "Solo lectura",
    partner_id: |id| format!("ID de socio {id}"),
};
