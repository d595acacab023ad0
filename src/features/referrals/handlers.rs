//! HTTP handlers for referrals.

use actix_web::{HttpResponse, get, post, web};

use super::dto::*;
use super::{follow_ups, service};
use crate::auth::{AuthUser, Worker};
use crate::db::ids::ReferralId;
use crate::error::{AppError, Problem};
use crate::features::signups::dto::SignUpResponse;
use crate::http::json::JsonBody;
use crate::http::query::QueryList;
use crate::state::AppState;

/// Propose an offer to a resident (workers, for consenting residents of their districts).
#[utoipa::path(tag = "referrals", security(("bearer" = [])), request_body = CreateReferralRequest, responses(
    (status = 201, body = ReferralCreated),
    (status = 404, body = Problem, content_type = "application/problem+json", description = "The resident is not visible to you"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "referral_exists, already_signed_up or offer_not_open"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/referrals")]
pub async fn create_referral(
    worker: Worker,
    state: web::Data<AppState>,
    body: JsonBody<CreateReferralRequest>,
) -> Result<HttpResponse, AppError> {
    let created = service::propose(&state, worker.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Confirm proposals from a batch assignment: each becomes a referral (all or none).
#[utoipa::path(tag = "referrals", security(("bearer" = [])), request_body = ConfirmAssignmentRequest, responses(
    (status = 201, body = ReferralsCreated),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/worker/assignments/confirm")]
pub async fn confirm_assignment(
    worker: Worker,
    state: web::Data<AppState>,
    body: JsonBody<ConfirmAssignmentRequest>,
) -> Result<HttpResponse, AppError> {
    let created = service::confirm(&state, worker.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// The worker's referrals and how they turned out.
#[utoipa::path(tag = "referrals", security(("bearer" = [])), params(WorkerReferralQuery), responses((status = 200, body = WorkerReferralList)))]
#[get("/worker/referrals")]
pub async fn list_worker_referrals(
    worker: Worker,
    state: web::Data<AppState>,
    query: QueryList<WorkerReferralQuery>,
) -> Result<web::Json<WorkerReferralList>, AppError> {
    Ok(web::Json(
        service::list_for_worker(&state, worker.0, query.0).await?,
    ))
}

/// Referrals proposed to me.
#[utoipa::path(tag = "referrals", security(("bearer" = [])), responses((status = 200, body = MyReferralList)))]
#[get("/me/referrals")]
pub async fn list_my_referrals(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<web::Json<MyReferralList>, AppError> {
    Ok(web::Json(service::list_mine(&state, user).await?))
}

/// Accept a referral: signs me up for the offer; the worker's note goes to the organisation only
/// with `share_note: true`.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "referrals", security(("bearer" = [])), request_body = AcceptReferralRequest, responses(
    (status = 201, body = SignUpResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "referral_answered or offer_not_open"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/referrals/{id}/accept")]
pub async fn accept_referral(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<ReferralId>,
    body: JsonBody<AcceptReferralRequest>,
) -> Result<HttpResponse, AppError> {
    let signup = service::accept(&state, user, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(signup))
}

/// Decline a referral, with a reason if I like.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "referrals", security(("bearer" = [])), request_body = DeclineReferralRequest, responses(
    (status = 200, body = ReferralCreated),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/referrals/{id}/decline")]
pub async fn decline_referral(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<ReferralId>,
    body: JsonBody<DeclineReferralRequest>,
) -> Result<web::Json<ReferralCreated>, AppError> {
    Ok(web::Json(
        service::decline(&state, user, id.into_inner(), body.into_inner()).await?,
    ))
}

/// The worker's follow-ups: their accepted referrals whose next milestone (started, still going at
/// 4 or at 12 weeks) is due or missed, or whose resident was absent without saying so a few times
/// in a row; oldest first, with their notes. Only residents who share
/// their profile with workers and live in the worker's districts.
#[utoipa::path(tag = "referrals", security(("bearer" = [])), responses((status = 200, body = FollowUpList)))]
#[get("/worker/follow-ups")]
pub async fn list_follow_ups(
    worker: Worker,
    state: web::Data<AppState>,
) -> Result<web::Json<FollowUpList>, AppError> {
    Ok(web::Json(follow_ups::list(&state, worker.0).await?))
}

/// A short follow-up note on an accepted referral (the worker who made it).
#[utoipa::path(params(("id" = String, Path, description = "The referral's id (a UUID).")), tag = "referrals", security(("bearer" = [])), request_body = WriteNoteRequest, responses(
    (status = 201, body = ReferralNoteResponse),
    (status = 404, body = Problem, content_type = "application/problem+json", description = "Not your referral, or the resident is not visible to you"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "referral_not_accepted"),
))]
#[post("/referrals/{id}/notes")]
pub async fn write_note(
    worker: Worker,
    state: web::Data<AppState>,
    id: web::Path<ReferralId>,
    body: JsonBody<WriteNoteRequest>,
) -> Result<HttpResponse, AppError> {
    let note = follow_ups::write_note(&state, worker.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(note))
}

/// Close an accepted referral (the worker who made it): `completed`, or `stopped` with a reason.
#[utoipa::path(params(("id" = String, Path, description = "The referral's id (a UUID).")), tag = "referrals", security(("bearer" = [])), request_body = CloseReferralRequest, responses(
    (status = 200, body = WorkerReferral),
    (status = 404, body = Problem, content_type = "application/problem+json", description = "Not your referral, or the resident is not visible to you"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "referral_not_accepted, referral_closed"),
))]
#[post("/referrals/{id}/close")]
pub async fn close_referral(
    worker: Worker,
    state: web::Data<AppState>,
    id: web::Path<ReferralId>,
    body: JsonBody<CloseReferralRequest>,
) -> Result<web::Json<WorkerReferral>, AppError> {
    Ok(web::Json(
        follow_ups::close(&state, worker.0, id.into_inner(), body.into_inner()).await?,
    ))
}
