//! HTTP handlers for tags.

use actix_web::{HttpResponse, get, post, web};

use super::dto::*;
use super::service;
use crate::auth::Admin;
use crate::catalog;
use crate::db::ids::TagId;
use crate::error::{AppError, Problem};
use crate::http::json::JsonBody;
use crate::http::query::QueryList;
use crate::state::AppState;

/// The tag taxonomy (skills, interests, goals, access, languages) with Dutch and English labels. Public.
#[utoipa::path(tag = "tags", params(TagQuery), responses((status = 200, body = TagList)))]
#[get("/tags")]
pub async fn list_tags(
    state: web::Data<AppState>,
    query: QueryList<TagQuery>,
) -> Result<HttpResponse, AppError> {
    let (kind, include_retired) = (query.0.kind, query.0.include_retired.unwrap_or(false));
    let key = format!(
        "tags?{}&{include_retired}",
        kind.map(|k| k.as_str()).unwrap_or("all")
    );
    catalog::cached_json(&state, key, || async {
        let tags = service::list(&state, kind, include_retired).await?;
        Ok(TagList {
            items: tags.iter().map(TagResponse::from).collect(),
        })
    })
    .await
}

/// Add a tag (admin).
#[utoipa::path(tag = "tags", security(("bearer" = [])), request_body = CreateTagRequest, responses(
    (status = 201, body = TagResponse),
    (status = 409, body = Problem, content_type = "application/problem+json", description = "tag_exists"),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[post("/tags")]
pub async fn create_tag(
    _admin: Admin,
    state: web::Data<AppState>,
    body: JsonBody<CreateTagRequest>,
) -> Result<HttpResponse, AppError> {
    let tag = service::create(&state, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(TagResponse::from(&tag)))
}

/// Retire a tag (admin): it stays where it is used but can no longer be chosen.
#[utoipa::path(params(("id" = String, Path, description = "The object's id (a UUID).")), tag = "tags", security(("bearer" = [])), responses(
    (status = 200, body = TagResponse),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[post("/tags/{id}/retire")]
pub async fn retire_tag(
    _admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<TagId>,
) -> Result<web::Json<TagResponse>, AppError> {
    let tag = service::retire(&state, id.into_inner()).await?;
    Ok(web::Json(TagResponse::from(&tag)))
}
