//! The `meedoen` binary: parse the command line, load settings, start logging, call into the library.

use std::process::ExitCode;

use clap::Parser;
use meedoen::auth::Role;
use meedoen::cli::{AdminCommand, Cli, Command};
use meedoen::config::Settings;
use meedoen::features::accounts::service;
use meedoen::seed::synthetic::{self, Size};
use meedoen::seed::{
    DEMO_ADMIN, DEMO_MONITOR, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_RESIDENT, DEMO_WORKER, demo,
};
use meedoen::state::AppState;
use meedoen::{app, http, server};

/// mimalloc hands freed memory back to the system and keeps lists fast; with glibc's allocator
/// the same list load served 28 % fewer answers (docs/benchmarks.md). Built without transparent
/// huge pages (Cargo.toml `no_thp`): with them, every thread's heap grew in 2 MiB steps and a
/// list run at 256 connections took 180 MB instead of 100.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its include/mimalloc.h, v3); the Rust bindings do not name
/// it. Its default in v3 is 1000 (milliseconds, src/options.c), which [`return_freed_memory_soon`]
/// checks before it changes anything.
#[cfg(not(feature = "system-allocator"))]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long mimalloc keeps freed pages before it hands them back to the system, in milliseconds.
/// Its v3 default of a second kept the pages of each burst (256 connections opening at once, a
/// flood of sign-ins) resident into the next one: a due purge is carried out only when a thread
/// next passes through mimalloc's page allocator. At 10 ms (mimalloc v2's default) the SQLite
/// benchmark's whole-session peak fell from 153–155 MB to 136–141 MB, at up to 15 % fewer
/// sign-ups per second; at 0 it was 135 MB (docs/benchmarks.md, 2026-12-07 evening).
#[cfg(not(feature = "system-allocator"))]
const PURGE_DELAY_MS: std::ffi::c_long = 10;

/// Sets mimalloc's purge delay to [`PURGE_DELAY_MS`]; `MIMALLOC_PURGE_DELAY` in the environment
/// still wins.
#[cfg(not(feature = "system-allocator"))]
fn return_freed_memory_soon() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: mi_option_get and mi_option_set only read and write mimalloc's option table; any
    // option index is accepted. The default is checked first so that a future mimalloc whose
    // index 15 means something else is left alone.
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == 1000 {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
        }
    }
}

#[cfg(feature = "system-allocator")]
fn return_freed_memory_soon() {}

fn main() -> ExitCode {
    return_freed_memory_soon();
    let cli = Cli::parse();
    if let Command::Openapi = cli.command {
        match app::openapi().to_pretty_json() {
            Ok(json) => {
                println!("{json}");
                return ExitCode::SUCCESS;
            }
            Err(e) => return fail(&format!("cannot render the OpenAPI document: {e}")),
        }
    }
    let settings = match Settings::load(&cli.config_dir) {
        Ok(settings) => settings,
        Err(e) => return fail(&e.to_string()),
    };
    http::logging::init(&settings.log);
    let state = match AppState::new(settings) {
        Ok(state) => state,
        Err(e) => return fail(&e),
    };
    let outcome = match cli.command {
        Command::Serve => actix_web::rt::System::new().block_on(server::serve(state)),
        Command::Migrate => server::migrate(&state).map(|applied| {
            println!("{} migration(s) applied", applied.len());
        }),
        Command::Admin {
            command: AdminCommand::Create { email, name },
        } => create_admin(&state, &email, &name),
        Command::Seed {
            demo,
            if_empty,
            residents,
            offers,
            districts,
            seed,
            weeks,
            ..
        } => {
            if demo {
                seed_demo(&state, if_empty)
            } else {
                seed_synthetic(
                    &state,
                    Size {
                        residents,
                        offers,
                        districts,
                        seed,
                    },
                    weeks,
                )
            }
        }
        Command::Openapi => unreachable!("handled above"),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn create_admin(state: &AppState, email: &str, name: &str) -> Result<(), String> {
    server::migrate(state)?;
    let password = match std::env::var("MEEDOEN_ADMIN_PASSWORD") {
        Ok(password) => password,
        Err(_) => rpassword::prompt_password("Password for the new administrator: ")
            .map_err(|e| format!("cannot read the password (set MEEDOEN_ADMIN_PASSWORD): {e}"))?,
    };
    service::check_new_password(&password, email, name).map_err(|e| server::describe(&e))?;
    let mut conn = state.db.get().map_err(|e| server::describe(&e))?;
    let now = state.clock.now_naive();
    let (id, created) = service::ensure_user(
        &mut conn,
        now,
        email,
        name,
        &password,
        &[Role::Resident, Role::Admin],
    )
    .map_err(|e| server::describe(&e))?;
    if created {
        println!("created administrator {email} ({id})");
    } else {
        println!(
            "{email} already had an account ({id}); it now has the admin role, its password is unchanged"
        );
    }
    Ok(())
}

fn seed_demo(state: &AppState, if_empty: bool) -> Result<(), String> {
    if state.settings.app.environment == meedoen::config::Environment::Production {
        return Err(
            "refusing to load demo accounts with a published password into a production database"
                .into(),
        );
    }
    server::migrate(state)?;
    let mut conn = state.db.get().map_err(|e| server::describe(&e))?;
    if if_empty && !demo::database_is_empty(&mut conn).map_err(|e| server::describe(&e))? {
        println!("the database has accounts already: demo data not loaded");
        return Ok(());
    }
    let report = demo::seed(
        &mut conn,
        state.clock.now_naive(),
        &state.settings.app.public_url,
    )
    .map_err(|e| server::describe(&e))?;
    if report.world_created {
        println!(
            "demo world loaded: {} organisations, {} offers",
            report.organisations, report.offers
        );
    } else {
        println!("demo world was there already; demo accounts checked");
    }
    println!(
        "demo accounts (password {DEMO_PASSWORD}): {DEMO_ADMIN}, {DEMO_ORGANISATION}, {DEMO_WORKER}, {DEMO_RESIDENT}, {DEMO_MONITOR}"
    );
    Ok(())
}

fn seed_synthetic(state: &AppState, size: Size, weeks: u32) -> Result<(), String> {
    server::migrate(state)?;
    let mut conn = state.db.get().map_err(|e| server::describe(&e))?;
    let started = std::time::Instant::now();
    let report = synthetic::seed(&mut conn, state.clock.now_naive(), size)
        .map_err(|e| server::describe(&e))?;
    println!(
        "synthetic world: {} residents, {} offers in {} districts under municipality {} ({:.1} s)",
        report.residents,
        report.offers,
        report.district_ids.len(),
        report.municipality_id,
        started.elapsed().as_secs_f64()
    );
    if weeks > 0 {
        let started = std::time::Instant::now();
        let history = meedoen::seed::synthetic_history::seed(
            &mut conn,
            state.clock.now_naive(),
            weeks,
            size.seed,
        )
        .map_err(|e| server::describe(&e))?;
        println!(
            "{weeks} weeks of taking part: {} places, {} attendance rows, {} referrals of {} ({:.1} s)",
            history.places,
            history.attendance_rows,
            history.referrals,
            meedoen::seed::synthetic_history::SYNTHETIC_WORKER,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

#[cfg(all(test, not(feature = "system-allocator")))]
mod tests {
    use super::*;

    /// Fails when a mimalloc upgrade moves the purge delay: then the option is left alone and the
    /// constant needs the new index from mimalloc.h.
    #[test]
    fn freed_memory_is_returned_soon() {
        // SAFETY: reads mimalloc's option table.
        let before = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(before, 1000, "mimalloc v3's default purge delay is 1000 ms");
        return_freed_memory_soon();
        // SAFETY: as above.
        let after = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(after, PURGE_DELAY_MS);
    }
}
