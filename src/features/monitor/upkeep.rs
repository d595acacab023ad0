//! Keeps the monitor's figures: per lowest-level district, month and quarter, the indicators that
//! would otherwise read months of attendance on every question. Writes mark the periods they touch
//! stale (attendance for an occurrence in them, a sign-up or a profile made in them); a background
//! pass works out stale and missing periods from the source rows again, the same way a question
//! would (`service::figures`), and stores them. Questions read the kept figures, which may be up to
//! one pass behind a write; a period never worked out is counted from the source rows.

use std::time::Duration;

use chrono::{Months, NaiveDate, NaiveDateTime};

use super::catalogue::IndicatorKey;
use super::models::MonitorCell;
use super::period::Period;
use super::{repo, service};
use crate::db::DbConn;
use crate::error::AppError;
use crate::features::occurrences::schedule;
use crate::state::AppState;

/// The indicators whose figures are kept (the others answer from a few rows anyway).
pub const KEPT: [IndicatorKey; 5] = [
    IndicatorKey::ActiveResidents,
    IndicatorKey::NewStarters,
    IndicatorKey::Hours,
    IndicatorKey::ResidentsWithProfile,
    IndicatorKey::Signups,
];

/// How far back figures are kept: the longest question, and the period before it.
const MONTHS_KEPT: u32 = 25;

/// Periods worked out in one pass at most, so a pass stays short; the rest follow in the next.
const PER_PASS: usize = 8;

pub fn is_kept(key: IndicatorKey) -> bool {
    KEPT.contains(&key)
}

/// The month and quarter of each day.
fn periods_of(days: &[NaiveDate]) -> Vec<String> {
    let mut periods: Vec<String> = days
        .iter()
        .flat_map(|&day| [Period::month(day), Period::quarter_of(day)])
        .map(|period| period.to_string())
        .collect();
    periods.sort();
    periods.dedup();
    periods
}

/// After a write that changes figures of the periods these days fall in (and today's, where
/// first times and profiles count): marks them stale, in the writer's transaction.
pub fn touch(conn: &mut DbConn, days: &[NaiveDate], now: NaiveDateTime) -> Result<(), AppError> {
    let mut days = days.to_vec();
    days.push(schedule::local_day(now.and_utc()));
    Ok(repo::mark_stale(conn, &periods_of(&days), now)?)
}

/// The periods whose figures are kept on `today`: the last 25 months and their quarters, newest
/// first.
fn wanted(today: NaiveDate) -> Vec<Period> {
    let mut wanted = Vec::new();
    for back in 0..MONTHS_KEPT {
        let day = today - Months::new(back);
        let quarter = Period::quarter_of(day);
        if !wanted.contains(&quarter) {
            wanted.push(quarter);
        }
        wanted.push(Period::month(day));
    }
    wanted
}

/// One pass: works out the stale and missing periods (at most [`PER_PASS`], newest first) and
/// stores their figures. Returns how many periods it worked out.
pub async fn refresh(state: &AppState) -> Result<usize, AppError> {
    let today = schedule::local_day(state.clock.now());
    let wanted = wanted(today);
    let names: Vec<String> = wanted.iter().map(ToString::to_string).collect();
    let known = {
        let names = names.clone();
        state
            .db
            .run(move |conn| Ok(repo::periods(conn, &names)?))
            .await?
    };
    let due: Vec<Period> = wanted
        .into_iter()
        .filter(|period| {
            let name = period.to_string();
            known
                .iter()
                .find(|p| p.period == name)
                .is_none_or(|p| p.stale_since.is_some())
        })
        .take(PER_PASS)
        .collect();
    for period in &due {
        let begun = state.clock.now_naive();
        let period = *period;
        let cells = state
            .db
            .run(move |conn| {
                let mut cells = Vec::new();
                for key in KEPT {
                    for (district_id, (value, residents)) in service::figures(conn, key, &period)? {
                        cells.push(MonitorCell {
                            indicator: key.as_str().to_string(),
                            period: period.to_string(),
                            district_id,
                            value,
                            residents,
                        });
                    }
                }
                Ok(cells)
            })
            .await?;
        let clock = state.clock.clone();
        state
            .write(move |conn| {
                Ok(repo::replace_period(
                    conn,
                    &period.to_string(),
                    &cells,
                    begun,
                    clock.now_naive(),
                )?)
            })
            .await?;
    }
    Ok(due.len())
}

/// Runs a pass every `monitor.refresh_seconds` in the background.
pub fn spawn(state: AppState) {
    let every = Duration::from_secs(state.settings.monitor.refresh_seconds);
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(every);
        loop {
            tick.tick().await;
            match refresh(&state).await {
                Ok(0) => {}
                Ok(periods) => tracing::debug!(periods, "monitor figures worked out"),
                Err(error) => {
                    tracing::warn!(%error, "working out the monitor's figures failed; trying again later")
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_25_months_and_their_quarters_newest_first() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let wanted: Vec<String> = wanted(today).iter().map(ToString::to_string).collect();
        assert_eq!(wanted[..3], ["2026-Q4", "2026-12", "2026-11"]);
        assert_eq!(wanted.iter().filter(|p| !p.contains('Q')).count(), 25);
        assert_eq!(wanted.iter().filter(|p| p.contains('Q')).count(), 9);
        assert_eq!(wanted.last().unwrap(), "2024-12");
        assert_eq!(
            periods_of(&[today, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()]),
            ["2026-11", "2026-12", "2026-Q4"]
        );
    }
}
