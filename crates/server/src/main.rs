use clap::Parser;
use portal_server::Config;
use tracing_subscriber::EnvFilter;

/// The Partner Portal's reference server: the JSON API, an embedded SQLite
/// database and the built web app, in one process.
#[derive(Parser)]
#[command(name = "portal-server", version)]
struct Cli {
    #[command(flatten)]
    config: Config,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("PORTAL_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    match portal_server::serve(cli.config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("portal-server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
