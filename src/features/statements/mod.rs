//! Participation statements: what a resident did in a period, as a PDF with a verification code
//! that a klantmanager can check, until the resident revokes it.

pub mod dto;
mod handlers;
pub mod models;
mod pdf;
pub mod repo;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::create_statement)
        .service(handlers::list_statements)
        .service(handlers::statement_pdf)
        .service(handlers::verify_statement)
        .service(handlers::revoke_statement);
}
