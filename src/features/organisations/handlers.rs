//! HTTP handlers for organisations and their members.

use actix_web::{HttpResponse, delete, get, patch, post, web};

use super::dto::*;
use super::models::OrganisationStatus;
use super::service;
use crate::auth::{Admin, AuthUser, MaybeUser};
use crate::db::ids::{OrganisationId, UserId};
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::http::query::QueryList;
use crate::state::AppState;

/// Register an organisation (verified accounts). It starts `pending` until an admin verifies it;
/// the caller becomes its owner.
#[utoipa::path(tag = "organisations", security(("bearer" = [])), request_body = CreateOrganisationRequest, responses(
    (status = 201, body = OrganisationResponse),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "email_not_verified"),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[post("/organisations")]
pub async fn create_organisation(
    user: AuthUser,
    state: web::Data<AppState>,
    body: JsonBody<CreateOrganisationRequest>,
) -> Result<HttpResponse, AppError> {
    let organisation = service::create(&state, user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(organisation))
}

/// Verified organisations (public); admins may filter on `pending` or `rejected`.
#[utoipa::path(tag = "organisations", params(OrganisationQuery), security((), ("bearer" = [])), responses((status = 200, body = OrganisationList)))]
#[get("/organisations")]
pub async fn list_organisations(
    viewer: MaybeUser,
    state: web::Data<AppState>,
    query: QueryList<OrganisationQuery>,
) -> Result<web::Json<OrganisationList>, AppError> {
    Ok(web::Json(service::list(&state, viewer.0, query.0).await?))
}

/// One organisation. Pending and rejected ones are visible to their members and admins only.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "organisations", security((), ("bearer" = [])), responses(
    (status = 200, body = OrganisationResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/organisations/{id}")]
pub async fn get_organisation(
    viewer: MaybeUser,
    state: web::Data<AppState>,
    id: web::Path<OrganisationId>,
) -> Result<web::Json<OrganisationResponse>, AppError> {
    Ok(web::Json(
        service::get(&state, viewer.0, id.into_inner()).await?,
    ))
}

/// Change details or districts (owners).
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "organisations", security(("bearer" = [])), request_body = UpdateOrganisationRequest, responses(
    (status = 200, body = OrganisationResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[patch("/organisations/{id}")]
pub async fn update_organisation(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OrganisationId>,
    body: JsonBody<UpdateOrganisationRequest>,
) -> Result<web::Json<OrganisationResponse>, AppError> {
    Ok(web::Json(
        service::update(&state, user, id.into_inner(), body.into_inner()).await?,
    ))
}

/// Verify a pending organisation (admin); its owners are emailed.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "organisations", security(("bearer" = [])), responses(
    (status = 200, body = OrganisationResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
))]
#[post("/organisations/{id}/verify")]
pub async fn verify_organisation(
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<OrganisationId>,
) -> Result<web::Json<OrganisationResponse>, AppError> {
    Ok(web::Json(
        service::decide(
            &state,
            admin.0,
            id.into_inner(),
            OrganisationStatus::Verified,
            None,
        )
        .await?,
    ))
}

/// Reject an organisation with a reason (admin); its owners are emailed.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "organisations", security(("bearer" = [])), request_body = RejectOrganisationRequest, responses(
    (status = 200, body = OrganisationResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[post("/organisations/{id}/reject")]
pub async fn reject_organisation(
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<OrganisationId>,
    body: JsonBody<RejectOrganisationRequest>,
) -> Result<web::Json<OrganisationResponse>, AppError> {
    let reason = Some(body.into_inner().reason);
    Ok(web::Json(
        service::decide(
            &state,
            admin.0,
            id.into_inner(),
            OrganisationStatus::Rejected,
            reason,
        )
        .await?,
    ))
}

/// The organisation's members (members only).
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "organisations", security(("bearer" = [])), responses(
    (status = 200, body = MemberList),
    (status = 403, body = Problem, content_type = "application/problem+json"),
))]
#[get("/organisations/{id}/members")]
pub async fn list_members(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OrganisationId>,
) -> Result<web::Json<MemberList>, AppError> {
    Ok(web::Json(
        service::members(&state, user, id.into_inner()).await?,
    ))
}

/// Add a member by email (owners). The person needs a Meedoen account.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "organisations", security(("bearer" = [])), request_body = AddMemberRequest, responses(
    (status = 201, body = MemberList),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "already_member"),
    (status = 422, body = Problem, content_type = "application/problem+json", description = "no_account"),
))]
#[post("/organisations/{id}/members")]
pub async fn add_member(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OrganisationId>,
    body: JsonBody<AddMemberRequest>,
) -> Result<HttpResponse, AppError> {
    let members = service::add_member(&state, user, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(members))
}

/// Remove a member (owners), or leave (anyone). The last owner cannot be removed.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID)."), ("user_id" = String, Path, description = "The user's id (a UUID).")), tag = "organisations", security(("bearer" = [])), responses(
    (status = 204, description = "Removed"),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "last_owner"),
))]
#[delete("/organisations/{id}/members/{user_id}")]
pub async fn remove_member(
    user: AuthUser,
    state: web::Data<AppState>,
    path: web::Path<(OrganisationId, UserId)>,
) -> Result<HttpResponse, AppError> {
    let (id, member) = path.into_inner();
    service::remove_member(&state, user, id, member).await?;
    Ok(HttpResponse::NoContent().finish())
}
