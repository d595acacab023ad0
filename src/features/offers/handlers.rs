//! HTTP handlers for offers.

use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};

use super::dto::*;
use super::service;
use crate::auth::{AuthUser, MaybeUser};
use crate::catalog;
use crate::db::ids::{OfferId, OrganisationId};
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::http::query::QueryList;
use crate::state::AppState;

/// Published offers, newest first, with filters. Public.
#[utoipa::path(tag = "offers", params(OfferQuery), responses(
    (status = 200, body = OfferList),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[get("/offers")]
pub async fn list_offers(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: QueryList<OfferQuery>,
) -> Result<HttpResponse, AppError> {
    let key = format!("offers?{}", req.query_string());
    let only_available = query.0.available.unwrap_or(false);
    catalog::cached_offer_list(&state, key, only_available, || {
        service::list(&state, query.0)
    })
    .await
}

/// Create an offer as a draft (members of the organisation, verified accounts).
#[utoipa::path(tag = "offers", security(("bearer" = [])), request_body = CreateOfferRequest, responses(
    (status = 201, body = OfferResponse),
    (status = 404, body = Problem, content_type = "application/problem+json", description = "The organisation named in the body does not exist or is not visible"),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[post("/offers")]
pub async fn create_offer(
    user: AuthUser,
    state: web::Data<AppState>,
    body: JsonBody<CreateOfferRequest>,
) -> Result<HttpResponse, AppError> {
    let offer = service::create(&state, user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(offer))
}

/// One offer. Drafts are visible to the organisation's members only.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "offers", security((), ("bearer" = [])), responses(
    (status = 200, body = OfferResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/offers/{id}")]
pub async fn get_offer(
    viewer: MaybeUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    match viewer.0 {
        // Signed-in callers may see drafts of their own organisation: not cached.
        Some(user) => Ok(HttpResponse::Ok().json(service::get(&state, Some(user), id).await?)),
        None => match service::public_offers(&state, vec![id.clone()])
            .await?
            .remove(&id)
        {
            Some(offer) => Ok(HttpResponse::Ok().json(offer)),
            None => Err(AppError::NotFound),
        },
    }
}

/// Change an offer (members). Lists are replaced whole.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "offers", security(("bearer" = [])), request_body = OfferChange, responses(
    (status = 200, body = OfferResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[patch("/offers/{id}")]
pub async fn update_offer(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
    body: JsonBody<OfferChange>,
) -> Result<web::Json<OfferResponse>, AppError> {
    Ok(web::Json(
        service::update(&state, user, id.into_inner(), body.into_inner()).await?,
    ))
}

/// Publish a draft or reopen a closed offer (members of a verified organisation).
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "offers", security(("bearer" = [])), responses(
    (status = 200, body = OfferResponse),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "organisation_not_verified"),
))]
#[post("/offers/{id}/publish")]
pub async fn publish_offer(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
) -> Result<web::Json<OfferResponse>, AppError> {
    Ok(web::Json(
        service::publish(&state, user, id.into_inner()).await?,
    ))
}

/// Close an offer: no new sign-ups; existing ones stay (members).
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "offers", security(("bearer" = [])), responses(
    (status = 200, body = OfferResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
))]
#[post("/offers/{id}/close")]
pub async fn close_offer(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OfferId>,
) -> Result<web::Json<OfferResponse>, AppError> {
    Ok(web::Json(
        service::close(&state, user, id.into_inner()).await?,
    ))
}

/// An organisation's offers in every status, drafts included (members).
#[utoipa::path(tag = "offers", security(("bearer" = [])), params(("id" = String, Path, description = "The object's id (a UUID)."), OrganisationOfferQuery), responses(
    (status = 200, body = OfferList),
    (status = 403, body = Problem, content_type = "application/problem+json"),
))]
#[get("/organisations/{id}/offers")]
pub async fn list_organisation_offers(
    user: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<OrganisationId>,
    query: QueryList<OrganisationOfferQuery>,
) -> Result<web::Json<OfferList>, AppError> {
    Ok(web::Json(
        service::list_for_organisation(&state, user, id.into_inner(), query.0).await?,
    ))
}
