//! Structured request logs. The root span records the path without its query string, because
//! links from our emails carry single-use tokens there and no token may reach a log line.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{Error, HttpMessage};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

use crate::config::{LogFormat, LogSettings};

pub struct QuietRootSpan;

impl RootSpanBuilder for QuietRootSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::info_span!(
            "http_request",
            method = %request.method(),
            path = %request.path(),
            request_id = %request_id,
            status = tracing::field::Empty,
            exception = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        if let Ok(response) = outcome {
            span.record("status", response.status().as_u16());
            // A client's mistake is the client's to read in the answer, not an operator's: at debug,
            // so a flood of bad tokens or wrong forms does not flood the log with warnings.
            if response.status().is_client_error() {
                if let Some(error) = response.response().error() {
                    tracing::debug!(parent: &span, %error, "client error");
                }
                return;
            }
        }
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// Installs the global log subscriber once (later calls, e.g. from tests, are ignored).
pub fn init(settings: &LogSettings) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new(&settings.level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match settings.format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Pretty => builder.compact().try_init(),
    };
}
