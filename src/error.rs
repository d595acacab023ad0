//! The one error type. Every error leaves the server as `application/problem+json` (RFC 9457) with a
//! snake_case `code` the SPA translates. This is the only place that maps diesel, pool and extractor
//! errors to HTTP.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// Seconds a client is asked to wait before retrying after a 503.
const RETRY_AFTER_UNAVAILABLE_SECS: u64 = 2;

/// Every code an answer can carry, in a problem's `code` or a field error's `code`. The web app's
/// error texts are typed by this list (from the OpenAPI document), so it has a Dutch and an English
/// text for each; docs/api.md lists them all.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ErrorCode {
    AlreadyExists,
    AttendanceLocked,
    AlreadyMember,
    AlreadySignedUp,
    BadRequest,
    BeforeStart,
    BelowAccepted,
    CompanionNotAllowed,
    ConstraintViolated,
    ControlCharacters,
    DistrictNotAssigned,
    DistrictNotServed,
    DistrictRetired,
    EmailNotVerified,
    InternalError,
    Invalid,
    InvalidCredentials,
    InvalidDate,
    InvalidEmail,
    InvalidParent,
    InvalidSession,
    InvalidSlot,
    InvalidWindow,
    InvisibleCharacters,
    LastOwner,
    ListedTwice,
    LinkInvalid,
    MalformedBody,
    MalformedJson,
    MethodNotAllowed,
    NoAccount,
    NotADistrict,
    NotAMember,
    NotAParticipant,
    NotFound,
    OccurrenceCancelled,
    OccurrenceNotStarted,
    OccurrencePast,
    OfferFull,
    OfferNotOpen,
    OrganisationNotVerified,
    OutOfRange,
    OwnerRequired,
    PasswordTooLong,
    PasswordTooShort,
    PasswordTooWeak,
    PayloadTooLarge,
    RateLimited,
    ReferralAnswered,
    ReferralClosed,
    ReferralExists,
    ReferralNotAccepted,
    ReferralRequired,
    RefreshTokenInvalid,
    RefreshTokenReused,
    Required,
    RoleRequired,
    ServiceUnavailable,
    SignupChangeNotAllowed,
    SignupChanged,
    SignupTransitionInvalid,
    SignupUnchanged,
    TagExists,
    TokenInvalid,
    TokenRevoked,
    TooLong,
    TooMany,
    Unauthenticated,
    UnknownField,
    UnknownOffer,
    UnknownReference,
    UnknownResident,
    UnknownTag,
    UnsupportedMediaType,
    ValidationFailed,
}

impl ErrorCode {
    /// The code as sent, e.g. `already_signed_up`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as sent, e.g. `password`.
    pub field: String,
    pub code: ErrorCode,
    /// An English explanation for developers; the SPA shows its own translation of `code`.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

/// Domain errors by name: each one's status, code and wording in one place, so call sites say
/// what went wrong instead of spelling out a code.
impl AppError {
    /// 403: The district is not one of the worker's.
    pub fn district_not_assigned() -> Self {
        Self::forbidden(ErrorCode::DistrictNotAssigned)
    }

    /// 403: The caller has not confirmed their address yet.
    pub fn email_not_verified() -> Self {
        Self::forbidden(ErrorCode::EmailNotVerified)
    }

    /// 403: The object is public, but the caller is not a member of its organisation.
    pub fn not_a_member() -> Self {
        Self::forbidden(ErrorCode::NotAMember)
    }

    /// 403: Only a verified organisation may do this.
    pub fn organisation_not_verified() -> Self {
        Self::forbidden(ErrorCode::OrganisationNotVerified)
    }

    /// 403: Only an owner of the organisation may do this.
    pub fn owner_required() -> Self {
        Self::forbidden(ErrorCode::OwnerRequired)
    }

    /// 403: The offer takes sign-ups through a referral only.
    pub fn referral_required() -> Self {
        Self::forbidden(ErrorCode::ReferralRequired)
    }

    /// 403: The caller lacks the role the endpoint needs.
    pub fn role_required() -> Self {
        Self::forbidden(ErrorCode::RoleRequired)
    }

    /// 403: The caller may not make this change to the sign-up.
    pub fn signup_change_not_allowed() -> Self {
        Self::forbidden(ErrorCode::SignupChangeNotAllowed)
    }

    /// 409: This person is a member already.
    pub fn already_member() -> Self {
        Self::conflict(ErrorCode::AlreadyMember, "This person is a member already.")
    }

    /// 409: Signed up for this offer already.
    pub fn already_signed_up() -> Self {
        Self::conflict(
            ErrorCode::AlreadySignedUp,
            "Signed up for this offer already.",
        )
    }

    /// 409: An organisation needs at least one owner.
    pub fn last_owner() -> Self {
        Self::conflict(
            ErrorCode::LastOwner,
            "An organisation needs at least one owner.",
        )
    }

    /// 409: There is no free place left.
    pub fn offer_full() -> Self {
        Self::conflict(ErrorCode::OfferFull, "There is no free place left.")
    }

    /// 409: This offer takes no sign-ups now.
    pub fn offer_not_open() -> Self {
        Self::conflict(ErrorCode::OfferNotOpen, "This offer takes no sign-ups now.")
    }

    /// 409: This referral has an answer already.
    pub fn referral_answered() -> Self {
        Self::conflict(
            ErrorCode::ReferralAnswered,
            "This referral has an answer already.",
        )
    }

    /// 409: The referral was closed already.
    pub fn referral_closed() -> Self {
        Self::conflict(
            ErrorCode::ReferralClosed,
            "This referral is closed already.",
        )
    }

    /// 409: Only an accepted referral has a follow-up.
    pub fn referral_not_accepted() -> Self {
        Self::conflict(
            ErrorCode::ReferralNotAccepted,
            "The resident has not accepted this referral.",
        )
    }

    /// 409: This offer was proposed to this resident already.
    pub fn referral_exists() -> Self {
        Self::conflict(
            ErrorCode::ReferralExists,
            "This offer was proposed to this resident already.",
        )
    }

    /// 409: The sign-up changed meanwhile; reload it.
    pub fn signup_changed() -> Self {
        Self::conflict(
            ErrorCode::SignupChanged,
            "The sign-up changed meanwhile; reload it.",
        )
    }

    /// 409: The sign-up has this status already.
    pub fn signup_unchanged() -> Self {
        Self::conflict(
            ErrorCode::SignupUnchanged,
            "The sign-up has this status already.",
        )
    }

    /// 409: A tag with this kind and key exists already.
    pub fn tag_exists() -> Self {
        Self::conflict(
            ErrorCode::TagExists,
            "A tag with this kind and key exists already.",
        )
    }

    /// 409: The occurrence is cancelled already.
    pub fn occurrence_cancelled() -> Self {
        Self::conflict(
            ErrorCode::OccurrenceCancelled,
            "This meeting is cancelled already.",
        )
    }

    /// 409: Attendance of an occurrence more than 14 days ago is locked.
    pub fn attendance_locked() -> Self {
        Self::conflict(
            ErrorCode::AttendanceLocked,
            "Attendance can be changed for 14 days after a meeting; this one is locked.",
        )
    }

    /// 409: The occurrence has not started yet, so nobody can have come.
    pub fn occurrence_not_started() -> Self {
        Self::conflict(
            ErrorCode::OccurrenceNotStarted,
            "This meeting has not started yet.",
        )
    }

    /// 409: The occurrence has started or is over.
    pub fn occurrence_past() -> Self {
        Self::conflict(
            ErrorCode::OccurrencePast,
            "This meeting has started or is over.",
        )
    }

    /// 409: a sign-up cannot go from one status to the other.
    pub fn signup_transition_invalid(
        from: impl std::fmt::Display,
        to: impl std::fmt::Display,
    ) -> Self {
        Self::conflict(
            ErrorCode::SignupTransitionInvalid,
            format!("A sign-up that is {from} cannot become {to}."),
        )
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        Self::Validation(vec![error])
    }
}

/// Collects every wrong field of a request, so that one answer names them all (422
/// `validation_failed`). The one way features check input: `add` a rule's error, `check` a field
/// helper's result, `absorb` a rule from elsewhere that may also fail otherwise, and `finish`.
#[derive(Debug, Default)]
#[must_use = "finish() turns the collected errors into the answer"]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, code: ErrorCode, message: impl Into<String>) {
        self.0.push(FieldError::new(field, code, message));
    }

    /// The value of a field check, or `None` with its error kept.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|error| self.0.push(error)).ok()
    }

    /// A rule that may fail on fields (kept) or for another reason (passed on at once).
    pub fn absorb<T>(&mut self, result: Result<T, AppError>) -> Result<Option<T>, AppError> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(AppError::Validation(fields)) => {
                self.0.extend(fields);
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }

    /// Whether a field has an error already (to report one problem per field).
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|error| error.field == field)
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self.0))
        }
    }
}

/// Problem details as sent to clients.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "about:blank")]
    pub r#type: String,
    #[schema(example = "Unprocessable Content")]
    pub title: String,
    #[schema(example = 422)]
    pub status: u16,
    #[schema(example = "Some fields are not valid.")]
    pub detail: String,
    /// Stable snake_case key for this kind of problem.
    pub code: ErrorCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("bad request: {detail}")]
    BadRequest { code: ErrorCode, detail: String },
    #[error("unauthenticated: {code:?}")]
    Unauthenticated { code: ErrorCode },
    #[error("forbidden: {code:?}")]
    Forbidden { code: ErrorCode },
    #[error("not found")]
    NotFound,
    #[error("conflict: {code:?}")]
    Conflict { code: ErrorCode, detail: String },
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable")]
    Unavailable,
    /// The cause is logged, never sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }

    pub fn field(field: &str, code: ErrorCode, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn unauthenticated() -> Self {
        Self::Unauthenticated {
            code: ErrorCode::Unauthenticated,
        }
    }

    pub fn forbidden(code: ErrorCode) -> Self {
        Self::Forbidden { code }
    }

    pub fn conflict(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self::Conflict {
            code,
            detail: detail.into(),
        }
    }

    pub fn bad_request(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self::BadRequest {
            code,
            detail: detail.into(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Validation(_) => ErrorCode::ValidationFailed,
            Self::BadRequest { code, .. }
            | Self::Unauthenticated { code }
            | Self::Forbidden { code }
            | Self::Conflict { code, .. } => *code,
            Self::NotFound => ErrorCode::NotFound,
            Self::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            Self::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            Self::TooManyRequests { .. } => ErrorCode::RateLimited,
            Self::Unavailable => ErrorCode::ServiceUnavailable,
            Self::Internal(_) => ErrorCode::InternalError,
        }
    }

    fn detail(&self) -> String {
        match self {
            Self::Validation(_) => "Some fields are not valid.".into(),
            Self::BadRequest { detail, .. } | Self::Conflict { detail, .. } => detail.clone(),
            Self::Unauthenticated { code } => match *code {
                ErrorCode::InvalidCredentials => {
                    "The email address or the password is not right.".into()
                }
                ErrorCode::RefreshTokenReused => {
                    "This session was ended because a used token came back. Sign in again.".into()
                }
                ErrorCode::RefreshTokenInvalid | ErrorCode::TokenRevoked => {
                    "This session has ended. Sign in again.".into()
                }
                _ => "Sign in to continue.".into(),
            },
            Self::Forbidden { .. } => "You may not do this.".into(),
            Self::NotFound => "There is nothing here.".into(),
            Self::PayloadTooLarge => "The request body is too large.".into(),
            Self::UnsupportedMediaType => "Send the body as application/json.".into(),
            Self::TooManyRequests { .. } => {
                "Too many attempts. Wait a moment and try again.".into()
            }
            Self::Unavailable => {
                "The service is busy or its database is unreachable. Try again shortly.".into()
            }
            Self::Internal(_) => "Something went wrong on our side.".into(),
        }
    }
}

/// Builds a problem+json response with the canonical title for `status`.
pub fn problem_response(
    status: StatusCode,
    code: ErrorCode,
    detail: String,
    errors: Option<Vec<FieldError>>,
) -> HttpResponse {
    let body = Problem {
        r#type: "about:blank".into(),
        title: status.canonical_reason().unwrap_or("Error").into(),
        status: status.as_u16(),
        detail,
        code,
        errors,
    };
    HttpResponse::build(status)
        .insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        ))
        .json(body)
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::Unauthenticated { .. } => StatusCode::UNAUTHORIZED,
            Self::Forbidden { .. } => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            // Logged inside the request's span, so the line carries the request id.
            tracing::error!(%cause, "internal error");
        }
        let errors = match self {
            Self::Validation(fields) => Some(fields.clone()),
            _ => None,
        };
        let mut response = problem_response(self.status_code(), self.code(), self.detail(), errors);
        let retry_after = match self {
            Self::TooManyRequests { retry_after_secs } => Some((*retry_after_secs).max(1)),
            Self::Unavailable => Some(RETRY_AFTER_UNAVAILABLE_SECS),
            _ => None,
        };
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if matches!(self, Self::Unauthenticated { .. }) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as Kind, Error};
        match &error {
            Error::NotFound => Self::NotFound,
            Error::DatabaseError(Kind::UniqueViolation, _) => {
                Self::conflict(ErrorCode::AlreadyExists, "This already exists.")
            }
            Error::DatabaseError(Kind::ForeignKeyViolation, _) => Self::field(
                "reference",
                ErrorCode::UnknownReference,
                "Refers to something that does not exist.",
            ),
            Error::DatabaseError(Kind::CheckViolation, _) => Self::conflict(
                ErrorCode::ConstraintViolated,
                "This change breaks a rule of the data.",
            ),
            Error::DatabaseError(Kind::NotNullViolation, _) => {
                Self::field("body", ErrorCode::Required, "A required value is missing.")
            }
            _ if database_unavailable(&error) => {
                // Not a bug in the request, but operators want to see it.
                tracing::warn!(%error, "database unavailable");
                Self::Unavailable
            }
            _ => Self::internal(error),
        }
    }
}

/// The database cannot do the work now, whatever the request: answered 503 with Retry-After, so
/// clients and load balancers retry instead of reporting a bug.
fn database_unavailable(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind as Kind, Error};
    match error {
        Error::DatabaseError(
            Kind::SerializationFailure
            | Kind::ClosedConnection
            | Kind::UnableToSendCommand
            | Kind::ReadOnlyTransaction,
            _,
        )
        | Error::BrokenTransactionManager => true,
        // SQLite rolls a whole transaction back by itself when the disk is full, on an I/O error
        // or out of memory; diesel then finds its savepoint or transaction gone, and that error
        // replaces the first.
        Error::NotInTransaction => true,
        Error::DatabaseError(_, info) => is_unavailable(info.message()),
        Error::RollbackErrorOnCommit { commit_error, .. } => database_unavailable(commit_error),
        _ => false,
    }
}

/// Errors diesel has no kind for that say the database, not the request, is the problem. SQLite's
/// messages are fixed English (sqlite3_errstr); PostgreSQL's follow the server's `lc_messages`, so
/// these match only an English-speaking server. Connection loss has a kind of its own on both.
fn is_unavailable(message: &str) -> bool {
    const SIGNS: &[&str] = &[
        // SQLite: a lock not had within the busy timeout, a full disk (or `max_page_count`), a
        // file that cannot be written or read.
        "database is locked",
        "database is busy",
        "database table is locked",
        "database or disk is full",
        "attempt to write a readonly database",
        "disk I/O error",
        "unable to open database file",
        "no such savepoint",
        // PostgreSQL: disk full (53100), out of memory (53200), too many connections (53300),
        // shutting down or starting up (57P01–57P03), a standby that takes no writes (25006).
        "No space left on device",
        "could not extend file",
        "out of memory",
        "too many clients",
        "remaining connection slots",
        "terminating connection",
        "the database system is",
        "read-only transaction",
    ];
    SIGNS.iter().any(|sign| message.contains(sign))
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(_: diesel::r2d2::PoolError) -> Self {
        Self::Unavailable
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(error: actix_web::error::BlockingError) -> Self {
        Self::internal(error)
    }
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;

    #[test]
    fn codes_are_sent_as_named() {
        for code in ErrorCode::VARIANTS {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::from(code.as_str())
            );
        }
    }

    /// The document lists every code: the web app's error texts are typed by that list, and its
    /// unit test (frontend/src/i18n/errors.test.ts) fails when a code lacks a Dutch or English text.
    #[test]
    fn the_openapi_document_lists_every_code() {
        let document = serde_json::to_value(crate::app::openapi()).unwrap();
        let listed = &document["components"]["schemas"]["ErrorCode"]["enum"];
        let all: Vec<&str> = ErrorCode::VARIANTS
            .iter()
            .map(|code| code.as_str())
            .collect();
        assert_eq!(listed, &serde_json::json!(all));
    }

    /// docs/api.md's "Error codes" section has a row for every code, and none for a code that is gone.
    #[test]
    fn the_api_guide_lists_every_code() {
        let guide = include_str!("../docs/api.md");
        let section = &guide[guide.find("## Error codes").expect("the section")..];
        let listed: std::collections::BTreeSet<&str> = section
            .lines()
            .filter_map(|line| line.strip_prefix("| `")?.split('`').next())
            .collect();
        let all: std::collections::BTreeSet<&str> = ErrorCode::VARIANTS
            .iter()
            .map(|code| code.as_str())
            .collect();
        assert_eq!(listed, all);
    }
}
