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

/// Parses JSON, reporting the path of a field that has the wrong type or value, or that holds a
/// control character.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    refuse_control_characters(bytes)?;
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

/// Refuses a body with a control character other than a line break or a tab in any string, naming
/// the first such field. Nothing reaches a handler, so no feature can forget the check.
fn refuse_control_characters(bytes: &[u8]) -> Result<(), AppError> {
    if !may_hold_control_characters(bytes) {
        return Ok(());
    }
    // Not JSON: the parse that follows says so.
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Ok(());
    };
    match first_control_character(&value, String::new()) {
        None => Ok(()),
        Some(path) => Err(AppError::field(
            if path.is_empty() { "body" } else { &path },
            ErrorCode::ControlCharacters,
            "Leave out control characters; only line breaks and tabs are allowed.",
        )),
    }
}

/// A quick look that lets nearly every body skip the walk: in valid JSON a control character is
/// an escape (`\u0000`, `\b`, `\f`, …), or DEL or a C1 character written out.
fn may_hold_control_characters(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|pair| {
        matches!(pair, [b'\\', b'u' | b'b' | b'f'] | [0xC2, 0x80..=0x9F]) || pair[0] == 0x7F
    })
}

/// The path (`items[0].note`) of the first string that holds a character not allowed in text.
fn first_control_character(value: &serde_json::Value, path: String) -> Option<String> {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        serde_json::Value::String(text) => {
            (!text.chars().all(crate::validate::allowed_in_text)).then_some(path)
        }
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| first_control_character(item, format!("{path}[{index}]"))),
        serde_json::Value::Object(fields) => fields
            .iter()
            .find_map(|(key, item)| first_control_character(item, join(key))),
        _ => None,
    }
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

    #[test]
    fn names_the_field_with_a_control_character() {
        assert_eq!(
            field_of(parse(br#"{"name": "a\u0000b", "age": 1}"#)),
            ("name".into(), ErrorCode::ControlCharacters)
        );
        assert_eq!(
            field_of(parse(br#"{"name": "a\u001bb", "age": "x"}"#)),
            ("name".into(), ErrorCode::ControlCharacters)
        );
        let nested: Result<serde_json::Value, _> =
            parse(br#"{"items": [{"note": "ok"}, {"note": "x\u0085"}]}"#);
        match nested.unwrap_err() {
            AppError::Validation(fields) => assert_eq!(fields[0].field, "items[1].note"),
            other => panic!("{other:?}"),
        }
        // Line breaks, tabs and an escaped backslash before a "u" are text.
        let fine: serde_json::Value =
            parse(br#"{"text": "line\none\r\n\tend \\u0000 \u00e9"}"#).unwrap();
        assert_eq!(fine["text"], "line\none\r\n\tend \\u0000 \u{e9}");
    }
}
