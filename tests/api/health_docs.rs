//! Health checks and the API description.

use crate::common::{Backend, TestApp};
use crate::on_both_backends;

on_both_backends!(health_and_readiness, openapi_document_covers_every_endpoint);

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

/// The document as the code describes it. A change of the API shows up as a diff here; the SPA's
/// typed client is generated from the same document.
#[test]
fn openapi_snapshot() {
    let document = meedoen::app::openapi().to_pretty_json().unwrap();
    insta::assert_snapshot!("openapi", document);
}
