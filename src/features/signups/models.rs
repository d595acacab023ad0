//! Rows of the signups table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::{OfferId, ReferralId, SignupId, UserId};
use crate::db::schema::signups;
use crate::text_enum;

text_enum!(
    /// `pending`: the organisation reviews; `accepted`: has a place; `waitlisted`: waits for one;
    /// `declined` by the organisation; `withdrawn` by the resident.
    SignupStatus {
        Pending => "pending",
        Accepted => "accepted",
        Waitlisted => "waitlisted",
        Declined => "declined",
        Withdrawn => "withdrawn",
    }
);

impl SignupStatus {
    /// Active sign-ups count for "one per resident per offer".
    pub fn is_active(self) -> bool {
        matches!(self, Self::Pending | Self::Accepted | Self::Waitlisted)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Identifiable)]
#[diesel(table_name = signups)]
pub struct Signup {
    pub id: SignupId,
    pub offer_id: OfferId,
    pub resident_id: UserId,
    pub status: SignupStatus,
    pub message: Option<String>,
    pub with_companion: bool,
    pub places: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Set when the sign-up came through a worker's referral.
    pub referral_id: Option<ReferralId>,
    /// The worker's note, passed on only when the resident agreed.
    pub referral_note: Option<String>,
}
