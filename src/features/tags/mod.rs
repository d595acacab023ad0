//! Tags: one taxonomy of skills, interests, goals, accessibility and languages.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;
pub mod starter;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_tags)
        .service(handlers::create_tag)
        .service(handlers::retire_tag);
}
