//! Validation messages, built from the domain crate's error codes and
//! parameters so the browser and the server's answers read the same.

use portal_domain::FieldError;
use portal_domain::codes;

use super::Catalog;

pub struct ValidationText {
    pub required: &'static str,
    pub required_email: &'static str,
    pub required_list: &'static str,
    pub required_alert_contacts: &'static str,
    pub required_days: &'static str,
    pub required_time_zone: &'static str,
    pub required_support_hours: &'static str,
    pub too_long: fn(max: &str) -> String,
    pub too_short_password: fn(min: &str) -> String,
    pub too_many: fn(max: &str) -> String,
    pub local_part_too_long: fn(max: &str) -> String,
    pub invalid_email: &'static str,
    pub email_domain_needs_dot: &'static str,
    pub invalid_phone: &'static str,
    pub not_applicable: &'static str,
    pub duplicate: fn(first: usize) -> String,
    pub unknown_user: &'static str,
    pub unknown_time_zone: &'static str,
    pub invalid_time: &'static str,
    pub end_before_start: &'static str,
    pub overlap: fn(other: usize) -> String,
    pub already_registered: &'static str,
    pub last_administrator: &'static str,
    pub last_alert_contact: &'static str,
    pub personal_address_consumer: &'static str,
    pub personal_address_user: &'static str,
    /// Any code this version of the app does not know (a newer server).
    pub unknown: &'static str,
}

pub const EN: ValidationText = ValidationText {
    required: "Fill in this field.",
    required_email: "Enter an email address.",
    required_list: "Add at least one contact.",
    required_alert_contacts: "Choose at least one alert contact.",
    required_days: "Choose at least one day.",
    required_time_zone: "Choose a time zone.",
    required_support_hours: "Add at least one support schedule.",
    too_long: |max| format!("Shorten this to {max} characters or fewer."),
    too_short_password: |min| format!("Use at least {min} characters."),
    too_many: |max| format!("Keep this to {max} contacts or fewer; remove the extra ones."),
    local_part_too_long: |max| {
        format!("The part before the @ can have at most {max} characters; check the address.")
    },
    invalid_email: "Enter an email address like name@example.com.",
    email_domain_needs_dot: "Add the full domain after the @, for example example.com.",
    invalid_phone: "Enter the number with its country code, starting with +, for example +34 912 345 678.",
    not_applicable: "Your integration does not use this contact; remove these entries.",
    duplicate: |first| {
        format!("This address is already in contact {first} of this list; remove one of them.")
    },
    unknown_user: "This person is not an active user of your account; choose another.",
    unknown_time_zone: "Choose a time zone from the list.",
    invalid_time: "Enter a time as hours and minutes, for example 09:00.",
    end_before_start: "The end time must be later than the start time.",
    overlap: |other| {
        format!(
            "These hours overlap schedule {other} in the same time zone; change the days or hours."
        )
    },
    already_registered: "This address already has a portal account; use another address.",
    last_administrator: "The account needs at least one administrator; make someone else an administrator first.",
    last_alert_contact: "This user is the only alert contact; choose another alert contact first.",
    personal_address_consumer: "This looks like a personal address. A shared team alias keeps working when people change roles.",
    personal_address_user: "This is a portal user's own address. A shared team alias keeps working when people change roles.",
    unknown: "Check this field.",
};

pub const ES: ValidationText = ValidationText {
    required: "Completa este campo.",
    required_email: "Introduce una dirección de correo electrónico.",
    required_list: "Agrega al menos un contacto.",
    required_alert_contacts: "Elige al menos un contacto de alerta.",
    required_days: "Elige al menos un día.",
    required_time_zone: "Elige una zona horaria.",
    required_support_hours: "Agrega al menos un horario de asistencia.",
    too_long: |max| format!("Acórtalo a {max} caracteres como máximo."),
    too_short_password: |min| format!("Usa al menos {min} caracteres."),
    too_many: |max| format!("Indica como máximo {max} contactos; quita los que sobran."),
    local_part_too_long: |max| {
        format!(
            "La parte anterior a la @ puede tener como máximo {max} caracteres; revisa la dirección."
        )
    },
    invalid_email: "Introduce una dirección de correo como nombre@ejemplo.com.",
    email_domain_needs_dot: "Escribe el dominio completo después de la @, por ejemplo ejemplo.com.",
    invalid_phone: "Introduce el número con el prefijo del país, empezando por +, por ejemplo +34 912 345 678.",
    not_applicable: "Tu integración no usa este contacto; quita estas entradas.",
    duplicate: |first| {
        format!(
            "Esta dirección ya figura en el contacto {first} de esta lista; quita una de las dos."
        )
    },
    unknown_user: "Esta persona no es un usuario activo de tu cuenta; elige otra.",
    unknown_time_zone: "Elige una zona horaria de la lista.",
    invalid_time: "Introduce la hora en horas y minutos, por ejemplo 09:00.",
    end_before_start: "La hora de fin debe ser posterior a la de inicio.",
    overlap: |other| {
        format!(
            "Este horario se superpone con el horario {other} en la misma zona horaria; cambia los días o las horas."
        )
    },
    already_registered: "Esta dirección ya tiene una cuenta en el portal; usa otra.",
    last_administrator: "La cuenta necesita al menos un administrador; primero nombra administrador a otra persona.",
    last_alert_contact: "Este usuario es el único contacto de alerta; primero elige otro contacto de alerta.",
    personal_address_consumer: "Parece una dirección personal. Un alias compartido del equipo sigue funcionando aunque las personas cambien de puesto.",
    personal_address_user: "Es la dirección personal de un usuario del portal. Un alias compartido del equipo sigue funcionando aunque las personas cambien de puesto.",
    unknown: "Revisa este campo.",
};

/// The sentence to show for an error or warning, phrased for where it occurs.
/// Positions in parameters are 0-based; people count from 1.
pub fn message(t: &Catalog, error: &FieldError) -> String {
    let v = &t.validation;
    let param = |key: &str| error.param(key).unwrap_or_default().to_owned();
    let position = |key: &str| param(key).parse::<usize>().map_or(1, |i| i + 1);
    let path = error.path.as_str();
    let last = path.rsplit('.').next().unwrap_or(path);
    match error.code.as_str() {
        codes::REQUIRED => match last {
            "alert_contacts" => v.required_alert_contacts.into(),
            "support_hours" => v.required_support_hours.into(),
            "email" => v.required_email.into(),
            "days" => v.required_days.into(),
            "time_zone" => v.required_time_zone.into(),
            "technical_emergency"
            | "technical_non_emergency"
            | "merchant_operational"
            | "operational_google" => v.required_list.into(),
            _ => v.required.into(),
        },
        codes::TOO_LONG => (v.too_long)(&param("max")),
        codes::TOO_SHORT => (v.too_short_password)(&param("min")),
        codes::TOO_MANY => (v.too_many)(&param("max")),
        codes::LOCAL_PART_TOO_LONG => (v.local_part_too_long)(&param("max")),
        codes::INVALID_EMAIL => v.invalid_email.into(),
        codes::EMAIL_DOMAIN_NEEDS_DOT => v.email_domain_needs_dot.into(),
        codes::INVALID_PHONE => v.invalid_phone.into(),
        codes::NOT_APPLICABLE => v.not_applicable.into(),
        codes::DUPLICATE => (v.duplicate)(position("first")),
        codes::UNKNOWN_USER => v.unknown_user.into(),
        codes::UNKNOWN_TIME_ZONE => v.unknown_time_zone.into(),
        codes::INVALID_TIME => v.invalid_time.into(),
        codes::END_BEFORE_START => v.end_before_start.into(),
        codes::OVERLAP => (v.overlap)(position("with")),
        codes::LAST_ADMINISTRATOR => v.last_administrator.into(),
        codes::LAST_ALERT_CONTACT => v.last_alert_contact.into(),
        codes::PERSONAL_ADDRESS if param("reason") == codes::reason::USER_ADDRESS => {
            v.personal_address_user.into()
        }
        codes::PERSONAL_ADDRESS => v.personal_address_consumer.into(),
        "already_registered" => v.already_registered.into(),
        _ => v.unknown.into(),
    }
}
