//! Rows of the referrals table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::milestones::{Outcome, StopReason};
use crate::db::ids::{OfferId, ReferralId, ReferralNoteId, SignupId, UserId};
use crate::db::schema::{referral_notes, referral_progress, referrals};
use crate::text_enum;

text_enum!(
    /// A worker proposes; the resident accepts (which signs them up) or declines.
    ReferralStatus {
        Proposed => "proposed",
        Accepted => "accepted",
        Declined => "declined",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = referrals)]
pub struct Referral {
    pub id: ReferralId,
    pub worker_id: UserId,
    pub resident_id: UserId,
    pub offer_id: OfferId,
    pub note: Option<String>,
    pub status: ReferralStatus,
    pub share_note: bool,
    pub decline_reason: Option<String>,
    pub signup_id: Option<SignupId>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The worker's outcome once they closed it.
    pub outcome: Option<Outcome>,
    pub outcome_reason: Option<StopReason>,
    pub closed_at: Option<NaiveDateTime>,
}

/// A referring worker's follow-up note.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = referral_notes)]
pub struct ReferralNote {
    pub id: ReferralNoteId,
    pub referral_id: ReferralId,
    pub worker_id: UserId,
    pub body: String,
    pub created_at: NaiveDateTime,
}

/// What attendance says about an accepted referral (see `milestones::reached`), kept whenever the
/// sign-up's attendance is written.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = referral_progress)]
pub struct ReferralProgress {
    pub referral_id: ReferralId,
    pub started_at: Option<NaiveDateTime>,
    pub week_4_at: Option<NaiveDateTime>,
    pub week_12_at: Option<NaiveDateTime>,
    /// Unexcused absences in a row at the end of the record (0: none).
    pub missed_in_a_row: i32,
    /// The first occurrence of that run.
    pub missed_since: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}
