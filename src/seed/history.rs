//! Twelve weeks of taking part in the demo world, so every attendance page has something to show:
//! the Pluktuin Bargeres on Thursday afternoons, where Jan comes nearly every week, Henk (referred by
//! Fatma) is steady, Yvonne (referred) stopped after three weeks, Gerrit (referred a month ago)
//! never started, and one afternoon was cancelled for a storm.

use chrono::{NaiveDateTime, TimeDelta};

use super::DEMO_PASSWORD;
use crate::auth::{AuthUser, Role};
use crate::db::ids::{DistrictId, OfferId, UserId};
use crate::db::tx::Tx;
use crate::error::AppError;
use crate::features::accounts::service::{self as accounts, ensure_user};
use crate::features::attendance::models::{Attendance, AttendanceStatus};
use crate::features::attendance::service as attendance;
use crate::features::occurrences::models::Cancellation;
use crate::features::occurrences::{repo as cancellations, schedule, service as occurrences};
use crate::features::offers::models::Offer;
use crate::features::offers::service as offers;
use crate::features::profiles::dto::ProfileRequest;
use crate::features::profiles::models::MaxTravel;
use crate::features::referrals::models::ReferralStatus;
use crate::features::referrals::{repo as referrals_repo, service as referrals};
use crate::features::signups::models::Signup;
use crate::features::signups::service::{self as signups, SignupInput};

pub const HISTORY_OFFER: &str = "Pluktuin Bargeres: samen zaaien en oogsten";

/// How a person takes part, meeting by meeting from their sign-up on (0 is their first).
enum Pattern {
    /// Present, with one excused and one unexcused absence along the way.
    Steady,
    /// Present three times, then absent.
    StopsAfterThree,
    /// Never present.
    NeverStarts,
}

impl Pattern {
    fn status(&self, meeting: usize) -> AttendanceStatus {
        match self {
            Self::Steady if meeting == 4 => AttendanceStatus::Excused,
            Self::Steady if meeting == 7 => AttendanceStatus::Absent,
            Self::Steady => AttendanceStatus::Present,
            Self::StopsAfterThree if meeting < 3 => AttendanceStatus::Present,
            Self::StopsAfterThree | Self::NeverStarts => AttendanceStatus::Absent,
        }
    }
}

struct Person {
    email: &'static str,
    name: &'static str,
    district: &'static str,
    /// Weeks ago the place began.
    weeks_ago: i64,
    referred: bool,
    pattern: Pattern,
}

#[allow(clippy::too_many_arguments)]
pub fn load(
    conn: &mut Tx,
    now: NaiveDateTime,
    public_url: &str,
    district: &dyn Fn(&str) -> Result<DistrictId, AppError>,
    offer_id: &OfferId,
    worker: &UserId,
    jan: &UserId,
) -> Result<(), AppError> {
    let offer = offers::find(conn, offer_id)?.ok_or(AppError::NotFound)?;
    let people = [
        Person {
            email: "henk@demo.meedoen.nl",
            name: "Henk Mulder",
            district: "Emmermeer",
            weeks_ago: 12,
            referred: true,
            pattern: Pattern::Steady,
        },
        Person {
            email: "yvonne@demo.meedoen.nl",
            name: "Yvonne Bakker",
            district: "Angelslo",
            weeks_ago: 12,
            referred: true,
            pattern: Pattern::StopsAfterThree,
        },
        Person {
            email: "gerrit@demo.meedoen.nl",
            name: "Gerrit Hoekstra",
            district: "Emmerschans",
            weeks_ago: 4,
            referred: true,
            pattern: Pattern::NeverStarts,
        },
    ];
    let worker = accounts::acting_as(conn, worker)?;
    let mut places: Vec<(Signup, Pattern)> = Vec::new();
    for person in people {
        let (id, _) = ensure_user(
            conn,
            now,
            person.email,
            person.name,
            DEMO_PASSWORD,
            &[Role::Resident],
        )?;
        let profile = ProfileRequest {
            district_id: Some(district(person.district)?),
            birth_year: Some(1971),
            skills: vec!["gardening".into()],
            interests: vec!["nature".into()],
            goals: vec!["social_contact".into(), "outdoors".into()],
            languages: vec!["nl".into()],
            access_needs: Vec::new(),
            guidance_needed: None,
            dutch_level: None,
            availability: Vec::new(),
            max_travel: Some(MaxTravel::Anywhere),
            share_with_workers: true,
            share_email: false,
            share_phone: false,
            phone: None,
        };
        crate::features::profiles::service::save(conn, &id, &profile, now.and_utc())?;
        let resident = accounts::acting_as(conn, &id)?;
        let since = now - TimeDelta::weeks(person.weeks_ago);
        let signup = if person.referred {
            accepted_referral(conn, &worker, &resident, &offer, since, public_url)?
        } else {
            place(conn, &resident, &offer, since, public_url)?
        };
        places.push((signup, person.pattern));
    }
    let jan = accounts::acting_as(conn, jan)?;
    let since = now - TimeDelta::weeks(10);
    places.push((
        place(conn, &jan, &offer, since, public_url)?,
        Pattern::Steady,
    ));

    // The meetings of the last twelve weeks; the one six weeks ago was cancelled.
    let first_day = schedule::local_day((now - TimeDelta::weeks(12)).and_utc());
    let today = schedule::local_day(now.and_utc());
    let held: Vec<_> = occurrences::occurrences_of(conn, &offer, first_day, today)?
        .into_iter()
        .filter(|o| o.ends_at.naive_utc() <= now)
        .collect();
    let storm = now - TimeDelta::weeks(6);
    let cancelled = held
        .iter()
        .find(|o| o.starts_at.naive_utc() >= storm)
        .map(|o| o.starts_at);
    if let Some(starts_at) = cancelled {
        cancellations::insert(
            conn,
            &Cancellation {
                id: occurrences::occurrence_id(&offer.id, starts_at),
                offer_id: offer.id.clone(),
                starts_at: starts_at.naive_utc(),
                reason: "Storm: de tuin is dicht.".into(),
                cancelled_by: offer.created_by.clone(),
                cancelled_at: starts_at.naive_utc() - TimeDelta::hours(20),
            },
        )?;
    }
    for (signup, pattern) in &places {
        let theirs = held
            .iter()
            .filter(|o| o.starts_at.naive_utc() >= signup.created_at)
            .filter(|o| Some(o.starts_at) != cancelled);
        for (meeting, occurrence) in theirs.enumerate() {
            let status = pattern.status(meeting);
            attendance::write(
                conn,
                &[Attendance {
                    signup_id: signup.id.clone(),
                    starts_at: occurrence.starts_at.naive_utc(),
                    offer_id: offer.id.clone(),
                    resident_id: signup.resident_id.clone(),
                    status,
                    companion_present: None,
                    minutes: if status == AttendanceStatus::Present {
                        attendance::minutes_of(occurrence)
                    } else {
                        0
                    },
                    minutes_set: false,
                    recorded_by: offer.created_by.clone(),
                    recorded_at: occurrence.ends_at.naive_utc() + TimeDelta::minutes(30),
                }],
                now,
            )?;
        }
    }
    Ok(())
}

/// A sign-up made `at` (the offer accepts on its own).
fn place(
    conn: &mut Tx,
    who: &AuthUser,
    offer: &Offer,
    at: NaiveDateTime,
    public_url: &str,
) -> Result<Signup, AppError> {
    let input = SignupInput {
        message: None,
        with_companion: false,
        referral: None,
    };
    let created = signups::create_signup(conn, offer, who, input, at, public_url)?;
    signups::find(conn, &created.id)?.ok_or(AppError::NotFound)
}

/// The worker's proposal, accepted by the resident, both `at`.
fn accepted_referral(
    conn: &mut Tx,
    worker: &AuthUser,
    resident: &AuthUser,
    offer: &Offer,
    at: NaiveDateTime,
    public_url: &str,
) -> Result<Signup, AppError> {
    let referral = referrals::propose_in(
        conn,
        worker,
        &resident.id,
        &offer.id,
        Some("In de pluktuin werk je buiten, samen met buren. Zullen we het proberen?".into()),
        at,
        public_url,
    )?;
    let input = SignupInput {
        message: None,
        with_companion: false,
        referral: Some((referral.id.clone(), None)),
    };
    let created = signups::create_signup(conn, offer, resident, input, at, public_url)?;
    referrals_repo::answer(
        conn,
        &referral,
        ReferralStatus::Accepted,
        false,
        None,
        Some(&created.id),
        at,
    )?;
    signups::find(conn, &created.id)?.ok_or(AppError::NotFound)
}
