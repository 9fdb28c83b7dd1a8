//! The contract layer of `cargo xtask test`: Schemathesis generates requests
//! from the server's own OpenAPI document and checks every answer against it
//! (status documented, schema, content type, headers, bad data refused, good
//! data accepted, 405 with `Allow` for other methods), plus the checks of
//! `tools/contract/contract_checks.py`. Its settings, with a fixed seed and a
//! bounded number of examples, are in `tools/contract/schemathesis.toml`.

use crate::process::TempDir;
use crate::process::{run_capturing, step};
use crate::test_server::TestServer;
use crate::tools::Tools;

/// What one Schemathesis run reported.
#[derive(Debug, PartialEq, Eq)]
pub struct Report {
    pub generated: u32,
    /// Test cases that found a failure.
    pub failing_cases: u32,
    pub unique_failures: u32,
}

/// Who a run acts as, and its report or why it did not produce one.
pub type Run = (String, Result<Report, String>);

/// Runs the whole layer; each run, or why the layer could not run.
pub fn run(tools: &Tools) -> Result<Vec<Run>, String> {
    let st = tools.schemathesis()?;
    let server = TestServer::start_api(tools)?;
    let session = step(
        "Creating an account and an administrator, signing in, saving contact information",
        || crate::bench::prepare(tools, &server),
    )?;
    let work = TempDir::new("portal-contract-run")?;
    let document = format!("{}/api/v1/openapi.json", server.url);
    // Signed in, every operation but signing out (which would end the
    // session for the rest of the run); then signed out, every operation.
    let runs: [(&str, &[&str]); 2] = [
        (
            "signed in as an administrator",
            &[
                "--header",
                &format!("Cookie: {}", session.cookie),
                "--exclude-name",
                "DELETE /session",
            ],
        ),
        ("signed out", &[]),
    ];
    let mut reports = Vec::new();
    for (who, extra) in runs {
        let title = format!("API contract, {who}: Schemathesis against {document}");
        let result = step(&title, || {
            run_capturing(
                tools
                    .command(&st.to_string_lossy())
                    .current_dir(&work.0)
                    .env("PYTHONPATH", tools.root.join("tools/contract"))
                    .arg("--config-file")
                    .arg(tools.root.join("tools/contract/schemathesis.toml"))
                    .args(["run", &document, "--checks", "all", "--no-color"])
                    .args(extra),
            )
        })
        .and_then(|(success, output)| interpret(success, &output));
        reports.push((who.to_owned(), result));
    }
    drop(server);
    Ok(reports)
}

fn interpret(success: bool, output: &str) -> Result<Report, String> {
    let report =
        parse_summary(output).ok_or("Schemathesis printed no summary of test cases (see above)")?;
    if !success && report.unique_failures == 0 {
        return Err("Schemathesis failed without reporting a failing case (see above)".into());
    }
    Ok(report)
}

/// The `Test cases:` line: `1224 generated, 1224 passed` or
/// `1192 generated, 1 found 1 unique failure`.
fn parse_summary(output: &str) -> Option<Report> {
    let mut lines = output.lines().map(str::trim);
    lines.find(|line| *line == "Test cases:")?;
    let line = lines.next()?;
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let number = |after: usize| -> Option<u32> { words.get(after)?.parse().ok() };
    match words.as_slice() {
        [_, "generated", _, "passed", ..] => Some(Report {
            generated: number(0)?,
            failing_cases: 0,
            unique_failures: 0,
        }),
        [_, "generated", _, "found", _, "unique", ..] => Some(Report {
            generated: number(0)?,
            failing_cases: number(2)?,
            unique_failures: number(4)?,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_passing_summary() {
        let output = "\
Test cases:
  1224 generated, 1224 passed

Seed: 20261130
";
        assert_eq!(
            parse_summary(output),
            Some(Report {
                generated: 1224,
                failing_cases: 0,
                unique_failures: 0
            })
        );
    }

    #[test]
    fn reads_a_failing_summary() {
        let output = "\
Failures:
  ❌ ST103 Undocumented status code: 17

Test cases:
  498 generated, 19 found 23 unique failures
";
        assert_eq!(
            parse_summary(output),
            Some(Report {
                generated: 498,
                failing_cases: 19,
                unique_failures: 23
            })
        );
        let one = "Test cases:\n  1192 generated, 1 found 1 unique failure\n";
        assert_eq!(parse_summary(one).unwrap().unique_failures, 1);
    }

    #[test]
    fn a_run_without_a_summary_is_an_error() {
        assert_eq!(parse_summary("Error: connection refused\n"), None);
        assert!(interpret(false, "Error: connection refused\n").is_err());
        assert!(interpret(false, "Test cases:\n  10 generated, 10 passed\n").is_err());
    }
}
