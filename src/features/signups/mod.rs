//! Sign-ups: residents take places on offers; organisations review them; the waitlist moves up.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::sign_up)
        .service(handlers::list_offer_signups)
        .service(handlers::update_signup)
        .service(handlers::list_my_signups);
}
