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
