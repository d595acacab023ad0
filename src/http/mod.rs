//! HTTP plumbing shared by every feature: JSON bodies, problem+json for framework errors,
//! security headers, health checks, the OpenAPI document, request logging and the SPA.

pub mod fallback;
pub mod health;
pub mod json;
pub mod logging;
pub mod openapi;
pub mod pagination;
pub mod query;
pub mod rate_limit;
pub mod security;
pub mod spa;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::header;
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpRequest, web};

use crate::error::{AppError, ErrorCode, problem_response};

/// Largest request body accepted anywhere.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Limits and error handlers for actix's own extractors (bodies, query strings, path segments), so
/// their failures also leave as problem+json.
pub fn payload_config() -> web::PayloadConfig {
    web::PayloadConfig::new(MAX_BODY_BYTES)
}

pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(MAX_BODY_BYTES)
        .error_handler(|err, _| json::map_json_error(&err).into())
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into())
}

/// Turns any error response that is not problem+json yet (an unknown route, a method not allowed,
/// a payload error from deep inside actix) into one, so clients see a single error format.
pub fn problem_for_plain_errors<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/problem+json"));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (code, detail) = match status.as_u16() {
        404 => (ErrorCode::NotFound, "There is nothing here."),
        405 => (
            ErrorCode::MethodNotAllowed,
            "This method is not allowed here.",
        ),
        413 => (ErrorCode::PayloadTooLarge, "The request body is too large."),
        415 => (
            ErrorCode::UnsupportedMediaType,
            "Send the body as application/json.",
        ),
        400..=499 => (ErrorCode::BadRequest, "The request is not valid."),
        503 => (
            ErrorCode::ServiceUnavailable,
            "The service is unavailable. Try again shortly.",
        ),
        _ => (
            ErrorCode::InternalError,
            "Something went wrong on our side.",
        ),
    };
    let (req, old): (HttpRequest, _) = res.into_parts();
    let mut new = problem_response(status, code, detail.into(), None);
    // Keep headers such as Allow and Retry-After that the original answer carried.
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.headers_mut().insert(name.clone(), value.clone());
        }
    }
    let new: ServiceResponse<EitherBody<B, BoxBody>> =
        ServiceResponse::new(req, new).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(new))
}
