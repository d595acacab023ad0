//! Rows of the attendance tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::{AttendanceChangeId, OfferId, SignupId, UserId};
use crate::db::schema::{attendance, attendance_changes};
use crate::text_enum;

text_enum!(
    /// `present`: came; `absent`: did not come and did not say so; `excused`: said beforehand
    /// they could not come (or the organisation counts it so).
    AttendanceStatus {
        Present => "present",
        Absent => "absent",
        Excused => "excused",
    }
);

/// Whether one person came to one occurrence.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = attendance, treat_none_as_null = true)]
pub struct Attendance {
    pub signup_id: SignupId,
    /// The occurrence's start; with the offer it names the occurrence.
    pub starts_at: NaiveDateTime,
    pub offer_id: OfferId,
    pub resident_id: UserId,
    pub status: AttendanceStatus,
    /// For a sign-up with a companion seat: whether the companion came.
    pub companion_present: Option<bool>,
    /// Time counted for the person: 0 unless present.
    pub minutes: i32,
    /// The organisation recorded other hours than the occurrence's length.
    pub minutes_set: bool,
    pub recorded_by: UserId,
    pub recorded_at: NaiveDateTime,
}

impl Attendance {
    /// Whether `other` records the same as this row (who recorded it and when aside).
    pub fn same_record(&self, other: &Attendance) -> bool {
        self.status == other.status
            && self.companion_present == other.companion_present
            && self.minutes == other.minutes
            && self.minutes_set == other.minutes_set
    }
}

/// One change to an attendance row, kept for accountability.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = attendance_changes)]
pub struct AttendanceChange {
    pub id: AttendanceChangeId,
    pub signup_id: SignupId,
    pub starts_at: NaiveDateTime,
    pub status: AttendanceStatus,
    pub companion_present: Option<bool>,
    pub minutes: i32,
    pub changed_by: UserId,
    pub changed_at: NaiveDateTime,
}

/// A person expected at an occurrence: an accepted sign-up (or one with a record already).
#[derive(Debug, Clone, Queryable)]
pub struct Participant {
    pub signup_id: SignupId,
    pub resident_id: UserId,
    pub display_name: String,
    pub with_companion: bool,
}
