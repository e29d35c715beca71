use std::process::ExitCode;

use clap::Parser;
use nastavnik::cli::{Cli, Command};
use nastavnik::config::{Config, check_bind_arg};
use nastavnik::startup::{Application, open_database};
use nastavnik::{admin, demo, openapi, telemetry};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Openapi = cli.command {
        // Needs no configuration and no database: the spec comes from the code alone.
        return match openapi::yaml() {
            Ok(yaml) => {
                print!("{yaml}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        };
    }
    let mut config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string()),
    };
    telemetry::init(config.log_format, &config.log_filter);
    match run(cli.command, &mut config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{e:#}")),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("nastavnik: {message}");
    ExitCode::FAILURE
}

fn run(command: Command, config: &mut Config) -> anyhow::Result<()> {
    match command {
        Command::Openapi => Ok(()),
        Command::Migrate => {
            open_database(config)?;
            println!("database is up to date");
            Ok(())
        }
        Command::CreateAdmin { email, password } => {
            let db = open_database(config)?;
            match admin::create_admin(&mut *db.get()?, &email, &password)? {
                admin::Outcome::Created(id) => println!("created system administrator {email} (user {id})"),
                admin::Outcome::Updated(id) => println!("{email} (user {id}) is a system administrator; password set"),
            }
            Ok(())
        }
        Command::Demo { schools: Some(schools), students_per_school } => {
            let db = open_database(config)?;
            let started = std::time::Instant::now();
            let (region, built) = demo::region::load_region(&mut *db.get()?, schools, students_per_school)?;
            println!(
                "load region {region}: {} schools, {} students, {} rows in {:.1} s",
                built.schools,
                built.students,
                built.rows,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Demo { schools: None, .. } => {
            let db = open_database(config)?;
            let logins = demo::load(&mut *db.get()?)?;
            demo::print_logins(&logins, &format!("http://{}", config.bind));
            Ok(())
        }
        Command::Serve { bind, demo: with_demo } => {
            if let Some(bind) = bind {
                check_bind_arg(&bind)?;
                config.bind = bind;
            }
            let db = open_database(config)?;
            let logins = if with_demo { Some(demo::load(&mut *db.get()?)?) } else { None };
            actix_web::rt::System::new().block_on(async move {
                let app = Application::build(config, db)?;
                let url = format!("http://{}:{}", config.bind.rsplit_once(':').map(|(h, _)| h).unwrap_or("127.0.0.1"), app.port());
                if let Some(logins) = logins {
                    demo::print_logins(&logins, &url);
                }
                tracing::info!(%url, "listening");
                app.run_until_stopped().await?;
                Ok(())
            })
        }
    }
}
