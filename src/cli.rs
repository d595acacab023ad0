//! The command line: `meedoen serve | migrate | admin create | seed | openapi`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "meedoen",
    version,
    about = "Meedoen: neighbourhood social-activation marketplace for Dutch municipalities",
    long_about = "Meedoen matches residents with volunteer work, urban farming and day activities in their district.\n\n\
        Settings come from config/default.toml, config/local.toml, MEEDOEN__SECTION__KEY environment \
        variables and DATABASE_URL, in that order (later wins)."
)]
pub struct Cli {
    /// Folder holding default.toml and local.toml.
    #[arg(
        long,
        env = "MEEDOEN_CONFIG_DIR",
        default_value = "config",
        global = true
    )]
    pub config_dir: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run pending database migrations, then serve the API and the web app (default http://127.0.0.1:8080).
    Serve,
    /// Run pending database migrations and exit.
    Migrate,
    /// Manage administrator accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Load data: the Dutch demo world (`--demo`) or a large random world for benchmarks (`--synthetic`).
    #[command(group(clap::ArgGroup::new("what").required(true).args(["demo", "synthetic"])))]
    Seed {
        /// Emmen and Den Helder with organisations, offers and the four demo accounts (idempotent).
        #[arg(long)]
        demo: bool,
        /// With --demo: only when the database has no accounts yet.
        #[arg(long, requires = "demo")]
        if_empty: bool,
        /// A random world of the given size, added next to what is there.
        #[arg(long)]
        synthetic: bool,
        /// Residents to generate (with --synthetic).
        #[arg(long, default_value_t = 1000, requires = "synthetic")]
        residents: usize,
        /// Published offers to generate (with --synthetic).
        #[arg(long, default_value_t = 1000, requires = "synthetic")]
        offers: usize,
        /// Districts to spread them over (with --synthetic).
        #[arg(long, default_value_t = 60, requires = "synthetic")]
        districts: usize,
        /// Random seed: the same seed gives the same world (with --synthetic).
        #[arg(long, default_value_t = 42, requires = "synthetic")]
        seed: u64,
        /// Weeks of attendance history: every offer's places filled, a record per weekly meeting,
        /// and a synthetic worker's referrals (with --synthetic; 0 for none).
        #[arg(long, default_value_t = 0, requires = "synthetic")]
        weeks: u32,
    },
    /// Print the OpenAPI document (the SPA's typed client is generated from it).
    Openapi,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a verified administrator account, or give an existing account the admin role.
    /// The password is read from MEEDOEN_ADMIN_PASSWORD, or asked for at a prompt.
    Create {
        /// The administrator's email address.
        #[arg(long)]
        email: String,
        /// The name shown to other users.
        #[arg(long)]
        name: String,
    },
}
