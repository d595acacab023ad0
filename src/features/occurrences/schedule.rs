//! When an offer meets, as dated occurrences: its weekly slots on every matching day between its
//! start and end dates, in Dutch local time (Europe/Amsterdam, so 09:30 stays 09:30 across the
//! changes to and from summer time), next to its dated sessions. Pure: no database, no clock.

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use chrono_tz::Europe::Amsterdam;

use crate::features::offers::dto::OfferSchedule;

/// One meeting of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Planned {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// The offer's dates, as stored (`YYYY-MM-DD`, either may be open).
#[derive(Debug, Clone, Copy, Default)]
pub struct Period {
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

impl Period {
    pub fn parse(start_date: Option<&str>, end_date: Option<&str>) -> Self {
        let day =
            |raw: Option<&str>| raw.and_then(|raw| NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok());
        Self {
            first_day: day(start_date),
            last_day: day(end_date),
        }
    }

    fn contains(&self, day: NaiveDate) -> bool {
        self.first_day.is_none_or(|first| day >= first)
            && self.last_day.is_none_or(|last| day <= last)
    }
}

/// The local day an instant falls on in the Netherlands.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Amsterdam).date_naive()
}

/// A Dutch wall-clock time as an instant. A time the clocks skip (02:00–03:00 on the last Sunday
/// of March) counts from the moment the clocks jump; a time that happens twice (02:00–03:00 on the
/// last Sunday of October) is its first.
pub fn local_instant(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let wall = NaiveDateTime::new(day, time);
    match Amsterdam.from_local_datetime(&wall) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
        LocalResult::None => {
            let later = wall + chrono::TimeDelta::hours(1);
            Amsterdam
                .from_local_datetime(&later)
                .earliest()
                .map_or_else(|| later.and_utc(), |at| at.with_timezone(&Utc))
        }
    }
}

fn time_of(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw, "%H:%M").ok()
}

/// Every occurrence that starts on a local day from `from` to `to` (both included), in order of
/// start; a weekly slot and a session at the same start are one occurrence.
pub fn occurrences(
    schedule: &OfferSchedule,
    period: Period,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Planned> {
    let mut planned = Vec::new();
    let mut day = from;
    while day <= to {
        if period.contains(day) {
            let weekday = day.weekday().number_from_monday() as i32;
            for slot in schedule
                .weekly_slots
                .iter()
                .filter(|slot| slot.weekday == weekday)
            {
                if let (Some(start), Some(end)) = (time_of(&slot.start), time_of(&slot.end)) {
                    planned.push(Planned {
                        starts_at: local_instant(day, start),
                        ends_at: local_instant(day, end),
                    });
                }
            }
        }
        match day.checked_add_days(Days::new(1)) {
            Some(next) => day = next,
            None => break,
        }
    }
    for session in &schedule.sessions {
        let day = local_day(session.starts_at);
        if (from..=to).contains(&day) {
            planned.push(Planned {
                starts_at: session.starts_at,
                ends_at: session.ends_at,
            });
        }
    }
    planned.sort();
    planned.dedup_by_key(|occurrence| occurrence.starts_at);
    planned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::offers::dto::{DatedSession, WeeklySlot};

    fn day(raw: &str) -> NaiveDate {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
    }

    fn tuesday_mornings() -> OfferSchedule {
        OfferSchedule {
            weekly_slots: vec![WeeklySlot {
                weekday: 2,
                start: "09:30".into(),
                end: "12:00".into(),
            }],
            sessions: Vec::new(),
        }
    }

    fn starts(planned: &[Planned]) -> Vec<String> {
        planned.iter().map(|p| p.starts_at.to_rfc3339()).collect()
    }

    #[test]
    fn weekly_slots_keep_their_local_time_across_summer_time() {
        // Tuesdays around the change to summer time (Sunday 2027-03-28).
        let planned = occurrences(
            &tuesday_mornings(),
            Period::default(),
            day("2027-03-20"),
            day("2027-04-03"),
        );
        assert_eq!(
            starts(&planned),
            ["2027-03-23T08:30:00+00:00", "2027-03-30T07:30:00+00:00"],
            "09:30 is UTC+1 in winter and UTC+2 in summer"
        );
        assert_eq!(planned[0].ends_at.to_rfc3339(), "2027-03-23T11:00:00+00:00");
        // And back to winter time (Sunday 2027-10-31).
        let planned = occurrences(
            &tuesday_mornings(),
            Period::default(),
            day("2027-10-25"),
            day("2027-11-03"),
        );
        assert_eq!(
            starts(&planned),
            ["2027-10-26T07:30:00+00:00", "2027-11-02T08:30:00+00:00"]
        );
    }

    #[test]
    fn a_slot_in_the_hour_the_clocks_skip_or_repeat() {
        let night = OfferSchedule {
            weekly_slots: vec![WeeklySlot {
                weekday: 7,
                start: "02:30".into(),
                end: "04:00".into(),
            }],
            sessions: Vec::new(),
        };
        // 02:30 does not exist on 2027-03-28: it starts when the clocks jump to 03:00 (01:00 UTC).
        let spring = occurrences(
            &night,
            Period::default(),
            day("2027-03-28"),
            day("2027-03-28"),
        );
        assert_eq!(starts(&spring), ["2027-03-28T01:30:00+00:00"]);
        // 02:30 happens twice on 2027-10-31: the first (still summer time, 00:30 UTC).
        let autumn = occurrences(
            &night,
            Period::default(),
            day("2027-10-31"),
            day("2027-10-31"),
        );
        assert_eq!(starts(&autumn), ["2027-10-31T00:30:00+00:00"]);
    }

    #[test]
    fn only_within_the_offers_dates_and_the_asked_range() {
        let period = Period::parse(Some("2027-01-12"), Some("2027-01-26"));
        let planned = occurrences(
            &tuesday_mornings(),
            period,
            day("2027-01-01"),
            day("2027-02-28"),
        );
        assert_eq!(
            starts(&planned),
            [
                "2027-01-12T08:30:00+00:00",
                "2027-01-19T08:30:00+00:00",
                "2027-01-26T08:30:00+00:00"
            ]
        );
        let planned = occurrences(
            &tuesday_mornings(),
            period,
            day("2027-01-13"),
            day("2027-01-19"),
        );
        assert_eq!(starts(&planned), ["2027-01-19T08:30:00+00:00"]);
    }

    #[test]
    fn sessions_join_the_slots_and_a_double_is_one() {
        let mut schedule = tuesday_mornings();
        let at = |raw: &str| {
            DateTime::parse_from_rfc3339(raw)
                .unwrap()
                .with_timezone(&Utc)
        };
        schedule.sessions = vec![
            DatedSession {
                starts_at: at("2027-01-14T13:00:00Z"),
                ends_at: at("2027-01-14T15:00:00Z"),
            },
            // The same start as the slot of 19 January.
            DatedSession {
                starts_at: at("2027-01-19T08:30:00Z"),
                ends_at: at("2027-01-19T11:00:00Z"),
            },
        ];
        let planned = occurrences(
            &schedule,
            Period::default(),
            day("2027-01-12"),
            day("2027-01-20"),
        );
        assert_eq!(
            starts(&planned),
            [
                "2027-01-12T08:30:00+00:00",
                "2027-01-14T13:00:00+00:00",
                "2027-01-19T08:30:00+00:00"
            ]
        );
    }
}
