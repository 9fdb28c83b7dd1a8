//! Verified addresses: the page a confirmation link opens, and the state
//! shown beside each saved address in the portal.

/// The state of each saved address, as the portal shows it, and the
/// buttons that send a link.
pub struct VerifyText {
    pub state_unverified: &'static str,
    pub state_sent: fn(date: &str) -> String,
    pub state_verified: fn(date: &str) -> String,
    pub send: &'static str,
    pub resend: &'static str,
    pub sending: &'static str,
    /// The send button's full name: the address it is for.
    pub send_to: fn(action: &str, email: &str) -> String,
    pub sent: fn(email: &str) -> String,
    /// A link to the address went out less than `minutes` ago.
    pub rate_limited: fn(minutes: u32) -> String,
    pub already_verified: &'static str,
    pub not_saved: &'static str,

    /// The Overview's contact card.
    pub verified_count: fn(verified: usize, total: usize) -> String,
    pub unverified_list: fn(addresses: &str) -> String,
}

pub static EN: VerifyText = VerifyText {
    state_unverified: "Not verified",
    state_sent: |date| format!("Verification sent {date}"),
    state_verified: |date| format!("Verified {date}"),
    send: "Send verification",
    resend: "Resend",
    sending: "Sending…",
    send_to: |action, email| format!("{action}: {email}"),
    sent: |email| format!("A verification link was sent to {email}."),
    rate_limited: |minutes| {
        format!(
            "A link was sent to this address less than {minutes} minutes ago; try again when {minutes} minutes have passed."
        )
    },
    already_verified: "This address is verified already.",
    not_saved: "Save the contact information first; the link is sent when you save.",

    verified_count: |verified, total| match (verified, total) {
        (_, 1) if verified == 1 => "The address is verified".to_owned(),
        (_, 1) => "The address is not verified yet".to_owned(),
        (v, t) if v == t => format!("All {t} addresses verified"),
        (v, t) => format!("{v} of {t} addresses verified"),
    },
    unverified_list: |addresses| format!("Not verified yet: {addresses}"),
};

pub static ES: VerifyText = VerifyText {
    state_unverified: "Sin verificar",
    state_sent: |date| format!("Verificación enviada el {date}"),
    state_verified: |date| format!("Verificada el {date}"),
    send: "Enviar verificación",
    resend: "Reenviar",
    sending: "Enviando…",
    send_to: |action, email| format!("{action}: {email}"),
    sent: |email| format!("Se envió un enlace de verificación a {email}."),
    rate_limited: |minutes| {
        format!(
            "Se envió un enlace a esta dirección hace menos de {minutes} minutos; vuelve a intentarlo cuando hayan pasado {minutes} minutos."
        )
    },
    already_verified: "Esta dirección ya está verificada.",
    not_saved: "Guarda primero la información de contacto; el enlace se envía al guardar.",

    verified_count: |verified, total| match (verified, total) {
        (_, 1) if verified == 1 => "La dirección está verificada".to_owned(),
        (_, 1) => "La dirección aún no está verificada".to_owned(),
        (v, t) if v == t => format!("Las {t} direcciones están verificadas"),
        (v, t) => format!("{v} de {t} direcciones verificadas"),
    },
    unverified_list: |addresses| format!("Sin verificar todavía: {addresses}"),
};

/// The page a confirmation link opens (the public pages), apart from the
/// portal's messages about addresses, which that page never shows.
pub struct VerifyLinkText {
    pub checking: &'static str,
    pub heading: &'static str,
    /// Before the account and the roles: which address the page is about.
    pub intro: fn(email: &str) -> String,
    pub account_label: &'static str,
    pub roles_label: &'static str,
    pub no_roles: &'static str,
    pub confirm_note: &'static str,
    pub confirm: &'static str,
    pub confirming: &'static str,
    pub confirmed_heading: &'static str,
    pub confirmed_body: fn(email: &str, account: &str) -> String,
    pub invalid_heading: &'static str,
    pub invalid_body: &'static str,
    pub expired_heading: &'static str,
    pub expired_body: fn(days: u32) -> String,
    pub too_many_attempts: &'static str,
}

pub static LINK_EN: VerifyLinkText = VerifyLinkText {
    checking: "Checking your link…",
    heading: "Confirm your contact address",
    intro: |email| {
        format!("{email} is named in the contact information of this Partner Portal account.")
    },
    account_label: "Account",
    roles_label: "It receives messages as",
    no_roles: "The address has no role in this account at the moment.",
    confirm_note: "Confirm only if this address is yours or your team's and you expect these messages.",
    confirm: "Confirm this address",
    confirming: "Confirming…",
    confirmed_heading: "Address confirmed",
    confirmed_body: |email, account| {
        format!("Thank you: {email} is confirmed for {account}. You can close this page.")
    },
    invalid_heading: "This link does not work",
    invalid_body: "It was used already, or the address was changed in the contact information after the link was sent. If you confirmed the address before, there is nothing more to do; otherwise ask the account's administrators to send a new link from Settings → Contact information.",
    expired_heading: "This link has expired",
    expired_body: |days| {
        format!(
            "Links work for {days} days. Ask the account's administrators to send a new one from Settings → Contact information."
        )
    },
    too_many_attempts: "Too many links that do not work were tried from this network. Wait 15 minutes, then try again.",
};

pub static LINK_ES: VerifyLinkText = VerifyLinkText {
    checking: "Comprobando el enlace…",
    heading: "Confirma tu dirección de contacto",
    intro: |email| {
        format!(
            "{email} figura en la información de contacto de esta cuenta del Portal para socios."
        )
    },
    account_label: "Cuenta",
    roles_label: "Recibe mensajes como",
    no_roles: "Ahora mismo la dirección no tiene ninguna función en esta cuenta.",
    confirm_note: "Confírmala solo si la dirección es tuya o de tu equipo y esperas estos mensajes.",
    confirm: "Confirmar esta dirección",
    confirming: "Confirmando…",
    confirmed_heading: "Dirección confirmada",
    confirmed_body: |email, account| {
        format!("Gracias: {email} quedó confirmada para {account}. Ya puedes cerrar esta página.")
    },
    invalid_heading: "Este enlace no funciona",
    invalid_body: "Ya se usó, o la dirección cambió en la información de contacto después de enviarse el enlace. Si ya confirmaste la dirección, no tienes que hacer nada más; si no, pide a los administradores de la cuenta que envíen un enlace nuevo desde Configuración → Información de contacto.",
    expired_heading: "Este enlace caducó",
    expired_body: |days| {
        format!(
            "Los enlaces funcionan durante {days} días. Pide a los administradores de la cuenta que envíen uno nuevo desde Configuración → Información de contacto."
        )
    },
    too_many_attempts: "Se probaron demasiados enlaces que no funcionan desde esta red. Espera 15 minutos y vuelve a intentarlo.",
};
