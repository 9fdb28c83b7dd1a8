//! Installing what the build and the tests need, each only when missing.
//!
//! Everything goes to the usual per-user places (`rustup`, `~/.cargo/bin`,
//! `node_modules/` folders inside the repository), so a second run finds it
//! and skips the step.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{TempDir, command_in, run, step, version_matches};

/// The Trunk release the project builds with (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";
/// The dated nightly that compiles the release wasm, and nothing else: it
/// rebuilds the standard library for size (see [`release_wasm_env`]). Pinned,
/// so a new nightly never changes the bundle unnoticed.
pub const RELEASE_WASM_NIGHTLY: &str = "nightly-2026-05-20";
/// Debian's Chromium and its driver, for the browser and end-to-end tests.
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The prefix of [`Tools::scratch`]'s folder.
const SCRATCH: &str = "portal-xtask-tmp";

pub struct Tools {
    pub root: PathBuf,
    /// The temporary folder (`TMPDIR`) of every command started from here,
    /// removed when xtask ends. Chromium leaves a profile of about 60 MB in
    /// its temporary folder each time the test runner stops its driver, and
    /// a full test run starts it dozens of times: without this they would
    /// fill the disk run after run.
    scratch: TempDir,
}

impl Tools {
    pub fn new() -> Result<Self, String> {
        let root = crate::repo_root();
        let cargo_bin = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .map(|home| home.join("bin"))
            .ok_or("neither CARGO_HOME nor HOME is set")?;
        let mut dirs = vec![root.join("tools/node_modules/.bin"), cargo_bin];
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let path = std::env::join_paths(dirs).map_err(|e| e.to_string())?;
        // The project's tool folders go first on PATH, and children inherit it,
        // so every tool started from here (trunk looking for wasm-bindgen and
        // wasm-opt, the test runner looking for chromedriver) finds the same ones.
        // SAFETY: xtask has no other threads yet.
        unsafe { std::env::set_var("PATH", path) };
        TempDir::remove_abandoned(SCRATCH);
        let scratch = TempDir::new(SCRATCH)?;
        Ok(Self { root, scratch })
    }

    /// A command run from the repository root with the project's `PATH` and
    /// a temporary folder of its own.
    pub fn command(&self, program: &str) -> Command {
        let mut command = command_in(&self.root, program);
        command.env("TMPDIR", &self.scratch.0);
        command
    }

    /// Where cargo puts what it builds: `CARGO_TARGET_DIR` if set (relative
    /// to the repository), else `target/`.
    pub fn target_dir(&self) -> PathBuf {
        match std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
            Some(dir) => self.root.join(dir),
            None => self.root.join("target"),
        }
    }

    pub fn cargo(&self) -> Command {
        self.command(&std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
    }

    /// Everything, for `cargo xtask setup`.
    pub fn setup_all(&self) -> Result<(), String> {
        self.setup_app_build()?;
        self.setup_browser()?;
        self.schemathesis()?;
        self.setup_e2e_packages()
    }

    /// What building the app in release needs: the wasm target, the nightly
    /// for the release wasm, wasm-bindgen-cli at the lockfile's version,
    /// Trunk, wasm-opt and terser.
    pub fn setup_app_build(&self) -> Result<(), String> {
        self.wasm_target()?;
        self.release_wasm_nightly()?;
        self.wasm_bindgen()?;
        self.trunk()?;
        self.npm_ci(&self.root.join("tools"), "wasm-opt and terser (npm)")
    }

    /// What the browser tests need besides the build tools.
    pub fn setup_browser(&self) -> Result<(), String> {
        self.wasm_target()?;
        self.wasm_bindgen()?;
        self.chromium()
    }

    /// Schemathesis for the contract layer, at the exact versions of
    /// `tools/contract/requirements.txt`, in a virtual environment of its own
    /// (`tools/contract/.venv`). Returns the path of its `st` command.
    pub fn schemathesis(&self) -> Result<PathBuf, String> {
        let dir = self.root.join("tools/contract");
        let venv = dir.join(".venv");
        let st = venv.join("bin/st");
        let stamp = venv.join("installed");
        if st.exists() && is_newer_or_same(&stamp, &dir.join("requirements.txt")) {
            return Ok(st);
        }
        step("Installing Schemathesis (PyPI, pinned)", || {
            run(command_in(&dir, "python3").args(["-m", "venv", "--clear", ".venv"]))?;
            run(command_in(&dir, ".venv/bin/pip").args([
                "install",
                "--disable-pip-version-check",
                "--quiet",
                "--no-deps",
                "--requirement",
                "requirements.txt",
            ]))?;
            std::fs::write(&stamp, "").map_err(|e| format!("cannot write {}: {e}", stamp.display()))
        })?;
        Ok(st)
    }

    pub fn setup_e2e_packages(&self) -> Result<(), String> {
        self.chromium()?;
        self.npm_ci(&self.root.join("e2e"), "Playwright and axe-core (npm)")
    }

    pub fn wasm_target(&self) -> Result<(), String> {
        let installed = Command::new("rustup")
            .args(["target", "list", "--installed"])
            .current_dir(&self.root)
            .output()
            .map(|out| String::from_utf8_lossy(&out.stdout).contains("wasm32-unknown-unknown"))
            .unwrap_or(false);
        if installed {
            return Ok(());
        }
        step("Adding the wasm32-unknown-unknown target (rustup)", || {
            run(self
                .command("rustup")
                .args(["target", "add", "wasm32-unknown-unknown"]))
        })
    }

    /// [`RELEASE_WASM_NIGHTLY`] with the standard library's source (to rebuild
    /// it) and the wasm32 target.
    pub fn release_wasm_nightly(&self) -> Result<(), String> {
        let installed = Command::new("rustup")
            .args(["component", "list", "--installed", "--toolchain"])
            .arg(RELEASE_WASM_NIGHTLY)
            .current_dir(&self.root)
            .output()
            .map(|out| {
                out.status.success() && has_components(&String::from_utf8_lossy(&out.stdout))
            })
            .unwrap_or(false);
        if installed {
            return Ok(());
        }
        step(
            &format!(
                "Installing Rust {RELEASE_WASM_NIGHTLY} with rust-src and the wasm32 target, for the release wasm (rustup; about a minute)"
            ),
            || {
                run(self.command("rustup").args([
                    "toolchain",
                    "install",
                    RELEASE_WASM_NIGHTLY,
                    "--profile",
                    "minimal",
                    "--component",
                    "rust-src",
                    "--target",
                    "wasm32-unknown-unknown",
                ]))
            },
        )
    }

    pub fn wasm_bindgen(&self) -> Result<(), String> {
        let version = lockfile_version(&self.root.join("Cargo.lock"), "wasm-bindgen")?;
        if version_matches("wasm-bindgen", &format!("wasm-bindgen {version}"))
            && version_matches(
                "wasm-bindgen-test-runner",
                &format!("wasm-bindgen-test-runner {version}"),
            )
        {
            return Ok(());
        }
        step(
            &format!("Installing wasm-bindgen-cli {version} (cargo install; a few minutes)"),
            || {
                // Not --locked: its lockfile pins a webpki-roots release the
                // registry no longer has.
                run(self
                    .cargo()
                    .args(["install", "wasm-bindgen-cli", "--version", &version]))
            },
        )
    }

    pub fn trunk(&self) -> Result<(), String> {
        if version_matches("trunk", &format!("trunk {TRUNK_VERSION}")) {
            return Ok(());
        }
        step(
            &format!(
                "Installing Trunk {TRUNK_VERSION} (cargo install; about 6 minutes on 2 cores)"
            ),
            || {
                // Trunk's own release profile asks for fat LTO in one codegen
                // unit, which doubles its build time for no gain here.
                run(self
                    .cargo()
                    .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
                    .env("CARGO_PROFILE_RELEASE_LTO", "off")
                    .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"))
            },
        )
    }

    /// Installs the exact packages of `dir`'s lockfile unless they already are.
    fn npm_ci(&self, dir: &Path, what: &str) -> Result<(), String> {
        let lock = dir.join("package-lock.json");
        let installed = dir.join("node_modules/.package-lock.json");
        if is_newer_or_same(&installed, &lock) {
            return Ok(());
        }
        step(&format!("Installing {what}"), || {
            run(command_in(dir, "npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
        })
    }

    pub fn chromium(&self) -> Result<(), String> {
        if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
            return Ok(());
        }
        apt_install("Chromium and ChromeDriver", "chromium chromium-driver")
    }

    /// Debian's PostgreSQL, for the throw-away clusters of the `postgres`
    /// test layer ([`crate::postgres`]).
    pub fn postgresql(&self) -> Result<(), String> {
        if Path::new(crate::postgres::BIN).join("initdb").exists() {
            return Ok(());
        }
        apt_install("PostgreSQL", "postgresql")
    }

    /// Debian's `wrk`, the HTTP load generator behind `cargo xtask bench`.
    pub fn wrk(&self) -> Result<(), String> {
        if on_path("wrk") {
            return Ok(());
        }
        apt_install("wrk", "wrk")
    }
}

/// Whether `rustup component list --installed` printed what the release wasm
/// needs: the standard library's source and the wasm32 target's.
fn has_components(list: &str) -> bool {
    let has = |name: &str| list.lines().any(|line| line.trim() == name);
    has("rust-src") && has("rust-std-wasm32-unknown-unknown")
}

/// Makes `command` (a `trunk build --release`) compile the wasm with
/// [`RELEASE_WASM_NIGHTLY`] and a standard library rebuilt for size: no panic
/// machinery (a panic stops the app at once, and the page shows its crash
/// notice), no source locations and no `Debug` formatting in the binary.
///
/// Trunk runs cargo with its own environment, so everything goes through
/// variables. `RUSTFLAGS` replaces `.cargo/config.toml`'s flags, hence
/// `erase_components` again. Only this command gets them: xtask itself, the
/// browser tests, clippy and `trunk serve` stay on stable.
pub fn release_wasm_env(command: &mut Command) -> &mut Command {
    command
        .env("RUSTUP_TOOLCHAIN", RELEASE_WASM_NIGHTLY)
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env("RUSTFLAGS", RELEASE_WASM_RUSTFLAGS)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
}

const RELEASE_WASM_RUSTFLAGS: &str = "--cfg erase_components -Zunstable-options \
     -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none";

/// Installs Debian `packages` as root, or says how to when not root.
fn apt_install(what: &str, packages: &str) -> Result<(), String> {
    let install = format!("apt-get update && apt-get install -y {packages}");
    if !is_root() {
        return Err(format!(
            "{what} not installed; install as root with:\n    sudo sh -c '{install}'"
        ));
    }
    step(&format!("Installing {what} (apt)"), || {
        run(Command::new("sh")
            .args(["-c", &install])
            .env("DEBIAN_FRONTEND", "noninteractive"))
    })
}

/// Whether `program` is an executable file in a folder of `PATH`.
fn on_path(program: &str) -> bool {
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).any(|dir| {
        std::fs::metadata(dir.join(program)).is_ok_and(|m| {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                m.is_file() && m.permissions().mode() & 0o111 != 0
            }
            #[cfg(not(unix))]
            {
                m.is_file()
            }
        })
    })
}

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Whether `a` exists and was modified no earlier than `b`.
fn is_newer_or_same(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(a), Some(b)) => a >= b,
        _ => false,
    }
}

/// The version of `package` recorded in a Cargo.lock.
pub fn lockfile_version(lockfile: &Path, package: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(lockfile)
        .map_err(|e| format!("cannot read {}: {e}", lockfile.display()))?;
    parse_lockfile_version(&text, package)
        .ok_or_else(|| format!("{} does not list {package}", lockfile.display()))
}

fn parse_lockfile_version(text: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return Some(version.trim_end_matches('"').to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_commands_leave_in_their_temporary_folder_goes_when_xtask_ends() {
        let tools = Tools {
            root: crate::repo_root(),
            scratch: TempDir::new(SCRATCH).unwrap(),
        };
        let output = tools
            .command("sh")
            .args([
                "-c",
                r#"mkdir "$TMPDIR/org.chromium.Chromium.profile" && echo "$TMPDIR""#,
            ])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let used = PathBuf::from(String::from_utf8(output.stdout).unwrap().trim());
        assert_eq!(used, tools.scratch.0);
        assert!(used.join("org.chromium.Chromium.profile").is_dir());
        drop(tools);
        assert!(!used.exists(), "{} is still there", used.display());
    }

    #[test]
    fn the_nightly_counts_as_installed_only_with_both_components() {
        let both = "cargo-x86_64-unknown-linux-gnu\nrust-src\nrust-std-wasm32-unknown-unknown\nrustc-x86_64-unknown-linux-gnu\n";
        assert!(has_components(both));
        assert!(!has_components(
            "rust-src\nrustc-x86_64-unknown-linux-gnu\n"
        ));
        assert!(!has_components(
            "rust-std-wasm32-unknown-unknown\nrust-std-x86_64-unknown-linux-gnu\n"
        ));
    }

    #[test]
    fn the_release_wasm_build_runs_on_the_pinned_nightly_and_keeps_erased_components() {
        let mut command = Command::new("trunk");
        release_wasm_env(&mut command);
        let env: Vec<(String, Option<String>)> = command
            .get_envs()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.map(|v| v.to_string_lossy().into_owned()),
                )
            })
            .collect();
        let get = |name: &str| {
            env.iter()
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| v.clone())
        };
        assert_eq!(
            get("RUSTUP_TOOLCHAIN").as_deref(),
            Some(RELEASE_WASM_NIGHTLY)
        );
        assert_eq!(
            get("CARGO_UNSTABLE_BUILD_STD").as_deref(),
            Some("std,panic_abort")
        );
        let flags = get("RUSTFLAGS").unwrap();
        assert!(flags.starts_with("--cfg erase_components "), "{flags}");
        assert!(flags.contains("-Cpanic=immediate-abort"), "{flags}");
        assert!(!flags.contains("  "), "{flags}");
    }

    #[test]
    fn finds_the_exact_package_in_a_lockfile() {
        let lock = r#"
[[package]]
name = "wasm-bindgen-futures"
version = "0.4.80"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
"#;
        assert_eq!(
            parse_lockfile_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(parse_lockfile_version(lock, "trunk"), None);
    }
}
