//! Wire types of participation statements.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::features::offers::models::OfferKind;
use crate::locale::Locale;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateStatementRequest {
    /// `YYYY-MM-DD`, the first day of the period.
    pub from: String,
    /// `YYYY-MM-DD`, the last day (at most 366 days after `from`).
    pub to: String,
    /// The language of the PDF; Dutch when left out.
    #[serde(default)]
    pub lang: Option<Locale>,
}

/// One activity on a statement.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatementLine {
    pub organisation_name: String,
    pub offer_title: String,
    pub kind: OfferKind,
    pub sessions_present: u32,
    pub hours: f64,
}

/// What a statement says, fixed when it was made.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatementFigures {
    pub sessions_present: u32,
    pub hours: f64,
    pub items: Vec<StatementLine>,
}

/// A statement as its resident sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyStatement {
    /// The verification code printed on the PDF.
    #[schema(example = "7K4PQ-2XWM9")]
    pub code: String,
    /// Where the resident downloads the PDF (with their bearer token).
    pub pdf_url: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lang: Locale,
    pub created_at: DateTime<Utc>,
    pub revoked: bool,
    pub sessions_present: u32,
    pub hours: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyStatementList {
    /// Newest first.
    pub items: Vec<MyStatement>,
}

/// A statement checked by its code: the same figures as the PDF, so a klantmanager can see it is
/// genuine.
#[derive(Debug, Serialize, ToSchema)]
pub struct VerifiedStatement {
    pub code: String,
    pub resident_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub issued_at: DateTime<Utc>,
    #[serde(flatten)]
    pub figures: StatementFigures,
}
