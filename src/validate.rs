//! Field checks shared by several features, so each rule lives in one place.

use unicode_normalization::UnicodeNormalization;

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

/// Whether `c` may be sent in any text: no control characters but line breaks and tabs, which
/// long texts may hold. NUL in particular: PostgreSQL cannot store it in text.
pub fn allowed_in_text(c: char) -> bool {
    !c.is_control() || matches!(c, '\n' | '\r' | '\t')
}

/// Characters that are not seen but change what is: bidirectional overrides, embeddings and
/// isolates, which can make "gpj.exe" show as "exe.jpg" (U+202E), and zero-width characters,
/// which make two names look the same while they differ.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{180E}')
}

/// A name or a title as shown to others: trimmed, NFC-normalised (so "é" typed two ways is one
/// name), on one line and without invisible characters. Length and emptiness are the caller's.
pub fn single_line(field: &str, raw: &str) -> Result<String, FieldError> {
    let text: String = raw.trim().nfc().collect();
    if text.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            ErrorCode::ControlCharacters,
            "Use one line, without tabs or control characters.",
        ));
    }
    if text.chars().any(invisible) {
        return Err(FieldError::new(
            field,
            ErrorCode::InvisibleCharacters,
            "Leave out invisible characters such as direction marks and zero-width spaces.",
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

    #[test]
    fn names_are_one_visible_line_in_one_form() {
        // "é" as e + combining accent becomes the single code point.
        assert_eq!(single_line("name", " Cafe\u{301} ").unwrap(), "Caf\u{e9}");
        for raw in ["Jan\nJansen", "Jan\tJansen", "Jan\u{0}", "Jan\rX"] {
            assert_eq!(
                single_line("name", raw).unwrap_err().code,
                ErrorCode::ControlCharacters,
                "{raw:?}"
            );
        }
        for raw in [
            "Jan\u{202E}gpj.exe",
            "Ja\u{200B}n",
            "\u{FEFF}Jan",
            "Jan\u{2066}x",
        ] {
            assert_eq!(
                single_line("name", raw).unwrap_err().code,
                ErrorCode::InvisibleCharacters,
                "{raw:?}"
            );
        }
        assert!(allowed_in_text('\n') && allowed_in_text('\t') && allowed_in_text('é'));
        assert!(
            !allowed_in_text('\u{0}') && !allowed_in_text('\u{7f}') && !allowed_in_text('\u{85}')
        );
    }
}
