//! The OpenAPI document's frame: info, tags, the bearer scheme and shared schemas. Paths are
//! collected from the routes themselves (utoipa-actix-web), so the document cannot drift, and
//! [`complete`] adds every answer an operation can give because of what it takes (a body, a path
//! id, a query, a bearer token) and because it reaches the database, so no handler has to list
//! them by hand. Handlers list only the answers of their own rules (409s, a 404 of their own).

use actix_web::{HttpResponse, web};
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{Object, Schema};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Meedoen API",
        description = "Neighbourhood social-activation marketplace for Dutch municipalities. \
            Errors are application/problem+json with a snake_case `code`; lists take `limit` and `cursor`.",
        license(name = "EUPL-1.2"),
    ),
    components(schemas(crate::error::Problem, crate::error::FieldError)),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Accounts, sign-in and sessions"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                Http::builder()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// Adds to every operation the problem answers its shape implies, where the handler did not
/// describe them itself.
pub fn complete(api: &mut utoipa::openapi::OpenApi) {
    fill_merge_patch(
        api,
        "OfferChange",
        "CreateOfferRequest",
        &["organisation_id"],
    );
    for (path, item) in api.paths.paths.iter_mut() {
        let uses_database = path.starts_with("/api/");
        let path_has_id = path.contains('{');
        for operation in [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.patch,
            &mut item.delete,
        ]
        .into_iter()
        .flatten()
        {
            for status in implied_statuses(operation, path_has_id, uses_database) {
                add_problem(operation, status);
            }
        }
    }
}

/// A merge-patch body (`patch`) takes any property of the create body (`create`, an object or an
/// `allOf` of objects), none required, except those that cannot change.
fn fill_merge_patch(
    api: &mut utoipa::openapi::OpenApi,
    patch: &str,
    create: &str,
    unchangeable: &[&str],
) {
    let Some(components) = api.components.as_mut() else {
        return;
    };
    let object_of = |schema: &RefOr<Schema>| -> Option<Object> {
        let name = match schema {
            RefOr::Ref(reference) => reference.ref_location.rsplit('/').next()?.to_string(),
            RefOr::T(Schema::Object(object)) => return Some(object.clone()),
            RefOr::T(_) => return None,
        };
        match components.schemas.get(&name)? {
            RefOr::T(Schema::Object(object)) => Some(object.clone()),
            _ => None,
        }
    };
    let parts: Vec<Object> = match components.schemas.get(create) {
        Some(RefOr::T(Schema::AllOf(all_of))) => {
            all_of.items.iter().filter_map(object_of).collect()
        }
        Some(RefOr::T(Schema::Object(object))) => vec![object.clone()],
        _ => Vec::new(),
    };
    if let Some(RefOr::T(Schema::Object(target))) = components.schemas.get_mut(patch) {
        for part in parts {
            for (name, property) in part.properties {
                if !unchangeable.contains(&name.as_str()) {
                    target.properties.insert(name, property);
                }
            }
        }
        target.required.clear();
    }
}

/// What an operation can answer besides its own rules, by what it takes.
fn implied_statuses(operation: &Operation, path_has_id: bool, uses_database: bool) -> Vec<u16> {
    let mut statuses = Vec::new();
    let parameters = operation.parameters.iter().flatten();
    let has_query = parameters.clone().any(|parameter| match parameter {
        RefOr::T(parameter) => parameter.parameter_in == ParameterIn::Query,
        RefOr::Ref(_) => false,
    });
    if operation.request_body.is_some() {
        // JsonBody: malformed JSON, a body over 64 KiB, not sent as JSON, a field not valid.
        statuses.extend([400, 413, 415, 422]);
    }
    if has_query {
        // QueryList: a parameter not valid or holding a control character.
        statuses.push(422);
    }
    let takes_token = operation.security.iter().flatten().any(|requirement| {
        serde_json::to_value(requirement).is_ok_and(|value| value.get("bearer").is_some())
    });
    if takes_token {
        // AuthUser: no or a bad token; signed in but without the role or the right to the object.
        // MaybeUser (a bearer token is optional) also refuses a bad one.
        statuses.extend([401, 403]);
    }
    if path_has_id {
        // An id that is not one, or of something the caller may not see.
        statuses.push(404);
    }
    if uses_database {
        statuses.push(503);
    }
    statuses
}

fn add_problem(operation: &mut Operation, status: u16) {
    let description = match status {
        400 => "The body is not JSON (`malformed_json`, `malformed_body`).",
        401 => "Not signed in, or the token is not valid (`unauthenticated`, `token_invalid`, …).",
        403 => "Signed in, but not allowed this (`role_required`, `email_not_verified`, …).",
        404 => "No such object, or one the caller may not see (`not_found`).",
        413 => "The body is over 64 KiB (`payload_too_large`).",
        415 => "The body is not sent as application/json (`unsupported_media_type`).",
        422 => "A field or parameter is not valid (`validation_failed`, with `errors`).",
        503 => {
            "The database cannot do the work now; retry after `Retry-After` seconds (`service_unavailable`)."
        }
        _ => "A problem.",
    };
    operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/problem+json",
                        Content::new(Some(Ref::from_schema_name("Problem"))),
                    )
                    .build(),
            )
        });
}

/// Where the document is served; the docs page at /api/docs reads it from there.
pub const DOCUMENT_PATH: &str = "/api/v1/openapi.json";

/// The document rendered once when the app is built.
pub struct Document(String);

impl Document {
    pub fn render(api: &utoipa::openapi::OpenApi) -> Self {
        Self(api.to_json().unwrap_or_else(|_| "{}".into()))
    }
}

pub async fn serve(document: web::Data<Document>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document.0.clone())
}
