//! Wire types of referrals.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::milestones::{Milestone, Outcome, StopReason};
use super::models::ReferralStatus;
use crate::db::ids::{OfferId, ReferralId, SignupId, UserId};
use crate::features::offers::dto::OfferResponse;
use crate::features::signups::models::SignupStatus;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateReferralRequest {
    pub resident_id: UserId,
    pub offer_id: OfferId,
    /// For the resident; passed on to the organisation only if the resident agrees.
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmAssignmentRequest {
    /// The proposals the worker keeps; each becomes a referral.
    pub items: Vec<ConfirmItem>,
    /// One note for all of them.
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmItem {
    pub resident_id: UserId,
    pub offer_id: OfferId,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptReferralRequest {
    /// May the organisation read the worker's note?
    #[serde(default)]
    pub share_note: bool,
    /// A short note of the resident's own to the organisation.
    pub message: Option<String>,
    #[serde(default)]
    pub with_companion: bool,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineReferralRequest {
    pub reason: Option<String>,
}

/// A referral as the resident sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyReferral {
    pub id: ReferralId,
    pub status: ReferralStatus,
    pub worker_display_name: String,
    pub note: Option<String>,
    pub offer: OfferResponse,
    pub created_at: DateTime<Utc>,
    /// After accepting: started, still going at 4 and at 12 weeks, from attendance.
    pub milestones: Vec<Milestone>,
    pub outcome: Option<Outcome>,
    pub outcome_reason: Option<StopReason>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyReferralList {
    pub items: Vec<MyReferral>,
}

/// A referral as the worker sees it, with its outcome.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerReferral {
    pub id: ReferralId,
    pub status: ReferralStatus,
    pub resident_id: UserId,
    pub resident_display_name: String,
    pub offer_id: OfferId,
    pub offer_title: String,
    pub note: Option<String>,
    pub decline_reason: Option<String>,
    pub signup_id: Option<SignupId>,
    /// The sign-up's status once accepted (accepted, pending, waitlisted, …).
    pub signup_status: Option<SignupStatus>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// After accepting: started, still going at 4 and at 12 weeks, from attendance. Empty while
    /// the resident does not share their profile with workers or lives outside the worker's
    /// districts (attendance is theirs to share).
    pub milestones: Vec<Milestone>,
    pub outcome: Option<Outcome>,
    pub outcome_reason: Option<StopReason>,
    /// When the worker closed it.
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerReferralList {
    pub items: Vec<WorkerReferral>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct WorkerReferralQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralCreated {
    pub id: ReferralId,
    pub status: ReferralStatus,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralsCreated {
    pub items: Vec<ReferralCreated>,
}

/// A referring worker's follow-up note.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralNoteResponse {
    pub id: crate::db::ids::ReferralNoteId,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// Unexcused absences in a row at the end of the resident's record (the threshold reached).
#[derive(Debug, Serialize, ToSchema)]
pub struct MissedSignal {
    pub in_a_row: u32,
    /// The start of the first occurrence missed.
    pub since: DateTime<Utc>,
}

/// A referral whose next milestone is due or missed, or whose resident missed a few times in a row.
#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpItem {
    pub referral: WorkerReferral,
    /// The milestone the follow-up is about, if one is due or missed.
    pub attention: Option<Milestone>,
    /// Set when the resident was absent without saying so a few times in a row.
    pub missed: Option<MissedSignal>,
    /// The worker's notes, oldest first.
    pub notes: Vec<ReferralNoteResponse>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpList {
    /// Oldest milestone first.
    pub items: Vec<FollowUpItem>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WriteNoteRequest {
    /// 1 to 1,000 characters.
    #[schema(example = "Gebeld: ze komt volgende week weer, de bus reed niet.")]
    pub body: String,
}

/// Closing a referral: `completed`, or `stopped` with a reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseReferralRequest {
    /// `completed` or `stopped` (`never_started` follows from attendance and is not chosen).
    pub outcome: Outcome,
    /// Required with `stopped`, not allowed with `completed`.
    pub reason: Option<StopReason>,
}
