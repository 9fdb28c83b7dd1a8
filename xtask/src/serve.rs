//! `cargo xtask serve` and `cargo xtask dev`.

use std::path::Path;
use std::process::{Child, Command};

use crate::option;
use crate::process::{describe, run, step};
use crate::tools::{RELEASE_WASM_NIGHTLY, Tools, release_wasm_env};

/// Where `trunk serve` expects the API during development (see Trunk.toml).
const DEV_SERVER_PORT: &str = "8081";

/// The front door's page in `dist/`, beside the portal's `index.html`.
pub const FRONT_DOOR_HTML: &str = "front-door.html";
/// The public pages' page in `dist/`.
pub const PUBLIC_PAGES_HTML: &str = "public-pages.html";

/// Builds the app's three entries with Trunk in release, offline, into
/// `dist/`: the portal (`index.html`), the front door (`front-door.html`)
/// and the public pages (`public-pages.html`), then minifies their
/// JavaScript and writes the brotli and gzip files the server sends. Every
/// release build of the app (serve, size, end-to-end tests, screenshots)
/// goes through here, with the environment of [`release_wasm_env`].
pub fn build_app(tools: &Tools) -> Result<(), String> {
    step(
        "Fetching crates for an offline build, the standard library's too (cargo fetch)",
        || {
            // The rustup proxy on PATH, so the nightly's cargo runs: it knows
            // which crates rebuilding the standard library needs.
            run(release_wasm_env(tools.command("cargo").args([
                "fetch",
                "--target",
                "wasm32-unknown-unknown",
            ])))
        },
    )?;
    let dist = tools.root.join("dist");
    step(
        &format!(
            "Building the portal in release (trunk build --release --offline; the wasm with Rust {RELEASE_WASM_NIGHTLY})"
        ),
        || {
            run(release_wasm_env(tools.command("trunk").args([
                "build",
                "--release",
                "--offline",
            ])))
        },
    )?;
    // Trunk empties its dist folder on each build, so the other entries
    // are built beside it and their files copied over.
    for (page, what) in [
        (FRONT_DOOR_HTML, "the front door"),
        (PUBLIC_PAGES_HTML, "the public pages"),
    ] {
        let built = tools
            .target_dir()
            .join(format!("{}-dist", page.trim_end_matches(".html")));
        step(
            &format!("Building {what} in release (trunk build {page} --release --offline)"),
            || {
                run(release_wasm_env(
                    tools
                        .command("trunk")
                        .args(["build", page, "--release", "--offline"])
                        .arg("--dist")
                        .arg(&built),
                ))
            },
        )?;
        let mut html = add_entry(&built, &dist, page)?;
        if page == FRONT_DOOR_HTML {
            html = with_portal_files(html, &read(&dist.join("index.html"))?)?;
        }
        let target = dist.join(page);
        std::fs::write(&target, html)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    step("Minifying the JavaScript of every entry (terser)", || {
        run(tools
            .command("node")
            .arg(tools.root.join("tools/minify-js.mjs"))
            .arg(&dist))
    })?;
    // Last: terser rewrote the JavaScript and every page.
    crate::precompress::dist(&dist)
}

/// Copies an entry's build from `built` into `dist`, all but its page
/// `page`, which it returns for the caller to complete and write.
fn add_entry(built: &Path, dist: &Path, page: &str) -> Result<String, String> {
    // Trunk may name the page after its target or `index.html`.
    let page_path = [page, "index.html"]
        .iter()
        .map(|name| built.join(name))
        .find(|path| path.is_file())
        .ok_or_else(|| format!("the build in {} has no page", built.display()))?;
    let html = read(&page_path)?;
    let entries =
        std::fs::read_dir(built).map_err(|e| format!("cannot read {}: {e}", built.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path == page_path || name.starts_with('.') || !path.is_file() {
            continue;
        }
        std::fs::copy(&path, dist.join(&name)).map_err(|e| {
            format!(
                "cannot copy {} into {}: {e}",
                path.display(),
                dist.display()
            )
        })?;
    }
    Ok(html)
}

/// The front door's page `html`, naming for prefetching the portal's own
/// files: what the portal's page links that the front door does not load
/// itself.
fn with_portal_files(mut html: String, portal: &str) -> Result<String, String> {
    let files = portal_files(portal, &html);
    let meta = format!(
        "<meta name=\"portal-files\" content=\"{}\">",
        files.join(" ")
    );
    let at = html
        .find("<title")
        .ok_or("the front door's page has no <title>")?;
    html.insert_str(at, &meta);
    Ok(html)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The `/NAME.js`, `/NAME.wasm` and `/NAME.css` files `portal` names and
/// `front_door` does not, in order of appearance and each once.
fn portal_files(portal: &str, front_door: &str) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    let words = portal.split(|c: char| !(c.is_ascii_alphanumeric() || "-_./".contains(c)));
    for word in words {
        let is_file = word.starts_with('/')
            && !word.starts_with("//")
            && [".js", ".wasm", ".css"]
                .iter()
                .any(|ext| word.ends_with(ext));
        if is_file && !front_door.contains(word) && !files.iter().any(|f| f == word) {
            files.push(word.to_owned());
        }
    }
    files
}

/// Builds `target/release/portal-server`.
pub fn build_release_server(tools: &Tools) -> Result<(), String> {
    step("Building portal-server in release", || {
        run(tools
            .cargo()
            .args(["build", "--release", "--package", "portal-server"]))
    })
}

pub fn serve(args: &[String]) -> Result<(), String> {
    let tools = Tools::new()?;
    tools.setup_app_build()?;
    build_app(&tools)?;
    build_release_server(&tools)?;
    let port = option(args, "--port", "PORTAL_PORT").unwrap_or_else(|| "8080".into());
    let data_dir = option(args, "--data-dir", "PORTAL_DATA_DIR").unwrap_or_else(|| "data".into());
    let mut server = tools.command(
        &tools
            .target_dir()
            .join("release/portal-server")
            .to_string_lossy(),
    );
    server
        .args([
            "--port",
            &port,
            "--data-dir",
            &data_dir,
            "--dist-dir",
            "dist",
        ])
        .args(passthrough(args));
    println!(
        "==> Starting the portal (Ctrl-C stops it): {}",
        describe(&server)
    );
    exec(server)
}

pub fn dev(args: &[String]) -> Result<(), String> {
    let tools = Tools::new()?;
    tools.wasm_target()?;
    tools.wasm_bindgen()?;
    tools.trunk()?;
    step("Building portal-server", || {
        run(tools.cargo().args(["build", "--package", "portal-server"]))
    })?;
    let data_dir = option(args, "--data-dir", "PORTAL_DATA_DIR").unwrap_or_else(|| "data".into());
    let mut server = tools.command(
        &tools
            .target_dir()
            .join("debug/portal-server")
            .to_string_lossy(),
    );
    server
        .args([
            "--port",
            DEV_SERVER_PORT,
            "--data-dir",
            &data_dir,
            "--dist-dir",
            "dist",
        ])
        // Pages come from trunk serve's address; links in mail point there too.
        .args(["--allowed-origins", "http://127.0.0.1:8080"])
        .args(["--public-url", "http://127.0.0.1:8080"])
        .args(passthrough(args));
    let server = KillOnDrop(
        server
            .spawn()
            .map_err(|e| format!("cannot start portal-server: {e}"))?,
    );
    println!(
        "==> API server on http://127.0.0.1:{DEV_SERVER_PORT}/ (pid {}); the app with live reload on http://127.0.0.1:8080/",
        server.0.id()
    );
    let result = run(tools.command("trunk").arg("serve"));
    drop(server);
    result
}

/// The arguments meant for portal-server: everything but xtask's own options.
fn passthrough(args: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--port" | "--data-dir" => {
                iter.next();
            }
            a if a.starts_with("--port=") || a.starts_with("--data-dir=") => {}
            _ => out.push(arg.clone()),
        }
    }
    out
}

/// Replaces xtask with `command`, so Ctrl-C reaches the server directly and
/// it shuts down cleanly; elsewhere, waits for it.
fn exec(mut command: Command) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let error = command.exec();
        Err(format!("cannot start `{}`: {error}", describe(&command)))
    }
    #[cfg(not(unix))]
    {
        run(&mut command)
    }
}

/// A child process that is stopped when xtask is done with it, however that happens.
pub struct KillOnDrop(pub Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            // SIGTERM first so the server finishes in-flight requests.
            let _ = Command::new("kill")
                .args(["-TERM", &self.0.id().to_string()])
                .status();
            for _ in 0..50 {
                if let Ok(Some(_)) = self.0.try_wait() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_front_door_prefetches_only_the_portals_own_files() {
        let portal = r#"<link rel="stylesheet" href="/tokens-1.css"/><link rel="stylesheet" href="/modal-2.css"/>
<script type="module">import init from '/partner-portal-3.js';
await init({ module_or_path: '/partner-portal-3_bg.wasm' });</script>
<link rel=modulepreload href=/partner-portal-3.js><link rel="icon" href="/favicon-4.svg"/>
<link rel="preload" href="/api/v1/session" as="fetch">"#;
        let front_door = r#"<link rel="stylesheet" href="/tokens-1.css"/>"#;
        assert_eq!(
            portal_files(portal, front_door),
            vec![
                "/modal-2.css",
                "/partner-portal-3.js",
                "/partner-portal-3_bg.wasm"
            ]
        );
    }

    #[test]
    fn xtask_options_are_not_passed_to_the_server() {
        let args: Vec<String> = ["--port", "9000", "--demo", "--data-dir=/tmp/x", "--verbose"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(passthrough(&args), vec!["--demo", "--verbose"]);
    }
}
