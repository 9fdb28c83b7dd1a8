//! `cargo xtask test`: every test layer, cheapest first, stopping at the first
//! that fails, then one summary line per layer and a total.

use std::time::{Duration, Instant};

use crate::postgres::Cluster;
use crate::process::{human, run, run_capturing, step};
use crate::test_server::TestServer;
use crate::tools::Tools;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layer {
    Lint,
    Native,
    Postgres,
    Contract,
    Browser,
    E2e,
}

impl Layer {
    /// What `cargo xtask test` runs without `--layer`.
    const DEFAULT: [Layer; 6] = [
        Layer::Lint,
        Layer::Native,
        Layer::Postgres,
        Layer::Contract,
        Layer::Browser,
        Layer::E2e,
    ];

    fn name(self) -> &'static str {
        match self {
            Layer::Lint => "lint",
            Layer::Native => "native",
            Layer::Postgres => "postgres",
            Layer::Contract => "contract",
            Layer::Browser => "browser",
            Layer::E2e => "e2e",
        }
    }
}

/// How one layer went.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    passed: u32,
    failed: u32,
}

struct Outcome {
    layer: Layer,
    counts: Counts,
    elapsed: Duration,
    /// Why the layer failed beyond failing tests (a build error, a tool missing).
    error: Option<String>,
}

pub fn main(args: &[String]) -> Result<(), String> {
    // Everything after `--` goes to Playwright, e.g. a spec file or `--grep`.
    let (args, playwright_args) = match args.iter().position(|a| a == "--") {
        Some(split) => (&args[..split], &args[split + 1..]),
        None => (args, &[][..]),
    };
    let layers = selected_layers(args)?;
    let tools = Tools::new()?;
    let mut outcomes = Vec::new();
    for &layer in &layers {
        println!("\n######## layer: {} ########", layer.name());
        let started = Instant::now();
        let result = match layer {
            Layer::Lint => lint(&tools),
            Layer::Native => native(&tools),
            Layer::Postgres => postgres(&tools),
            Layer::Contract => contract(&tools),
            Layer::Browser => browser(&tools),
            Layer::E2e => e2e(&tools, playwright_args),
        };
        let (counts, error) = match result {
            Ok(counts) => (counts, None),
            Err((counts, error)) => (counts, Some(error)),
        };
        let failed = error.is_some() || counts.failed > 0;
        outcomes.push(Outcome {
            layer,
            counts,
            elapsed: started.elapsed(),
            error,
        });
        if failed {
            break;
        }
    }
    summarise(&layers, &outcomes)
}

fn selected_layers(args: &[String]) -> Result<Vec<Layer>, String> {
    let mut chosen = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let name = match arg.strip_prefix("--layer=") {
            Some(name) => name.to_owned(),
            None if arg == "--layer" => iter.next().cloned().ok_or("--layer needs a name")?,
            None => {
                return Err(format!(
                    "unknown option `{arg}` (try --layer lint|native|postgres|contract|browser|e2e)"
                ));
            }
        };
        let layer = Layer::DEFAULT
            .into_iter()
            .find(|l| l.name() == name)
            .ok_or_else(|| {
                format!(
                    "unknown layer `{name}`: choose lint, native, postgres, contract, browser or e2e"
                )
            })?;
        chosen.push(layer);
    }
    Ok(if chosen.is_empty() {
        Layer::DEFAULT.to_vec()
    } else {
        chosen
    })
}

fn summarise(layers: &[Layer], outcomes: &[Outcome]) -> Result<(), String> {
    println!("\n######## summary ########");
    let mut total = Counts::default();
    for outcome in outcomes {
        let Counts { passed, failed } = outcome.counts;
        let verdict = if outcome.error.is_some() || failed > 0 {
            "FAILED"
        } else {
            "ok"
        };
        print!(
            "{:<8} {verdict:<6} {passed} passed, {failed} failed ({})",
            outcome.layer.name(),
            human(outcome.elapsed)
        );
        match &outcome.error {
            Some(error) => println!(": {error}"),
            None => println!(),
        }
        total.passed += passed;
        total.failed += failed;
    }
    // A layer that failed without failing tests (a build error) counts once.
    let errors = outcomes
        .iter()
        .filter(|o| o.error.is_some() && o.counts.failed == 0)
        .count() as u32;
    let skipped: Vec<_> = layers
        .iter()
        .copied()
        .filter(|l| !outcomes.iter().any(|o| o.layer == *l))
        .map(Layer::name)
        .collect();
    if !skipped.is_empty() && (total.failed > 0 || errors > 0) {
        println!("not run after the failure: {}", skipped.join(", "));
    }
    println!("{} passed, {} failed", total.passed, total.failed + errors);
    if total.failed == 0 && errors == 0 {
        Ok(())
    } else {
        Err("some tests failed".into())
    }
}

type LayerResult = Result<Counts, (Counts, String)>;

/// Each lint check counts as one test.
fn lint(tools: &Tools) -> LayerResult {
    tools.wasm_target().map_err(|e| (Counts::default(), e))?;
    let checks: [(&str, &[&str]); 3] = [
        ("cargo fmt --check", &["fmt", "--all", "--check"]),
        (
            "clippy, native crates",
            &[
                "clippy",
                "--package",
                "portal-domain",
                "--package",
                "portal-server",
                "--package",
                "xtask",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        (
            "clippy, the app on wasm32",
            &[
                "clippy",
                "--package",
                "partner-portal",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
    ];
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    for (title, args) in checks {
        match step(title, || run(tools.cargo().args(args))) {
            Ok(()) => counts.passed += 1,
            Err(_) => {
                counts.failed += 1;
                failures.push(title);
            }
        }
    }
    if failures.is_empty() {
        Ok(counts)
    } else {
        let error = format!("{} did not pass", failures.join(", "));
        Err((counts, error))
    }
}

fn native(tools: &Tools) -> LayerResult {
    cargo_tests(
        "Native tests (domain, server, xtask)",
        tools.cargo().args([
            "test",
            "--no-fail-fast",
            "--package",
            "portal-domain",
            "--package",
            "portal-server",
            "--package",
            "xtask",
        ]),
    )
}

/// The server's tests again, each test server on a fresh database of a
/// throw-away PostgreSQL cluster (installed from Debian when missing),
/// which is stopped and removed afterwards whatever happened.
fn postgres(tools: &Tools) -> LayerResult {
    tools.postgresql().map_err(|e| (Counts::default(), e))?;
    let cluster = step("Starting a throw-away PostgreSQL cluster", Cluster::start)
        .map_err(|e| (Counts::default(), e))?;
    let result = cargo_tests(
        &format!("Server tests on PostgreSQL (port {})", cluster.port),
        tools
            .cargo()
            .env("PORTAL_TEST_DATABASE_URL", cluster.url())
            .args(["test", "--no-fail-fast", "--package", "portal-server"])
            // The tests that only mean something on PostgreSQL are ignored elsewhere.
            .args(["--", "--include-ignored"]),
    );
    // The tests above built the server binary the checks run.
    let checks = step("Two server processes on the cluster", || {
        crate::instances::run(tools, &cluster)
    });
    drop(cluster);
    let (mut counts, mut error) = match result {
        Ok(counts) => (counts, None),
        Err((counts, error)) => (counts, Some(error)),
    };
    match checks {
        Ok(checks) => {
            for (name, outcome) in checks {
                match outcome {
                    Ok(()) => {
                        println!("check {name} ... ok");
                        counts.passed += 1;
                    }
                    Err(e) => {
                        println!("check {name} ... FAILED: {e}");
                        counts.failed += 1;
                    }
                }
            }
        }
        Err(e) => {
            let e = format!("the two-server checks could not run: {e}");
            error = Some(error.map_or(e.clone(), |earlier| format!("{earlier}; {e}")));
        }
    }
    match error {
        None => Ok(counts),
        Some(error) => Err((counts, error)),
    }
}

/// Every generated test case counts as a test; each unique failure
/// Schemathesis reports counts as one failure.
fn contract(tools: &Tools) -> LayerResult {
    let reports = crate::contract::run(tools).map_err(|e| (Counts::default(), e))?;
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    for (who, report) in reports {
        match report {
            Ok(report) => {
                println!(
                    "contract, {who}: {} cases generated, {} found {} unique failures",
                    report.generated, report.failing_cases, report.unique_failures
                );
                counts.passed += report.generated - report.failing_cases;
                counts.failed += report.unique_failures;
            }
            Err(error) => errors.push(format!("{who}: {error}")),
        }
    }
    if errors.is_empty() {
        Ok(counts)
    } else {
        Err((counts, errors.join("; ")))
    }
}

fn browser(tools: &Tools) -> LayerResult {
    tools.setup_browser().map_err(|e| (Counts::default(), e))?;
    cargo_tests(
        "Browser tests (wasm-bindgen-test in headless Chromium)",
        tools.cargo().args([
            "test",
            "--no-fail-fast",
            "--package",
            "partner-portal",
            "--target",
            "wasm32-unknown-unknown",
        ]),
    )
}

/// Runs a cargo test command and adds up its `test result:` lines.
fn cargo_tests(title: &str, command: &mut std::process::Command) -> LayerResult {
    let (success, output) =
        step(title, || run_capturing(command)).map_err(|e| (Counts::default(), e))?;
    let counts = parse_cargo_test(&output);
    if success || counts.failed > 0 {
        Ok(counts)
    } else {
        Err((
            counts,
            "the tests did not build or the runner failed (see above)".into(),
        ))
    }
}

fn parse_cargo_test(output: &str) -> Counts {
    let mut counts = Counts::default();
    for line in output.lines() {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        counts.passed += number_before(rest, " passed");
        counts.failed += number_before(rest, " failed");
    }
    counts
}

/// The number written just before `label` in `text`, e.g. `3` in `3 passed`.
fn number_before(text: &str, label: &str) -> u32 {
    text.find(label)
        .and_then(|end| {
            let digits: String = text[..end]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.chars().rev().collect::<String>().parse().ok()
        })
        .unwrap_or(0)
}

fn e2e(tools: &Tools, playwright_args: &[String]) -> LayerResult {
    let server = TestServer::start(tools).map_err(|e| (Counts::default(), e))?;
    let result = step(
        &format!(
            "End-to-end tests (Playwright, Chromium) against {}",
            server.url
        ),
        || {
            run_capturing(
                server
                    .node_command(tools, "npx")
                    .args(["playwright", "test"])
                    .args(playwright_args),
            )
        },
    );
    drop(server);
    let (success, output) = result.map_err(|e| (Counts::default(), e))?;
    let counts = parse_playwright(&output);
    if success || counts.failed > 0 {
        Ok(counts)
    } else {
        Err((
            counts,
            "Playwright did not run the tests (see above)".into(),
        ))
    }
}

/// Playwright's summary lines: `  5 passed (3.1s)`, `  1 failed`, `  1 flaky`.
fn parse_playwright(output: &str) -> Counts {
    let mut counts = Counts::default();
    for line in output.lines() {
        let line = line.trim();
        if line.ends_with(" passed") || line.contains(" passed (") {
            counts.passed += number_before(line, " passed");
        } else if line.ends_with(" failed") || line.ends_with(" flaky") {
            counts.failed += number_before(line, " failed") + number_before(line, " flaky");
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_up_every_cargo_test_binary() {
        let output = "\
running 2 tests
test a ... ok
test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s
test result: FAILED. 11 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out
";
        assert_eq!(
            parse_cargo_test(output),
            Counts {
                passed: 13,
                failed: 3
            }
        );
    }

    #[test]
    fn reads_playwright_summaries() {
        let output = "\
  ✓  1 tests/a.spec.mjs:3:1 › one (1.2s)
  1 failed
    tests/b.spec.mjs:9:1 › two
  1 flaky
  12 passed (14.3s)
";
        assert_eq!(
            parse_playwright(output),
            Counts {
                passed: 12,
                failed: 2
            }
        );
    }

    #[test]
    fn layers_are_chosen_by_name() {
        let args = vec!["--layer".to_string(), "e2e".into(), "--layer=lint".into()];
        assert_eq!(selected_layers(&args), Ok(vec![Layer::E2e, Layer::Lint]));
        assert!(selected_layers(&["--layer".into(), "nope".into()]).is_err());
        assert_eq!(selected_layers(&[]), Ok(Layer::DEFAULT.to_vec()));
        assert_eq!(
            selected_layers(&["--layer=postgres".into()]),
            Ok(vec![Layer::Postgres])
        );
    }
}
