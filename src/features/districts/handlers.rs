//! HTTP handlers for districts.

use actix_web::{HttpResponse, get, patch, post, web};

use super::dto::*;
use super::service;
use crate::auth::Admin;
use crate::catalog;
use crate::db::ids::DistrictId;
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::http::query::QueryList;
use crate::state::AppState;

/// The district tree: municipalities → areas → districts. Public.
#[utoipa::path(tag = "districts", params(DistrictTreeQuery), responses((status = 200, body = DistrictTree)))]
#[get("/districts")]
pub async fn list_districts(
    state: web::Data<AppState>,
    query: QueryList<DistrictTreeQuery>,
) -> Result<HttpResponse, AppError> {
    let include_retired = query.0.include_retired.unwrap_or(false);
    catalog::cached_json(&state, format!("districts?{include_retired}"), || async {
        Ok(DistrictTree {
            items: service::tree(&state, include_retired).await?,
        })
    })
    .await
}

/// Add a municipality, area or district (admin).
#[utoipa::path(tag = "districts", security(("bearer" = [])), request_body = CreateDistrictRequest, responses(
    (status = 201, body = DistrictResponse),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[post("/districts")]
pub async fn create_district(
    _admin: Admin,
    state: web::Data<AppState>,
    body: JsonBody<CreateDistrictRequest>,
) -> Result<HttpResponse, AppError> {
    let district = service::create(&state, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(DistrictResponse::from(&district)))
}

/// Rename a district or change its code (admin).
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "districts", security(("bearer" = [])), request_body = UpdateDistrictRequest, responses(
    (status = 200, body = DistrictResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "A field is wrong: `errors` names it", body = Problem, content_type = "application/problem+json"),
))]
#[patch("/districts/{id}")]
pub async fn update_district(
    _admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<DistrictId>,
    body: JsonBody<UpdateDistrictRequest>,
) -> Result<web::Json<DistrictResponse>, AppError> {
    let district = service::update(&state, id.into_inner(), body.into_inner()).await?;
    Ok(web::Json(DistrictResponse::from(&district)))
}

/// Retire a district and the districts below it (admin). Its history stays; it takes no new offers.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "districts", security(("bearer" = [])), responses(
    (status = 200, body = DistrictResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[post("/districts/{id}/retire")]
pub async fn retire_district(
    _admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<DistrictId>,
) -> Result<web::Json<DistrictResponse>, AppError> {
    let district = service::retire(&state, id.into_inner()).await?;
    Ok(web::Json(DistrictResponse::from(&district)))
}
