//! HTTP handlers for calendars: .ics files are `text/calendar`.

use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};

use super::dto::CalendarFeedResponse;
use super::service;
use crate::auth::{AuthUser, MaybeUser};
use crate::db::ids::{OfferId, SignupId};
use crate::error::{AppError, Problem};
use crate::state::AppState;

const CALENDAR: &str = "text/calendar; charset=utf-8";

fn calendar_file(body: String, filename: &str, private: bool) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(CALENDAR)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .insert_header((
            header::CACHE_CONTROL,
            if private {
                "private, no-store"
            } else {
                "public, max-age=300"
            },
        ))
        .body(body)
}

/// The sign-up's meetings as an .ics file ("Zet in je agenda"), for its resident and the offer's
/// organisation.
#[utoipa::path(params(("id" = String, Path, description = "The sign-up's id (a UUID).")), tag = "signups", security(("bearer" = [])), responses(
    (status = 200, content_type = "text/calendar", body = String, description = "An iCalendar file (RFC 5545)"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/signups/{id}/calendar.ics")]
pub async fn signup_calendar(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<SignupId>,
) -> Result<HttpResponse, AppError> {
    let body = service::signup_file(&state, user, id.into_inner()).await?;
    Ok(calendar_file(body, "meedoen.ics", true))
}

/// An offer's meetings as an .ics file, for whoever may see the offer.
#[utoipa::path(params(("id" = String, Path, description = "The offer's id (a UUID).")), tag = "offers", security((), ("bearer" = [])), responses(
    (status = 200, content_type = "text/calendar", body = String, description = "An iCalendar file (RFC 5545)"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/offers/{id}/calendar.ics")]
pub async fn offer_calendar(
    viewer: MaybeUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
) -> Result<HttpResponse, AppError> {
    let private = viewer.0.is_some();
    let body = service::offer_file(&state, viewer.0, id.into_inner()).await?;
    Ok(calendar_file(body, "meedoen.ics", private))
}

/// The URL of one's personal calendar feed (made on first asking).
#[utoipa::path(tag = "signups", security(("bearer" = [])), responses((status = 200, body = CalendarFeedResponse)))]
#[get("/me/calendar")]
pub async fn my_feed(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<web::Json<CalendarFeedResponse>, AppError> {
    Ok(web::Json(service::my_feed(&state, user).await?))
}

/// A new URL for one's calendar feed; the old one stops working.
#[utoipa::path(tag = "signups", security(("bearer" = [])), responses((status = 200, body = CalendarFeedResponse)))]
#[post("/me/calendar/rotate")]
pub async fn rotate_feed(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<web::Json<CalendarFeedResponse>, AppError> {
    Ok(web::Json(service::rotate(&state, user).await?))
}

/// A personal calendar feed: every activity its resident has a place for. No sign-in (calendar
/// apps cannot); the secret in the URL is the key.
#[utoipa::path(params(("token" = String, Path, description = "The feed's secret.")), tag = "signups", responses(
    (status = 200, content_type = "text/calendar", body = String, description = "An iCalendar feed (RFC 5545)"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/calendar/{token}.ics")]
pub async fn feed(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let body = service::feed(&state, token.into_inner()).await?;
    Ok(calendar_file(body, "meedoen.ics", true))
}
