//! Participation: the figures that follow from attendance — a resident's own sessions and hours,
//! an offer's overview and an organisation's attendance as CSV.

pub mod dto;
mod handlers;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::my_participation)
        .service(handlers::offer_participation)
        .service(handlers::organisation_attendance_csv);
}
