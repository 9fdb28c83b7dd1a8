//! Validation messages, built from the domain crate's error codes and
//! parameters so the browser and the server's answers read the same.

use portal_domain::codes::{param, reason};
use portal_domain::{Code, ContactField, FieldError, FieldPath, Leaf, Part, SchedulePart};

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
    pub emergency_phone_missing: &'static str,
    pub operational_address_shared: &'static str,
    pub single_technical_contact: &'static str,
    pub schedules_overlap_across_zones: fn(other: usize) -> String,
    pub stale: &'static str,
    pub invalid_type: &'static str,
}

pub static EN: ValidationText = ValidationText {
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
    emergency_phone_missing: "Add a phone number: your support hours do not cover 24/7, so an emergency outside them needs a number to call.",
    operational_address_shared: "Google and your users get the same address here. Give Google an address of its own, so its cases are not lost among users' mail.",
    single_technical_contact: "One address is every technical contact. Add a colleague or a team alias, so someone answers when this person is away.",
    schedules_overlap_across_zones: |other| {
        format!(
            "These hours overlap schedule {other}, in another time zone, in real time; if that is not intended, change the hours so each zone covers its own part of the day."
        )
    },
    stale: "Someone else saved a newer version meanwhile; review it and make your change again.",
    invalid_type: "This value is not in the expected form; reload the page and enter it again.",
};

pub static ES: ValidationText = ValidationText {
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
    emergency_phone_missing: "Agrega un número de teléfono: tu horario de asistencia no cubre 24/7, así que una emergencia fuera de ese horario necesita un número al que llamar.",
    operational_address_shared: "Google y tus usuarios reciben aquí la misma dirección. Da a Google una dirección propia para que sus casos no se pierdan entre el correo de los usuarios.",
    single_technical_contact: "Una sola dirección es todos los contactos técnicos. Agrega a un compañero o un alias del equipo para que alguien responda cuando esta persona no esté.",
    schedules_overlap_across_zones: |other| {
        format!(
            "Este horario coincide en tiempo real con el horario {other}, de otra zona horaria; si no es intencionado, cambia las horas para que cada zona cubra su parte del día."
        )
    },
    stale: "Otra persona guardó una versión más reciente mientras tanto; revísala y vuelve a hacer tu cambio.",
    invalid_type: "Este valor no tiene la forma esperada; recarga la página y vuelve a introducirlo.",
};

/// The sentence to show for an error or warning, phrased for where it occurs
/// (see [`message_in`]).
pub fn message(t: &Catalog, error: &FieldError) -> String {
    message_in(t.validation, error)
}

/// The sentence to show for an error or warning from the validation messages
/// `v` alone, phrased for where it occurs. Positions in parameters are
/// 0-based; people count from 1. Every code has its own arm: a new code does
/// not compile until it has its messages.
pub fn message_in(v: &ValidationText, error: &FieldError) -> String {
    let param = |key: &str| error.param(key).unwrap_or_default().to_owned();
    let position = |key: &str| param(key).parse::<usize>().map_or(1, |i| i + 1);
    match error.code {
        Code::Required => required(v, error.path).into(),
        Code::TooLong => (v.too_long)(&param(param::MAX)),
        Code::TooShort => (v.too_short_password)(&param(param::MIN)),
        Code::TooMany => (v.too_many)(&param(param::MAX)),
        Code::LocalPartTooLong => (v.local_part_too_long)(&param(param::MAX)),
        Code::InvalidEmail => v.invalid_email.into(),
        Code::EmailDomainNeedsDot => v.email_domain_needs_dot.into(),
        Code::InvalidPhone => v.invalid_phone.into(),
        Code::NotApplicable => v.not_applicable.into(),
        Code::Duplicate => (v.duplicate)(position(param::FIRST)),
        Code::UnknownUser => v.unknown_user.into(),
        Code::UnknownTimeZone => v.unknown_time_zone.into(),
        Code::InvalidTime => v.invalid_time.into(),
        Code::EndBeforeStart => v.end_before_start.into(),
        Code::Overlap => (v.overlap)(position(param::WITH)),
        Code::LastAdministrator => v.last_administrator.into(),
        Code::LastAlertContact => v.last_alert_contact.into(),
        Code::PersonalAddress if param(param::REASON) == reason::USER_ADDRESS => {
            v.personal_address_user.into()
        }
        Code::PersonalAddress => v.personal_address_consumer.into(),
        Code::EmergencyPhoneMissing => v.emergency_phone_missing.into(),
        Code::OperationalAddressShared => v.operational_address_shared.into(),
        Code::SingleTechnicalContact => v.single_technical_contact.into(),
        Code::SchedulesOverlapAcrossZones => {
            (v.schedules_overlap_across_zones)(position(param::WITH))
        }
        Code::AlreadyRegistered => v.already_registered.into(),
        Code::Stale => v.stale.into(),
        Code::InvalidType => v.invalid_type.into(),
    }
}

/// "Required", said for what is missing.
fn required(v: &ValidationText, path: FieldPath) -> &'static str {
    if path == FieldPath::EMAIL || path.part() == Some(Part::Email) {
        return v.required_email;
    }
    match path.leaf() {
        Some(Leaf::Schedule(SchedulePart::Days)) => return v.required_days,
        Some(Leaf::Schedule(SchedulePart::TimeZone)) => return v.required_time_zone,
        _ => {}
    }
    if !path.is_whole_field() {
        return v.required;
    }
    match path.contact_field() {
        Some(ContactField::AlertContacts) => v.required_alert_contacts,
        Some(ContactField::SupportHours) => v.required_support_hours,
        Some(
            ContactField::TechnicalEmergency
            | ContactField::TechnicalNonEmergency
            | ContactField::MerchantOperational
            | ContactField::OperationalGoogle,
        ) => v.required_list,
        Some(ContactField::SharedWithUsers) | None => v.required,
    }
}
