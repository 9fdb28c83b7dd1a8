//! Settings → Contact information and its change history.

pub struct SettingsText {
    pub saved: &'static str,
    pub read_only: &'static str,
    pub last_updated: fn(who: &str, when: &str) -> String,
    pub history_heading: &'static str,
    pub history_empty: &'static str,
    pub history_pages: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub page_of: fn(page: u32, pages: u32) -> String,
    pub changed_by: fn(who: &str, when: &str) -> String,
    pub empty_value: &'static str,
    pub field_alert_contacts: &'static str,
    pub field_technical_emergency: &'static str,
    pub field_technical_non_emergency: &'static str,
    pub field_merchant_operational: &'static str,
    pub field_operational_google: &'static str,
    pub field_shared_with_users: &'static str,
    pub field_support_hours: &'static str,
}

impl SettingsText {
    /// The name of a field from its path prefix, as the history shows it.
    pub fn field_name(&self, field: &str) -> String {
        match field {
            "alert_contacts" => self.field_alert_contacts,
            "technical_emergency" => self.field_technical_emergency,
            "technical_non_emergency" => self.field_technical_non_emergency,
            "merchant_operational" => self.field_merchant_operational,
            "operational_google" => self.field_operational_google,
            "shared_with_users" => self.field_shared_with_users,
            "support_hours" => self.field_support_hours,
            other => other,
        }
        .to_owned()
    }
}

pub const EN: SettingsText = SettingsText {
    saved: "Contact information saved.",
    read_only: "You have read-only access: ask an administrator or editor to change this information.",
    last_updated: |who, when| format!("Last updated by {who} on {when}."),
    history_heading: "Change history",
    history_empty: "No changes have been saved yet.",
    history_pages: "History pages",
    newer: "Newer changes",
    older: "Older changes",
    page_of: |page, pages| format!("Page {page} of {pages}"),
    changed_by: |who, when| format!("{who}, {when}"),
    empty_value: "(empty)",
    field_alert_contacts: "Alert contacts",
    field_technical_emergency: "Technical emergency contacts",
    field_technical_non_emergency: "Technical non-emergency contacts",
    field_merchant_operational: "Merchant operational contact",
    field_operational_google: "Operational contact (for Google)",
    field_shared_with_users: "Operational contact (to share with users)",
    field_support_hours: "Operational support hours",
};

pub const ES: SettingsText = SettingsText {
    saved: "Se guardó la información de contacto.",
    read_only: "Tienes acceso de solo lectura: pide a un administrador o editor que cambie esta información.",
    last_updated: |who, when| format!("Última actualización: {who}, el {when}."),
    history_heading: "Historial de cambios",
    history_empty: "Todavía no se ha guardado ningún cambio.",
    history_pages: "Páginas del historial",
    newer: "Cambios más recientes",
    older: "Cambios anteriores",
    page_of: |page, pages| format!("Página {page} de {pages}"),
    changed_by: |who, when| format!("{who}, {when}"),
    empty_value: "(vacío)",
    field_alert_contacts: "Contactos de alerta",
    field_technical_emergency: "Contactos técnicos de emergencia",
    field_technical_non_emergency: "Contactos técnicos que no son de emergencia",
    field_merchant_operational: "Contacto operativo para problemas relacionados con los comercios",
    field_operational_google: "Contacto operativo (para Google)",
    field_shared_with_users: "Contacto operativo (para compartir con los usuarios)",
    field_support_hours: "Asistencia operativa",
};
