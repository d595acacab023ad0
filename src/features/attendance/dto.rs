//! Wire types of the attendance endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::models::AttendanceStatus;
use crate::db::ids::SignupId;
use crate::features::occurrences::dto::OccurrenceResponse;

/// One person on the register as sent by the organisation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceEntry {
    pub signup_id: SignupId,
    pub status: AttendanceStatus,
    /// Only for a sign-up with a companion seat: whether the companion came.
    #[serde(default)]
    pub companion_present: Option<bool>,
    /// Other hours than the occurrence's length (0 to 24); left out, a person present counts the
    /// occurrence's length and anyone else 0.
    #[serde(default)]
    #[schema(example = 2.5)]
    pub hours: Option<f64>,
}

/// The whole register of one occurrence, or part of it: people left out keep what they have.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordAttendanceRequest {
    pub items: Vec<AttendanceEntry>,
}

/// One expected person on the register.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceLine {
    pub signup_id: SignupId,
    pub display_name: String,
    /// The sign-up has a companion seat.
    pub with_companion: bool,
    /// Null until recorded.
    pub status: Option<AttendanceStatus>,
    pub companion_present: Option<bool>,
    /// Hours counted (null until recorded).
    pub hours: Option<f64>,
    /// The organisation recorded other hours than the occurrence's length.
    pub hours_set: bool,
    /// The resident said beforehand they cannot come.
    pub excused_by_resident: bool,
    pub recorded_at: Option<DateTime<Utc>>,
}

/// The register of one occurrence.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceRegister {
    pub offer_id: String,
    pub offer_title: String,
    pub occurrence: OccurrenceResponse,
    /// The occurrence's length in hours: what a person present counts unless set otherwise.
    pub default_hours: f64,
    /// The occurrence has started, so attendance can be recorded.
    pub started: bool,
    /// After this moment (14 days after the start) the register is locked.
    pub locks_at: DateTime<Utc>,
    pub locked: bool,
    pub items: Vec<AttendanceLine>,
}
