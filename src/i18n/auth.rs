//! Sign-in, invitation acceptance and first-administrator set-up.

pub struct AuthText {
    /// What the portal is for, under its name on the sign-in, invitation
    /// and set-up pages.
    pub purpose: &'static str,
    pub sign_in_heading: &'static str,
    pub sign_in_intro: &'static str,
    pub email_label: &'static str,
    pub password_label: &'static str,
    pub email_required: &'static str,
    pub password_required: &'static str,
    pub sign_in_submit: &'static str,
    pub signing_in: &'static str,
    /// The same words whether the address is unknown or the password is wrong,
    /// so the form never tells a stranger which addresses have an account.
    pub invalid_credentials: &'static str,
    /// The server blocks an address or a browser for at most 15 minutes.
    pub too_many_attempts: &'static str,
    /// Sending an invitation or set-up form after too many links that do not
    /// work were tried from the same network (the same 15 minutes at most).
    pub links_too_many: &'static str,
    pub sign_in_unreachable: &'static str,
    pub help_prompt: &'static str,

    pub invitation_checking: &'static str,
    pub invitation_heading: fn(account: &str) -> String,
    pub invitation_intro: fn(email: &str) -> String,
    pub setup_heading: fn(account: &str) -> String,
    pub setup_intro: &'static str,
    pub link_expires: fn(date: &str) -> String,
    pub name_label: &'static str,
    pub name_hint: &'static str,
    pub setup_email_hint: &'static str,
    pub new_password_label: &'static str,
    pub password_rules: fn(min: usize) -> String,
    pub confirm_password_label: &'static str,
    pub confirm_required: &'static str,
    pub passwords_mismatch: &'static str,
    pub fix_fields: &'static str,
    pub accept_submit: &'static str,
    pub setup_submit: &'static str,
    pub accepting: &'static str,
    pub accepted_heading: &'static str,
    pub accepted_body: &'static str,
    pub go_to_sign_in: &'static str,
    pub invalid_heading: &'static str,
    pub invalid_body: &'static str,
    pub expired_heading: &'static str,
    pub expired_body: &'static str,
    pub already_have_password: &'static str,
}

pub static EN: AuthText = AuthText {
    sign_in_heading: "Sign in to the Partner Portal",
    purpose: "Keep the contacts we use to reach your team up to date.",
    sign_in_intro: "Use the email address and password of your portal account.",
    email_label: "Email address",
    password_label: "Password",
    email_required: "Enter your email address.",
    password_required: "Enter your password.",
    sign_in_submit: "Sign in",
    signing_in: "Signing in…",
    invalid_credentials: "The email address or password is not right. Check both and try again.",
    too_many_attempts: "Too many attempts to sign in. Wait 15 minutes, then try again.",
    links_too_many: "Too many links that do not work were tried from this network. Wait 15 minutes, then send the form again.",
    sign_in_unreachable: "Can't reach the portal server, so you are not signed in. Check your connection and try again.",
    help_prompt: "Forgot your password or can't sign in?",

    invitation_checking: "Checking your invitation link…",
    invitation_heading: |account| format!("Join {account} on the Partner Portal"),
    invitation_intro: |email| {
        format!(
            "You will sign in with {email}. Check your name and choose a password to finish setting up your account."
        )
    },
    setup_heading: |account| format!("Set up the first administrator of {account}"),
    setup_intro: "This one-time link creates the account's first administrator. Enter the email address you will sign in with, your name and a password.",
    link_expires: |date| format!("This link works once, until {date}."),
    name_label: "Your name",
    name_hint: "Your colleagues see this name in the portal.",
    setup_email_hint: "You will sign in with this address.",
    new_password_label: "Password",
    password_rules: |min| {
        format!(
            "Use at least {min} characters. A few unrelated words together are easy to remember and hard to guess."
        )
    },
    confirm_password_label: "Repeat the password",
    confirm_required: "Type the password again.",
    passwords_mismatch: "The passwords don't match. Type the same password in both fields.",
    fix_fields: "Some fields need your attention. Correct them and try again.",
    accept_submit: "Create my account",
    setup_submit: "Create the administrator",
    accepting: "Creating…",
    accepted_heading: "Your account is ready",
    accepted_body: "Sign in with your email address and the password you just chose.",
    go_to_sign_in: "Go to sign in",
    invalid_heading: "This link doesn't work",
    invalid_body: "The link is not valid or was already used. If you already chose your password, sign in. Otherwise, ask an administrator of your account to send you a new invitation.",
    expired_heading: "This link has expired",
    expired_body: "Invitation links work for a limited time. Ask an administrator of your account to resend the invitation; the new email has a fresh link.",
    already_have_password: "Already chose your password?",
};

pub static ES: AuthText = AuthText {
    sign_in_heading: "Inicia sesión en el Portal para socios",
    purpose: "Mantén al día los contactos que usamos para comunicarnos con tu equipo.",
    sign_in_intro: "Usa la dirección de correo electrónico y la contraseña de tu cuenta del portal.",
    email_label: "Dirección de correo electrónico",
    password_label: "Contraseña",
    email_required: "Introduce tu dirección de correo electrónico.",
    password_required: "Introduce tu contraseña.",
    sign_in_submit: "Iniciar sesión",
    signing_in: "Iniciando sesión…",
    invalid_credentials: "La dirección de correo electrónico o la contraseña no son correctas. Revisa ambas y vuelve a intentarlo.",
    too_many_attempts: "Demasiados intentos de inicio de sesión. Espera 15 minutos y vuelve a intentarlo.",
    links_too_many: "Se probaron demasiados enlaces que no funcionan desde esta red. Espera 15 minutos y vuelve a enviar el formulario.",
    sign_in_unreachable: "No se puede conectar con el servidor del portal, así que no se inició la sesión. Comprueba tu conexión y vuelve a intentarlo.",
    help_prompt: "¿Olvidaste tu contraseña o no puedes iniciar sesión?",

    invitation_checking: "Comprobando tu enlace de invitación…",
    invitation_heading: |account| format!("Únete a {account} en el Portal para socios"),
    invitation_intro: |email| {
        format!(
            "Iniciarás sesión con {email}. Revisa tu nombre y elige una contraseña para terminar de configurar tu cuenta."
        )
    },
    setup_heading: |account| format!("Configura el primer administrador de {account}"),
    setup_intro: "Este enlace de un solo uso crea el primer administrador de la cuenta. Introduce la dirección de correo electrónico con la que iniciarás sesión, tu nombre y una contraseña.",
    link_expires: |date| format!("Este enlace solo se puede usar una vez, hasta el {date}."),
    name_label: "Tu nombre",
    name_hint: "Las demás personas de tu cuenta verán este nombre en el portal.",
    setup_email_hint: "Iniciarás sesión con esta dirección.",
    new_password_label: "Contraseña",
    password_rules: |min| {
        format!(
            "Usa al menos {min} caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar."
        )
    },
    confirm_password_label: "Repite la contraseña",
    confirm_required: "Vuelve a escribir la contraseña.",
    passwords_mismatch: "Las contraseñas no coinciden. Escribe la misma contraseña en los dos campos.",
    fix_fields: "Hay campos que necesitan tu atención. Corrígelos y vuelve a intentarlo.",
    accept_submit: "Crear mi cuenta",
    setup_submit: "Crear el administrador",
    accepting: "Creando…",
    accepted_heading: "Tu cuenta está lista",
    accepted_body: "Inicia sesión con tu dirección de correo electrónico y la contraseña que acabas de elegir.",
    go_to_sign_in: "Ir a iniciar sesión",
    invalid_heading: "Este enlace no funciona",
    invalid_body: "El enlace no es válido o ya se usó. Si ya elegiste tu contraseña, inicia sesión. Si no, pide a un administrador de tu cuenta que te envíe una nueva invitación.",
    expired_heading: "Este enlace caducó",
    expired_body: "Los enlaces de invitación solo funcionan durante un tiempo limitado. Pide a un administrador de tu cuenta que vuelva a enviarte la invitación; el nuevo correo incluye un enlace nuevo.",
    already_have_password: "¿Ya elegiste tu contraseña?",
};
