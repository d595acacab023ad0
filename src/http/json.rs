//! `JsonBody<T>`: a JSON request body whose errors name the field. Malformed JSON is a 400,
//! a body of the wrong shape a 422 naming the field, a wrong content type 415, a large body 413.

use actix_web::dev::Payload;
use actix_web::error::JsonPayloadError;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use super::MAX_BODY_BYTES;
use crate::error::{AppError, ErrorCode, FieldError};

pub struct JsonBody<T>(pub T);

impl<T> JsonBody<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<mime::Mime>().ok())
            .is_some_and(|mime| {
                mime.type_() == mime::APPLICATION
                    && (mime.subtype() == mime::JSON || mime.suffix() == Some(mime::JSON))
            });
        let too_large = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<usize>().ok())
            .is_some_and(|length| length > MAX_BODY_BYTES);
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if too_large {
                return Err(AppError::PayloadTooLarge);
            }
            if !is_json {
                return Err(AppError::UnsupportedMediaType);
            }
            let bytes = bytes.await.map_err(|err| {
                if err.as_response_error().status_code()
                    == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE
                {
                    AppError::PayloadTooLarge
                } else {
                    AppError::bad_request(
                        ErrorCode::MalformedBody,
                        "The request body could not be read.",
                    )
                }
            })?;
            parse(&bytes).map(JsonBody)
        })
    }
}

/// Parses JSON, reporting the path of a field that has the wrong type or value.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                let (field, code) = field_and_code(&path, &inner.to_string());
                AppError::Validation(vec![FieldError::new(
                    &field,
                    code,
                    describe(&inner.to_string()),
                )])
            }
            _ => AppError::bad_request(
                ErrorCode::MalformedJson,
                "The request body is not valid JSON.",
            ),
        }
    })?;
    deserializer.end().map_err(|_| {
        AppError::bad_request(
            ErrorCode::MalformedJson,
            "The request body is not valid JSON.",
        )
    })?;
    Ok(value)
}

/// serde reports a missing field on its parent; name the missing field itself.
fn field_and_code(path: &str, message: &str) -> (String, ErrorCode) {
    if let Some(rest) = message.strip_prefix("missing field `")
        && let Some(name) = rest.split('`').next()
    {
        let field = if path == "." {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        return (field, ErrorCode::Required);
    }
    if message.starts_with("unknown field") {
        return (path.to_string(), ErrorCode::UnknownField);
    }
    (path.to_string(), ErrorCode::Invalid)
}

/// serde's message without the offending value (it might be a password sent as a number) and
/// without the position: only what was expected.
fn describe(message: &str) -> String {
    let message = message
        .find(" at line ")
        .map_or(message, |index| &message[..index]);
    if message.starts_with("missing field") {
        return "This field is required.".into();
    }
    if message.starts_with("unknown field") {
        return "This field is not known.".into();
    }
    match message.split_once(", expected ") {
        Some((_, expected)) => format!("Expected {expected}."),
        None => "This value is not valid.".into(),
    }
}

/// Maps actix's own JSON extractor errors (used by no handler of ours, but kept consistent).
pub fn map_json_error(err: &JsonPayloadError) -> AppError {
    match err {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            AppError::PayloadTooLarge
        }
        JsonPayloadError::ContentType => AppError::UnsupportedMediaType,
        _ => AppError::bad_request(
            ErrorCode::MalformedJson,
            "The request body is not valid JSON.",
        ),
    }
}

/// For PATCH fields that can be cleared: absent → `None`, `null` → `Some(None)`, a value →
/// `Some(Some(v))`. Use with `#[serde(default, deserialize_with = "…")]`.
pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    serde::Deserialize::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        age: u8,
    }

    fn field_of(result: Result<Sample, AppError>) -> (String, ErrorCode) {
        match result.unwrap_err() {
            AppError::Validation(fields) => (fields[0].field.clone(), fields[0].code),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn names_the_wrong_field() {
        assert_eq!(
            field_of(parse(br#"{"name": "a", "age": "x"}"#)),
            ("age".into(), ErrorCode::Invalid)
        );
        assert_eq!(
            field_of(parse(br#"{"name": "a"}"#)),
            ("age".into(), ErrorCode::Required)
        );
        assert_eq!(
            field_of(parse(br#"{"name": "a", "age": 1, "x": 2}"#)),
            ("x".into(), ErrorCode::UnknownField)
        );
        assert!(matches!(
            parse::<Sample>(b"{nope"),
            Err(AppError::BadRequest {
                code: ErrorCode::MalformedJson,
                ..
            })
        ));
        assert!(matches!(
            parse::<Sample>(br#"{"name":"a","age":1} x"#),
            Err(AppError::BadRequest { .. })
        ));
    }
}
