//! Running commands: announced, timed, with their output streamed.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
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

/// A directory removed when dropped, named `PREFIX-PID-NANOS` in the
/// system's temporary folder.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Result<Self, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let path = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(Self(path))
    }

    /// Removes the `prefix` folders of earlier runs that ended without
    /// cleaning up: see [`abandoned`].
    pub fn remove_abandoned(prefix: &str) {
        for dir in abandoned(prefix) {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The `PREFIX-PID…` folders in the temporary folder whose process is gone:
/// left by runs that ended without cleaning up (Ctrl-C, a killed terminal).
pub fn abandoned(prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name();
            name.to_str()
                .and_then(|n| n.strip_prefix(prefix)?.strip_prefix('-'))
                .and_then(|rest| rest.split('-').next()?.parse::<u32>().ok())
                .is_some_and(|pid| {
                    pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
                })
        })
        .map(|entry| entry.path())
        .collect()
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_folders_of_runs_that_are_gone_count_as_abandoned() {
        let prefix = "portal-abandoned-test";
        let mut ended = Command::new("true").spawn().unwrap();
        ended.wait().unwrap();
        let gone = std::env::temp_dir().join(format!("{prefix}-{}-1", ended.id()));
        std::fs::create_dir_all(gone.join("profile")).unwrap();
        let running = TempDir::new(prefix).unwrap();
        let other = std::env::temp_dir().join(format!("{prefix}x-{}-1", ended.id()));
        std::fs::create_dir_all(&other).unwrap();

        TempDir::remove_abandoned(prefix);

        assert!(!gone.exists(), "{} is still there", gone.display());
        assert!(running.0.is_dir());
        assert!(other.is_dir());
        std::fs::remove_dir(&other).unwrap();
    }
}
