//! Offers: volunteer work, urban farming, day activities and courses, with capacity and schedule.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_offers)
        .service(handlers::create_offer)
        .service(handlers::get_offer)
        .service(handlers::update_offer)
        .service(handlers::publish_offer)
        .service(handlers::close_offer)
        .service(handlers::list_organisation_offers);
}
