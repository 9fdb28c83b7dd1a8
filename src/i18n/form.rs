//! The contact information form.

pub struct FormText {
    pub heading: &'static str,
}

pub const EN: FormText = FormText {
    heading: "Contact information",
};

pub const ES: FormText = FormText {
    heading: "Información de contacto",
};
