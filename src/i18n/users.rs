//! The account's users and invitations.

use portal_domain::Role;

pub struct UsersText {
    pub heading: &'static str,
    pub loading: &'static str,
    pub refresh_failed: &'static str,
    pub you: &'static str,
    pub status_active: &'static str,
    pub status_pending: fn(date: &str) -> String,
    pub status_pending_undated: &'static str,
    pub status_expired: &'static str,
    pub managers_only: &'static str,

    pub invite_heading: &'static str,
    pub invite_intro: fn(days: u32) -> String,
    pub name_label: &'static str,
    pub email_label: &'static str,
    pub role_label: &'static str,
    pub role_hint_administrator: &'static str,
    pub role_hint_editor: &'static str,
    pub role_hint_read_only: &'static str,
    pub invite_submit: &'static str,
    pub inviting: &'static str,
    pub invited: fn(email: &str) -> String,

    pub change_role: &'static str,
    pub role_for: fn(name: &str) -> String,
    pub save_role: &'static str,
    pub role_changed: fn(name: &str, role: &str) -> String,
    pub remove: &'static str,
    pub confirm_remove: fn(name: &str) -> String,
    pub confirm_remove_self: &'static str,
    pub remove_confirm: &'static str,
    pub removed: fn(name: &str) -> String,
    pub resend: &'static str,
    pub resent: fn(email: &str) -> String,
    pub revoke: &'static str,
    pub confirm_revoke: fn(name: &str) -> String,
    pub revoke_confirm: &'static str,
    pub revoked: fn(name: &str) -> String,
    pub cancel: &'static str,
    pub working: &'static str,

    /// Shown instead of the remove and change-role actions, before the server
    /// would refuse them.
    pub only_administrator: &'static str,
    pub demotion_blocked: &'static str,
    pub stale: &'static str,
    pub gone: &'static str,
    pub already_active: &'static str,
    pub forbidden: &'static str,
    pub session_ended: &'static str,
}

impl UsersText {
    /// What a role may do, under the role picker, so the choice is informed.
    pub fn role_hint(&self, role: Role) -> &'static str {
        match role {
            Role::Administrator => self.role_hint_administrator,
            Role::Editor => self.role_hint_editor,
            Role::ReadOnly => self.role_hint_read_only,
        }
    }
}

pub const EN: UsersText = UsersText {
    heading: "Users",
    loading: "Loading users…",
    refresh_failed: "Can't refresh the list of users. Check your connection and try again.",
    you: "(you)",
    status_active: "Active",
    status_pending: |date| format!("Invitation pending (expires {date})"),
    status_pending_undated: "Invitation pending",
    status_expired: "Invitation expired",
    managers_only: "Only administrators can invite, change or remove users. Ask an administrator if something here needs to change.",

    invite_heading: "Invite a colleague",
    invite_intro: |days| {
        format!(
            "They receive an email with a link to choose their password. The link works for {days} days."
        )
    },
    name_label: "Name",
    email_label: "Email address",
    role_label: "Role",
    role_hint_administrator: "Can do everything, including inviting, changing and removing users.",
    role_hint_editor: "Can read and edit account data, including the contact information. Can't manage users.",
    role_hint_read_only: "Can read account data but not change it, so can't fill in the contact information.",
    invite_submit: "Send invitation",
    inviting: "Sending…",
    invited: |email| {
        format!(
            "Invitation sent to {email}. They appear in the list as pending until they accept it."
        )
    },

    change_role: "Change role",
    role_for: |name| format!("New role for {name}"),
    save_role: "Save role",
    role_changed: |name, role| format!("{name}'s role is now {role}."),
    remove: "Remove",
    confirm_remove: |name| format!("Remove {name} from the account? They lose access right away."),
    confirm_remove_self: "Remove yourself from the account? You lose access right away.",
    remove_confirm: "Remove user",
    removed: |name| format!("{name} was removed from the account."),
    resend: "Resend invitation",
    resent: |email| {
        format!("A new invitation was sent to {email}. The earlier link no longer works.")
    },
    revoke: "Revoke invitation",
    confirm_revoke: |name| {
        format!("Revoke the invitation for {name}? The link they received stops working.")
    },
    revoke_confirm: "Revoke invitation",
    revoked: |name| format!("The invitation for {name} was revoked."),
    cancel: "Cancel",
    working: "Please wait…",

    only_administrator: "The only administrator can't be removed or given another role: the account always needs one. Make someone else an administrator first.",
    demotion_blocked: "The account always needs an administrator. Make someone else an administrator first.",
    stale: "Someone changed this user in the meantime. The list now shows the latest information; check it and try again.",
    gone: "This user is no longer in the account. The list has been refreshed.",
    already_active: "This person has already accepted the invitation. The list has been refreshed.",
    forbidden: "Only administrators can manage users.",
    session_ended: "Your session has ended. Sign in again to continue.",
};

pub const ES: UsersText = UsersText {
    heading: "Usuarios",
    loading: "Cargando usuarios…",
    refresh_failed: "No se puede actualizar la lista de usuarios. Comprueba tu conexión y vuelve a intentarlo.",
    you: "(tú)",
    status_active: "Activo",
    status_pending: |date| format!("Invitación pendiente (caduca el {date})"),
    status_pending_undated: "Invitación pendiente",
    status_expired: "Invitación caducada",
    managers_only: "Solo los administradores pueden invitar, cambiar o quitar usuarios. Si hay que cambiar algo, pídeselo a un administrador.",

    invite_heading: "Invita a una persona",
    invite_intro: |days| {
        format!(
            "Recibirá un correo con un enlace para elegir su contraseña. El enlace funciona durante {days} días."
        )
    },
    name_label: "Nombre",
    email_label: "Dirección de correo electrónico",
    role_label: "Rol",
    role_hint_administrator: "Tiene acceso completo, incluida la gestión de usuarios: invitar, cambiar roles y quitar.",
    role_hint_editor: "Puede consultar y editar los datos de la cuenta, incluida la información de contacto. No puede gestionar usuarios.",
    role_hint_read_only: "Puede consultar los datos de la cuenta, pero no cambiarlos, así que no puede completar la información de contacto.",
    invite_submit: "Enviar invitación",
    inviting: "Enviando…",
    invited: |email| {
        format!(
            "Se envió la invitación a {email}. Aparecerá como pendiente en la lista hasta que la acepte."
        )
    },

    change_role: "Cambiar rol",
    role_for: |name| format!("Nuevo rol de {name}"),
    save_role: "Guardar rol",
    role_changed: |name, role| format!("{name} ahora tiene el rol {role}."),
    remove: "Quitar",
    confirm_remove: |name| {
        format!("¿Quitar a {name} de la cuenta? Perderá el acceso de inmediato.")
    },
    confirm_remove_self: "¿Quitarte de la cuenta? Perderás el acceso de inmediato.",
    remove_confirm: "Quitar usuario",
    removed: |name| format!("Se quitó a {name} de la cuenta."),
    resend: "Reenviar invitación",
    resent: |email| {
        format!("Se envió una nueva invitación a {email}. El enlace anterior ya no funciona.")
    },
    revoke: "Revocar invitación",
    confirm_revoke: |name| {
        format!("¿Revocar la invitación de {name}? El enlace que recibió dejará de funcionar.")
    },
    revoke_confirm: "Revocar invitación",
    revoked: |name| format!("Se revocó la invitación de {name}."),
    cancel: "Cancelar",
    working: "Espera un momento…",

    only_administrator: "No se puede quitar ni cambiar el rol del único administrador: la cuenta siempre necesita uno. Primero nombra administrador a otra persona.",
    demotion_blocked: "La cuenta siempre necesita un administrador. Primero nombra administrador a otra persona.",
    stale: "Otra persona cambió este usuario mientras tanto. La lista ya muestra la información más reciente; revísala y vuelve a intentarlo.",
    gone: "Este usuario ya no está en la cuenta. Se actualizó la lista.",
    already_active: "Esta persona ya aceptó la invitación. Se actualizó la lista.",
    forbidden: "Solo los administradores pueden gestionar usuarios.",
    session_ended: "Tu sesión terminó. Vuelve a iniciar sesión para continuar.",
};
