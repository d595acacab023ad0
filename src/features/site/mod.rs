//! The service's own face: the municipality's name, theme, logo, contact and statement pages, and
//! the map's tiles, all from configuration, so the web app looks like the municipality's service.

pub mod dto;
mod handlers;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(handlers::get_site);
}
