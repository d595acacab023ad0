//! HTTP handlers for conversations.

use actix_web::{HttpResponse, get, post, web};

use super::dto::*;
use super::repo::About;
use super::service;
use crate::auth::AuthUser;
use crate::db::ids::{OfferId, ReferralId, SignupId};
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::state::AppState;

/// The conversation about a sign-up, for its resident and the members of the offer's organisation.
#[utoipa::path(params(("id" = String, Path, description = "The sign-up's id (a UUID).")), tag = "conversations", security(("bearer" = [])), responses(
    (status = 200, body = ConversationResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/signups/{id}/messages")]
pub async fn signup_messages(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<SignupId>,
) -> Result<web::Json<ConversationResponse>, AppError> {
    let about = About::Signup(id.into_inner());
    Ok(web::Json(service::list(&state, user, about).await?))
}

/// Write in a sign-up's conversation; the other side gets an email with a link to answer.
#[utoipa::path(params(("id" = String, Path, description = "The sign-up's id (a UUID).")), tag = "conversations", security(("bearer" = [])), request_body = WriteMessageRequest, responses(
    (status = 201, body = MessageResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Empty or longer than 2,000 characters", body = Problem, content_type = "application/problem+json"),
))]
#[post("/signups/{id}/messages")]
pub async fn write_on_signup(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<SignupId>,
    body: JsonBody<WriteMessageRequest>,
) -> Result<HttpResponse, AppError> {
    let about = About::Signup(id.into_inner());
    let message = service::write(&state, user, about, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(message))
}

/// The conversation about a referral, for its resident and the referring worker.
#[utoipa::path(params(("id" = String, Path, description = "The referral's id (a UUID).")), tag = "conversations", security(("bearer" = [])), responses(
    (status = 200, body = ConversationResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/referrals/{id}/messages")]
pub async fn referral_messages(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<ReferralId>,
) -> Result<web::Json<ConversationResponse>, AppError> {
    let about = About::Referral(id.into_inner());
    Ok(web::Json(service::list(&state, user, about).await?))
}

/// Write in a referral's conversation; the other side gets an email.
#[utoipa::path(params(("id" = String, Path, description = "The referral's id (a UUID).")), tag = "conversations", security(("bearer" = [])), request_body = WriteMessageRequest, responses(
    (status = 201, body = MessageResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Empty or longer than 2,000 characters", body = Problem, content_type = "application/problem+json"),
))]
#[post("/referrals/{id}/messages")]
pub async fn write_on_referral(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<ReferralId>,
    body: JsonBody<WriteMessageRequest>,
) -> Result<HttpResponse, AppError> {
    let about = About::Referral(id.into_inner());
    let message = service::write(&state, user, about, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(message))
}

/// Write to everyone with an accepted place on the offer (members of its organisation). Each
/// resident gets it in their own conversation and by email.
#[utoipa::path(params(("id" = String, Path, description = "The offer's id (a UUID).")), tag = "conversations", security(("bearer" = [])), request_body = WriteMessageRequest, responses(
    (status = 201, body = BroadcastResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Empty or longer than 2,000 characters", body = Problem, content_type = "application/problem+json"),
))]
#[post("/offers/{id}/messages")]
pub async fn write_to_participants(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
    body: JsonBody<WriteMessageRequest>,
) -> Result<HttpResponse, AppError> {
    let sent =
        service::write_to_participants(&state, user, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(sent))
}
