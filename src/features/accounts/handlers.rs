//! HTTP handlers for accounts: extract, call the service, shape the answer.

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::{HttpRequest, HttpResponse, get, post, web};

use super::dto::*;
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorCode, Problem};
use crate::http::json::JsonBody;
use crate::http::rate_limit::client_ip;
use crate::state::AppState;

fn ip_of(req: &HttpRequest, state: &AppState) -> String {
    client_ip(req, state.settings.server.trust_proxy_headers)
}

/// The cookie that carries the web app's refresh token: HttpOnly (no script reads it), SameSite=Strict
/// and sent only to the auth endpoints; Secure whenever the app is served over https.
const REFRESH_COOKIE: &str = "meedoen_refresh";

fn refresh_cookie(state: &AppState, value: String, max_age: Duration) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path("/api/v1/auth")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.app.public_url.starts_with("https://"))
        .max_age(max_age)
        .finish()
}

/// Where the refresh token goes: in the body (API clients) or in the cookie (the web app).
#[derive(Clone, Copy, PartialEq)]
enum Delivery {
    Body,
    Cookie,
}

fn token_response(
    state: &AppState,
    signed_in: service::SignedIn,
    delivery: Delivery,
) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    let refresh_token = match delivery {
        Delivery::Body => Some(signed_in.refresh_token),
        Delivery::Cookie => {
            let days = state.settings.auth.refresh_token_days;
            response.cookie(refresh_cookie(
                state,
                signed_in.refresh_token,
                Duration::days(days),
            ));
            None
        }
    };
    response.json(TokenResponse {
        access_token: signed_in.access_token,
        refresh_token,
        token_type: "Bearer",
        expires_in: signed_in.expires_in,
        user: MeResponse::new(&signed_in.user, signed_in.organisations),
    })
}

/// The refresh token from the body, else from the cookie.
fn presented_refresh_token(
    req: &HttpRequest,
    request: RefreshRequest,
) -> Option<(String, Delivery)> {
    match request.refresh_token {
        Some(token) => Some((token, Delivery::Body)),
        None => req
            .cookie(REFRESH_COOKIE)
            .map(|cookie| (cookie.value().to_string(), Delivery::Cookie)),
    }
}

/// Create an account. Answers 202 with the same body whether or not the address is known;
/// the email tells the owner what happened.
#[utoipa::path(tag = "auth", request_body = RegisterRequest, responses(
    (status = 202, body = AcceptedResponse),
    (status = 422, body = Problem, content_type = "application/problem+json", description = "A field is not valid"),
    (status = 429, body = Problem, content_type = "application/problem+json", description = "Too many attempts"),
))]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RegisterRequest>,
) -> Result<HttpResponse, AppError> {
    service::register(&state, body.into_inner(), &ip_of(&req, &state)).await?;
    Ok(HttpResponse::Accepted().json(AcceptedResponse::new()))
}

/// Confirm an email address with the token from the emailed link (single use, 48 hours).
#[utoipa::path(tag = "auth", request_body = TokenRequest, responses(
    (status = 204, description = "Confirmed"),
    (status = 400, body = Problem, content_type = "application/problem+json", description = "link_invalid"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/verify-email")]
pub async fn verify_email(
    state: web::Data<AppState>,
    body: JsonBody<TokenRequest>,
) -> Result<HttpResponse, AppError> {
    service::verify_email(&state, body.into_inner().token).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Ask for a new verification link (the first expired or got lost). Always 202: whether the
/// address has an account, or is confirmed already, is not revealed.
#[utoipa::path(tag = "auth", request_body = ResendVerificationRequest, responses(
    (status = 202, body = AcceptedResponse),
    (status = 422, body = Problem, content_type = "application/problem+json"),
    (status = 429, body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/verify-email/resend")]
pub async fn resend_verification(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<ResendVerificationRequest>,
) -> Result<HttpResponse, AppError> {
    service::resend_verification(&state, &body.into_inner().email, &ip_of(&req, &state)).await?;
    Ok(HttpResponse::Accepted().json(AcceptedResponse::new()))
}

/// Sign in. Wrong email and wrong password both give 401 `invalid_credentials`.
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses(
    (status = 200, body = TokenResponse),
    (status = 401, body = Problem, content_type = "application/problem+json", description = "invalid_credentials"),
    (status = 429, body = Problem, content_type = "application/problem+json", description = "Too many attempts"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<LoginRequest>,
) -> Result<HttpResponse, AppError> {
    let request = body.into_inner();
    let delivery = if request.refresh_cookie {
        Delivery::Cookie
    } else {
        Delivery::Body
    };
    let signed_in = service::login(&state, request, &ip_of(&req, &state)).await?;
    Ok(token_response(&state, signed_in, delivery))
}

/// Exchange a refresh token (in the body, or else the `meedoen_refresh` cookie) for a new pair,
/// delivered the same way. A refresh token works once; presenting a spent one ends the whole
/// session (401 `refresh_token_reused`).
#[utoipa::path(tag = "auth", request_body = RefreshRequest, responses(
    (status = 200, body = TokenResponse),
    (status = 401, body = Problem, content_type = "application/problem+json", description = "refresh_token_invalid or refresh_token_reused"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RefreshRequest>,
) -> Result<HttpResponse, AppError> {
    let (token, delivery) =
        presented_refresh_token(&req, body.into_inner()).ok_or(AppError::Unauthenticated {
            code: ErrorCode::RefreshTokenInvalid,
        })?;
    let signed_in = service::refresh(&state, token).await?;
    Ok(token_response(&state, signed_in, delivery))
}

/// Sign out: ends the session of this refresh token (body or cookie), and with it its access
/// tokens; the cookie is cleared.
#[utoipa::path(tag = "auth", request_body = RefreshRequest, responses((status = 204, description = "Signed out")))]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RefreshRequest>,
) -> Result<HttpResponse, AppError> {
    if let Some((token, _)) = presented_refresh_token(&req, body.into_inner()) {
        service::logout(&state, token).await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(refresh_cookie(&state, String::new(), Duration::ZERO))
        .finish())
}

/// Ask for a password-reset link. Always 202: whether the address has an account is not revealed.
#[utoipa::path(tag = "auth", request_body = PasswordResetRequest, responses(
    (status = 202, body = AcceptedResponse),
    (status = 422, body = Problem, content_type = "application/problem+json"),
    (status = 429, body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<PasswordResetRequest>,
) -> Result<HttpResponse, AppError> {
    service::request_password_reset(&state, &body.into_inner().email, &ip_of(&req, &state)).await?;
    Ok(HttpResponse::Accepted().json(AcceptedResponse::new()))
}

/// Set a new password with the token from the reset link (single use, one hour). Signs the user
/// out on every device.
#[utoipa::path(tag = "auth", request_body = PasswordResetConfirmRequest, responses(
    (status = 204, description = "Password changed"),
    (status = 400, body = Problem, content_type = "application/problem+json", description = "link_invalid"),
    (status = 422, body = Problem, content_type = "application/problem+json", description = "The password is too weak"),
))]
#[post("/auth/password-reset/confirm")]
pub async fn confirm_password_reset(
    state: web::Data<AppState>,
    body: JsonBody<PasswordResetConfirmRequest>,
) -> Result<HttpResponse, AppError> {
    service::confirm_password_reset(&state, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The signed-in user.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses(
    (status = 200, body = MeResponse),
    (status = 401, body = Problem, content_type = "application/problem+json"),
))]
#[get("/me")]
pub async fn get_me(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<web::Json<MeResponse>, AppError> {
    Ok(web::Json(service::me(&state, user).await?))
}
