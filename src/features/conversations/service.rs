//! Who may read and write which conversation, and the emails each message sends.
//!
//! A sign-up's conversation is between its resident and the members of the offer's organisation; a
//! referral's between its resident and the referring worker, while the resident lets workers see
//! their profile. Everyone else gets 404, as for a conversation that does not exist.

use chrono::NaiveDateTime;

use super::dto::*;
use super::models::{ConversationMessage, Side};
use super::repo::{self, About};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::{ConversationMessageId, OfferId, ReferralId, SignupId, UserId};
use crate::db::tx::Tx;
use crate::error::{AppError, ErrorCode, FieldError};
use crate::features::notifications::models::Topic;
use crate::features::notifications::service as notifications;
use crate::features::offers::models::Offer;
use crate::features::{offers, organisations, referrals, signups, workers};
use crate::locale::Locale;
use crate::mail::templates::Email;
use crate::state::AppState;

/// How long one message may be.
pub const MAX_BODY_CHARS: usize = 2000;
/// How many messages a conversation shows: the latest.
const SHOWN: i64 = 200;

/// A message's text: trimmed, not empty, at most [`MAX_BODY_CHARS`] characters.
fn valid_body(raw: &str) -> Result<String, FieldError> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(FieldError::new(
            "body",
            ErrorCode::Required,
            "Write a message.",
        ));
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(FieldError::new(
            "body",
            ErrorCode::TooLong,
            format!("Use at most {MAX_BODY_CHARS} characters."),
        ));
    }
    Ok(body.to_string())
}

/// Someone to email about a message: address, name, language.
struct Recipient {
    id: UserId,
    email: String,
    name: String,
    locale: Locale,
}

fn recipient(conn: &mut DbConn, user: &UserId) -> Result<Recipient, AppError> {
    let (email, name, locale) = signups::service::contact(conn, user)?;
    Ok(Recipient {
        id: user.clone(),
        email,
        name,
        locale: Locale::from_db(&locale),
    })
}

/// A conversation as the signed-in user may see it: what it is about, the two sides, and who
/// hears of a new message from this user.
struct Conversation {
    about: About,
    offer: Offer,
    resident: UserId,
    resident_name: String,
    other_side_name: String,
    my_side: Side,
    /// Where the other side reads it in the web app.
    path: String,
}

impl Conversation {
    /// The people told of a new message from `author`: the side that did not write it.
    fn others(&self, conn: &mut DbConn, author: &AuthUser) -> Result<Vec<Recipient>, AppError> {
        if self.my_side != Side::Resident {
            return Ok(vec![recipient(conn, &self.resident)?]);
        }
        match &self.about {
            About::Signup(_) => Ok(organisations::service::member_contacts(
                conn,
                &self.offer.organisation_id,
            )?
            .into_iter()
            .filter(|(id, ..)| id != &author.id)
            .map(|(id, email, name, locale)| Recipient {
                id,
                email,
                name,
                locale: Locale::from_db(&locale),
            })
            .collect()),
            About::Referral(id) => {
                let referral = referrals::service::find(conn, id)?.ok_or(AppError::NotFound)?;
                Ok(vec![recipient(conn, &referral.worker_id)?])
            }
        }
    }
}

fn of_signup(conn: &mut DbConn, id: &SignupId, user: &AuthUser) -> Result<Conversation, AppError> {
    let (signup, offer) = signups::service::visible(conn, id, user)?;
    let (_, resident_name, _) = signups::service::contact(conn, &signup.resident_id)?;
    let my_side = if signup.resident_id == user.id {
        Side::Resident
    } else {
        Side::Organisation
    };
    let organisation_name = organisations::service::name_of(conn, &offer.organisation_id)?;
    Ok(Conversation {
        about: About::Signup(signup.id.clone()),
        offer,
        resident: signup.resident_id,
        resident_name,
        other_side_name: organisation_name,
        my_side,
        path: format!("/conversations/signup/{}", signup.id),
    })
}

fn of_referral(
    conn: &mut DbConn,
    id: &ReferralId,
    user: &AuthUser,
) -> Result<Conversation, AppError> {
    let referral = referrals::service::find(conn, id)?.ok_or(AppError::NotFound)?;
    let my_side = if referral.resident_id == user.id {
        Side::Resident
    } else if referral.worker_id == user.id {
        // Only while the resident still lets workers see them and lives in the worker's districts.
        workers::service::visible_resident(conn, &user.id, &referral.resident_id)?;
        Side::Worker
    } else {
        return Err(AppError::NotFound);
    };
    let offer = offers::service::find(conn, &referral.offer_id)?.ok_or(AppError::NotFound)?;
    let (_, resident_name, _) = signups::service::contact(conn, &referral.resident_id)?;
    let (_, worker_name, _) = signups::service::contact(conn, &referral.worker_id)?;
    Ok(Conversation {
        about: About::Referral(referral.id.clone()),
        offer,
        resident: referral.resident_id,
        resident_name,
        other_side_name: worker_name,
        my_side,
        path: format!("/conversations/referral/{}", referral.id),
    })
}

fn response(
    conn: &mut DbConn,
    conversation: Conversation,
    user: &AuthUser,
) -> Result<ConversationResponse, AppError> {
    let items = repo::list(conn, &conversation.about, SHOWN)?
        .into_iter()
        .map(|(message, author_name)| MessageResponse {
            mine: message.author_id == user.id,
            id: message.id,
            side: message.author_side,
            author_name,
            body: message.body,
            created_at: message.created_at.and_utc(),
        })
        .collect();
    Ok(ConversationResponse {
        offer_id: conversation.offer.id,
        offer_title: conversation.offer.details.title,
        resident_name: conversation.resident_name,
        other_side_name: conversation.other_side_name,
        my_side: conversation.my_side,
        items,
    })
}

fn new_message(
    about: &About,
    author: &AuthUser,
    side: Side,
    body: &str,
    now: NaiveDateTime,
) -> ConversationMessage {
    let (signup_id, referral_id) = match about {
        About::Signup(id) => (Some(id.clone()), None),
        About::Referral(id) => (None, Some(id.clone())),
    };
    ConversationMessage {
        id: ConversationMessageId::new(),
        signup_id,
        referral_id,
        author_id: author.id.clone(),
        author_side: side,
        body: body.to_string(),
        created_at: now,
    }
}

/// Emails one person that a message is waiting, with its text and a link to answer in the app,
/// unless they turned message emails off (the message waits in the app all the same).
#[allow(clippy::too_many_arguments)]
fn tell(
    conn: &mut Tx,
    to: &Recipient,
    from: &str,
    offer: &str,
    body: &str,
    link: &str,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<(), AppError> {
    let email = Email::NewMessage {
        name: &to.name,
        from,
        offer,
        body,
        link,
    }
    .render(to.locale);
    notifications::send(
        conn,
        &to.id,
        &to.email,
        to.locale,
        Topic::Messages,
        email,
        now,
        public_url,
    )?;
    Ok(())
}

fn open(conn: &mut DbConn, about: &About, user: &AuthUser) -> Result<Conversation, AppError> {
    match about {
        About::Signup(id) => of_signup(conn, id, user),
        About::Referral(id) => of_referral(conn, id, user),
    }
}

/// A sign-up's or a referral's conversation, for its two sides.
pub async fn list(
    state: &AppState,
    user: AuthUser,
    about: About,
) -> Result<ConversationResponse, AppError> {
    state
        .db
        .run(move |conn| {
            let conversation = open(conn, &about, &user)?;
            response(conn, conversation, &user)
        })
        .await
}

/// Writes in a sign-up's or a referral's conversation and tells the other side by email.
pub async fn write(
    state: &AppState,
    user: AuthUser,
    about: About,
    request: WriteMessageRequest,
) -> Result<MessageResponse, AppError> {
    let body = valid_body(&request.body)?;
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    state
        .write(move |conn| {
            let now = clock.now_naive();
            let conversation = open(conn, &about, &user)?;
            let message = new_message(&conversation.about, &user, conversation.my_side, &body, now);
            repo::insert(conn, std::slice::from_ref(&message))?;
            let link = format!("{}{}", public_url.trim_end_matches('/'), conversation.path);
            for to in conversation.others(conn, &user)? {
                tell(
                    conn,
                    &to,
                    &user.display_name,
                    &conversation.offer.details.title,
                    &body,
                    &link,
                    now,
                    &public_url,
                )?;
            }
            Ok(MessageResponse {
                id: message.id,
                side: message.author_side,
                author_name: user.display_name.clone(),
                mine: true,
                body: message.body,
                created_at: now.and_utc(),
            })
        })
        .await
}

/// An organisation member writes to everyone with an accepted place on the offer: the message goes
/// into each sign-up's own conversation, so answers stay between that resident and the organisation.
pub async fn write_to_participants(
    state: &AppState,
    user: AuthUser,
    offer_id: OfferId,
    request: WriteMessageRequest,
) -> Result<BroadcastResponse, AppError> {
    let body = valid_body(&request.body)?;
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    state
        .write(move |conn| {
            let now = clock.now_naive();
            let offer = offers::service::require_member(conn, &offer_id, &user)?;
            let accepted = signups::service::accepted_signups(conn, &offer.id)?;
            let messages: Vec<ConversationMessage> = accepted
                .iter()
                .map(|signup| {
                    new_message(
                        &About::Signup(signup.id.clone()),
                        &user,
                        Side::Organisation,
                        &body,
                        now,
                    )
                })
                .collect();
            repo::insert(conn, &messages)?;
            for signup in &accepted {
                let to = recipient(conn, &signup.resident_id)?;
                let link = format!(
                    "{}/conversations/signup/{}",
                    public_url.trim_end_matches('/'),
                    signup.id
                );
                tell(
                    conn,
                    &to,
                    &user.display_name,
                    &offer.details.title,
                    &body,
                    &link,
                    now,
                    &public_url,
                )?;
            }
            Ok(BroadcastResponse {
                sent: accepted.len(),
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_trimmed_and_bounded() {
        assert_eq!(valid_body("  hoi \n").unwrap(), "hoi");
        assert_eq!(valid_body(" \n ").unwrap_err().code, ErrorCode::Required);
        assert!(valid_body(&"a".repeat(MAX_BODY_CHARS)).is_ok());
        let too_long = valid_body(&"a".repeat(MAX_BODY_CHARS + 1)).unwrap_err();
        assert_eq!(too_long.code, ErrorCode::TooLong);
    }
}
