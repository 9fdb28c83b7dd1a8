//! The blocking onboarding modal and the portal shell around it.

pub struct GateText {
    pub title: &'static str,
    pub intro: &'static str,
    pub account_wide: &'static str,
    /// Where the information can be changed once the portal is unlocked.
    pub edit_later: &'static str,
    pub tabs_label: &'static str,
    pub tab_contact: &'static str,
    pub tab_users: &'static str,
    pub users_intro: &'static str,
    pub read_only_heading: &'static str,
    pub read_only_body: &'static str,
    pub read_only_nobody: &'static str,
    pub unlocked: &'static str,
    pub portal_locked: &'static str,
    pub checking_session: &'static str,
}

pub const EN: GateText = GateText {
    title: "Complete your contact information",
    intro: "Before you launch your integration, tell us how to reach your technical and operations teams. The rest of the Partner Portal unlocks as soon as this is saved.",
    account_wide: "This information applies to your whole account, so only one person needs to fill it in. If a colleague is better placed to do it, invite them from the Users tab.",
    edit_later: "You can update it, and who has access, at any time under Settings → Contact information and Settings → Users.",
    tabs_label: "Contact information set-up",
    tab_contact: "Contact information",
    tab_users: "Users",
    users_intro: "Invite a colleague who knows your support set-up. They can complete the contact information for everyone.",
    read_only_heading: "Your contact information is not complete yet",
    read_only_body: "You have read-only access, so you can't fill it in yourself. Ask one of these people to complete it; the portal unlocks for you as soon as they save it.",
    read_only_nobody: "Nobody in your account can edit it yet. Contact support and we will help.",
    unlocked: "Contact information saved. The Partner Portal is unlocked.",
    portal_locked: "The Partner Portal is locked until the contact information is complete.",
    checking_session: "Opening the Partner Portal…",
};

pub const ES: GateText = GateText {
    title: "Completa tu información de contacto",
    intro: "Antes de lanzar tu integración, indícanos cómo comunicarnos con tus equipos técnico y de operaciones. El resto del Portal para socios se desbloquea en cuanto guardes esta información.",
    account_wide: "Esta información se aplica a toda tu cuenta, así que solo una persona debe completarla. Si otra persona de tu organización es más adecuada, invítala desde la pestaña Usuarios.",
    edit_later: "Podrás actualizarla, al igual que el acceso de los usuarios, en cualquier momento en Configuración → Información de contacto y Configuración → Usuarios.",
    tabs_label: "Configuración de la información de contacto",
    tab_contact: "Información de contacto",
    tab_users: "Usuarios",
    users_intro: "Invita a una persona que conozca la organización de tu asistencia. Podrá completar la información de contacto para toda la cuenta.",
    read_only_heading: "Tu información de contacto aún no está completa",
    read_only_body: "Tienes acceso de solo lectura, así que no puedes completarla tú. Pídeselo a una de estas personas; el portal se desbloqueará para ti en cuanto la guarden.",
    read_only_nobody: "Nadie de tu cuenta puede editarla todavía. Comunícate con el equipo de asistencia y te ayudaremos.",
    unlocked: "Se guardó la información de contacto. El Portal para socios está desbloqueado.",
    portal_locked: "El Portal para socios está bloqueado hasta que se complete la información de contacto.",
    checking_session: "Abriendo el Portal para socios…",
};
