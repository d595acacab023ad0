//! HTTP handlers for participation figures.

use actix_web::{HttpResponse, get, web};

use super::dto::*;
use super::service;
use crate::auth::AuthUser;
use crate::db::ids::{OfferId, OrganisationId};
use crate::error::{AppError, Problem};
use crate::http::query::QueryList;
use crate::state::AppState;

/// The signed-in resident's participation in a period (at most 366 days): sessions present and
/// hours in total, per offer and per month, and each recorded occurrence.
#[utoipa::path(params(PeriodQuery), tag = "participation", security(("bearer" = [])), responses(
    (status = 200, body = Participation),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[get("/me/participation")]
pub async fn my_participation(
    user: AuthUser,
    state: web::Data<AppState>,
    query: QueryList<PeriodQuery>,
) -> Result<web::Json<Participation>, AppError> {
    Ok(web::Json(service::mine(&state, user, query.0).await?))
}

/// An offer's attendance in a period (members of its organisation): occurrences held, expected
/// and present, no-shows, hours, per occurrence and in total.
#[utoipa::path(params(("id" = String, Path, description = "The offer's id (a UUID)."), PeriodQuery), tag = "participation", security(("bearer" = [])), responses(
    (status = 200, body = OfferOverview),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "not_a_member"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/offers/{id}/participation")]
pub async fn offer_participation(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
    query: QueryList<PeriodQuery>,
) -> Result<web::Json<OfferOverview>, AppError> {
    Ok(web::Json(
        service::offer_overview(&state, user, id.into_inner(), query.0).await?,
    ))
}

/// The organisation's attendance in a period as CSV (members only): date, start, offer,
/// participant, status, companion present, hours.
#[utoipa::path(params(("id" = String, Path, description = "The organisation's id (a UUID)."), PeriodQuery), tag = "participation", security(("bearer" = [])), responses(
    (status = 200, content_type = "text/csv", body = String),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "not_a_member"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/organisations/{id}/attendance.csv")]
pub async fn organisation_attendance_csv(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OrganisationId>,
    query: QueryList<PeriodQuery>,
) -> Result<HttpResponse, AppError> {
    let csv = service::organisation_csv(&state, user, id.into_inner(), query.0).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"aanwezigheid.csv\"",
        ))
        .body(csv))
}
