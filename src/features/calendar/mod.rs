//! Calendars: "Zet in je agenda". An .ics file per sign-up and per offer, and a personal feed of
//! every activity the resident has a place for, at a secret URL that calendar apps subscribe to
//! without signing in (so it can be rotated, which stops the old one).

pub mod dto;
mod handlers;
pub mod ics;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::signup_calendar)
        .service(handlers::offer_calendar)
        .service(handlers::my_feed)
        .service(handlers::rotate_feed)
        .service(handlers::feed);
}
