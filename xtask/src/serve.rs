//! `cargo xtask serve` and `cargo xtask dev`.

use std::process::{Child, Command};

use crate::option;
use crate::process::{describe, run, step};
use crate::tools::{RELEASE_WASM_NIGHTLY, Tools, release_wasm_env};

/// Where `trunk serve` expects the API during development (see Trunk.toml).
const DEV_SERVER_PORT: &str = "8081";

/// Builds the app with Trunk in release, offline, into `dist/`, then
/// minifies its JavaScript and writes the brotli and gzip files the server
/// sends. Every release build of the app (serve, size,
/// end-to-end tests, screenshots) goes through here, with the environment of
/// [`release_wasm_env`].
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
    step(
        &format!(
            "Building the web app in release (trunk build --release --offline; the wasm with Rust {RELEASE_WASM_NIGHTLY})"
        ),
        || {
            run(release_wasm_env(tools.command("trunk").args([
                "build",
                "--release",
                "--offline",
            ])))
        },
    )?;
    step("Minifying the app's JavaScript (terser)", || {
        run(tools
            .command("node")
            .arg(tools.root.join("tools/minify-js.mjs"))
            .arg(tools.root.join("dist")))
    })?;
    // Last: terser rewrote the JavaScript and index.html.
    crate::precompress::dist(&tools.root.join("dist"))
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
    fn xtask_options_are_not_passed_to_the_server() {
        let args: Vec<String> = ["--port", "9000", "--demo", "--data-dir=/tmp/x", "--verbose"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(passthrough(&args), vec!["--demo", "--verbose"]);
    }
}
