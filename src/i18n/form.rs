//! The contact information form: labels, the purpose of each field (taken from
//! the original help page), and the form's own notices and actions.

use portal_domain::{ContactField, Weekday};

/// The name of each field of the contact information: the form's labels,
/// which the page of an address's confirmation link also shows, as the roles
/// the address has; a static of its own, so that page carries no more of the
/// form's messages.
pub struct FieldLabels {
    pub alert_contacts: &'static str,
    pub technical_emergency: &'static str,
    pub technical_non_emergency: &'static str,
    pub merchant_operational: &'static str,
    pub operational_google: &'static str,
    pub shared_with_users: &'static str,
    pub support_hours: &'static str,
}

impl FieldLabels {
    pub fn of(&self, field: ContactField) -> &'static str {
        match field {
            ContactField::AlertContacts => self.alert_contacts,
            ContactField::TechnicalEmergency => self.technical_emergency,
            ContactField::TechnicalNonEmergency => self.technical_non_emergency,
            ContactField::MerchantOperational => self.merchant_operational,
            ContactField::OperationalGoogle => self.operational_google,
            ContactField::SharedWithUsers => self.shared_with_users,
            ContactField::SupportHours => self.support_hours,
        }
    }
}

pub static LABELS_EN: FieldLabels = FieldLabels {
    alert_contacts: "Alert contacts",
    technical_emergency: "Technical emergency contacts",
    technical_non_emergency: "Technical non-emergency contacts",
    merchant_operational: "Merchant operational contact",
    operational_google: "Operational contact (for Google)",
    shared_with_users: "Operational contact (to share with users)",
    support_hours: "Operational support hours",
};

pub static LABELS_ES: FieldLabels = FieldLabels {
    alert_contacts: "Contactos de alerta",
    technical_emergency: "Contactos técnicos de emergencia",
    technical_non_emergency: "Contactos técnicos que no son de emergencia",
    merchant_operational: "Contacto operativo para problemas relacionados con los comercios",
    operational_google: "Contacto operativo (para Google)",
    shared_with_users: "Contacto operativo (para compartir con los usuarios)",
    support_hours: "Asistencia operativa",
};

pub struct FormText {
    /// The fields' names, which other pages show too.
    pub labels: &'static FieldLabels,
    pub heading: &'static str,
    pub required_note: &'static str,

    pub section_technical: &'static str,
    pub section_operational: &'static str,
    pub section_support_hours: &'static str,

    pub alert_contacts_purpose: &'static str,
    pub alert_contacts_sandbox: &'static str,
    pub switch_to_production: &'static str,
    pub alert_contacts_none: &'static str,
    /// A chosen alert contact who is no longer an active user, by name or id.
    pub inactive_user: fn(who: &str) -> String,

    pub technical_emergency_purpose: &'static str,
    pub technical_non_emergency_purpose: &'static str,
    pub merchant_operational_purpose: &'static str,
    pub operational_google_purpose: &'static str,
    pub shared_with_users_purpose: &'static str,
    pub support_hours_purpose: &'static str,

    pub contact_n: fn(n: usize) -> String,
    pub email_label: &'static str,
    pub name_label: &'static str,
    pub phone_label: &'static str,
    /// Completes an entry's input label for screen readers and the error
    /// summary, e.g. "Email address" + ", contact 2"; on screen the entry's
    /// title says which contact it is.
    pub entry_suffix: fn(n: usize) -> String,
    pub add_contact: &'static str,
    pub remove_contact: fn(n: usize) -> String,
    pub contacts_limit: fn(max: usize) -> String,

    pub schedule_n: fn(n: usize) -> String,
    pub time_zone_label: &'static str,
    pub time_zone_hint: &'static str,
    pub days_label: &'static str,
    /// Monday first, like [`Weekday::ALL`].
    pub day_names: [&'static str; 7],
    pub all_day_label: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub presets_label: &'static str,
    pub preset_all_week: &'static str,
    pub preset_weekdays: &'static str,
    pub add_schedule: &'static str,
    pub remove_schedule: fn(n: usize) -> String,
    pub all_day_summary: &'static str,
    pub hours_summary: fn(from: &str, to: &str) -> String,
    pub not_provided: &'static str,

    pub summary_heading: fn(count: usize) -> String,
    pub summary_intro: &'static str,

    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub session_expired: &'static str,

    pub draft_restored: &'static str,
    pub discard_draft: &'static str,

    pub conflict_heading: &'static str,
    pub conflict_body: &'static str,
    pub conflict_saved_by: fn(name: &str) -> String,
    /// Fields only the other person changed, already in the form.
    pub conflict_taken: &'static str,
    /// Heading of the column with the stored version.
    pub conflict_theirs: &'static str,
    /// Heading of the column with the user's own input.
    pub conflict_mine: &'static str,
    pub use_theirs: &'static str,
    pub keep_mine: &'static str,
    /// Save refused while some conflicting fields have no choice yet.
    pub conflict_undecided: fn(count: usize) -> String,
    pub load_theirs: &'static str,
    /// After a save that combined the user's changes with someone else's.
    pub saved_merged: &'static str,
    pub days_hint: &'static str,
}

impl FormText {
    pub fn day(&self, day: Weekday) -> &'static str {
        self.day_names[day as usize]
    }

    /// The field's label, as its legend and the error summary show it.
    pub fn field_label(&self, field: ContactField) -> &'static str {
        self.labels.of(field)
    }

    /// The text under the field's label: why we ask for it.
    pub fn field_purpose(&self, field: ContactField) -> &'static str {
        match field {
            ContactField::AlertContacts => self.alert_contacts_purpose,
            ContactField::TechnicalEmergency => self.technical_emergency_purpose,
            ContactField::TechnicalNonEmergency => self.technical_non_emergency_purpose,
            ContactField::MerchantOperational => self.merchant_operational_purpose,
            ContactField::OperationalGoogle => self.operational_google_purpose,
            ContactField::SharedWithUsers => self.shared_with_users_purpose,
            ContactField::SupportHours => self.support_hours_purpose,
        }
    }
}

pub const EN: FormText = FormText {
    labels: &LABELS_EN,
    heading: "Contact information",
    required_note: "All fields are required unless marked optional.",

    section_technical: "Technical contacts",
    section_operational: "Operational contacts",
    section_support_hours: "Support hours",

    alert_contacts_purpose: "Partner Portal users who can fix non-urgent technical problems in your production environment. Whenever we detect a problem in production, they get an automatic alert email.",
    alert_contacts_sandbox: "Alert contacts can only be chosen in the production environment, and you are working in Sandbox. Switch to Production to choose them; the rest of the form works in either.",
    switch_to_production: "Switch to Production",
    alert_contacts_none: "Your account has no active users to choose from yet.",
    inactive_user: |who| format!("{who} (no longer an active user)"),

    technical_emergency_purpose: "Who we notify in an emergency, for example if your integration is disabled. We recommend a group alias rather than one person's address.",
    technical_non_emergency_purpose: "Who gives partners ongoing technical help, for example during API migrations or when there are matching problems.",
    merchant_operational_purpose: "Who we notify about problems with merchants, for example when a merchant asks to remove a partner it has no business relationship with. Only some integrations need this contact.",
    operational_google_purpose: "Where we send user cases that need you to step in, for example a booking that was not honoured. Only Google uses these contacts; they are never given to users.",
    shared_with_users_purpose: "The contact we give users for their cases, such as refunds, cancellations or changes to an order. This is your brand's default support email alias.",
    support_hours_purpose: "When you offer operational support to users, with the time zone of each schedule. Add as many schedules as you need.",

    contact_n: |n| format!("Contact {n}"),
    email_label: "Email address",
    name_label: "Name (optional)",
    phone_label: "Phone (optional)",
    entry_suffix: |n| format!(", contact {n}"),
    add_contact: "Add contact",
    remove_contact: |n| format!("Remove contact {n}"),
    contacts_limit: |max| format!("You can add up to {max} contacts; remove one to add another."),

    schedule_n: |n| format!("Schedule {n}"),
    time_zone_label: "Time zone",
    time_zone_hint: "Type a city to search the list, for example Madrid.",
    days_label: "Days",
    day_names: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    all_day_label: "Open 24 hours",
    from_label: "From",
    to_label: "To",
    presets_label: "Fill in with",
    preset_all_week: "24/7",
    preset_weekdays: "Weekdays 9:00–17:00",
    add_schedule: "Add schedule",
    remove_schedule: |n| format!("Remove schedule {n}"),
    all_day_summary: "24 hours",
    hours_summary: |from, to| format!("{from}–{to}"),
    not_provided: "Not provided",

    summary_heading: |count| match count {
        1 => "There is 1 problem".to_owned(),
        n => format!("There are {n} problems"),
    },
    summary_intro: "Fix these to save the contact information:",

    save: "Save contact information",
    saving: "Saving…",
    saved: "Contact information saved.",
    session_expired: "Your session has expired. Sign in again; your changes are kept on this device.",

    draft_restored: "We restored changes you hadn't saved.",
    discard_draft: "Discard draft",

    conflict_heading: "Someone else saved the contact information while you were editing",
    conflict_body: "Nothing you typed is lost. You both changed the fields below: choose which version of each to keep, then save.",
    conflict_saved_by: |name| format!("Last saved by {name}."),
    conflict_taken: "Their changes to fields you did not change are already in the form:",
    conflict_theirs: "Their version",
    conflict_mine: "Your version",
    use_theirs: "Use theirs",
    keep_mine: "Keep mine",
    conflict_undecided: |count| match count {
        1 => "Choose which version to keep for the field you both changed, then save.".to_owned(),
        n => format!(
            "Choose which version to keep for each of the {n} fields you both changed, then save."
        ),
    },
    load_theirs: "Discard all my changes and load their version",
    saved_merged: "Contact information saved. Changes someone else saved meanwhile to other fields were kept.",
    days_hint: "Select all that apply.",
};

pub const ES: FormText = FormText {
    labels: &LABELS_ES,
    heading: "Información de contacto",
    required_note: "Todos los campos son obligatorios, salvo los que se indican como opcionales.",

    section_technical: "Contactos técnicos",
    section_operational: "Contactos operativos",
    section_support_hours: "Horario de asistencia",

    alert_contacts_purpose: "Usuarios del Portal para socios que pueden solucionar problemas técnicos no urgentes del entorno de producción. Cada vez que detectemos un problema en producción, recibirán una alerta automática por correo electrónico.",
    alert_contacts_sandbox: "Los contactos de alerta solo se pueden elegir en el entorno de producción y estás trabajando en la zona de pruebas. Cambia a Producción para elegirlos; el resto del formulario funciona en ambos.",
    switch_to_production: "Cambiar a Producción",
    alert_contacts_none: "Tu cuenta aún no tiene usuarios activos entre los que elegir.",
    inactive_user: |who| format!("{who} (ya no es un usuario activo)"),

    technical_emergency_purpose: "Son los contactos a los que avisaremos en caso de emergencia (por ejemplo, si se inhabilita la integración). Te recomendamos indicar un alias de grupo en lugar de la dirección de una sola persona.",
    technical_non_emergency_purpose: "Son los contactos que brindan asistencia técnica continua (por ejemplo, en las migraciones de la API o si hay problemas de correlación).",
    merchant_operational_purpose: "Son los contactos a los que avisaremos de los problemas con los comercios, por ejemplo, cuando un comercio solicita quitar a un socio con el que no tiene una relación comercial. Solo algunas integraciones necesitan este contacto.",
    operational_google_purpose: "Es el contacto al que remitiremos los casos de usuarios que requieren tu intervención (por ejemplo, si no se respeta una reserva). Solo Google usa estos contactos; nunca se proporcionan a los usuarios.",
    shared_with_users_purpose: "Es el contacto que proporcionamos a los usuarios para que remitan sus casos (por ejemplo, reembolsos, cancelaciones o modificaciones de pedidos). Es el alias de correo electrónico de asistencia predeterminado de tu marca.",
    support_hours_purpose: "Indica el horario, con su zona horaria, en el que ofreces asistencia operativa a los usuarios. Agrega todos los horarios que necesites.",

    contact_n: |n| format!("Contacto {n}"),
    email_label: "Correo electrónico",
    name_label: "Nombre (opcional)",
    phone_label: "Teléfono (opcional)",
    entry_suffix: |n| format!(", contacto {n}"),
    add_contact: "Agregar contacto",
    remove_contact: |n| format!("Quitar contacto {n}"),
    contacts_limit: |max| {
        format!("Puedes agregar hasta {max} contactos; quita uno para agregar otro.")
    },

    schedule_n: |n| format!("Horario {n}"),
    time_zone_label: "Zona horaria",
    time_zone_hint: "Escribe una ciudad para buscarla en la lista, por ejemplo, Madrid.",
    days_label: "Días",
    day_names: [
        "Lunes",
        "Martes",
        "Miércoles",
        "Jueves",
        "Viernes",
        "Sábado",
        "Domingo",
    ],
    all_day_label: "Abierto las 24 horas",
    from_label: "Desde",
    to_label: "Hasta",
    presets_label: "Completar con",
    preset_all_week: "24/7",
    preset_weekdays: "De lunes a viernes, 9:00–17:00",
    add_schedule: "Agregar horario",
    remove_schedule: |n| format!("Quitar horario {n}"),
    all_day_summary: "24 horas",
    hours_summary: |from, to| format!("{from}–{to}"),
    not_provided: "Sin indicar",

    summary_heading: |count| match count {
        1 => "Hay 1 problema".to_owned(),
        n => format!("Hay {n} problemas"),
    },
    summary_intro: "Corrige lo siguiente para guardar la información de contacto:",

    save: "Guardar información de contacto",
    saving: "Guardando…",
    saved: "Se guardó la información de contacto.",
    session_expired: "Tu sesión caducó. Vuelve a iniciar sesión; tus cambios se conservan en este dispositivo.",

    draft_restored: "Recuperamos los cambios que no habías guardado.",
    discard_draft: "Descartar borrador",

    conflict_heading: "Otra persona guardó la información de contacto mientras la editabas",
    conflict_body: "No se perdió nada de lo que escribiste. Ambos cambiaron los campos de abajo: elige qué versión conservar en cada uno y vuelve a guardar.",
    conflict_saved_by: |name| format!("Guardada por última vez por {name}."),
    conflict_taken: "Sus cambios en campos que tú no cambiaste ya están en el formulario:",
    conflict_theirs: "Su versión",
    conflict_mine: "Tu versión",
    use_theirs: "Usar la suya",
    keep_mine: "Conservar la mía",
    conflict_undecided: |count| match count {
        1 => "Elige qué versión conservar en el campo que ambos cambiaron y vuelve a guardar."
            .to_owned(),
        n => format!(
            "Elige qué versión conservar en cada uno de los {n} campos que ambos cambiaron y vuelve a guardar."
        ),
    },
    load_theirs: "Descartar todos mis cambios y cargar su versión",
    saved_merged: "Se guardó la información de contacto. Se conservaron los cambios que otra persona guardó mientras tanto en otros campos.",
    days_hint: "Selecciona todas las opciones que correspondan.",
};
