//! Accounts: registration, email verification, sign-in, sessions, password reset, `/me`.

mod dto;
mod handlers;
pub mod models;
pub mod repo;
pub mod service;

pub use dto::MeResponse;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::register)
        .service(handlers::verify_email)
        .service(handlers::resend_verification)
        .service(handlers::login)
        .service(handlers::refresh)
        .service(handlers::logout)
        .service(handlers::request_password_reset)
        .service(handlers::confirm_password_reset)
        .service(handlers::get_me);
}
