//! The `nastavnik` command line.

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "nastavnik", version, about = "School mentorship under the target model: the service")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the server (migrates the database first).
    Serve {
        /// host:port to listen on; overrides NASTAVNIK_BIND.
        #[arg(long)]
        bind: Option<String>,
        /// Load the demo data first and print the demo logins.
        #[arg(long)]
        demo: bool,
    },
    /// Bring the database up to date and exit.
    Migrate,
    /// Create a system administrator, or reset the password of an existing one.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password: String,
    },
    /// Print the OpenAPI spec as YAML (identical to openapi.yaml).
    Openapi,
    /// Load the demo data and exit; with --schools, build a load region instead (the
    /// institute's dashboard at region scale).
    Demo {
        /// Build a region of this many schools (contingents, bases, pairs, meetings, surveys).
        #[arg(long)]
        schools: Option<usize>,
        /// Students per school on average (with --schools).
        #[arg(long, default_value_t = 400, requires = "schools")]
        students_per_school: usize,
    },
}
