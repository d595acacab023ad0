//! Serves the built SPA with fallback to index.html for client-side routes, or a placeholder page
//! while the SPA has not been built.

use std::path::PathBuf;

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::{HttpResponse, http::header};

use super::fallback::RouteTable;

const PLACEHOLDER: &str = r#"<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Meedoen</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.5">
<h1>Meedoen</h1>
<p>Vind vrijwilligerswerk, stadslandbouw en dagactiviteiten in je eigen wijk.</p>
<p>De webapp is nog niet gebouwd. De API draait wel: bekijk de <a href="/api/docs/">API-documentatie</a>.</p>
</body>
</html>
"#;

/// The SPA's files, with every unknown path answered by index.html (React Router takes it from there).
/// Unknown paths under /api are not the SPA's: they get a problem+json 404 or 405.
pub fn service(static_dir: PathBuf, routes: RouteTable) -> Files {
    let index = static_dir.join("index.html");
    Files::new("/", static_dir)
        .index_file("index.html")
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            let routes = routes.clone();
            async move {
                let (req, _) = req.into_parts();
                if req.path().starts_with("/api/") {
                    let response = routes.respond(&req);
                    return Ok(ServiceResponse::new(req, response));
                }
                let file = NamedFile::open(&index)?;
                let response = file.into_response(&req);
                Ok(ServiceResponse::new(req, response))
            }
        }))
}

pub async fn placeholder() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .body(PLACEHOLDER)
}
