//! Wire types of conversations.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::models::Side;
use crate::db::ids::{ConversationMessageId, OfferId};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WriteMessageRequest {
    /// 1 to 2,000 characters.
    #[schema(example = "Hoi! Moet ik iets meenemen op de eerste dag?")]
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MessageResponse {
    pub id: ConversationMessageId,
    /// Who wrote it: the resident, a member of the organisation or the worker.
    pub side: Side,
    pub author_name: String,
    /// Written by the signed-in user.
    pub mine: bool,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A conversation: what it is about, the two sides, and its messages (at most the last 200, oldest
/// first).
#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationResponse {
    pub offer_id: OfferId,
    pub offer_title: String,
    pub resident_name: String,
    /// The organisation's name, or for a referral the worker's name.
    pub other_side_name: String,
    /// The signed-in user's side.
    pub my_side: Side,
    pub items: Vec<MessageResponse>,
}

/// What writing to everyone with a place did.
#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastResponse {
    /// How many residents got the message.
    pub sent: usize,
}
