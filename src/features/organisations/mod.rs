//! Organisations: associations, clubs, farms, welfare and care providers that post offers.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::create_organisation)
        .service(handlers::list_organisations)
        .service(handlers::get_organisation)
        .service(handlers::update_organisation)
        .service(handlers::verify_organisation)
        .service(handlers::reject_organisation)
        .service(handlers::list_members)
        .service(handlers::add_member)
        .service(handlers::remove_member);
}
