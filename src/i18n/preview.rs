//! What end users will see: the preview of the contact shared with them.

pub struct PreviewText {
    pub heading: &'static str,
    pub intro: &'static str,
    /// The sample's own heading, as end users read it.
    pub title: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub hours: &'static str,
    /// The same hours in the viewer's time zone.
    pub where_you_are: fn(hours: &str) -> String,
}

pub const EN: PreviewText = PreviewText {
    heading: "What end users see",
    intro: "Your integration's end users get this contact for help, in their own language. This is how it reads for someone in your time zone.",
    title: "Customer support",
    name: "Name",
    email: "Email",
    phone: "Phone",
    hours: "Support hours",
    where_you_are: |hours| format!("Where you are: {hours}"),
};

pub const ES: PreviewText = PreviewText {
    heading: "Lo que ven los usuarios finales",
    intro: "Los usuarios finales de tu integración reciben este contacto para pedir ayuda, en su propio idioma. Así lo lee alguien en tu zona horaria.",
    title: "Atención al cliente",
    name: "Nombre",
    email: "Correo electrónico",
    phone: "Teléfono",
    hours: "Horario de asistencia",
    where_you_are: |hours| format!("Donde estás: {hours}"),
};
