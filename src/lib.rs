//! Meedoen: a neighbourhood social-activation marketplace for Dutch municipalities.
//! The binary (`main.rs`) is a thin CLI over this crate; tests and benchmarks use it directly.

pub mod app;
pub mod auth;
pub mod catalog;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod features;
pub mod http;
pub mod locale;
pub mod mail;
pub mod matching;
pub mod seed;
pub mod server;
pub mod state;
pub mod validate;
