//! HTTP handler for the resident's own recommendations.

use actix_web::{get, web};

use super::dto::*;
use super::service;
use crate::auth::Resident;
use crate::error::{AppError, Problem};
use crate::http::query::QueryList;
use crate::state::AppState;

/// Offers that fit the signed-in resident, best first, each with the reasons why. Offers they
/// signed up for are left out; full offers come last, marked `waitlist`.
#[utoipa::path(tag = "matching", security(("bearer" = [])), params(RecommendationQuery), responses(
    (status = 200, body = RecommendationList),
    (status = 401, body = Problem, content_type = "application/problem+json"),
))]
#[get("/me/recommendations")]
pub async fn list_my_recommendations(
    resident: Resident,
    state: web::Data<AppState>,
    query: QueryList<RecommendationQuery>,
) -> Result<web::Json<RecommendationList>, AppError> {
    Ok(web::Json(
        service::for_resident(&state, resident.0.id, query.0.limit).await?,
    ))
}

/// Why offers within the resident's travel range are left out of their recommendations: per hard
/// constraint (an access need, guidance, language, Dutch level, age, distance), how many.
#[utoipa::path(tag = "matching", security(("bearer" = [])), responses(
    (status = 200, body = LeftOutList),
    (status = 401, body = Problem, content_type = "application/problem+json"),
))]
#[get("/me/recommendations/left-out")]
pub async fn list_left_out(
    resident: Resident,
    state: web::Data<AppState>,
) -> Result<web::Json<LeftOutList>, AppError> {
    Ok(web::Json(service::left_out(&state, resident.0.id).await?))
}
