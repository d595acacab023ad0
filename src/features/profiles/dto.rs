//! Wire types of the profile endpoints.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::models::MaxTravel;
use crate::db::ids::DistrictId;
use crate::features::offers::models::{DutchLevel, Guidance};

crate::text_enum!(
    /// Parts of the day, for people who do not think in clock times.
    PartOfDay {
        Morning => "morning",
        Afternoon => "afternoon",
        Evening => "evening",
    }
);

/// A weekly window: a weekday (1 = Monday) with either a part of the day or start and end `HH:MM`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityInput {
    pub weekday: i32,
    pub part_of_day: Option<PartOfDay>,
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct AvailabilityWindow {
    pub weekday: i32,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileRequest {
    /// The district the resident lives in.
    pub district_id: Option<DistrictId>,
    /// Only the year, for offers with a minimum age.
    pub birth_year: Option<i32>,
    /// Skill tag keys: what I can do.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Interest tag keys: what I like.
    #[serde(default)]
    pub interests: Vec<String>,
    /// Goal tag keys: what I want to get out of it.
    #[serde(default)]
    pub goals: Vec<String>,
    /// Language tag keys: languages I speak.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Access tag keys: what I need (e.g. `wheelchair_accessible`).
    #[serde(default)]
    pub access_needs: Vec<String>,
    pub guidance_needed: Option<Guidance>,
    pub dutch_level: Option<DutchLevel>,
    #[serde(default)]
    pub availability: Vec<AvailabilityInput>,
    pub max_travel: Option<MaxTravel>,
    /// Consent: neighbourhood workers of my district may see my profile.
    #[serde(default)]
    pub share_with_workers: bool,
    /// Organisations I sign up with may see my email address.
    #[serde(default)]
    pub share_email: bool,
    /// Organisations I sign up with may see my phone number.
    #[serde(default)]
    pub share_phone: bool,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileResponse {
    /// False until the resident saved a profile once.
    pub completed: bool,
    pub district_id: Option<DistrictId>,
    pub district_name: Option<String>,
    pub birth_year: Option<i32>,
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    pub goals: Vec<String>,
    pub languages: Vec<String>,
    pub access_needs: Vec<String>,
    pub guidance_needed: Guidance,
    pub dutch_level: DutchLevel,
    pub availability: Vec<AvailabilityWindow>,
    pub max_travel: MaxTravel,
    pub share_with_workers: bool,
    /// When consent was last given or withdrawn.
    pub consent_changed_at: Option<DateTime<Utc>>,
    pub share_email: bool,
    pub share_phone: bool,
    pub phone: Option<String>,
}
