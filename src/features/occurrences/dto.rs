//! Wire types of the occurrence endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The days to list, in Dutch local dates; at most 92 days (both included).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OccurrenceQuery {
    /// `YYYY-MM-DD`, the first day.
    pub from: String,
    /// `YYYY-MM-DD`, the last day.
    pub to: String,
}

/// One meeting of an offer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OccurrenceResponse {
    /// Stable as long as the occurrence does not move: made from the offer and the start.
    #[schema(example = "01a21293-8713-72e5-a580-9c853e120158_20270105T0830Z")]
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub cancelled: bool,
    /// Why it was cancelled (only when cancelled).
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OccurrenceList {
    pub items: Vec<OccurrenceResponse>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelOccurrenceRequest {
    /// Told to everyone accepted; 1 to 500 characters.
    #[schema(example = "De tuin staat onder water.")]
    pub reason: String,
}

/// An extra meeting (it becomes one of the offer's dated sessions).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddOccurrenceRequest {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}
