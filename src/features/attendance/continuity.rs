//! Supportive continuity signals: after a few unexcused absences in a row the resident gets a
//! friendly "we missed you" (once per streak), and a referring worker sees it on the follow-ups
//! page. Other organisations never see it. The threshold is `attendance.missed_in_a_row`.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::models::AttendanceStatus;
use super::repo;
use crate::db::DbConn;
use crate::db::ids::SignupId;
use crate::db::tx::Tx;
use crate::error::AppError;
use crate::features::notifications::models::Topic;
use crate::features::notifications::{repo as sent, service as notifications};
use crate::features::{offers, signups};
use crate::locale::Locale;
use crate::mail::templates::Email;

/// A run of unexcused absences at the end of someone's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissedStreak {
    pub in_a_row: u32,
    /// The start of the first occurrence missed.
    pub since: NaiveDateTime,
}

/// The unexcused absences in a row at the end of `record` (occurrence starts and statuses, any
/// order), if any. A time present ends a run; an excused absence neither ends nor adds to it.
pub fn missed_streak(record: &[(NaiveDateTime, AttendanceStatus)]) -> Option<MissedStreak> {
    let mut record = record.to_vec();
    record.sort_by_key(|(at, _)| *at);
    let mut streak: Option<MissedStreak> = None;
    for (at, status) in record.into_iter().rev() {
        match status {
            AttendanceStatus::Present => break,
            AttendanceStatus::Excused => {}
            AttendanceStatus::Absent => {
                streak = Some(MissedStreak {
                    in_a_row: streak.map_or(1, |s| s.in_a_row + 1),
                    since: at,
                });
            }
        }
    }
    streak
}

/// The runs of unexcused absences up to `now` of these sign-ups that reach `threshold`.
pub fn signals(
    conn: &mut DbConn,
    signup_ids: &[SignupId],
    threshold: u32,
    now: NaiveDateTime,
) -> Result<HashMap<SignupId, MissedStreak>, AppError> {
    let mut records: HashMap<SignupId, Vec<(NaiveDateTime, AttendanceStatus)>> = HashMap::new();
    for (signup_id, at, status) in repo::since_last_presence(conn, signup_ids, now)? {
        records.entry(signup_id).or_default().push((at, status));
    }
    Ok(records
        .into_iter()
        .filter_map(|(signup_id, record)| {
            missed_streak(&record)
                .filter(|streak| streak.in_a_row >= threshold)
                .map(|streak| (signup_id, streak))
        })
        .collect())
}

/// After a register was saved: tells each of these residents whose unexcused absences in a row
/// reached the threshold, once per run, in their own language.
pub fn notice(
    conn: &mut Tx,
    signup_ids: &[SignupId],
    threshold: u32,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<(), AppError> {
    let base = public_url.trim_end_matches('/');
    let streaks = signals(conn, signup_ids, threshold, now)?;
    for signup_id in signup_ids {
        let Some(streak) = streaks.get(signup_id) else {
            continue;
        };
        let key = format!(
            "missed:{signup_id}:{}",
            streak.since.format("%Y%m%dT%H%M%SZ")
        );
        if !sent::mark_sent(conn, &key, now)? {
            continue;
        }
        let Some(signup) = signups::service::find(conn, signup_id)? else {
            continue;
        };
        let Some(offer) = offers::service::find(conn, &signup.offer_id)? else {
            continue;
        };
        let organisation =
            offers::repo::organisation_names(conn, std::slice::from_ref(&offer.organisation_id))?
                .pop()
                .map(|(_, name)| name)
                .unwrap_or_default();
        let (address, name, locale) = signups::service::contact(conn, &signup.resident_id)?;
        let locale = Locale::from_db(&locale);
        let conversation_link = format!("{base}/conversations/signup/{signup_id}");
        let activities_link = format!("{base}/my-activities");
        let message = Email::MissedYou {
            name: &name,
            offer: &offer.details.title,
            organisation: &organisation,
            conversation_link: &conversation_link,
            activities_link: &activities_link,
        }
        .render(locale);
        notifications::send(
            conn,
            &signup.resident_id,
            &address,
            locale,
            Topic::Reminders,
            message,
            now,
            public_url,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttendanceStatus::{Absent, Excused, Present};

    fn day(d: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2027, 1, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn counts_the_unexcused_absences_at_the_end() {
        assert_eq!(missed_streak(&[]), None);
        assert_eq!(missed_streak(&[(day(1), Present), (day(8), Present)]), None);
        assert_eq!(
            missed_streak(&[(day(15), Absent), (day(1), Present), (day(8), Absent)]),
            Some(MissedStreak {
                in_a_row: 2,
                since: day(8)
            })
        );
        // Present again ends the run; an excused absence does not count, nor break it.
        assert_eq!(
            missed_streak(&[(day(1), Absent), (day(8), Present), (day(15), Absent)]),
            Some(MissedStreak {
                in_a_row: 1,
                since: day(15)
            })
        );
        assert_eq!(
            missed_streak(&[(day(1), Absent), (day(8), Excused), (day(15), Absent)]),
            Some(MissedStreak {
                in_a_row: 2,
                since: day(1)
            })
        );
        assert_eq!(missed_streak(&[(day(1), Present), (day(8), Excused)]), None);
    }
}
