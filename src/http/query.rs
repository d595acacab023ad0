//! `QueryList<T>`: query strings with repeatable keys (`?tag=a&tag=b` into a `Vec`), which actix's
//! own `Query` cannot read. Errors name the parameter, like body errors do.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Ready, ready};
use serde::de::DeserializeOwned;

use crate::error::{AppError, ErrorCode, FieldError};

pub struct QueryList<T>(pub T);

impl<T: DeserializeOwned> FromRequest for QueryList<T> {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if let Some(error) = control_character(req.query_string()) {
            return ready(Err(error));
        }
        let deserializer = serde_html_form::Deserializer::from_bytes(req.query_string().as_bytes());
        let result = serde_path_to_error::deserialize::<_, T>(deserializer)
            .map(QueryList)
            .map_err(|err| {
                let path = err.path().to_string();
                let message = err.inner().to_string();
                // A missing or unknown field is reported on its parent; serde names it in backquotes.
                let field = if path == "." || path.is_empty() {
                    message.split('`').nth(1).unwrap_or("query").to_string()
                } else {
                    path
                };
                AppError::Validation(vec![FieldError::new(
                    &field,
                    ErrorCode::Invalid,
                    "This query parameter is not valid.",
                )])
            });
        ready(result)
    }
}

/// A parameter holding a control character (`?q=%00`) is refused, naming the parameter: a query
/// parameter is one line, and PostgreSQL cannot store or compare NUL at all.
fn control_character(query: &str) -> Option<AppError> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(key, value)| key.chars().chain(value.chars()).any(char::is_control))
        .map(|(key, _)| {
            let field = if key.chars().any(char::is_control) {
                "query".to_string()
            } else {
                key.into_owned()
            };
            AppError::field(
                &field,
                ErrorCode::ControlCharacters,
                "Leave out control characters.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_parameter_with_a_control_character() {
        let field = |query| match control_character(query) {
            Some(AppError::Validation(fields)) => Some(fields[0].field.clone()),
            _ => None,
        };
        assert_eq!(field("q=%00"), Some("q".into()));
        assert_eq!(field("district=x&tag=a%0Ab"), Some("tag".into()));
        assert_eq!(field("%00=x"), Some("query".into()));
        assert_eq!(field("q=caf%C3%A9+tuin&limit=20"), None);
    }
}
