//! Retention: per-person attendance older than `attendance.retention_months` is folded into
//! anonymous monthly totals per offer and deleted, with its change history, so the district
//! figures keep working without keeping who came. Whole months fold at once (their distinct
//! counts stay exact); a month is folded once, across restarts and servers.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;

use super::models::{Attendance, AttendanceStatus};
use crate::db::DbConn;
use crate::db::ids::{OfferId, UserId};
use crate::db::schema::{attendance, attendance_changes, attendance_monthly};
use crate::error::AppError;
use crate::features::notifications::repo as passes;
use crate::features::occurrences::schedule;
use crate::state::AppState;

/// How often the background loop looks whether a month is due.
const INTERVAL: Duration = Duration::from_secs(3600);

/// One offer's anonymous totals for one month.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = attendance_monthly)]
pub struct MonthlyTotals {
    pub offer_id: OfferId,
    /// `YYYY-MM`, Dutch local month.
    pub month: String,
    pub present: i32,
    pub absent: i32,
    pub excused: i32,
    pub minutes: i64,
    /// Distinct residents with any record that month.
    pub residents: i32,
    /// Distinct residents present at least once that month.
    pub residents_present: i32,
}

/// The first local day of the oldest month whose rows are kept: everything before it is folded.
pub fn keep_from(today: NaiveDate, retention_months: u32) -> NaiveDate {
    let first = today.with_day(1).unwrap_or(today);
    first
        .checked_sub_months(Months::new(retention_months))
        .unwrap_or(first)
}

/// Sums rows into monthly totals per offer (pure).
pub fn totals(rows: &[Attendance]) -> Vec<MonthlyTotals> {
    #[derive(Default)]
    struct Sums {
        present: i32,
        absent: i32,
        excused: i32,
        minutes: i64,
        residents: HashSet<UserId>,
        residents_present: HashSet<UserId>,
    }
    let mut sums: BTreeMap<(OfferId, String), Sums> = BTreeMap::new();
    for row in rows {
        let day = schedule::local_day(row.starts_at.and_utc());
        let key = (
            row.offer_id.clone(),
            format!("{:04}-{:02}", day.year(), day.month()),
        );
        let sum = sums.entry(key).or_default();
        match row.status {
            AttendanceStatus::Present => {
                sum.present += 1;
                sum.residents_present.insert(row.resident_id.clone());
            }
            AttendanceStatus::Absent => sum.absent += 1,
            AttendanceStatus::Excused => sum.excused += 1,
        }
        sum.minutes += i64::from(row.minutes);
        sum.residents.insert(row.resident_id.clone());
    }
    let count = |set: &HashSet<UserId>| i32::try_from(set.len()).unwrap_or(i32::MAX);
    sums.into_iter()
        .map(|((offer_id, month), sum)| MonthlyTotals {
            offer_id,
            month,
            present: sum.present,
            absent: sum.absent,
            excused: sum.excused,
            minutes: sum.minutes,
            residents: count(&sum.residents),
            residents_present: count(&sum.residents_present),
        })
        .collect()
}

/// Folds every row older than the retention period, once per month boundary. Returns how many
/// per-person rows were folded (0 when this month's pass was done already).
pub async fn fold_due(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now();
    let keep = keep_from(
        schedule::local_day(now),
        state.settings.attendance.retention_months,
    );
    let cutoff: NaiveDateTime = schedule::local_instant(keep, NaiveTime::MIN).naive_utc();
    let pass = format!("retention:{keep}");
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            // Marking the pass first: a second server running the same pass fails on its key and
            // folds nothing twice.
            if !passes::mark_sent(conn, &pass, clock.now_naive())? {
                return Ok(0);
            }
            fold_before(conn, cutoff)
        })
        .await
}

fn fold_before(conn: &mut DbConn, cutoff: NaiveDateTime) -> Result<usize, AppError> {
    let rows: Vec<Attendance> = attendance::table
        .filter(attendance::starts_at.lt(cutoff))
        .select(Attendance::as_select())
        .load(conn)?;
    if rows.is_empty() {
        return Ok(0);
    }
    for month in totals(&rows) {
        diesel::insert_into(attendance_monthly::table)
            .values(&month)
            .execute(conn)?;
    }
    diesel::delete(attendance_changes::table.filter(attendance_changes::starts_at.lt(cutoff)))
        .execute(conn)?;
    let folded =
        diesel::delete(attendance::table.filter(attendance::starts_at.lt(cutoff))).execute(conn)?;
    Ok(folded)
}

/// An offer's anonymous monthly totals, oldest first.
pub fn monthly_totals(conn: &mut DbConn, offer_id: &OfferId) -> QueryResult<Vec<MonthlyTotals>> {
    attendance_monthly::table
        .filter(attendance_monthly::offer_id.eq(offer_id))
        .order(attendance_monthly::month.asc())
        .select(MonthlyTotals::as_select())
        .load(conn)
}

/// Runs the fold every hour in the background.
pub fn spawn(state: AppState) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(INTERVAL);
        loop {
            tick.tick().await;
            match fold_due(&state).await {
                Ok(0) => {}
                Ok(folded) => tracing::info!(
                    folded,
                    "attendance past the retention period folded into monthly totals"
                ),
                Err(error) => {
                    tracing::warn!(%error, "folding old attendance failed; trying again later")
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_whole_months() {
        let today = NaiveDate::from_ymd_opt(2027, 3, 15).unwrap();
        assert_eq!(
            keep_from(today, 24),
            NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
        );
        assert_eq!(
            keep_from(today, 1),
            NaiveDate::from_ymd_opt(2027, 2, 1).unwrap()
        );
    }
}
