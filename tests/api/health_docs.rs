//! Health checks and the API description.

use crate::common::{Backend, TestApp};
use crate::on_both_backends;

on_both_backends!(
    health_and_readiness,
    openapi_document_covers_every_endpoint,
    the_document_lists_the_answers_each_operation_can_give,
);

async fn health_and_readiness(backend: Backend) {
    let app = TestApp::new(backend).await;
    let health = app.get("/healthz", None).await.expect(200);
    assert_eq!(health.body["status"], "ok");
    let ready = app.get("/readyz", None).await.expect(200);
    let expected = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgresql",
    };
    assert_eq!(ready.body["database"], expected);
}

async fn openapi_document_covers_every_endpoint(backend: Backend) {
    let app = TestApp::new(backend).await;
    let document = app.get("/api/v1/openapi.json", None).await.expect(200);
    assert_eq!(document.body["openapi"], "3.1.0");
    let paths = document.body["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/auth/register", "post"),
        ("/api/v1/auth/verify-email", "post"),
        ("/api/v1/auth/verify-email/resend", "post"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/refresh", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/auth/password-reset", "post"),
        ("/api/v1/auth/password-reset/confirm", "post"),
        ("/api/v1/me", "get"),
        ("/healthz", "get"),
        ("/readyz", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is not documented"
        );
    }
    let redirect = app.get("/api/docs", None).await.expect(308);
    assert_eq!(redirect.header("location"), Some("/api/docs/"));
    let docs = app.get("/api/docs/", None).await.expect(200);
    assert!(docs.text.contains("swagger"), "the docs page is served");
}

/// Answers that follow from what an operation takes are in the document for every operation, and
/// an answer the server gives is one the document lists.
async fn the_document_lists_the_answers_each_operation_can_give(backend: Backend) {
    let app = TestApp::new(backend).await;
    let document = app.get("/api/v1/openapi.json", None).await.expect(200);
    let responses = |path: &str, method: &str| {
        let answers = document.body["paths"][path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path} is documented"));
        answers.keys().cloned().collect::<Vec<String>>()
    };
    let create_offer = responses("/api/v1/offers", "post");
    for status in ["201", "400", "401", "403", "413", "415", "422", "503"] {
        assert!(
            create_offer.contains(&status.to_string()),
            "POST /offers {status}"
        );
    }
    let offer = responses("/api/v1/offers/{id}", "get");
    for status in ["200", "404", "503"] {
        assert!(
            offer.contains(&status.to_string()),
            "GET /offers/{{id}} {status}"
        );
    }
    // An optional token that is not valid is refused: listed too.
    let bad_token = app
        .get(
            "/api/v1/offers/01a2fe00-0000-7000-8000-000000000000",
            Some("nope"),
        )
        .await;
    assert!(offer.contains(&bad_token.status.as_u16().to_string()));
    let districts = responses("/api/v1/districts", "get");
    assert!(
        !districts.contains(&"401".to_string()),
        "a public operation has no 401"
    );
    assert!(responses("/api/v1/offers", "get").contains(&"422".to_string()));
    assert!(!responses("/healthz", "get").contains(&"503".to_string()));
    let problem = &document.body["paths"]["/api/v1/offers"]["post"]["responses"]["415"];
    assert_eq!(
        problem["content"]["application/problem+json"]["schema"]["$ref"],
        "#/components/schemas/Problem"
    );
    // What the server answers to a request the document calls wrong is listed.
    let reply = app
        .post_raw("/api/v1/offers", "text/plain", b"{}".to_vec())
        .await;
    assert!(create_offer.contains(&reply.status.as_u16().to_string()));
}

/// With the web app built, its pages take every path but the API's: /api/docs still redirects.
#[actix_web::test]
async fn api_docs_redirect_with_the_web_app_built() {
    let pages = tempfile::tempdir().unwrap();
    std::fs::write(
        pages.path().join("index.html"),
        "<!doctype html><title>Meedoen</title>",
    )
    .unwrap();
    let static_dir = pages.path().to_path_buf();
    let app = TestApp::builder(Backend::Sqlite)
        .configure(move |settings| settings.app.static_dir = static_dir)
        .build()
        .await;
    app.get("/", None).await.expect(200);
    let redirect = app.get("/api/docs", None).await.expect(308);
    assert_eq!(redirect.header("location"), Some("/api/docs/"));
    app.get("/api/docs/", None).await.expect(200);
    app.get("/some/page/of/the/app", None).await.expect(200);
}

/// The document as the code describes it. A change of the API shows up as a diff here; the SPA's
/// typed client is generated from the same document.
#[test]
fn openapi_snapshot() {
    let document = meedoen::app::openapi().to_pretty_json().unwrap();
    insta::assert_snapshot!("openapi", document);
}
