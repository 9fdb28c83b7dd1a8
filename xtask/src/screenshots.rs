//! `cargo xtask screenshots`: a PNG of every screen and state, in English and
//! Spanish, at phone and desktop width, for designers.

use crate::process::{run, step};
use crate::test_server::TestServer;
use crate::tools::Tools;

pub fn main(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`screenshots` takes no options (got `{extra}`)"));
    }
    let tools = Tools::new()?;
    let out = tools.root.join("screenshots");
    let _ = std::fs::remove_dir_all(&out);
    let server = TestServer::start(&tools)?;
    step(
        &format!("Taking screenshots into {}", out.display()),
        || {
            run(server
                .node_command(&tools, "node")
                .arg("screenshots.mjs")
                .env("SCREENSHOT_DIR", &out))
        },
    )?;
    let count = std::fs::read_dir(&out)
        .map(|entries| entries.filter_map(Result::ok).count())
        .unwrap_or(0);
    println!("{count} screenshots in {}", out.display());
    Ok(())
}
