//! HTTP handlers for the site settings.

use actix_web::{get, web};

use super::dto::SiteResponse;
use crate::state::AppState;

/// The municipality's name, theme, logo, contact details and statement texts, and the map's tile
/// source. Public: the web app reads it before anyone signs in.
#[utoipa::path(tag = "site", security(()), responses((status = 200, body = SiteResponse)))]
#[get("/site")]
pub async fn get_site(state: web::Data<AppState>) -> web::Json<SiteResponse> {
    web::Json(SiteResponse::new(
        &state.settings.municipality,
        &state.settings.map,
    ))
}
