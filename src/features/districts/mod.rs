//! Districts: the tree municipality → area → district that everything is organised by.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_districts)
        .service(handlers::create_district)
        .service(handlers::update_district)
        .service(handlers::retire_district);
}
