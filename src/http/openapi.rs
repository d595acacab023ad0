//! The OpenAPI document's frame: info, tags, the bearer scheme and shared schemas. Paths are
//! collected from the routes themselves (utoipa-actix-web), so the document cannot drift.

use actix_web::{HttpResponse, web};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
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
