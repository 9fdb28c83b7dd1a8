//! `cargo xtask …`: the Partner Portal's one-command set-up, serving and testing.
//!
//! Plain `std` plus two pure-Rust compressors (for precompressing the built
//! app), so it compiles quickly on a fresh machine before anything else is
//! installed.

mod bench;
mod contract;
mod first_load;
mod http;
mod instances;
mod postgres;
mod precompress;
mod process;
mod screenshots;
mod serve;
mod size;
mod test;
mod test_server;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  serve    Install what is missing, build the app in release and run the portal
           on http://127.0.0.1:8080/ (Ctrl-C stops it).
             --port PORT        or PORTAL_PORT      (default 8080)
             --data-dir DIR     or PORTAL_DATA_DIR  (default ./data)
           Any further options are passed to portal-server (e.g. --demo).
  dev      For designers: a portal server on port 8081 plus `trunk serve` with
           live reload on http://127.0.0.1:8080/.
  test     Install what is missing and run every test layer, stopping at the
           first failing one: lint, native, contract, browser, e2e.
             --layer NAME       run only this layer (repeatable); `postgres`
                                runs the server's tests on a throw-away
                                PostgreSQL cluster (installed when missing)
  size     Build the app in release and print the size of each file of dist/,
           raw and as sent with gzip -9 and brotli -q 11.
  bench    Build the server in release and measure the contact information API
           with wrk (installed from Debian when missing): GET throughput, GET
           latency at low load and durable PUTs, beside the targets.
             --first-load       instead, measure the app's first load in
                                Chromium: bytes on the wire, time to the
                                onboarding modal (empty cache, repeat visit,
                                unthrottled and mobile-throttled), API request
                                counts, Lighthouse scores and a keystroke's
                                validation message, beside the targets.
  screenshots
           For designers: a PNG of every screen and state (English and
           Spanish, 360 px and 1280 px wide) in screenshots/.
  setup    Only install the tools (wasm target, Trunk, wasm-bindgen-cli,
           wasm-opt, Chromium, npm packages).
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "serve" => serve::serve(rest),
        "dev" => serve::dev(rest),
        "test" => test::main(rest),
        "size" => size::main(rest),
        "bench" => bench::main(rest),
        "screenshots" => screenshots::main(rest),
        "setup" => tools::Tools::new().and_then(|tools| tools.setup_all()),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the workspace holding this crate).
pub fn repo_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .expect("xtask lives one level below the repository root")
        .to_path_buf()
}

/// The value following `--name` in `args`, or the environment variable `env`.
pub fn option(args: &[String], name: &str, env: &str) -> Option<String> {
    args.windows(2)
        .find(|pair| pair[0] == name)
        .map(|pair| pair[1].clone())
        .or_else(|| {
            let prefix = format!("{name}=");
            args.iter()
                .find_map(|a| a.strip_prefix(&prefix).map(str::to_owned))
        })
        .or_else(|| std::env::var(env).ok().filter(|v| !v.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_come_from_flags_in_both_spellings() {
        assert_eq!(
            option(&args(&["--port", "9000"]), "--port", "XTASK_TEST_UNSET"),
            Some("9000".into())
        );
        assert_eq!(
            option(&args(&["--port=9001"]), "--port", "XTASK_TEST_UNSET"),
            Some("9001".into())
        );
        assert_eq!(option(&args(&[]), "--port", "XTASK_TEST_UNSET"), None);
    }
}
