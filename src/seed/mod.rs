//! Demo and synthetic data: `meedoen seed --demo` and `meedoen seed --synthetic …`.

mod calendar;
pub mod demo;
mod history;
pub mod synthetic;
pub mod synthetic_history;

/// Password of every demo account (printed by `make run` and written in the README).
pub const DEMO_PASSWORD: &str = "meedoen-demo";

pub const DEMO_ADMIN: &str = "admin@demo.meedoen.nl";
pub const DEMO_ORGANISATION: &str = "organisatie@demo.meedoen.nl";
pub const DEMO_WORKER: &str = "wijkwerker@demo.meedoen.nl";
pub const DEMO_RESIDENT: &str = "bewoner@demo.meedoen.nl";
pub const DEMO_MONITOR: &str = "monitor@demo.meedoen.nl";
