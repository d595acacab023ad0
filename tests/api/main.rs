//! Integration tests: HTTP against the real app, on SQLite always and on PostgreSQL when reachable.
//! One test binary (modules below) keeps linking fast.

mod common;

mod attendance;
mod auth;
mod authorization;
mod calendar;
mod catalog;
mod config;
mod conversations;
mod crash;
mod db_parity;
mod districts_tags;
mod errors;
mod follow_ups;
mod health_docs;
mod mail;
mod matching;
mod monitor;
mod notifications;
mod occurrences;
mod offers;
mod organisations;
mod rate_limits;
mod search;
mod seeding;
mod signups;
mod statements;
