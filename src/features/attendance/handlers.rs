//! HTTP handlers for attendance.

use actix_web::{HttpResponse, get, post, put, web};

use super::dto::*;
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::state::AppState;

/// The register of an occurrence (members of the offer's organisation): everyone with a place and
/// what is recorded for them.
#[utoipa::path(params(("id" = String, Path, description = "The occurrence's id.")), tag = "attendance", security(("bearer" = [])), responses(
    (status = 200, body = AttendanceRegister),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "not_a_member"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/occurrences/{id}/attendance")]
pub async fn get_attendance(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<web::Json<AttendanceRegister>, AppError> {
    Ok(web::Json(
        service::get(&state, user, id.into_inner()).await?,
    ))
}

/// Record who came (members of the offer's organisation), for everyone in one request or for
/// some; all entries are stored or none. From the start of the occurrence until 14 days later;
/// every change keeps who made it and when.
#[utoipa::path(params(("id" = String, Path, description = "The occurrence's id.")), tag = "attendance", security(("bearer" = [])), request_body = RecordAttendanceRequest, responses(
    (status = 200, body = AttendanceRegister),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "not_a_member"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "occurrence_cancelled, occurrence_not_started, attendance_locked"),
    (status = 422, body = Problem, content_type = "application/problem+json", description = "not_a_participant, listed_twice, companion_not_allowed, out_of_range"),
))]
#[put("/occurrences/{id}/attendance")]
pub async fn record_attendance(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<RecordAttendanceRequest>,
) -> Result<web::Json<AttendanceRegister>, AppError> {
    Ok(web::Json(
        service::record(&state, user, id.into_inner(), body.into_inner()).await?,
    ))
}

/// "I can't come": a resident with a place says so before a coming occurrence; the organisation
/// sees it on the register as excused.
#[utoipa::path(params(("id" = String, Path, description = "The occurrence's id.")), tag = "attendance", security(("bearer" = [])), responses(
    (status = 204, description = "Noted as excused"),
    (status = 404, body = Problem, content_type = "application/problem+json", description = "No such occurrence, or no place on its offer"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "occurrence_cancelled, occurrence_past"),
))]
#[post("/occurrences/{id}/absence")]
pub async fn report_absence(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    service::report_absence(&state, user, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
