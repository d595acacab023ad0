//! Attendance: who came to each occurrence (present, absent, excused), recorded by the offer's
//! organisation for 14 days after it, with every change kept; a resident's own "I can't come".
//! Hours, participation figures and referral milestones follow from these rows.

pub mod continuity;
pub mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod retention;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::get_attendance)
        .service(handlers::record_attendance)
        .service(handlers::report_absence);
}
