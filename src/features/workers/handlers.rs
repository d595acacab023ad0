//! HTTP handlers for neighbourhood workers (and the admin endpoints that make someone one).

use actix_web::{HttpResponse, delete, get, post, put, web};

use super::dto::*;
use super::service;
use crate::auth::{Admin, AuthUser, Worker};
use crate::db::ids::UserId;
use crate::error::{AppError, Problem};
use crate::features::recommendations::dto::{RecommendationList, RecommendationQuery};
use crate::http::json::JsonBody;
use crate::http::query::QueryList;
use crate::state::AppState;

/// Make a user a neighbourhood worker for these districts, replacing earlier ones (admin).
#[utoipa::path(params(("user_id" = String, Path, description = "The user's id (a UUID).")), tag = "workers", security(("bearer" = [])), request_body = AssignDistrictsRequest, responses(
    (status = 200, body = WorkerResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[put("/workers/{user_id}/districts")]
pub async fn assign_worker_districts(
    _admin: Admin,
    state: web::Data<AppState>,
    user_id: web::Path<UserId>,
    body: JsonBody<AssignDistrictsRequest>,
) -> Result<web::Json<WorkerResponse>, AppError> {
    Ok(web::Json(
        service::assign_districts(&state, user_id.into_inner(), body.into_inner()).await?,
    ))
}

/// Make the account with this email address a neighbourhood worker for these districts (admin).
#[utoipa::path(tag = "workers", security(("bearer" = [])), request_body = MakeWorkerRequest, responses(
    (status = 200, body = WorkerResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`no_account` on `email` when no account has this address", body = Problem, content_type = "application/problem+json"),
))]
#[post("/workers")]
pub async fn make_worker(
    _admin: Admin,
    state: web::Data<AppState>,
    body: JsonBody<MakeWorkerRequest>,
) -> Result<web::Json<WorkerResponse>, AppError> {
    Ok(web::Json(
        service::make_worker(&state, body.into_inner()).await?,
    ))
}

/// Take the worker role away (admin); their sessions' access tokens stop working at once.
#[utoipa::path(params(("user_id" = String, Path, description = "The user's id (a UUID).")), tag = "workers", security(("bearer" = [])), responses(
    (status = 204, description = "Removed"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[delete("/workers/{user_id}")]
pub async fn remove_worker(
    _admin: Admin,
    state: web::Data<AppState>,
    user_id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    service::remove_worker(&state, user_id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Every worker with their districts (admin).
#[utoipa::path(tag = "workers", security(("bearer" = [])), responses((status = 200, body = WorkerList)))]
#[get("/workers")]
pub async fn list_workers(
    _admin: Admin,
    state: web::Data<AppState>,
) -> Result<web::Json<WorkerList>, AppError> {
    Ok(web::Json(service::list_workers(&state).await?))
}

/// The signed-in worker's districts.
#[utoipa::path(tag = "workers", security(("bearer" = [])), responses((status = 200, body = WorkerDistrictList)))]
#[get("/worker/districts")]
pub async fn list_my_districts(
    worker: Worker,
    state: web::Data<AppState>,
) -> Result<web::Json<WorkerDistrictList>, AppError> {
    Ok(web::Json(service::my_districts(&state, worker.0).await?))
}

/// Residents who consented and live in the worker's districts.
#[utoipa::path(tag = "workers", security(("bearer" = [])), params(ResidentQuery), responses(
    (status = 200, body = ResidentList),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "role_required or district_not_assigned"),
))]
#[get("/worker/residents")]
pub async fn list_residents(
    worker: Worker,
    state: web::Data<AppState>,
    query: QueryList<ResidentQuery>,
) -> Result<web::Json<ResidentList>, AppError> {
    Ok(web::Json(
        service::list_residents(&state, worker.0, query.0).await?,
    ))
}

/// One resident's profile. Logged in the resident's access log.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "workers", security(("bearer" = [])), responses(
    (status = 200, body = ResidentDetail),
    (status = 404, body = Problem, content_type = "application/problem+json", description = "No consent, or not in your districts"),
))]
#[get("/worker/residents/{id}")]
pub async fn get_resident(
    worker: Worker,
    state: web::Data<AppState>,
    id: web::Path<UserId>,
) -> Result<web::Json<ResidentDetail>, AppError> {
    Ok(web::Json(
        service::read_resident(&state, worker.0, id.into_inner()).await?,
    ))
}

/// A resident's ranked offers with reasons. Logged in the resident's access log.
#[utoipa::path(tag = "workers", security(("bearer" = [])), params(("id" = String, Path, description = "The object's id (a UUID)."), RecommendationQuery), responses(
    (status = 200, body = RecommendationList),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/worker/residents/{id}/recommendations")]
pub async fn list_resident_recommendations(
    worker: Worker,
    state: web::Data<AppState>,
    id: web::Path<UserId>,
    query: QueryList<RecommendationQuery>,
) -> Result<web::Json<RecommendationList>, AppError> {
    Ok(web::Json(
        service::resident_recommendations(&state, worker.0, id.into_inner(), query.0.limit).await?,
    ))
}

/// Batch assignment for a district: at most one offer per resident, offers' free places
/// respected, the largest total score. Nothing is sent until the worker confirms proposals.
#[utoipa::path(tag = "workers", security(("bearer" = [])), request_body = AssignmentRequest, responses(
    (status = 200, body = AssignmentResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[post("/worker/assignments")]
pub async fn create_assignment(
    worker: Worker,
    state: web::Data<AppState>,
    body: JsonBody<AssignmentRequest>,
) -> Result<web::Json<AssignmentResponse>, AppError> {
    Ok(web::Json(
        service::assign(&state, worker.0, body.into_inner()).await?,
    ))
}

/// Who looked at my profile: each read by a neighbourhood worker.
#[utoipa::path(tag = "workers", security(("bearer" = [])), params(AccessLogQuery), responses((status = 200, body = AccessLogList)))]
#[get("/me/access-log")]
pub async fn list_my_access_log(
    user: AuthUser,
    state: web::Data<AppState>,
    query: QueryList<AccessLogQuery>,
) -> Result<web::Json<AccessLogList>, AppError> {
    Ok(web::Json(service::access_log(&state, user, query.0).await?))
}
