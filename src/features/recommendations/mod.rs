//! Recommendations: offers ranked for a resident by the matching core, with reasons.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_left_out)
        .service(handlers::list_my_recommendations);
}
