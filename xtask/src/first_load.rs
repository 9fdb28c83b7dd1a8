//! `cargo xtask bench --first-load`: what a partner's browser downloads and
//! how long it waits for the onboarding modal, on a first and on a repeat
//! visit, and then how soon a keystroke in the modal shows its validation
//! message, measured in Chromium against the release build beside the targets.
//!
//! xtask builds and starts everything; `e2e/bench/first-load.mjs` drives the
//! browser (Playwright, then Lighthouse) and prints the `BENCH` lines.

use std::path::Path;

use crate::bench::admin_output;
use crate::process::{run, run_capturing, step};
use crate::serve::build_app;
use crate::size::MEASURE;
use crate::test_server::TestServer;
use crate::tools::Tools;

const EMAIL: &str = "first-load-admin@partner.example";
const PASSWORD: &str = "correct horse battery staple";
const CHROMIUM: &str = "/usr/bin/chromium";
/// The first words of the totals line `cargo xtask size` prints.
const TOTAL_LABEL: &str = "portal: html + js + wasm + css";

pub fn main(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!(
            "`bench --first-load` takes no options (got `{extra}`)"
        ));
    }
    let tools = Tools::new()?;
    tools.setup_app_build()?;
    tools.setup_e2e_packages()?;
    build_app(&tools)?;
    let brotli_total = step("Measuring the build as `cargo xtask size` does", || {
        build_brotli_total(&tools, &tools.root.join("dist"))
    })?;
    let server = TestServer::start_release_app(&tools)?;
    step(
        "Creating an account with empty contact information and its administrator",
        || create_locked_account(&tools, &server),
    )?;
    let chromium = std::env::var("CHROMIUM_PATH").unwrap_or_else(|_| CHROMIUM.into());
    step(
        "Loading the portal in Chromium (Playwright), then Lighthouse",
        || {
            run(server
                .node_command(&tools, "node")
                .arg("bench/first-load.mjs")
                .env("BENCH_EMAIL", EMAIL)
                .env("BENCH_PASSWORD", PASSWORD)
                .env("BENCH_BUILD_BROTLI_BYTES", brotli_total.to_string())
                .env("CHROMIUM_PATH", &chromium)
                .env("CHROME_PATH", &chromium))
        },
    )
}

/// Prints `cargo xtask size`'s table of `dist` and returns the portal's
/// brotli total of html, js, wasm and css (`index.html` and what it loads).
fn build_brotli_total(tools: &Tools, dist: &Path) -> Result<u64, String> {
    let (success, output) = run_capturing(tools.command("node").args(["-e", MEASURE]).arg(dist))?;
    if !success {
        return Err("measuring the sizes of dist/ failed (see above)".into());
    }
    brotli_total(&output)
        .ok_or_else(|| format!("the size table has no `{TOTAL_LABEL}` line with a brotli size"))
}

/// The last figure (brotli) of the portal's totals line: `portal: html + js
/// + wasm + css   1,234,567   345,678   261,345`.
fn brotli_total(size_table: &str) -> Option<u64> {
    let line = size_table
        .lines()
        .find(|line| line.trim_start().starts_with(TOTAL_LABEL))?;
    line.split_whitespace()
        .last()?
        .replace(',', "")
        .parse()
        .ok()
}

/// A new account whose contact information is empty (so signing in shows the
/// blocking onboarding modal) and its administrator, who signs in with
/// [`EMAIL`] and [`PASSWORD`].
fn create_locked_account(tools: &Tools, server: &TestServer) -> Result<(), String> {
    let created =
        admin_output(
            server
                .admin(tools)
                .args(["create-account", "--name", "First load account"]),
        )?;
    let partner_id = created
        .lines()
        .next()
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .ok_or("`portal-server admin create-account` printed no Partner ID")?
        .to_owned();
    admin_output(
        server
            .admin(tools)
            .args(["create-user", "--account", &partner_id, "--email", EMAIL])
            .args(["--name", "Ada Admin", "--role", "administrator"])
            .env("PORTAL_PASSWORD", PASSWORD),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Captured from `cargo xtask size` (some css rows left out).
    const TABLE: &str = "\
file                                                 raw     gzip -9 brotli -q11
auth-78aeb5113b36c61c.css                          3,415       1,018         837
index.html                                         2,162       1,182       1,004
partner-portal-e7df1ae8e858ae7f.js                55,529       9,311       7,884
partner-portal-e7df1ae8e858ae7f_bg.wasm        1,102,675     418,387     317,581
--------------------------------------------------------------------------------
portal: html + js + wasm + css                 1,188,130     436,558     332,728
  of which wasm                                1,102,675     418,387     317,581
front door: html + js + wasm + css               100,000      40,000      40,000
  of which wasm                                   90,000      35,000      35,000
";

    #[test]
    fn reads_the_brotli_total_of_the_size_table() {
        assert_eq!(brotli_total(TABLE), Some(332_728));
    }

    #[test]
    fn a_table_without_totals_has_no_brotli_total() {
        let without = TABLE
            .lines()
            .filter(|line| !line.starts_with("portal:"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(brotli_total(&without), None);
        assert_eq!(brotli_total(""), None);
    }
}
