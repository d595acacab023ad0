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
                // Only data errors get here, so the body is valid JSON.
                let body = serde_json::from_slice(bytes).unwrap_or_default();
                field_error::<T>(&body, &path, &inner.to_string())
            }
            _ => malformed(),
        }
    })?;
    deserializer.end().map_err(|_| malformed())?;
    Ok(value)
}

/// Reads a value already parsed (a PATCH merged into what is stored) as `parse` reads a body.
pub fn from_value<T: DeserializeOwned>(body: serde_json::Value) -> Result<T, AppError> {
    serde_path_to_error::deserialize(&body).map_err(|err| {
        let path = err.path().to_string();
        field_error::<T>(&body, &path, &err.into_inner().to_string())
    })
}

fn malformed() -> AppError {
    AppError::bad_request(
        ErrorCode::MalformedJson,
        "The request body is not valid JSON.",
    )
}

fn field_error<T: DeserializeOwned>(
    body: &serde_json::Value,
    path: &str,
    message: &str,
) -> AppError {
    let (mut field, code) = field_and_code(path, message);
    if field == "." {
        field = flattened_field::<T>(body, message).unwrap_or(field);
    }
    AppError::Validation(vec![FieldError::new(&field, code, describe(message))])
}

/// serde reads `#[serde(flatten)]` fields from a buffer and so loses their path: a wrong value
/// there is reported on the whole body. Among the body's fields that belong to a flattened struct
/// (a value no field accepts is then also reported without a path), the wrong one is the one whose
/// absence changes the error.
fn flattened_field<T: DeserializeOwned>(body: &serde_json::Value, message: &str) -> Option<String> {
    let object = body.as_object()?;
    let message = without_position(message);
    let error_with = |change: &dyn Fn(&mut serde_json::Map<String, serde_json::Value>)| {
        let mut changed = object.clone();
        change(&mut changed);
        serde_path_to_error::deserialize::<_, T>(serde_json::Value::Object(changed)).err()
    };
    object
        .keys()
        .filter(|key| {
            let unacceptable = serde_json::json!({ "": [] });
            error_with(&|body| {
                body.insert((*key).clone(), unacceptable.clone());
            })
            .is_some_and(|error| error.path().to_string() == ".")
        })
        .find(|key| {
            error_with(&|body| {
                body.remove(*key);
            })
            .is_none_or(|error| without_position(&error.into_inner().to_string()) != message)
        })
        .cloned()
}

fn without_position(message: &str) -> &str {
    message
        .find(" at line ")
        .map_or(message, |index| &message[..index])
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
    if let Some(rest) = message.strip_prefix("unknown field `") {
        // With flattened fields serde reports an unknown field on its parent.
        let field = match rest.split('`').next() {
            Some(name) if path == "." => name.to_string(),
            _ => path.to_string(),
        };
        return (field, ErrorCode::UnknownField);
    }
    (path.to_string(), ErrorCode::Invalid)
}

/// serde's message without the offending value (it might be a password sent as a number) and
/// without the position: only what was expected.
fn describe(message: &str) -> String {
    let message = without_position(message);
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

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct WithFlattened {
        id: String,
        #[serde(flatten)]
        inner: Inner,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        count: i32,
        skills: Vec<String>,
        note: Option<String>,
    }

    #[test]
    fn names_a_wrong_field_inside_a_flattened_struct() {
        let cases: [(&[u8], (&str, ErrorCode)); 5] = [
            (
                br#"{"id": "a", "count": 1, "skills": [1], "note": null}"#,
                ("skills", ErrorCode::Invalid),
            ),
            (
                br#"{"id": "a", "count": "x", "skills": [], "note": null}"#,
                ("count", ErrorCode::Invalid),
            ),
            (
                br#"{"id": "a", "count": 1, "skills": [], "note": 5}"#,
                ("note", ErrorCode::Invalid),
            ),
            (
                br#"{"id": "a", "skills": [], "note": null}"#,
                ("count", ErrorCode::Required),
            ),
            (
                br#"{"id": "a", "count": 1, "skills": [], "note": null, "x": 1}"#,
                ("x", ErrorCode::UnknownField),
            ),
        ];
        for (body, (field, code)) in cases {
            assert_eq!(
                field_of_flattened(parse(body)),
                (field.to_string(), code),
                "{}",
                String::from_utf8_lossy(body)
            );
            let value: serde_json::Value = serde_json::from_slice(body).unwrap();
            assert_eq!(
                field_of_flattened(from_value(value)),
                (field.to_string(), code)
            );
        }
    }

    fn field_of_flattened(result: Result<WithFlattened, AppError>) -> (String, ErrorCode) {
        match result.unwrap_err() {
            AppError::Validation(fields) => (fields[0].field.clone(), fields[0].code),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }
}
