//! Notifications: what each person hears about by email and how to stop it with one click.
//! Organisations hear of new sign-ups at once or in a daily digest; residents get a reminder the
//! day before each meeting they have a place for (on unless they turn it off: a missed first
//! meeting is the most common way a warm handover fails, and every reminder has a one-click way
//! out) and, if they ask for it, a weekly digest of new offers that fit their profile.

pub mod dto;
mod handlers;
pub mod jobs;
pub mod models;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::my_settings)
        .service(handlers::change_my_settings)
        .service(handlers::unsubscribe_topic)
        .service(handlers::unsubscribe);
}
