//! Conversations: the resident and the other side of a sign-up (the organisation's members) or of
//! a referral (the referring worker) write to each other in the app. Each message is emailed to
//! the other side without anyone's address or phone number being shown, and is answered in the
//! app. Organisations can write to everyone with a place on an offer at once.

pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::signup_messages)
        .service(handlers::write_on_signup)
        .service(handlers::referral_messages)
        .service(handlers::write_on_referral)
        .service(handlers::write_to_participants);
}
