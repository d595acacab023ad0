//! Rows of the profile tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::{DistrictId, SlotId, UserId};
use crate::db::schema::{profile_availability, resident_profiles};
use crate::features::offers::models::{DutchLevel, Guidance};
use crate::text_enum;

text_enum!(
    /// How far a resident wants to go.
    MaxTravel {
        OwnDistrict => "own_district",
        OwnArea => "own_area",
        Anywhere => "anywhere",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = resident_profiles)]
#[diesel(treat_none_as_null = true)]
pub struct Profile {
    pub user_id: UserId,
    pub district_id: Option<DistrictId>,
    pub birth_year: Option<i32>,
    pub dutch_level: DutchLevel,
    pub guidance_needed: Guidance,
    pub max_travel: MaxTravel,
    pub share_with_workers: bool,
    pub consent_changed_at: Option<NaiveDateTime>,
    pub share_email: bool,
    pub share_phone: bool,
    pub phone: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = profile_availability)]
pub struct AvailabilityRow {
    pub id: SlotId,
    pub user_id: UserId,
    pub weekday: i32,
    pub start_time: String,
    pub end_time: String,
}
