//! The Help page (the Overview's own messages are in `dashboard`).

pub struct HelpText {
    pub intro: &'static str,
    pub contact_body: &'static str,
    pub include_heading: &'static str,
    pub include_partner_id: &'static str,
    pub include_environment: &'static str,
    pub include_steps: &'static str,
    pub include_time: &'static str,
    pub include_screenshot: &'static str,
    pub contact_info_heading: &'static str,
    pub contact_info_body: &'static str,
    pub back_to_portal: &'static str,
    pub back_to_sign_in: &'static str,
}

pub const HELP_EN: HelpText = HelpText {
    intro: "If you have a question or something doesn't work as expected, our partner support team can help.",
    contact_body: "Write to partner support. We answer on working days, usually within one day.",
    include_heading: "What to include in your request",
    include_partner_id: "Your Partner ID (shown at the top of the portal).",
    include_environment: "Whether you were working in Sandbox or Production.",
    include_steps: "What you were doing, what you expected and what happened instead.",
    include_time: "When it happened, with your time zone.",
    include_screenshot: "A screenshot of any error message, if there was one.",
    contact_info_heading: "About the contact information",
    contact_info_body: "Your contact information applies to your whole account, so only one person needs to complete it. If a colleague is better placed to do it, an administrator can invite them from the Users tab. You can update the information at any time under Settings.",
    back_to_portal: "Back to the portal",
    back_to_sign_in: "Go to sign-in",
};

pub const HELP_ES: HelpText = HelpText {
    intro: "Si tienes alguna pregunta o algo no funciona como esperabas, nuestro equipo de asistencia para socios puede ayudarte.",
    contact_body: "Escribe al equipo de asistencia para socios. Respondemos los días laborables, normalmente en un día.",
    include_heading: "Qué incluir en tu solicitud",
    include_partner_id: "Tu ID de socio (aparece en la parte superior del portal).",
    include_environment: "Si estabas trabajando en la zona de pruebas o en producción.",
    include_steps: "Qué estabas haciendo, qué esperabas y qué ocurrió.",
    include_time: "Cuándo ocurrió, con tu zona horaria.",
    include_screenshot: "Una captura de pantalla del mensaje de error, si lo hubo.",
    contact_info_heading: "Sobre la información de contacto",
    contact_info_body: "Tu información de contacto se aplica a toda la cuenta, así que solo una persona debe completarla. Si otra persona de tu organización es más adecuada, un administrador puede invitarla desde la pestaña Usuarios. Puedes actualizar la información en cualquier momento en Configuración.",
    back_to_portal: "Volver al portal",
    back_to_sign_in: "Ir al inicio de sesión",
};
