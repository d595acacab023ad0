//! HTTP handlers for sign-ups.

use actix_web::{HttpResponse, get, patch, post, web};

use super::dto::*;
use super::service;
use crate::auth::{AuthUser, Resident};
use crate::db::ids::{OfferId, SignupId};
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::http::query::QueryList;
use crate::state::AppState;

/// Sign up for an offer (verified residents). 201 with `accepted`, `pending` (the organisation
/// reviews) or `waitlisted` (full).
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "signups", security(("bearer" = [])), request_body = SignUpRequest, responses(
    (status = 201, body = SignUpResponse),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "email_not_verified or referral_required"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "already_signed_up or offer_not_open"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/offers/{id}/signups")]
pub async fn sign_up(
    resident: Resident,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
    body: JsonBody<SignUpRequest>,
) -> Result<HttpResponse, AppError> {
    let response = service::sign_up(&state, resident.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(response))
}

/// The offer's sign-ups (members of its organisation): display name and message only.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "signups", security(("bearer" = [])), responses(
    (status = 200, body = OfferSignupList),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/offers/{id}/signups")]
pub async fn list_offer_signups(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
) -> Result<web::Json<OfferSignupList>, AppError> {
    Ok(web::Json(
        service::list_for_offer(&state, user, id.into_inner()).await?,
    ))
}

/// Change a sign-up's status: the organisation accepts or declines; the resident withdraws.
/// A freed place goes to the first on the waitlist.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "signups", security(("bearer" = [])), request_body = UpdateSignupRequest, responses(
    (status = 200, body = SignUpResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "offer_full or signup_transition_invalid"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[patch("/signups/{id}")]
pub async fn update_signup(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<SignupId>,
    body: JsonBody<UpdateSignupRequest>,
) -> Result<web::Json<SignUpResponse>, AppError> {
    Ok(web::Json(
        service::update_status(&state, user, id.into_inner(), body.into_inner()).await?,
    ))
}

/// The signed-in resident's sign-ups with their offers and waitlist positions.
#[utoipa::path(tag = "signups", security(("bearer" = [])), params(MySignupQuery), responses(
    (status = 200, body = MySignupList),
))]
#[get("/me/signups")]
pub async fn list_my_signups(
    user: AuthUser,
    state: web::Data<AppState>,
    query: QueryList<MySignupQuery>,
) -> Result<web::Json<MySignupList>, AppError> {
    Ok(web::Json(service::list_mine(&state, user, query.0).await?))
}
