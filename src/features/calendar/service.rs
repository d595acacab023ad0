//! Calendar rules: which occurrences go into which file, who may read it, and the feed's secret.

use chrono::{Days, NaiveDate};

use super::dto::CalendarFeedResponse;
use super::ics::{self, IcsEvent};
use super::models::CalendarFeed;
use super::repo;
use crate::auth::{AuthUser, tokens};
use crate::db::DbConn;
use crate::db::ids::{OfferId, SignupId};
use crate::error::AppError;
use crate::features::occurrences::service as occurrences;
use crate::features::offers::models::Offer;
use crate::features::offers::service as offers;
use crate::features::signups::models::SignupStatus;
use crate::features::signups::service as signups;
use crate::state::AppState;

/// A calendar holds the coming months and a short past, not an offer's whole life.
const PAST_DAYS: u64 = 14;
const COMING_DAYS: u64 = 120;

/// How a sign-up's status shows in a calendar.
#[derive(Clone, Copy)]
enum Place {
    Confirmed,
    Tentative,
    Gone,
}

struct Context {
    public_url: String,
    from: NaiveDate,
    to: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
}

impl Context {
    fn of(state: &AppState) -> Self {
        let now = state.clock.now();
        let today = crate::clock::local_date(now);
        Self {
            public_url: state
                .settings
                .app
                .public_url
                .trim_end_matches('/')
                .to_string(),
            from: today
                .checked_sub_days(Days::new(PAST_DAYS))
                .unwrap_or(today),
            to: today
                .checked_add_days(Days::new(COMING_DAYS))
                .unwrap_or(today),
            now,
        }
    }

    /// The host part of the public URL, for event UIDs.
    fn host(&self) -> &str {
        let without_scheme = self
            .public_url
            .split_once("://")
            .map_or(self.public_url.as_str(), |(_, rest)| rest);
        without_scheme.split('/').next().unwrap_or(without_scheme)
    }

    fn feed_url(&self, token: &str) -> String {
        format!("{}/api/v1/calendar/{token}.ics", self.public_url)
    }
}

/// The events of one offer's occurrences in the context's window.
fn events_of(
    conn: &mut DbConn,
    context: &Context,
    offer: Offer,
    place: Place,
) -> Result<Vec<OwnedEvent>, AppError> {
    let described = offers::responses(conn, vec![offer.clone()])?.remove(0);
    let url = format!("{}/offers/{}", context.public_url, offer.id);
    Ok(
        occurrences::occurrences_in(conn, &offer, &described.schedule, context.from, context.to)?
            .into_iter()
            .map(|occurrence| OwnedEvent {
                occurrence_id: occurrence.id,
                starts_at: occurrence.starts_at,
                ends_at: occurrence.ends_at,
                title: described.details.title.clone(),
                location: described.details.address.clone(),
                description: match occurrence.reason {
                    Some(reason) => format!("{}\n\n{reason}", described.organisation_name),
                    None => described.organisation_name.clone(),
                },
                url: url.clone(),
                cancelled: occurrence.cancelled || matches!(place, Place::Gone),
                tentative: matches!(place, Place::Tentative),
            })
            .collect(),
    )
}

struct OwnedEvent {
    occurrence_id: String,
    starts_at: chrono::DateTime<chrono::Utc>,
    ends_at: chrono::DateTime<chrono::Utc>,
    title: String,
    location: String,
    description: String,
    url: String,
    cancelled: bool,
    tentative: bool,
}

fn render(context: &Context, name: &str, events: &[OwnedEvent]) -> String {
    let borrowed: Vec<IcsEvent> = events
        .iter()
        .map(|event| IcsEvent {
            occurrence_id: &event.occurrence_id,
            starts_at: event.starts_at,
            ends_at: event.ends_at,
            title: &event.title,
            location: &event.location,
            description: &event.description,
            url: &event.url,
            cancelled: event.cancelled,
            tentative: event.tentative,
        })
        .collect();
    ics::render(name, &borrowed, context.now, context.host())
}

/// The .ics of one sign-up: its offer's meetings, confirmed once accepted, tentative while
/// pending or waitlisted, cancelled after a withdrawal or decline. For the resident and the
/// offer's organisation, as the sign-up itself.
pub async fn signup_file(
    state: &AppState,
    user: AuthUser,
    id: SignupId,
) -> Result<String, AppError> {
    let context = Context::of(state);
    state
        .db
        .run(move |conn| {
            let (signup, offer) = signups::visible(conn, &id, &user)?;
            let place = match signup.status {
                SignupStatus::Accepted => Place::Confirmed,
                SignupStatus::Pending | SignupStatus::Waitlisted => Place::Tentative,
                SignupStatus::Withdrawn | SignupStatus::Declined => Place::Gone,
            };
            let name = offer.details.title.clone();
            let events = events_of(conn, &context, offer, place)?;
            Ok(render(&context, &name, &events))
        })
        .await
}

/// The .ics of an offer's meetings, for whoever may see the offer.
pub async fn offer_file(
    state: &AppState,
    viewer: Option<AuthUser>,
    id: OfferId,
) -> Result<String, AppError> {
    let context = Context::of(state);
    state
        .db
        .run(move |conn| {
            let offer = offers::visible(conn, &id, viewer.as_ref())?;
            let name = offer.details.title.clone();
            let events = events_of(conn, &context, offer, Place::Confirmed)?;
            Ok(render(&context, &name, &events))
        })
        .await
}

/// The resident's feed URL, made on first asking.
pub async fn my_feed(state: &AppState, user: AuthUser) -> Result<CalendarFeedResponse, AppError> {
    let context = Context::of(state);
    state
        .write(move |conn| {
            let feed = match repo::of_user(conn, &user.id)? {
                Some(feed) => feed,
                None => {
                    let feed = CalendarFeed {
                        user_id: user.id.clone(),
                        token: tokens::generate(),
                        created_at: context.now.naive_utc(),
                    };
                    repo::replace(conn, &feed)?;
                    feed
                }
            };
            Ok(CalendarFeedResponse {
                url: context.feed_url(&feed.token),
            })
        })
        .await
}

/// A new feed URL; the old one opens nothing from now on.
pub async fn rotate(state: &AppState, user: AuthUser) -> Result<CalendarFeedResponse, AppError> {
    let context = Context::of(state);
    state
        .write(move |conn| {
            let feed = CalendarFeed {
                user_id: user.id.clone(),
                token: tokens::generate(),
                created_at: context.now.naive_utc(),
            };
            repo::replace(conn, &feed)?;
            Ok(CalendarFeedResponse {
                url: context.feed_url(&feed.token),
            })
        })
        .await
}

/// The feed behind a secret: every activity its resident has an accepted place for. An unknown or
/// rotated secret is 404, saying nothing about anyone.
pub async fn feed(state: &AppState, token: String) -> Result<String, AppError> {
    let context = Context::of(state);
    state
        .db
        .run(move |conn| {
            let feed = repo::by_token(conn, &token)?.ok_or(AppError::NotFound)?;
            let mut events = Vec::new();
            for offer_id in signups::accepted_offer_ids(conn, &feed.user_id)? {
                if let Some(offer) = offers::find(conn, &offer_id)? {
                    events.extend(events_of(conn, &context, offer, Place::Confirmed)?);
                }
            }
            events.sort_by_key(|event| event.starts_at);
            Ok(render(&context, "Meedoen", &events))
        })
        .await
}
