//! Wire types of the participation endpoints.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::ids::{OfferId, OrganisationId};
use crate::features::attendance::models::AttendanceStatus;
use crate::features::offers::models::OfferKind;

/// The period, in Dutch local dates (both included); at most 366 days.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PeriodQuery {
    /// `YYYY-MM-DD`, the first day.
    pub from: String,
    /// `YYYY-MM-DD`, the last day.
    pub to: String,
}

/// What a resident did at one offer in the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferParticipation {
    pub offer_id: OfferId,
    pub offer_title: String,
    pub kind: OfferKind,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub sessions_present: u32,
    pub hours: f64,
}

/// What a resident did in one month of the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthParticipation {
    /// `YYYY-MM`.
    #[schema(example = "2026-11")]
    pub month: String,
    pub sessions_present: u32,
    pub hours: f64,
}

/// One occurrence of the resident's, with what was recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceRecord {
    pub occurrence_id: String,
    pub offer_id: OfferId,
    pub offer_title: String,
    pub starts_at: DateTime<Utc>,
    pub status: AttendanceStatus,
    pub hours: f64,
}

/// A resident's participation in a period: totals, per offer, per month and each record.
#[derive(Debug, Serialize, ToSchema)]
pub struct Participation {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub sessions_present: u32,
    pub hours: f64,
    pub items: Vec<OfferParticipation>,
    pub months: Vec<MonthParticipation>,
    /// Newest first.
    pub records: Vec<AttendanceRecord>,
}

/// One occurrence that took place, in an offer's overview.
#[derive(Debug, Serialize, ToSchema)]
pub struct HeldOccurrence {
    pub occurrence_id: String,
    pub starts_at: DateTime<Utc>,
    /// People with a place then: everyone recorded, and accepted sign-ups not yet recorded.
    pub expected: u32,
    pub present: u32,
    pub absent: u32,
    pub excused: u32,
    /// Expected but nothing recorded yet.
    pub unrecorded: u32,
    pub hours: f64,
}

/// An offer's attendance in a period, for its organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferOverview {
    pub offer_id: OfferId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Occurrences that started in the period and were not cancelled.
    pub occurrences_held: u32,
    pub expected: u32,
    pub present: u32,
    /// Absent without saying so beforehand.
    pub no_shows: u32,
    pub excused: u32,
    pub unrecorded: u32,
    pub hours: f64,
    /// Oldest first.
    pub occurrences: Vec<HeldOccurrence>,
}
