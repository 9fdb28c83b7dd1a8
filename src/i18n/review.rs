//! The yearly review: the reminder on every page, the modal when the year is
//! up, and the one-click confirmation.

pub struct ReviewText {
    /// The modal's title and introduction when it is back because the year is up.
    pub modal_title: &'static str,
    pub modal_intro: &'static str,
    /// What a read-only user is told while the portal waits for the review.
    pub read_only_heading: &'static str,
    pub read_only_body: &'static str,
    /// The banner on every page once the review is due: the date of the last
    /// review, and the date the portal locks.
    pub banner: fn(reviewed_on: &str, locks_on: &str) -> String,
    pub banner_label: &'static str,
    pub review_now: &'static str,
    /// The button beside Save, and what it says while it works and after.
    pub confirm: &'static str,
    pub confirming: &'static str,
    pub confirmed: &'static str,
    /// Announced when a confirmation unlocks the portal.
    pub unlocked: &'static str,
    /// Someone saved while the user was confirming, which was the review.
    pub saved_by_other: &'static str,
}

pub const EN: ReviewText = ReviewText {
    modal_title: "Check your contact information is still correct",
    modal_intro: "A year has passed since anyone in your account checked its contact information. Make sure it is still correct: change what is out of date and save, or confirm it as it is. The Partner Portal unlocks for everyone as soon as you do.",
    read_only_heading: "Your contact information needs its yearly check",
    read_only_body: "You have read-only access, so you can't confirm it yourself. Ask one of these people to check it; the portal unlocks for you as soon as they do.",
    banner: |reviewed_on, locks_on| {
        format!(
            "Your contact information was last checked on {reviewed_on}. Make sure it is still correct by {locks_on}; after that the portal locks until someone does."
        )
    },
    banner_label: "Yearly review",
    review_now: "Check it now",
    confirm: "Confirm it is still correct",
    confirming: "Confirming…",
    confirmed: "Confirmed: the contact information is still correct.",
    unlocked: "Confirmed as still correct. The Partner Portal is unlocked.",
    saved_by_other: "Someone saved the contact information meanwhile, which counts as this year's check. Their version is shown now.",
};

pub const ES: ReviewText = ReviewText {
    modal_title: "Comprueba que tu información de contacto sigue siendo correcta",
    modal_intro: "Ha pasado un año desde que alguien de tu cuenta revisó su información de contacto. Asegúrate de que sigue siendo correcta: cambia lo que esté desactualizado y guarda, o confírmala tal como está. El Portal para socios se desbloquea para todos en cuanto lo hagas.",
    read_only_heading: "Tu información de contacto necesita su revisión anual",
    read_only_body: "Tienes acceso de solo lectura, así que no puedes confirmarla tú. Pide a una de estas personas que la revise; el portal se desbloqueará para ti en cuanto lo hagan.",
    banner: |reviewed_on, locks_on| {
        format!(
            "Tu información de contacto se revisó por última vez el {reviewed_on}. Comprueba que sigue siendo correcta antes del {locks_on}; después, el portal se bloqueará hasta que alguien lo haga."
        )
    },
    banner_label: "Revisión anual",
    review_now: "Revisarla ahora",
    confirm: "Confirmar que sigue siendo correcta",
    confirming: "Confirmando…",
    confirmed: "Confirmado: la información de contacto sigue siendo correcta.",
    unlocked: "Se confirmó que sigue siendo correcta. El Portal para socios está desbloqueado.",
    saved_by_other: "Otra persona guardó la información de contacto mientras tanto, lo que cuenta como la revisión de este año. Ahora se muestra su versión.",
};
