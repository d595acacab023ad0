//! Occurrences: the dated meetings of an offer (its weekly slots on each day, its dated sessions),
//! with stable ids that calendar files, reminders and attendance hang on. Organisations cancel one
//! with a reason (everyone accepted is told by email) or add an extra one.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod schedule;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_occurrences)
        .service(handlers::add_occurrence)
        .service(handlers::cancel_occurrence);
}
