//! The scheduled emails: reminders the day before a meeting, organisations' daily digest of new
//! sign-ups, residents' weekly digest of new offers that fit them. A background loop runs them
//! every few minutes; each email's key in `notifications_sent` makes it go out once, across
//! restarts and servers, and a day's (or week's) pass is marked done so later rounds stop early.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};
use chrono_tz::Europe::Amsterdam;

use super::models::{SignupAlerts, Topic};
use super::{repo, service};
use crate::db::ids::OrganisationId;
use crate::error::AppError;
use crate::features::organisations::models::Organisation;
use crate::features::{occurrences, offers, organisations, recommendations, signups};
use crate::locale::Locale;
use crate::mail::templates::Email;
use crate::state::AppState;

/// Scheduled emails go out from this local hour on, not at night.
const SEND_FROM_HOUR: u32 = 8;
/// How often the loop looks for due work.
const INTERVAL: Duration = Duration::from_secs(300);
/// At most this many offers in a weekly digest.
const DIGEST_OFFERS: usize = 5;

/// What one round sent.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct JobReport {
    pub reminders: usize,
    pub signup_digests: usize,
    pub offer_digests: usize,
}

/// Runs whatever is due at the clock's now. Used by the background loop and by tests.
pub async fn run_due(state: &AppState) -> Result<JobReport, AppError> {
    let now = state.clock.now();
    let local = now.with_timezone(&Amsterdam);
    let mut report = JobReport::default();
    if local.hour() < SEND_FROM_HOUR {
        return Ok(report);
    }
    let today = local.date_naive();
    report.reminders = reminders(state, now, today).await?;
    report.signup_digests = signup_digests(state, now, today).await?;
    if today.weekday() == chrono::Weekday::Mon {
        report.offer_digests = offer_digests(state, now, today).await?;
    }
    Ok(report)
}

/// Marks a whole pass done, or tells that it was.
async fn pass_done(state: &AppState, key: String, mark: bool) -> Result<bool, AppError> {
    let now = state.clock.now_naive();
    if mark {
        state
            .write(move |conn| Ok(repo::mark_sent(conn, &key, now)?))
            .await?;
        Ok(true)
    } else {
        state
            .db
            .run(move |conn| Ok(repo::is_sent(conn, &key)?))
            .await
    }
}

/// A reminder to each resident with a place, for each of tomorrow's meetings.
async fn reminders(
    state: &AppState,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, AppError> {
    let tomorrow = today + Days::new(1);
    let pass = format!("reminders:{tomorrow}");
    if pass_done(state, pass.clone(), false).await? {
        return Ok(0);
    }
    let public_url = state.settings.app.public_url.clone();
    let offer_ids = state.db.run(signups::service::offers_with_accepted).await?;
    let mut sent = 0;
    for offer_id in offer_ids {
        let public_url = public_url.clone();
        sent += state
            .write(move |conn| {
                let nowish = now.naive_utc();
                let Some(offer) = offers::service::find(conn, &offer_id)? else {
                    return Ok(0);
                };
                let meetings: Vec<_> =
                    occurrences::service::occurrences_of(conn, &offer, tomorrow, tomorrow)?
                        .into_iter()
                        .filter(|occurrence| !occurrence.cancelled)
                        .collect();
                if meetings.is_empty() {
                    return Ok(0);
                }
                let organisation = organisations::service::find(conn, &offer.organisation_id)?;
                let contact = organisation.as_ref().map(Organisation::public_contact);
                let mut sent = 0;
                for signup in signups::service::accepted_signups(conn, &offer.id)? {
                    let (address, name, locale) =
                        signups::service::contact(conn, &signup.resident_id)?;
                    let locale = Locale::from_db(&locale);
                    let link = format!(
                        "{}/conversations/signup/{}",
                        public_url.trim_end_matches('/'),
                        signup.id
                    );
                    for meeting in &meetings {
                        let key = format!("reminder:{}:{}", meeting.id, signup.resident_id);
                        if !repo::mark_sent(conn, &key, nowish)? {
                            continue;
                        }
                        let when = format!(
                            "{}–{}",
                            occurrences::service::when(meeting.starts_at, locale),
                            meeting.ends_at.with_timezone(&Amsterdam).format("%H:%M")
                        );
                        let email = Email::Reminder {
                            name: &name,
                            offer: &offer.details.title,
                            when: &when,
                            address: &offer.details.address,
                            organisation: organisation.as_ref().map_or("", |o| o.name.as_str()),
                            contact: contact.as_deref(),
                            link: &link,
                        }
                        .render(locale);
                        if service::send(
                            conn,
                            &signup.resident_id,
                            &address,
                            locale,
                            Topic::Reminders,
                            email,
                            nowish,
                            &public_url,
                        )? {
                            sent += 1;
                        }
                    }
                }
                Ok(sent)
            })
            .await?;
    }
    pass_done(state, pass, true).await?;
    Ok(sent)
}

/// For members who chose a daily digest: yesterday 08:00 to today 08:00's sign-ups of their
/// organisations, in one email.
async fn signup_digests(
    state: &AppState,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, AppError> {
    let pass = format!("signup-digests:{today}");
    if pass_done(state, pass.clone(), false).await? {
        return Ok(0);
    }
    let until = occurrences::schedule::local_instant(
        today,
        chrono::NaiveTime::from_hms_opt(SEND_FROM_HOUR, 0, 0).unwrap_or_default(),
    )
    .naive_utc();
    let since: NaiveDateTime = until - TimeDelta::days(1);
    let public_url = state.settings.app.public_url.clone();
    let sent = state
        .write(move |conn| {
            let nowish = now.naive_utc();
            let mut by_organisation: HashMap<OrganisationId, Vec<(String, String, String)>> =
                HashMap::new();
            for (organisation, offer, resident, status) in
                signups::service::made_between(conn, since, until)?
            {
                by_organisation.entry(organisation).or_default().push((
                    resident,
                    offer,
                    status.as_str().to_string(),
                ));
            }
            let mut sent = 0;
            for member in repo::with_signup_alerts(conn, SignupAlerts::Daily)? {
                let key = format!("signup-digest:{today}:{member}");
                let (address, name, locale) = signups::service::contact(conn, &member)?;
                let locale = Locale::from_db(&locale);
                let lines: Vec<String> = organisations::service::memberships_of(conn, &member)?
                    .iter()
                    .flat_map(|membership| {
                        by_organisation.get(&membership.id).into_iter().flatten()
                    })
                    .map(|(resident, offer, status)| digest_line(resident, offer, status, locale))
                    .collect();
                if lines.is_empty() || !repo::mark_sent(conn, &key, nowish)? {
                    continue;
                }
                let link = format!("{}/organisation", public_url.trim_end_matches('/'));
                let email = Email::SignupDigest {
                    name: &name,
                    lines: &lines,
                    link: &link,
                }
                .render(locale);
                // The digest is what this member chose instead of single emails.
                service::queue(
                    conn,
                    &member,
                    &address,
                    locale,
                    Topic::SignupAlerts,
                    email,
                    nowish,
                    &public_url,
                )?;
                sent += 1;
            }
            Ok(sent)
        })
        .await?;
    pass_done(state, pass, true).await?;
    Ok(sent)
}

fn digest_line(resident: &str, offer: &str, status: &str, locale: Locale) -> String {
    let status = match (status, locale) {
        ("accepted", Locale::Nl) => "aangenomen",
        ("pending", Locale::Nl) => "wacht op jullie besluit",
        ("waitlisted", Locale::Nl) => "wachtlijst",
        (_, Locale::Nl) => "afgemeld",
        ("accepted", Locale::En) => "accepted",
        ("pending", Locale::En) => "waiting for your decision",
        ("waitlisted", Locale::En) => "waitlist",
        (_, Locale::En) => "withdrawn",
    };
    format!("{resident}: {offer} ({status})")
}

/// On Mondays, for residents who asked: offers published in the past week that fit their profile.
async fn offer_digests(
    state: &AppState,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, AppError> {
    let week = today.iso_week();
    let pass = format!("offer-digests:{}-W{:02}", week.year(), week.week());
    if pass_done(state, pass.clone(), false).await? {
        return Ok(0);
    }
    let residents = state
        .db
        .run(|conn| Ok(repo::with_weekly_digest(conn)?))
        .await?;
    let public_url = state.settings.app.public_url.clone();
    let base = public_url.trim_end_matches('/').to_string();
    let mut sent = 0;
    for resident in residents {
        let fitting = recommendations::service::for_resident(state, resident.clone(), Some(50))
            .await?
            .items
            .into_iter()
            .filter(|item| item.offer.created_at > now - TimeDelta::days(7))
            .take(DIGEST_OFFERS)
            .map(|item| {
                (
                    item.offer.details.title.clone(),
                    format!("{base}/offers/{}", item.offer.id),
                )
            })
            .collect::<Vec<(String, String)>>();
        if fitting.is_empty() {
            continue;
        }
        let key = format!("{pass}:{resident}");
        let public_url = public_url.clone();
        let link = format!("{base}/offers");
        sent += state
            .write(move |conn| {
                let nowish = now.naive_utc();
                if !repo::mark_sent(conn, &key, nowish)? {
                    return Ok(0);
                }
                let (address, name, locale) = signups::service::contact(conn, &resident)?;
                let locale = Locale::from_db(&locale);
                let email = Email::OffersDigest {
                    name: &name,
                    offers: &fitting,
                    link: &link,
                }
                .render(locale);
                let sent = service::send(
                    conn,
                    &resident,
                    &address,
                    locale,
                    Topic::WeeklyDigest,
                    email,
                    nowish,
                    &public_url,
                )?;
                Ok(usize::from(sent))
            })
            .await?;
    }
    pass_done(state, pass, true).await?;
    Ok(sent)
}

/// Starts the loop on the current runtime.
pub fn spawn(state: AppState) {
    actix_web::rt::spawn(async move {
        loop {
            match run_due(&state).await {
                Ok(report) if report != JobReport::default() => {
                    tracing::info!(?report, "scheduled emails queued");
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "scheduled emails failed; will retry"),
            }
            tokio::time::sleep(INTERVAL).await;
        }
    });
}
