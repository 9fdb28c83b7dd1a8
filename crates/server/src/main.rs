use clap::{Parser, Subcommand};
use portal_server::{Config, admin};
use tracing_subscriber::EnvFilter;

/// The Partner Portal's reference server: the JSON API, an embedded SQLite
/// database and the built web app, in one process. Without a command it serves.
#[derive(Parser)]
#[command(name = "portal-server", version)]
struct Cli {
    #[command(flatten)]
    config: Config,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Operator tasks on the database (the server may be running).
    #[command(subcommand)]
    Admin(AdminCommand),
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an account; prints its Partner ID and a one-time setup link for
    /// its first administrator.
    CreateAccount {
        #[arg(long)]
        name: String,
        /// Default: a random one.
        #[arg(long)]
        partner_id: Option<String>,
        /// Comma-separated: things_to_do, reservations, ordering.
        #[arg(long, value_delimiter = ',', default_value = "things_to_do")]
        integrations: Vec<String>,
    },
    /// Create an active user; the password comes from PORTAL_PASSWORD or stdin.
    /// Prints the user's id.
    CreateUser {
        /// The account's Partner ID.
        #[arg(long)]
        account: String,
        #[arg(long)]
        email: String,
        /// Default: the part of the address before the @.
        #[arg(long)]
        name: Option<String>,
        /// administrator, editor or read-only.
        #[arg(long)]
        role: String,
    },
    /// Print the account's contact information as a JSON file to import later.
    Export {
        /// The account's Partner ID.
        #[arg(long)]
        account: String,
    },
    /// Replace the account's contact information with a file from `export`
    /// (or `-` for standard input) after the checks of a save in the app;
    /// prints what changes.
    Import {
        /// The account's Partner ID.
        #[arg(long)]
        account: String,
        /// A file written by `export`, or `-` for standard input.
        file: std::path::PathBuf,
        /// Check the file and print what would change, without saving.
        #[arg(long)]
        dry_run: bool,
    },
    /// Bring the database's schema up to date (what the server also does at
    /// start) and print its version; with --database-url, any database.
    Migrate,
    /// Copy every row of an SQLite database into a new, empty PostgreSQL
    /// database, with its ids and versions (sessions stay signed in).
    Copy {
        /// The SQLite database: sqlite://PATH.
        #[arg(long)]
        from: String,
        /// The PostgreSQL database: postgres://USER@HOST:PORT/DATABASE.
        #[arg(long)]
        to: String,
    },
    /// Print the newest mail in the outbox (invitations and notices).
    Outbox {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("PORTAL_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let Cli { config, command } = Cli::parse();
    let result = match command {
        None => portal_server::serve(config).await,
        Some(Command::Admin(AdminCommand::CreateAccount {
            name,
            partner_id,
            integrations,
        })) => admin::create_account(&config, name, partner_id, &integrations).await,
        Some(Command::Admin(AdminCommand::CreateUser {
            account,
            email,
            name,
            role,
        })) => admin::create_user(&config, account, email, name, &role).await,
        Some(Command::Admin(AdminCommand::Outbox { limit })) => admin::outbox(&config, limit).await,
        Some(Command::Admin(AdminCommand::Copy { from, to })) => admin::copy(&from, &to).await,
        Some(Command::Admin(AdminCommand::Migrate)) => admin::migrate(&config).await,
        Some(Command::Admin(AdminCommand::Export { account })) => {
            admin::export(&config, account).await
        }
        Some(Command::Admin(AdminCommand::Import {
            account,
            file,
            dry_run,
        })) => admin::import(&config, account, &file, dry_run).await,
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("portal-server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
