//! Rows of the conversation table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::{ConversationMessageId, ReferralId, SignupId, UserId};
use crate::db::schema::conversation_messages;
use crate::text_enum;

text_enum!(
    /// Which side of the conversation wrote a message.
    Side {
        Resident => "resident",
        Organisation => "organisation",
        Worker => "worker",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = conversation_messages)]
pub struct ConversationMessage {
    pub id: ConversationMessageId,
    pub signup_id: Option<SignupId>,
    pub referral_id: Option<ReferralId>,
    pub author_id: UserId,
    pub author_side: Side,
    pub body: String,
    pub created_at: NaiveDateTime,
}
