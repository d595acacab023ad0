//! Keeps the demo world current: its dates are written for one week (`written_for` in demo.toml)
//! and moved by whole weeks to the week it is loaded in, so `make run` a year later still shows
//! running offers and coming sessions, each on the same weekday and at the same Dutch clock time.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Utc};
use chrono_tz::Europe::Amsterdam;
use serde_json::{Map, Value};

/// Whole weeks from the Monday of `written_for` to the Monday of `today` (negative before it).
pub fn weeks_between(written_for: NaiveDate, today: NaiveDate) -> i64 {
    let monday = |day: NaiveDate| day - Days::new(u64::from(day.weekday().num_days_from_monday()));
    (monday(today) - monday(written_for))
        .num_days()
        .div_euclid(7)
}

fn shift_day(day: NaiveDate, weeks: i64) -> NaiveDate {
    day + TimeDelta::weeks(weeks)
}

/// Moves an instant by whole weeks at the same local (Amsterdam) clock time, across DST changes.
fn shift_instant(at: DateTime<Utc>, weeks: i64) -> DateTime<Utc> {
    let local = at.with_timezone(&Amsterdam).naive_local() + TimeDelta::weeks(weeks);
    local
        .and_local_timezone(Amsterdam)
        .earliest()
        .map(|moved| moved.with_timezone(&Utc))
        // A time that does not exist that day (the hour skipped in March): an hour later.
        .unwrap_or_else(|| at + TimeDelta::weeks(weeks) + TimeDelta::hours(1))
}

/// Moves an offer's dates in its create body: `start_date`, `end_date` and each session.
pub fn shift_offer(offer: &mut Map<String, Value>, weeks: i64) {
    if weeks == 0 {
        return;
    }
    for key in ["start_date", "end_date"] {
        if let Some(Value::String(text)) = offer.get_mut(key)
            && let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        {
            *text = shift_day(day, weeks).format("%Y-%m-%d").to_string();
        }
    }
    if let Some(Value::Array(sessions)) = offer.get_mut("sessions") {
        for session in sessions.iter_mut().filter_map(Value::as_object_mut) {
            for key in ["starts_at", "ends_at"] {
                if let Some(Value::String(text)) = session.get_mut(key)
                    && let Ok(at) = DateTime::parse_from_rfc3339(text)
                {
                    *text = shift_instant(at.with_timezone(&Utc), weeks)
                        .format("%Y-%m-%dT%H:%M:%SZ")
                        .to_string();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn whole_weeks_from_monday_to_monday() {
        assert_eq!(weeks_between(day("2026-12-07"), day("2026-12-07")), 0);
        assert_eq!(weeks_between(day("2026-12-07"), day("2026-12-13")), 0);
        assert_eq!(weeks_between(day("2026-12-07"), day("2026-12-14")), 1);
        assert_eq!(weeks_between(day("2026-12-09"), day("2027-12-08")), 52);
        assert_eq!(weeks_between(day("2026-12-07"), day("2026-12-06")), -1);
    }

    #[test]
    fn offers_keep_their_weekday_and_dutch_clock_time() {
        let mut offer = json!({
            "title": "Samen koken",
            "start_date": "2026-09-01",
            "end_date": "2027-06-30",
            "sessions": [{"starts_at": "2026-12-11T15:00:00Z", "ends_at": "2026-12-11T20:00:00Z"}],
        });
        let map = offer.as_object_mut().unwrap();
        shift_offer(map, 17);
        assert_eq!(map["start_date"], "2026-12-29");
        assert_eq!(map["end_date"], "2027-10-27");
        // Friday 16:00 in winter is Friday 16:00 in summer: 14:00 UTC instead of 15:00.
        assert_eq!(map["sessions"][0]["starts_at"], "2027-04-09T14:00:00Z");
        assert_eq!(map["sessions"][0]["ends_at"], "2027-04-09T19:00:00Z");
        assert_eq!(map["title"], "Samen koken");
        shift_offer(map, 0);
        assert_eq!(map["start_date"], "2026-12-29");
    }
}
