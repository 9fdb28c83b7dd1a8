//! Settings → Contact information: export to and import from a JSON file.

pub struct TransferText {
    pub heading: &'static str,
    pub intro: &'static str,
    pub intro_import: &'static str,
    pub download: &'static str,
    pub import_label: &'static str,
    pub import_hint: &'static str,
    pub not_json: &'static str,
    pub not_document: &'static str,
    pub schema_version: fn(found: u32, supported: u32) -> String,
    pub other_account: fn(found: &str, own: &str) -> String,
    pub stale: fn(exported: i64, current: i64) -> String,
    pub invalid: &'static str,
    pub rejected: &'static str,
    pub conflict: &'static str,
    pub review_heading: &'static str,
    pub review_intro: &'static str,
    pub nothing_changed: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub imported: &'static str,
}

pub const EN: TransferText = TransferText {
    heading: "Export and import",
    intro: "Download the contact information as a JSON file, to keep a copy or to edit it.",
    intro_import: "Import a file downloaded here and edited: you see every change before anything is saved.",
    download: "Download as JSON",
    import_label: "Import from a file",
    import_hint: "A JSON file made with Download as JSON.",
    not_json: "This file is not JSON. Choose a file made with Download as JSON.",
    not_document: "This file is not contact information from the portal: fields are missing or have the wrong type. Choose a file made with Download as JSON.",
    schema_version: |found, supported| {
        format!(
            "This file has format version {found}, and this portal reads version {supported}. Download the contact information again here and make your changes in that file."
        )
    },
    other_account: |found, own| {
        format!(
            "This file belongs to another account (Partner ID {found}); this account's Partner ID is {own}. Choose a file downloaded from this account."
        )
    },
    stale: |exported, current| {
        format!(
            "This file was downloaded at version {exported}, but someone has saved since (version {current} now). Download the contact information again and make your changes in the new file, so their change is not undone."
        )
    },
    invalid: "The contact information in this file breaks these rules. Correct the file and choose it again:",
    rejected: "The server did not accept the file's contact information, so nothing was saved. Correct these problems in the file and choose it again:",
    conflict: "Someone saved the contact information after this file was downloaded, so nothing was saved. Download it again and make your changes in the new file.",
    review_heading: "Changes in the file",
    review_intro: "Compared with the current contact information. Nothing is saved until you choose Save these changes.",
    nothing_changed: "Nothing changed: the file holds the same contact information as the portal.",
    save: "Save these changes",
    cancel: "Cancel",
    imported: "The changes from the file were saved.",
};

pub const ES: TransferText = TransferText {
    heading: "Exportar e importar",
    intro: "Descarga la información de contacto como archivo JSON, para guardar una copia o editarla.",
    intro_import: "Importa un archivo descargado aquí y editado: verás cada cambio antes de que se guarde nada.",
    download: "Descargar como JSON",
    import_label: "Importar desde un archivo",
    import_hint: "Un archivo JSON creado con Descargar como JSON.",
    not_json: "Este archivo no es JSON. Elige un archivo creado con Descargar como JSON.",
    not_document: "Este archivo no es información de contacto del portal: faltan campos o tienen un tipo incorrecto. Elige un archivo creado con Descargar como JSON.",
    schema_version: |found, supported| {
        format!(
            "Este archivo tiene la versión de formato {found}, y este portal lee la versión {supported}. Vuelve a descargar aquí la información de contacto y haz los cambios en ese archivo."
        )
    },
    other_account: |found, own| {
        format!(
            "Este archivo pertenece a otra cuenta (ID de socio {found}); el ID de socio de esta cuenta es {own}. Elige un archivo descargado desde esta cuenta."
        )
    },
    stale: |exported, current| {
        format!(
            "Este archivo se descargó en la versión {exported}, pero alguien ha guardado desde entonces (ahora es la versión {current}). Vuelve a descargar la información de contacto y haz los cambios en el archivo nuevo, para no deshacer su cambio."
        )
    },
    invalid: "La información de contacto de este archivo no cumple estas reglas. Corrige el archivo y vuelve a elegirlo:",
    rejected: "El servidor no aceptó la información de contacto del archivo, así que no se guardó nada. Corrige estos problemas en el archivo y vuelve a elegirlo:",
    conflict: "Alguien guardó la información de contacto después de descargar este archivo, así que no se guardó nada. Vuelve a descargarlo y haz los cambios en el archivo nuevo.",
    review_heading: "Cambios del archivo",
    review_intro: "Comparados con la información de contacto actual. No se guarda nada hasta que elijas Guardar estos cambios.",
    nothing_changed: "Nada cambió: el archivo tiene la misma información de contacto que el portal.",
    save: "Guardar estos cambios",
    cancel: "Cancelar",
    imported: "Se guardaron los cambios del archivo.",
};
