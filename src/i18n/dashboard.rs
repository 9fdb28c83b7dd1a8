//! The Overview dashboard: one card per part of the set-up, from real data.

pub struct DashboardText {
    pub intro: &'static str,
    pub contact_heading: &'static str,
    pub complete: &'static str,
    pub incomplete: &'static str,
    pub never_saved: &'static str,
    pub shared_with_users: &'static str,
    pub support_hours: &'static str,
    pub edit_contact: &'static str,
    pub alerts_heading: &'static str,
    pub alerts_count: fn(count: usize) -> String,
    pub alerts_none: &'static str,
    pub edit_alerts: &'static str,
    pub users_heading: &'static str,
    pub users_active: fn(count: usize) -> String,
    pub users_pending: fn(count: usize) -> String,
    pub users_expired: fn(count: usize) -> String,
    pub manage_users: &'static str,
    /// Mon … Sun, short, for hours summaries such as "Mon–Fri 09:00–17:00".
    pub day_short: [&'static str; 7],
    pub every_day: &'static str,
}

pub const EN: DashboardText = DashboardText {
    intro: "Your account at a glance. Each card links to where you change it.",
    contact_heading: "Contact information",
    complete: "Complete",
    incomplete: "Incomplete",
    never_saved: "Not saved yet.",
    shared_with_users: "Shared with users",
    support_hours: "Support hours",
    edit_contact: "Edit contact information",
    alerts_heading: "Alert contacts",
    alerts_count: |n| match n {
        1 => "1 person receives production alerts".to_owned(),
        n => format!("{n} people receive production alerts"),
    },
    alerts_none: "Nobody receives production alerts yet.",
    edit_alerts: "Change alert contacts",
    users_heading: "Users",
    users_active: |n| match n {
        1 => "1 active user".to_owned(),
        n => format!("{n} active users"),
    },
    users_pending: |n| match n {
        1 => "1 invitation waiting for an answer".to_owned(),
        n => format!("{n} invitations waiting for an answer"),
    },
    users_expired: |n| match n {
        1 => "1 invitation expired: resend or revoke it".to_owned(),
        n => format!("{n} invitations expired: resend or revoke them"),
    },
    manage_users: "Manage users",
    day_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    every_day: "Every day",
};

pub const ES: DashboardText = DashboardText {
    intro: "Tu cuenta de un vistazo. Cada tarjeta enlaza con el lugar donde se cambia.",
    contact_heading: "Información de contacto",
    complete: "Completa",
    incomplete: "Incompleta",
    never_saved: "Aún no se ha guardado.",
    shared_with_users: "Para compartir con los usuarios",
    support_hours: "Horario de asistencia",
    edit_contact: "Editar la información de contacto",
    alerts_heading: "Contactos de alerta",
    alerts_count: |n| match n {
        1 => "1 persona recibe las alertas de producción".to_owned(),
        n => format!("{n} personas reciben las alertas de producción"),
    },
    alerts_none: "Nadie recibe todavía las alertas de producción.",
    edit_alerts: "Cambiar los contactos de alerta",
    users_heading: "Usuarios",
    users_active: |n| match n {
        1 => "1 usuario activo".to_owned(),
        n => format!("{n} usuarios activos"),
    },
    users_pending: |n| match n {
        1 => "1 invitación pendiente de respuesta".to_owned(),
        n => format!("{n} invitaciones pendientes de respuesta"),
    },
    users_expired: |n| match n {
        1 => "1 invitación caducada: vuelve a enviarla o revócala".to_owned(),
        n => format!("{n} invitaciones caducadas: vuelve a enviarlas o revócalas"),
    },
    manage_users: "Gestionar usuarios",
    day_short: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    every_day: "Todos los días",
};
