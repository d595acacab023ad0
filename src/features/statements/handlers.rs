//! HTTP handlers for participation statements.

use actix_web::{HttpResponse, delete, get, post, web};

use super::dto::*;
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::state::AppState;

/// Make a statement of my participation in a period (at most 366 days), for a klantmanager or a
/// job application: the figures are fixed now; the PDF is at `pdf_url`.
#[utoipa::path(tag = "participation", security(("bearer" = [])), request_body = CreateStatementRequest, responses(
    (status = 201, body = MyStatement),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[post("/me/statements")]
pub async fn create_statement(
    user: AuthUser,
    state: web::Data<AppState>,
    body: JsonBody<CreateStatementRequest>,
) -> Result<HttpResponse, AppError> {
    let statement = service::create(&state, user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(statement))
}

/// My statements, newest first.
#[utoipa::path(tag = "participation", security(("bearer" = [])), responses((status = 200, body = MyStatementList)))]
#[get("/me/statements")]
pub async fn list_statements(
    user: AuthUser,
    state: web::Data<AppState>,
) -> Result<web::Json<MyStatementList>, AppError> {
    Ok(web::Json(service::list(&state, user).await?))
}

/// One of my statements as a PDF, in the language it was made in.
#[utoipa::path(params(("code" = String, Path, description = "The statement's code.")), tag = "participation", security(("bearer" = [])), responses(
    (status = 200, content_type = "application/pdf", body = Vec<u8>),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/me/statements/{code}.pdf")]
pub async fn statement_pdf(
    user: AuthUser,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = code.into_inner();
    let bytes = service::pdf(&state, user, code.clone()).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"verklaring-{code}.pdf\""),
        ))
        .body(bytes))
}

/// Check a statement by its code (anyone, no sign-in): the same figures as on the PDF. A revoked
/// or unknown code is 404.
#[utoipa::path(params(("code" = String, Path, description = "The code on the statement, e.g. 7K4PQ-2XWM9.")), tag = "participation", responses(
    (status = 200, body = VerifiedStatement),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/statements/{code}")]
pub async fn verify_statement(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<web::Json<VerifiedStatement>, AppError> {
    Ok(web::Json(service::verify(&state, code.into_inner()).await?))
}

/// Revoke one of my statements: its code no longer checks out.
#[utoipa::path(params(("code" = String, Path, description = "The statement's code.")), tag = "participation", security(("bearer" = [])), responses(
    (status = 204, description = "Revoked"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[delete("/statements/{code}")]
pub async fn revoke_statement(
    user: AuthUser,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    service::revoke(&state, user, code.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
