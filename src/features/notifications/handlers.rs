//! HTTP handlers for notification settings and one-click unsubscribing.

use actix_web::{get, post, put, web};

use super::dto::*;
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::state::AppState;

/// What the signed-in person hears about by email.
#[utoipa::path(tag = "notifications", security(("bearer" = [])), responses(
    (status = 200, body = NotificationSettingsBody),
))]
#[get("/me/notifications")]
pub async fn my_settings(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<web::Json<NotificationSettingsBody>, AppError> {
    Ok(web::Json(service::mine(&state, user).await?))
}

/// Change what one hears about by email (all four settings at once).
#[utoipa::path(tag = "notifications", security(("bearer" = [])), request_body = NotificationSettingsBody, responses(
    (status = 200, body = NotificationSettingsBody),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[put("/me/notifications")]
pub async fn change_my_settings(
    user: AuthUser,
    state: web::Data<AppState>,
    body: JsonBody<NotificationSettingsBody>,
) -> Result<web::Json<NotificationSettingsBody>, AppError> {
    Ok(web::Json(
        service::change_mine(&state, user, body.into_inner()).await?,
    ))
}

/// What an unsubscribe link stops, for the web app's page; changes nothing (link scanners open
/// links).
#[utoipa::path(params(("token" = String, Path, description = "The secret from the email's link.")), tag = "notifications", security(()), responses(
    (status = 200, body = UnsubscribeResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/unsubscribe/{token}")]
pub async fn unsubscribe_topic(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<web::Json<UnsubscribeResponse>, AppError> {
    Ok(web::Json(
        service::topic_of(&state, token.into_inner()).await?,
    ))
}

/// One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` here; the web
/// app POSTs with no body. No sign-in: the token is the permission. Repeating it is harmless.
#[utoipa::path(params(("token" = String, Path, description = "The secret from the email's link.")), tag = "notifications", security(()), responses(
    (status = 200, body = UnsubscribeResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[post("/unsubscribe/{token}")]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<web::Json<UnsubscribeResponse>, AppError> {
    Ok(web::Json(
        service::unsubscribe(&state, token.into_inner()).await?,
    ))
}
