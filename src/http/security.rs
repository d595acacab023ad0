//! Security headers and CORS.

use actix_cors::Cors;
use actix_web::http::{Method, header};
use actix_web::middleware::DefaultHeaders;

/// Sent on every response. The CSP allows only our own scripts; inline styles are allowed because
/// the NL Design System components and the API docs page set some. Images may also come from the
/// hosts of the configured map tiles and logo (`extra_image_urls`), nothing else.
pub fn headers(extra_image_urls: &[&str]) -> DefaultHeaders {
    let mut image_sources = String::from("'self' data:");
    for origin in extra_image_urls.iter().filter_map(|url| origin_of(url)) {
        if !image_sources.contains(&origin) {
            image_sources.push(' ');
            image_sources.push_str(&origin);
        }
    }
    DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            format!(
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {image_sources}; \
                 font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
                 frame-ancestors 'none'"
            ),
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
}

/// `https://host[:port]` of an absolute http(s) URL; None for paths and anything else.
fn origin_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return None;
    }
    Some(parsed.origin().ascii_serialization()).filter(|origin| origin != "null")
}

/// API answers hold personal data: no cache may keep them.
pub fn no_store() -> DefaultHeaders {
    DefaultHeaders::new().add((header::CACHE_CONTROL, "no-store"))
}

/// Cross-origin calls only from the configured origins (the SPA itself is same-origin).
pub fn cors(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allowed_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT])
        .expose_headers([header::RETRY_AFTER])
        .max_age(3600);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn image_origins_come_from_absolute_urls_only() {
        assert_eq!(
            origin_of("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png")
                .as_deref(),
            Some("https://service.pdok.nl")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:9000/{z}/{x}/{y}.png").as_deref(),
            Some("http://127.0.0.1:9000")
        );
        assert_eq!(origin_of("/themes/emmen/logo.svg"), None);
        assert_eq!(origin_of(""), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
    }
}
