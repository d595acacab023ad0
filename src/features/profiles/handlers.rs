//! HTTP handlers for the resident's own profile.

use actix_web::{get, put, web};

use super::dto::*;
use super::service;
use crate::auth::Resident;
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::state::AppState;

/// The signed-in resident's profile (`completed: false` until saved once).
#[utoipa::path(tag = "profiles", security(("bearer" = [])), responses(
    (status = 200, body = ProfileResponse),
    (status = 401, body = Problem, content_type = "application/problem+json"),
))]
#[get("/me/profile")]
pub async fn get_my_profile(
    resident: Resident,
    state: web::Data<AppState>,
) -> Result<web::Json<ProfileResponse>, AppError> {
    Ok(web::Json(service::get_mine(&state, resident.0).await?))
}

/// Save the profile: what I can do, what I like, what I want, when I am free, what I need, and
/// whether workers of my district may see it.
#[utoipa::path(tag = "profiles", security(("bearer" = [])), request_body = ProfileRequest, responses(
    (status = 200, body = ProfileResponse),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[put("/me/profile")]
pub async fn put_my_profile(
    resident: Resident,
    state: web::Data<AppState>,
    body: JsonBody<ProfileRequest>,
) -> Result<web::Json<ProfileResponse>, AppError> {
    Ok(web::Json(
        service::put_mine(&state, resident.0, body.into_inner()).await?,
    ))
}
