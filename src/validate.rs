//! Field checks shared by several features, so each rule lives in one place.

use crate::auth::normalize_email;
use crate::error::{ErrorCode, FieldError};

const MAX_EMAIL_CHARS: usize = 254;

/// A valid email address, trimmed and lower-cased.
pub fn email(field: &str, raw: &str) -> Result<String, FieldError> {
    let email = normalize_email(raw);
    if email.len() > MAX_EMAIL_CHARS || email.parse::<lettre::Address>().is_err() {
        return Err(FieldError::new(
            field,
            ErrorCode::InvalidEmail,
            "This is not a valid email address.",
        ));
    }
    Ok(email)
}

/// An optional phone number: digits, spaces and `+-()`, at least six digits; empty means none.
pub fn phone(field: &str, raw: Option<&str>) -> Result<Option<String>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(phone)
            if phone.len() <= 30
                && phone.chars().filter(char::is_ascii_digit).count() >= 6
                && phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-()".contains(c)) =>
        {
            Ok(Some(phone.to_string()))
        }
        Some(_) => Err(FieldError::new(
            field,
            ErrorCode::Invalid,
            "Use a phone number such as 06 12345678.",
        )),
    }
}

/// How long a free-text message may be (a sign-up message, a worker's note, a reason).
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// An optional free text: trimmed, empty means none, at most [`MAX_MESSAGE_CHARS`] characters.
pub fn optional_message(field: &str, raw: Option<String>) -> Result<Option<String>, FieldError> {
    let text = raw.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    if text
        .as_ref()
        .is_some_and(|t| t.chars().count() > MAX_MESSAGE_CHARS)
    {
        return Err(FieldError::new(
            field,
            ErrorCode::TooLong,
            format!("Use at most {MAX_MESSAGE_CHARS} characters."),
        ));
    }
    Ok(text)
}

/// A `LIKE` pattern that finds `word` anywhere, with `%`, `_` and `\` taken literally (use with
/// `.escape('\\')`).
pub fn contains_pattern(word: &str) -> String {
    format!(
        "%{}%",
        word.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_phones_and_patterns() {
        assert_eq!(
            email("email", " Jan@Example.NL ").unwrap(),
            "jan@example.nl"
        );
        assert_eq!(
            email("email", "nope").unwrap_err().code,
            ErrorCode::InvalidEmail
        );
        assert_eq!(
            phone("phone", Some(" 0591 123456 ")).unwrap().as_deref(),
            Some("0591 123456")
        );
        assert_eq!(phone("phone", Some("  ")).unwrap(), None);
        assert_eq!(
            phone("contact_phone", Some("12ab")).unwrap_err().field,
            "contact_phone"
        );
        assert_eq!(contains_pattern("100%_a\\b"), "%100\\%\\_a\\\\b%");
    }
}
