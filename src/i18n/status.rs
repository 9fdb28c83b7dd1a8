//! The status page: whether the portal server and its database answer.

pub struct StatusText {
    pub heading: &'static str,
    pub checking: &'static str,
    pub ok: fn(version: &str) -> String,
    pub database: fn(engine: &str, engine_version: &str, schema_version: u32) -> String,
    pub unreachable: &'static str,
    pub unreachable_hint: &'static str,
}

pub static EN: StatusText = StatusText {
    heading: "Portal status",
    checking: "Checking the portal server…",
    ok: |version| format!("The portal server (version {version}) is running."),
    database: |engine, version, schema| {
        format!("Database: connected ({engine} {version}, schema version {schema}).")
    },
    unreachable: "Can't reach the portal server.",
    unreachable_hint: "Check your connection, then try again. If it keeps failing, the server may be down.",
};

pub static ES: StatusText = StatusText {
    heading: "Estado del portal",
    checking: "Comprobando el servidor del portal…",
    ok: |version| format!("El servidor del portal (versión {version}) está en funcionamiento."),
    database: |engine, version, schema| {
        format!("Base de datos: conectada ({engine} {version}, versión del esquema {schema}).")
    },
    unreachable: "No se puede conectar con el servidor del portal.",
    unreachable_hint: "Comprueba tu conexión y vuelve a intentarlo. Si el problema continúa, es posible que el servidor no esté disponible.",
};
