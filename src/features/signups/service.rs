//! Sign-up rules: taking a place, the waitlist, and who may change a sign-up.
//!
//! Capacity lives in the database: an accepted sign-up holds `places` of its offer's capacity,
//! taken by a conditional UPDATE inside the same transaction, so no race overbooks an offer.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;

use super::dto::*;
use super::models::{Signup, SignupStatus};
use super::repo;
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::{OfferId, SignupId, UserId};
use crate::db::tx::Tx;
use crate::error::{AppError, ErrorCode};
use crate::features::notifications::service as notifications;
use crate::features::occurrences::service as occurrences;
use crate::features::offers::models::{Offer, OfferStatus, Route};
use crate::features::offers::service as offers;
use crate::features::organisations::service as organisations;
use crate::http::pagination::Page;
use crate::locale::Locale;
use crate::mail::outbox;
use crate::mail::templates::Email;
use crate::state::AppState;

/// Where an email goes: the resident's address, name and language.
pub struct Contact {
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

impl Contact {
    /// The signed-in resident's own (their session has them already).
    fn of(user: &AuthUser) -> Self {
        Self {
            email: user.email.clone(),
            name: user.display_name.clone(),
            locale: user.locale,
        }
    }

    fn read(conn: &mut DbConn, resident: &UserId) -> Result<Self, AppError> {
        let (email, name, locale) = repo::resident_contact(conn, resident)?;
        Ok(Self {
            email,
            name,
            locale: Locale::from_db(&locale),
        })
    }
}

/// What the resident is told about a sign-up's new status.
struct StatusNews<'a> {
    signup: &'a SignupId,
    status: SignupStatus,
    /// Why the organisation declined, if it said.
    reason: Option<&'a str>,
}

/// Emails the resident about the sign-up's new status; a place comes with when, where and whom
/// to contact.
fn notify(
    conn: &mut Tx,
    to: &Contact,
    offer: &Offer,
    news: StatusNews,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<(), AppError> {
    let base = public_url.trim_end_matches('/');
    let message = if news.status == SignupStatus::Accepted {
        let today = crate::clock::local_date(now.and_utc());
        let next: Vec<String> = occurrences::occurrences_of(
            conn,
            offer,
            today,
            today + chrono::Days::new(occurrences::MAX_DAYS - 1),
        )?
        .into_iter()
        .filter(|occurrence| !occurrence.cancelled && occurrence.starts_at > now.and_utc())
        .take(3)
        .map(|occurrence| occurrences::when(occurrence.starts_at, to.locale))
        .collect();
        let organisation = organisations::find(conn, &offer.organisation_id)?;
        let contact = organisation
            .as_ref()
            .map(crate::features::organisations::models::Organisation::public_contact);
        let link = format!("{base}/conversations/signup/{}", news.signup);
        Email::SignupAccepted {
            name: &to.name,
            offer: &offer.details.title,
            next: &next,
            address: &offer.details.address,
            organisation: organisation.as_ref().map_or("", |o| o.name.as_str()),
            contact: contact.as_deref(),
            link: &link,
        }
        .render(to.locale)
    } else {
        let link = format!("{base}/my-activities");
        Email::SignupStatus {
            name: &to.name,
            offer: &offer.details.title,
            status: news.status.as_str(),
            reason: news.reason,
            link: &link,
        }
        .render(to.locale)
    };
    outbox::enqueue(conn, now, &to.email, &message)?;
    Ok(())
}

/// 1-based position on the waitlist, or None when not waitlisted.
fn waitlist_positions(
    conn: &mut DbConn,
    offer_id: &OfferId,
) -> Result<HashMap<SignupId, i64>, AppError> {
    Ok(repo::waitlist(conn, offer_id)?
        .into_iter()
        .enumerate()
        .map(|(index, signup)| (signup.id, index as i64 + 1))
        .collect())
}

/// Signs a resident up. Auto-accepting offers give a free place at once; reviewing offers put
/// the sign-up to the organisation; a full offer puts it on the waitlist.
pub async fn sign_up(
    state: &AppState,
    user: AuthUser,
    offer_id: OfferId,
    request: SignUpRequest,
) -> Result<SignUpResponse, AppError> {
    user.require_verified()?;
    let message = crate::validate::optional_message("message", request.message)?;
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    let response = state
        .write(move |conn| {
            let offer = offers::visible(conn, &offer_id, Some(&user))?;
            open_for_signup(&offer, request.with_companion, false)?;
            create_signup(
                conn,
                &offer,
                &user,
                SignupInput {
                    message,
                    with_companion: request.with_companion,
                    referral: None,
                },
                clock.now_naive(),
                &public_url,
            )
        })
        .await?;
    Ok(response)
}

/// Whether the offer takes this sign-up now: published, open to everyone unless it comes through
/// a worker's referral, and with room for a companion if one comes along.
pub fn open_for_signup(
    offer: &Offer,
    with_companion: bool,
    via_referral: bool,
) -> Result<(), AppError> {
    if offer.status != OfferStatus::Published {
        return Err(AppError::offer_not_open());
    }
    if offer.details.route == Route::ReferralRequired && !via_referral {
        return Err(AppError::referral_required());
    }
    if with_companion && !offer.details.companion_allowed {
        return Err(AppError::field(
            "with_companion",
            ErrorCode::CompanionNotAllowed,
            "This offer has no place for a companion.",
        ));
    }
    Ok(())
}

/// What a resident sends with a sign-up, and the referral it answers, if any.
pub struct SignupInput {
    pub message: Option<String>,
    pub with_companion: bool,
    /// The referral and the worker's note as far as the resident lets it through.
    pub referral: Option<(crate::db::ids::ReferralId, Option<String>)>,
}

/// Inserts a sign-up with the status the capacity allows, and tells the resident. Also used when
/// a resident accepts a worker's referral.
pub fn create_signup(
    conn: &mut Tx,
    offer: &Offer,
    user: &AuthUser,
    input: SignupInput,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<SignUpResponse, AppError> {
    let SignupInput {
        message,
        with_companion,
        referral,
    } = input;
    let (referral_id, referral_note) = referral.unzip();
    let places = if with_companion { 2 } else { 1 };
    // People already waiting go first: a newcomer joins the end of a non-empty waitlist.
    let status = if repo::has_waitlist(conn, &offer.id)? {
        SignupStatus::Waitlisted
    } else if offer.details.auto_accept {
        if offers::take_places(conn, &offer.id, places)? {
            SignupStatus::Accepted
        } else {
            SignupStatus::Waitlisted
        }
    } else {
        let free = i64::from(offer.free_places()) - repo::pending_places(conn, &offer.id)?;
        if free >= i64::from(places) {
            SignupStatus::Pending
        } else {
            SignupStatus::Waitlisted
        }
    };
    let signup = Signup {
        id: SignupId::new(),
        offer_id: offer.id.clone(),
        resident_id: user.id.clone(),
        status,
        message,
        with_companion,
        places,
        created_at: now,
        updated_at: now,
        referral_id,
        referral_note: referral_note.flatten(),
    };
    // The unique index refuses a second active sign-up; the error rolls the whole transaction
    // back, a place taken above included.
    repo::insert(conn, &signup).map_err(|error| match AppError::from(error) {
        AppError::Conflict {
            code: ErrorCode::AlreadyExists,
            ..
        } => AppError::already_signed_up(),
        other => other,
    })?;
    // Sign-ups made now count in the monitor's figures of this month.
    crate::features::monitor::upkeep::touch(conn, &[], now)?;
    let news = StatusNews {
        signup: &signup.id,
        status,
        reason: None,
    };
    notify(conn, &Contact::of(user), offer, news, now, public_url)?;
    notifications::tell_members_of_signup(
        conn,
        offer,
        &user.display_name,
        status.as_str(),
        now,
        public_url,
    )?;
    let waitlist_position = if status == SignupStatus::Waitlisted {
        waitlist_positions(conn, &offer.id)?
            .get(&signup.id)
            .copied()
    } else {
        None
    };
    Ok(SignUpResponse {
        id: signup.id,
        status,
        waitlist_position,
    })
}

/// Moves people up from the waitlist while there is room, first come first served (the first in
/// line is never skipped for a later, smaller sign-up). Auto-accepting offers give the place at
/// once; reviewing offers pass the sign-up to the organisation.
pub fn fill_free_places(
    conn: &mut Tx,
    offer_id: &OfferId,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<usize, AppError> {
    let Some(offer) = offers::find(conn, offer_id)? else {
        return Ok(0);
    };
    if offer.status != OfferStatus::Published {
        return Ok(0);
    }
    let mut moved = 0;
    let mut room = i64::from(offer.free_places()) - repo::pending_places(conn, offer_id)?;
    for signup in repo::waitlist(conn, offer_id)? {
        let next = if offer.details.auto_accept {
            if !offers::take_places(conn, offer_id, signup.places)? {
                break;
            }
            SignupStatus::Accepted
        } else {
            if room < i64::from(signup.places) {
                break;
            }
            room -= i64::from(signup.places);
            SignupStatus::Pending
        };
        if !repo::transition(conn, &signup, SignupStatus::Waitlisted, next, now)? {
            if next == SignupStatus::Accepted {
                offers::release_places(conn, offer_id, signup.places)?;
            }
            continue;
        }
        let contact = Contact::read(conn, &signup.resident_id)?;
        let news = StatusNews {
            signup: &signup.id,
            status: next,
            reason: None,
        };
        notify(conn, &contact, &offer, news, now, public_url)?;
        moved += 1;
    }
    Ok(moved)
}

/// Who may move a sign-up where: the organisation accepts and declines; the resident withdraws.
/// Anyone else gets 404, so sign-ups of others do not even appear to exist.
pub async fn update_status(
    state: &AppState,
    user: AuthUser,
    id: SignupId,
    request: UpdateSignupRequest,
) -> Result<SignUpResponse, AppError> {
    let to = request.status;
    let reason = crate::validate::optional_message("reason", request.reason)?;
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    let response = state
        .write(move |conn| {
            let (signup, offer, is_member) = visible_with_membership(conn, &id, &user)?;
            let is_resident = signup.resident_id == user.id;
            let from = signup.status;
            let allowed = match to {
                SignupStatus::Withdrawn => is_resident && from.is_active(),
                SignupStatus::Accepted => {
                    is_member && matches!(from, SignupStatus::Pending | SignupStatus::Waitlisted)
                }
                SignupStatus::Declined => is_member && from.is_active(),
                SignupStatus::Pending | SignupStatus::Waitlisted => false,
            };
            if !allowed {
                return Err(if from == to {
                    AppError::signup_unchanged()
                } else if is_member || is_resident && to == SignupStatus::Withdrawn {
                    AppError::signup_transition_invalid(from, to)
                } else {
                    AppError::signup_change_not_allowed()
                });
            }
            let reason = reason.as_deref().filter(|_| to == SignupStatus::Declined);
            apply_transition(
                conn,
                &signup,
                &offer,
                to,
                reason,
                clock.now_naive(),
                &public_url,
            )
        })
        .await?;
    Ok(response)
}

/// Moves a sign-up whose change was allowed to its new status: places taken or given back, the
/// resident told, the waitlist moved up. Also used by the demo seed.
pub fn apply_transition(
    conn: &mut Tx,
    signup: &Signup,
    offer: &Offer,
    to: SignupStatus,
    reason: Option<&str>,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<SignUpResponse, AppError> {
    let from = signup.status;
    if to == SignupStatus::Accepted && !offers::take_places(conn, &offer.id, signup.places)? {
        return Err(AppError::offer_full());
    }
    if !repo::transition(conn, signup, from, to, now)? {
        return Err(AppError::signup_changed());
    }
    let contact = Contact::read(conn, &signup.resident_id)?;
    let news = StatusNews {
        signup: &signup.id,
        status: to,
        reason,
    };
    notify(conn, &contact, offer, news, now, public_url)?;
    if from == SignupStatus::Accepted {
        offers::release_places(conn, &offer.id, signup.places)?;
    }
    if from == SignupStatus::Accepted || from == SignupStatus::Pending {
        fill_free_places(conn, &offer.id, now, public_url)?;
    }
    Ok(SignUpResponse {
        id: signup.id.clone(),
        status: to,
        waitlist_position: None,
    })
}

/// An offer's sign-ups for the organisation: display name and message only.
pub async fn list_for_offer(
    state: &AppState,
    user: AuthUser,
    offer_id: OfferId,
) -> Result<OfferSignupList, AppError> {
    state
        .db
        .run(move |conn| {
            offers::require_member(conn, &offer_id, &user)?;
            let positions = waitlist_positions(conn, &offer_id)?;
            let mut items = Vec::new();
            for (signup, display_name, email) in repo::list_for_offer(conn, &offer_id)? {
                // Contact details only as far as the resident allows.
                let sharing = crate::features::profiles::service::find(conn, &signup.resident_id)?;
                let email = sharing.as_ref().filter(|p| p.share_email).map(|_| email);
                let phone = sharing.filter(|p| p.share_phone).and_then(|p| p.phone);
                items.push(OfferSignupResponse {
                    waitlist_position: positions.get(&signup.id).copied(),
                    id: signup.id,
                    status: signup.status,
                    display_name,
                    message: signup.message,
                    with_companion: signup.with_companion,
                    created_at: signup.created_at.and_utc(),
                    via_referral: signup.referral_id.is_some(),
                    referral_note: signup.referral_note,
                    email,
                    phone,
                });
            }
            Ok(OfferSignupList { items })
        })
        .await
}

/// The resident's own sign-ups, newest first, each with its offer.
pub async fn list_mine(
    state: &AppState,
    user: AuthUser,
    query: MySignupQuery,
) -> Result<MySignupList, AppError> {
    let page = Page::from_parts(query.limit, query.cursor.as_deref())?;
    state
        .db
        .run(move |conn| {
            let rows =
                repo::list_for_resident(conn, &user.id, page.after.as_deref(), page.fetch())?;
            let (rows, next_cursor) = page.finish(rows, |signup| signup.id.as_str());
            let mut offers_by_id = HashMap::new();
            let mut offer_rows = Vec::new();
            for signup in &rows {
                if !offers_by_id.contains_key(&signup.offer_id)
                    && let Some(offer) = offers::find(conn, &signup.offer_id)?
                {
                    offers_by_id.insert(signup.offer_id.clone(), ());
                    offer_rows.push(offer);
                }
            }
            let offer_responses: HashMap<OfferId, _> = offers::responses(conn, offer_rows)?
                .into_iter()
                .map(|offer| (offer.id.clone(), offer))
                .collect();
            let mut items = Vec::with_capacity(rows.len());
            for signup in rows {
                let Some(offer) = offer_responses.get(&signup.offer_id).cloned() else {
                    continue;
                };
                let waitlist_position = if signup.status == SignupStatus::Waitlisted {
                    waitlist_positions(conn, &signup.offer_id)?
                        .get(&signup.id)
                        .copied()
                } else {
                    None
                };
                items.push(MySignupResponse {
                    id: signup.id,
                    status: signup.status,
                    message: signup.message,
                    with_companion: signup.with_companion,
                    waitlist_position,
                    created_at: signup.created_at.and_utc(),
                    updated_at: signup.updated_at.and_utc(),
                    offer,
                });
            }
            Ok(MySignupList { items, next_cursor })
        })
        .await
}

/// Offers the resident has an active (pending, accepted or waitlisted) sign-up for.
pub fn active_offer_ids(
    conn: &mut DbConn,
    resident: &UserId,
) -> Result<HashSet<OfferId>, AppError> {
    Ok(active_offer_ids_of(conn, std::slice::from_ref(resident))?
        .remove(resident)
        .unwrap_or_default())
}

/// The same for many residents in one query.
pub fn active_offer_ids_of(
    conn: &mut DbConn,
    residents: &[UserId],
) -> Result<HashMap<UserId, HashSet<OfferId>>, AppError> {
    let mut by_resident: HashMap<UserId, HashSet<OfferId>> = HashMap::new();
    for (resident, offer) in repo::active_offer_ids(conn, residents)? {
        by_resident.entry(resident).or_default().insert(offer);
    }
    Ok(by_resident)
}

pub fn find(conn: &mut DbConn, id: &SignupId) -> Result<Option<Signup>, AppError> {
    Ok(repo::find(conn, id)?)
}

/// A sign-up with its offer, for its resident and the members of the offer's organisation; 404 for
/// everyone else, as for an id that does not exist.
pub fn visible(
    conn: &mut DbConn,
    id: &SignupId,
    user: &AuthUser,
) -> Result<(Signup, Offer), AppError> {
    let signup = repo::find(conn, id)?.ok_or(AppError::NotFound)?;
    let offer = offers::find(conn, &signup.offer_id)?.ok_or(AppError::NotFound)?;
    if signup.resident_id != user.id
        && !organisations::standing(conn, &offer.organisation_id, Some(user))?.is_member()
    {
        return Err(AppError::NotFound);
    }
    Ok((signup, offer))
}

/// The same, and whether `user` is a member of the offer's organisation (a member may have
/// signed up too), read once.
fn visible_with_membership(
    conn: &mut DbConn,
    id: &SignupId,
    user: &AuthUser,
) -> Result<(Signup, Offer, bool), AppError> {
    let signup = repo::find(conn, id)?.ok_or(AppError::NotFound)?;
    let offer = offers::find(conn, &signup.offer_id)?.ok_or(AppError::NotFound)?;
    let is_member = organisations::standing(conn, &offer.organisation_id, Some(user))?.is_member();
    if signup.resident_id != user.id && !is_member {
        return Err(AppError::NotFound);
    }
    Ok((signup, offer, is_member))
}

/// The ids of the offers the resident has an accepted place for.
pub fn accepted_offer_ids(conn: &mut DbConn, resident: &UserId) -> Result<Vec<OfferId>, AppError> {
    Ok(repo::accepted_offer_ids(conn, resident)?)
}

/// Offers with at least one accepted sign-up.
pub fn offers_with_accepted(conn: &mut DbConn) -> Result<Vec<OfferId>, AppError> {
    Ok(repo::offers_with_accepted(conn)?)
}

/// Sign-ups made in `[from, to)`: (organisation, offer title, resident's name, status).
pub fn made_between(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<(crate::db::ids::OrganisationId, String, String, SignupStatus)>, AppError> {
    Ok(repo::made_between(conn, from, to)?)
}

/// The offer's accepted sign-ups, oldest first.
pub fn accepted_signups(conn: &mut DbConn, offer_id: &OfferId) -> Result<Vec<Signup>, AppError> {
    Ok(repo::accepted_signups(conn, offer_id)?)
}

/// Where to write to everyone with an accepted place on the offer.
pub fn accepted_contacts(conn: &mut DbConn, offer_id: &OfferId) -> Result<Vec<Contact>, AppError> {
    Ok(repo::accepted_contacts(conn, offer_id)?
        .into_iter()
        .map(|(email, name, locale)| Contact {
            email,
            name,
            locale: Locale::from_db(&locale),
        })
        .collect())
}

/// A user's email address, display name and locale, for emails about them.
pub fn contact(
    conn: &mut DbConn,
    user_id: &crate::db::ids::UserId,
) -> Result<(String, String, String), AppError> {
    Ok(repo::resident_contact(conn, user_id)?)
}
