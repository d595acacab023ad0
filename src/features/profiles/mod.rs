//! Resident profiles: skills, interests, goals, availability, needs and consent.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::get_my_profile)
        .service(handlers::put_my_profile);
}
