//! Neighbourhood workers: their districts, the consenting residents there, the access log, and
//! batch assignment.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::assign_worker_districts)
        .service(handlers::make_worker)
        .service(handlers::remove_worker)
        .service(handlers::list_workers)
        .service(handlers::list_my_districts)
        .service(handlers::list_residents)
        .service(handlers::get_resident)
        .service(handlers::list_resident_recommendations)
        .service(handlers::create_assignment)
        .service(handlers::list_my_access_log);
}
