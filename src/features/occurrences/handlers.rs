//! HTTP handlers for occurrences.

use actix_web::{HttpResponse, get, post, web};

use super::dto::*;
use super::service;
use crate::auth::{AuthUser, MaybeUser};
use crate::db::ids::OfferId;
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::http::query::QueryList;
use crate::state::AppState;

/// An offer's occurrences (weekly slots on each day, dated sessions) starting from `from` to `to`,
/// Dutch local dates, at most 92 days. Whoever may see the offer may see them.
#[utoipa::path(params(("id" = String, Path, description = "The offer's id (a UUID)."), OccurrenceQuery), tag = "offers", security((), ("bearer" = [])), responses(
    (status = 200, body = OccurrenceList),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/offers/{id}/occurrences")]
pub async fn list_occurrences(
    viewer: MaybeUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
    query: QueryList<OccurrenceQuery>,
) -> Result<web::Json<OccurrenceList>, AppError> {
    let list = service::list(&state, viewer.0, id.into_inner(), query.0).await?;
    Ok(web::Json(list))
}

/// Add an extra occurrence (members of the offer's organisation); it becomes a dated session.
#[utoipa::path(params(("id" = String, Path, description = "The offer's id (a UUID).")), tag = "offers", security(("bearer" = [])), request_body = AddOccurrenceRequest, responses(
    (status = 201, body = OccurrenceResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[post("/offers/{id}/occurrences")]
pub async fn add_occurrence(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
    body: JsonBody<AddOccurrenceRequest>,
) -> Result<HttpResponse, AppError> {
    let occurrence = service::add(&state, user, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(occurrence))
}

/// Cancel a coming occurrence with a reason (members of the offer's organisation). Everyone with an
/// accepted place gets an email.
#[utoipa::path(params(("id" = String, Path, description = "The occurrence's id.")), tag = "offers", security(("bearer" = [])), request_body = CancelOccurrenceRequest, responses(
    (status = 200, body = OccurrenceResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "occurrence_cancelled, occurrence_past"),
))]
#[post("/occurrences/{id}/cancel")]
pub async fn cancel_occurrence(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<CancelOccurrenceRequest>,
) -> Result<web::Json<OccurrenceResponse>, AppError> {
    let occurrence = service::cancel(&state, user, id.into_inner(), body.into_inner()).await?;
    Ok(web::Json(occurrence))
}
