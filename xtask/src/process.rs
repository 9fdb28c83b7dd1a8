//! Running commands: announced, timed, with their output streamed.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Prints a step heading, runs `f`, then prints how long it took.
pub fn step<T>(title: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    println!("==> {title}");
    let _ = std::io::stdout().flush();
    let started = Instant::now();
    let result = f();
    let verdict = if result.is_ok() { "done" } else { "FAILED" };
    println!("    {verdict} in {}", human(started.elapsed()));
    result
}

/// `1m 05s` or `4.2s`.
pub fn human(duration: Duration) -> String {
    let secs = duration.as_secs();
    if secs >= 60 {
        format!("{}m {:02}s", secs / 60, secs % 60)
    } else {
        format!("{:.1}s", duration.as_secs_f64())
    }
}

/// A command line as a user would type it, for messages.
pub fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}

/// Runs a command to completion with inherited output; fails on a non-zero exit.
pub fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs a command, echoing its standard output line by line while keeping a
/// copy to parse; standard error goes straight through.
pub fn run_capturing(command: &mut Command) -> Result<(bool, String), String> {
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(command)))?;
    let mut captured = String::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap_or_default();
            println!("{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{}` did not finish: {e}", describe(command)))?;
    Ok((status.success(), captured))
}

/// Whether `program --version` prints something containing `expected`.
pub fn version_matches(program: &str, expected: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stderr(Stdio::null())
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).contains(expected))
        .unwrap_or(false)
}

/// A command run from `dir`.
pub fn command_in(dir: &Path, program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(dir);
    command
}
