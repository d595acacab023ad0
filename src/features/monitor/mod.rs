//! The area monitor (stuurwiel): a fixed catalogue of indicators per municipality, area and
//! district and period, from what the marketplace records, with small counts suppressed so no
//! figure says anything about one person.

pub mod catalogue;
pub mod dto;
mod handlers;
pub mod models;
pub mod period;
pub mod repo;
pub mod service;
pub mod suppression;
pub mod upkeep;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_indicators)
        .service(handlers::get_monitor);
}
