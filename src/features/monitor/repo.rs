//! Diesel queries for the monitor: each indicator per lowest-level district for one period, as
//! (district, value, distinct residents). Residents are counted where their profile says they live.

use chrono::NaiveDateTime;
use diesel::dsl::{count, count_star, min, sum};
use diesel::prelude::*;

use super::models::{MonitorCell, MonitorPeriod};
use crate::db::DbConn;
use crate::db::ids::{DistrictId, UserId};
use crate::db::schema::{
    attendance, monitor_cells, monitor_periods, referral_progress, referrals, resident_profiles,
    signups,
};
use crate::features::attendance::models::AttendanceStatus;
use crate::features::referrals::models::ReferralStatus;

/// A figure of one district: its value and the distinct residents behind it.
pub type DistrictFigure = (DistrictId, i64, i64);

/// Minutes present in `[from, to)` and the distinct residents who were: the value is minutes.
pub fn presence(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<DistrictFigure>> {
    let rows: Vec<(Option<DistrictId>, Option<i64>, i64)> = attendance::table
        .inner_join(
            resident_profiles::table.on(resident_profiles::user_id.eq(attendance::resident_id)),
        )
        .filter(attendance::status.eq(AttendanceStatus::Present))
        .filter(attendance::starts_at.ge(from))
        .filter(attendance::starts_at.lt(to))
        .filter(resident_profiles::district_id.is_not_null())
        .group_by(resident_profiles::district_id)
        .select((
            resident_profiles::district_id,
            sum(attendance::minutes),
            count(attendance::resident_id).aggregate_distinct(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(district, minutes, residents)| {
            Some((district?, minutes.unwrap_or(0), residents))
        })
        .collect())
}

/// Residents whose first presence still kept falls in `[from, to)`, with where they live.
pub fn first_present_in(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<(UserId, Option<DistrictId>)>> {
    let first: Vec<(UserId, Option<NaiveDateTime>)> = attendance::table
        .filter(attendance::status.eq(AttendanceStatus::Present))
        .filter(attendance::starts_at.lt(to))
        .group_by(attendance::resident_id)
        .select((attendance::resident_id, min(attendance::starts_at)))
        .load(conn)?;
    let starters: Vec<UserId> = first
        .into_iter()
        .filter(|(_, at)| at.is_some_and(|at| at >= from))
        .map(|(resident, _)| resident)
        .collect();
    let mut found = Vec::with_capacity(starters.len());
    for chunk in starters.chunks(500) {
        found.extend(
            resident_profiles::table
                .filter(resident_profiles::user_id.eq_any(chunk))
                .select((resident_profiles::user_id, resident_profiles::district_id))
                .load::<(UserId, Option<DistrictId>)>(conn)?,
        );
    }
    Ok(found)
}

/// Profiles made before `until` that name a district.
pub fn profiles_made_before(
    conn: &mut DbConn,
    until: NaiveDateTime,
) -> QueryResult<Vec<DistrictFigure>> {
    let rows: Vec<(Option<DistrictId>, i64)> = resident_profiles::table
        .filter(resident_profiles::created_at.lt(until))
        .filter(resident_profiles::district_id.is_not_null())
        .group_by(resident_profiles::district_id)
        .select((resident_profiles::district_id, count_star()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(district, residents)| Some((district?, residents, residents)))
        .collect())
}

/// A referral accepted in a period, with what its progress reached.
pub struct AcceptedReferral {
    pub district_id: DistrictId,
    pub resident_id: UserId,
    pub started: bool,
    pub week_4: bool,
    pub week_12: bool,
}

/// Referrals accepted in `[from, to)` (their sign-up made then), by where the resident lives.
pub fn referrals_accepted(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<AcceptedReferral>> {
    // Where the resident lives, who, and when each milestone was reached.
    type Row = (
        Option<DistrictId>,
        UserId,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
    );
    let rows: Vec<Row> = referrals::table
        .inner_join(signups::table.on(referrals::signup_id.eq(signups::id.nullable())))
        .inner_join(
            resident_profiles::table.on(resident_profiles::user_id.eq(referrals::resident_id)),
        )
        .left_join(referral_progress::table)
        .filter(referrals::status.eq(ReferralStatus::Accepted))
        .filter(signups::created_at.ge(from))
        .filter(signups::created_at.lt(to))
        .select((
            resident_profiles::district_id,
            referrals::resident_id,
            referral_progress::started_at.nullable(),
            referral_progress::week_4_at.nullable(),
            referral_progress::week_12_at.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(district, resident_id, started, week_4, week_12)| {
            Some(AcceptedReferral {
                district_id: district?,
                resident_id,
                started: started.is_some(),
                week_4: week_4.is_some(),
                week_12: week_12.is_some(),
            })
        })
        .collect())
}

/// Sign-ups made in `[from, to)` and the residents who made them.
pub fn signups_made(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<DistrictFigure>> {
    let rows: Vec<(Option<DistrictId>, i64, i64)> = signups::table
        .inner_join(
            resident_profiles::table.on(resident_profiles::user_id.eq(signups::resident_id)),
        )
        .filter(signups::created_at.ge(from))
        .filter(signups::created_at.lt(to))
        .filter(resident_profiles::district_id.is_not_null())
        .group_by(resident_profiles::district_id)
        .select((
            resident_profiles::district_id,
            count_star(),
            count(signups::resident_id).aggregate_distinct(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(district, count, residents)| Some((district?, count, residents)))
        .collect())
}

/// The kept figures of one indicator and period per district, if the period has been worked out.
pub fn kept(
    conn: &mut DbConn,
    indicator: &str,
    period: &str,
) -> QueryResult<Option<Vec<DistrictFigure>>> {
    let worked_out = monitor_periods::table
        .find(period)
        .select(monitor_periods::period)
        .first::<String>(conn)
        .optional()?;
    if worked_out.is_none() {
        return Ok(None);
    }
    monitor_cells::table
        .filter(monitor_cells::indicator.eq(indicator))
        .filter(monitor_cells::period.eq(period))
        .select((
            monitor_cells::district_id,
            monitor_cells::value,
            monitor_cells::residents,
        ))
        .load(conn)
        .map(Some)
}

/// The state of these periods (those worked out at least once).
pub fn periods(conn: &mut DbConn, periods: &[String]) -> QueryResult<Vec<MonitorPeriod>> {
    monitor_periods::table
        .filter(monitor_periods::period.eq_any(periods))
        .select(MonitorPeriod::as_select())
        .load(conn)
}

/// Marks these periods stale (those worked out already; the others are worked out anyway).
pub fn mark_stale(conn: &mut DbConn, periods: &[String], now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(
        monitor_periods::table
            .filter(monitor_periods::period.eq_any(periods))
            .filter(monitor_periods::stale_since.is_null()),
    )
    .set(monitor_periods::stale_since.eq(now))
    .execute(conn)
    .map(|_| ())
}

/// Replaces a period's figures with ones worked out from what was there at `begun`: the period is
/// fresh again unless a write marked it stale after that.
pub fn replace_period(
    conn: &mut DbConn,
    period: &str,
    cells: &[MonitorCell],
    begun: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(monitor_cells::table.filter(monitor_cells::period.eq(period))).execute(conn)?;
    for chunk in cells.chunks(500) {
        crate::batch_insert!(conn, monitor_cells::table, chunk)?;
    }
    let updated = diesel::update(monitor_periods::table.find(period))
        .set(monitor_periods::computed_at.eq(now))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(monitor_periods::table)
            .values(MonitorPeriod {
                period: period.to_string(),
                computed_at: now,
                stale_since: None,
            })
            .execute(conn)?;
    }
    diesel::update(
        monitor_periods::table
            .find(period)
            .filter(monitor_periods::stale_since.le(begun)),
    )
    .set(monitor_periods::stale_since.eq(None::<NaiveDateTime>))
    .execute(conn)?;
    Ok(())
}
