//! Referrals: the warm handover from a neighbourhood worker to an organisation, decided by the resident.

pub mod dto;
pub mod follow_ups;
mod handlers;
pub mod milestones;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::create_referral)
        .service(handlers::confirm_assignment)
        .service(handlers::list_worker_referrals)
        .service(handlers::list_my_referrals)
        .service(handlers::accept_referral)
        .service(handlers::decline_referral)
        .service(handlers::list_follow_ups)
        .service(handlers::write_note)
        .service(handlers::close_referral);
}
