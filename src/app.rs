//! The one App factory: middleware order, extractor configs, routes and the OpenAPI document.
//! `serve`, the tests and the benchmarks all build the app here.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::ErrorHandlers;
use actix_web::{App, Error, HttpRequest, web};
use tracing_actix_web::TracingLogger;
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::features::{
    accounts, attendance, calendar, conversations, districts, monitor, notifications, occurrences,
    offers, organisations, participation, profiles, recommendations, referrals, signups, site,
    statements, tags, workers,
};
use crate::http::fallback::RouteTable;
use crate::http::logging::QuietRootSpan;
use crate::http::{self, health, openapi, openapi::ApiDoc, security, spa};
use crate::state::AppState;

/// Every route under /api/v1. Registered through utoipa-actix-web so each appears in the document.
fn api_v1(cfg: &mut ServiceConfig) {
    cfg.route("/openapi.json", web::get().to(openapi::serve));
    accounts::routes(cfg);
    districts::routes(cfg);
    tags::routes(cfg);
    organisations::routes(cfg);
    offers::routes(cfg);
    occurrences::routes(cfg);
    attendance::routes(cfg);
    participation::routes(cfg);
    monitor::routes(cfg);
    statements::routes(cfg);
    calendar::routes(cfg);
    signups::routes(cfg);
    profiles::routes(cfg);
    recommendations::routes(cfg);
    workers::routes(cfg);
    referrals::routes(cfg);
    conversations::routes(cfg);
    notifications::routes(cfg);
    site::routes(cfg);
}

fn health_routes(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz).service(health::readyz);
}

/// The OpenAPI document, built from the same route list the server uses.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(scope::scope("/api/v1").configure(api_v1))
        .configure(health_routes)
        .split_for_parts();
    let mut api = api;
    openapi::complete(&mut api);
    api
}

pub fn build(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    let cors_origins = state.settings.app.cors_origins.clone();
    let static_dir = state.settings.app.static_dir.clone();
    let image_hosts = [
        state.settings.map.tile_url.clone(),
        state.settings.municipality.logo.clone().unwrap_or_default(),
    ];
    let (app, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .app_data(web::Data::new(state))
        .app_data(http::payload_config())
        .app_data(http::json_config())
        .app_data(http::path_config())
        .service(
            scope::scope("/api/v1")
                .wrap(security::no_store())
                .configure(api_v1),
        )
        .configure(health_routes)
        .split_for_parts();
    let mut api = api;
    openapi::complete(&mut api);
    let routes = RouteTable::from_openapi(&api);
    let fallback = routes.clone();
    let document = web::Data::new(openapi::Document::render(&api));
    app.app_data(document)
        .service(SwaggerUi::new("/api/docs/{_:.*}").config(Config::from(openapi::DOCUMENT_PATH)))
        // Before the web app's pages, which take every other path.
        .route("/api/docs", web::get().to(docs_redirect))
        .configure(move |cfg| {
            if static_dir.join("index.html").is_file() {
                cfg.service(spa::service(static_dir, routes));
            } else {
                cfg.route("/", web::get().to(spa::placeholder));
            }
        })
        .default_service(web::to(move |req: HttpRequest| {
            let response = fallback.respond(&req);
            async move { response }
        }))
        // The last wrap runs first: logging sees everything, headers go on every answer, and
        // framework errors become problem+json before they leave.
        .wrap(security::cors(&cors_origins))
        .wrap(ErrorHandlers::new().default_handler(http::problem_for_plain_errors))
        .wrap(security::headers(
            &image_hosts.each_ref().map(String::as_str),
        ))
        .wrap(TracingLogger::<QuietRootSpan>::new())
}

/// `/api/docs` without the slash: send the browser to the docs page.
async fn docs_redirect() -> actix_web::HttpResponse {
    actix_web::HttpResponse::PermanentRedirect()
        .insert_header((actix_web::http::header::LOCATION, "/api/docs/"))
        .finish()
}
