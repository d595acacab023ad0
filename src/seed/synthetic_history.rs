//! `meedoen seed --synthetic --weeks N`: weeks of taking part in a synthetic world, for the
//! attendance benchmarks. Every offer fills its places with residents (one place each), each place
//! has a record for every weekly meeting of the last N weeks (mostly present; the first 50 offers
//! get 30 places, for the 30-person register), and one synthetic
//! worker has referrals behind part of the places in their districts. Rows go in with multi-row
//! INSERTs, like the rest of the synthetic world.

use chrono::{Datelike, Days, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use super::synthetic::SYNTHETIC_PASSWORD;
use crate::auth::{Role, password};
use crate::db::ids::{DistrictId, OfferId, ReferralId, SignupId, UserId};
use crate::db::schema::{
    attendance, offer_slots, offers, referrals, resident_profiles, signups, users,
};
use crate::db::tx::Tx;
use crate::db::{DbConn, write_transaction};
use crate::error::AppError;
use crate::features::attendance::models::{Attendance, AttendanceStatus};
use crate::features::occurrences::schedule;
use crate::features::referrals::models::{Referral, ReferralStatus};
use crate::features::signups::models::{Signup, SignupStatus};

const BATCH: usize = 500;
/// Referrals the synthetic worker made, at most.
const WORKER_REFERRALS: usize = 300;
/// The synthetic worker's districts.
const WORKER_DISTRICTS: usize = 3;
/// This many offers get 30 places, for the benchmark of saving a 30-person register.
const LARGE_OFFERS: usize = 50;
const LARGE_CAPACITY: i32 = 30;
pub const SYNTHETIC_WORKER: &str = "worker@synthetic.meedoen.test";

#[derive(Debug, Default)]
pub struct HistoryReport {
    pub places: usize,
    pub attendance_rows: usize,
    pub referrals: usize,
}

fn weekday(number: i32) -> Weekday {
    match number {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// Adds `weeks` weeks of history to the synthetic world in the database.
pub fn seed(
    conn: &mut DbConn,
    now: NaiveDateTime,
    weeks: u32,
    seed: u64,
) -> Result<HistoryReport, AppError> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5EED);
    let since = now - TimeDelta::weeks(i64::from(weeks));
    let password_hash = password::hash(SYNTHETIC_PASSWORD).map_err(AppError::internal)?;
    write_transaction(conn, |conn| {
        // Offers with their first weekly slot, and residents with where they live.
        let slots: Vec<(OfferId, i32, String, String, i32, UserId)> = offers::table
            .inner_join(offer_slots::table)
            .filter(offers::accepted_places.eq(0))
            .select((
                offers::id,
                offer_slots::weekday,
                offer_slots::start_time,
                offer_slots::end_time,
                offers::capacity,
                offers::created_by,
            ))
            .order((offers::id.asc(), offer_slots::id.asc()))
            .load(conn)?;
        let mut residents: Vec<(UserId, Option<DistrictId>, bool)> = resident_profiles::table
            .inner_join(users::table.on(users::id.eq(resident_profiles::user_id)))
            .filter(users::email.like("resident-%@synthetic.meedoen.test"))
            .select((
                resident_profiles::user_id,
                resident_profiles::district_id,
                resident_profiles::share_with_workers,
            ))
            .order(resident_profiles::user_id.asc())
            .load(conn)?;
        residents.shuffle(&mut rng);
        let mut residents = residents.into_iter();

        // The synthetic worker, in the districts of the first residents who let workers see them.
        let worker = UserId::new();
        diesel::insert_into(users::table)
            .values((
                users::id.eq(&worker),
                users::email.eq(SYNTHETIC_WORKER),
                users::display_name.eq("Synthetische wijkwerker"),
                users::password_hash.eq(&password_hash),
                users::locale.eq("nl"),
                users::email_verified.eq(true),
                users::tokens_valid_after.eq(now),
                users::created_at.eq(now),
                users::updated_at.eq(now),
            ))
            .execute(conn)?;
        let mut worker_districts: Vec<DistrictId> = Vec::new();

        let mut report = HistoryReport::default();
        let mut seen_offer: Option<OfferId> = None;
        let mut large: Vec<OfferId> = Vec::new();
        let mut signup_rows: Vec<Signup> = Vec::new();
        let mut referral_rows: Vec<Referral> = Vec::new();
        let mut attendance_rows: Vec<Attendance> = Vec::new();
        let today = schedule::local_day(now.and_utc());
        for (offer_id, day, start, end, capacity, owner) in slots {
            // One slot per offer: the first.
            if seen_offer.as_ref() == Some(&offer_id) {
                continue;
            }
            seen_offer = Some(offer_id.clone());
            let capacity = if large.len() < LARGE_OFFERS {
                large.push(offer_id.clone());
                LARGE_CAPACITY
            } else {
                capacity
            };
            let (Ok(start), Ok(end)) = (
                NaiveTime::parse_from_str(&start, "%H:%M"),
                NaiveTime::parse_from_str(&end, "%H:%M"),
            ) else {
                continue;
            };
            let minutes = i32::try_from((end - start).num_minutes()).unwrap_or(60);
            // The meetings of the last `weeks` weeks.
            let mut meetings = Vec::new();
            let mut day_cursor = today - Days::new(u64::from(weeks) * 7);
            while day_cursor.weekday() != weekday(day) {
                day_cursor = day_cursor + Days::new(1);
            }
            while day_cursor <= today {
                let at = schedule::local_instant(day_cursor, start).naive_utc();
                if at >= since && at + TimeDelta::minutes(i64::from(minutes)) <= now {
                    meetings.push(at);
                }
                day_cursor = day_cursor + Days::new(7);
            }
            for _ in 0..capacity {
                let Some((resident, district, consents)) = residents.next() else {
                    break;
                };
                let signup_id = SignupId::new();
                let mut referral_id = None;
                if consents
                    && report.referrals < WORKER_REFERRALS
                    && let Some(district) = &district
                {
                    if !worker_districts.contains(district)
                        && worker_districts.len() < WORKER_DISTRICTS
                    {
                        worker_districts.push(district.clone());
                    }
                    if worker_districts.contains(district) {
                        let id = ReferralId::new();
                        referral_rows.push(Referral {
                            id: id.clone(),
                            worker_id: worker.clone(),
                            resident_id: resident.clone(),
                            offer_id: offer_id.clone(),
                            note: None,
                            status: ReferralStatus::Accepted,
                            share_note: false,
                            decline_reason: None,
                            signup_id: Some(signup_id.clone()),
                            created_at: since,
                            updated_at: since,
                            outcome: None,
                            outcome_reason: None,
                            closed_at: None,
                        });
                        referral_id = Some(id);
                        report.referrals += 1;
                    }
                }
                signup_rows.push(Signup {
                    id: signup_id.clone(),
                    offer_id: offer_id.clone(),
                    resident_id: resident.clone(),
                    status: SignupStatus::Accepted,
                    message: None,
                    with_companion: false,
                    places: 1,
                    created_at: since,
                    updated_at: since,
                    referral_id,
                    referral_note: None,
                });
                report.places += 1;
                // Mostly present; some stop along the way.
                let stops_after = rng
                    .random_bool(0.15)
                    .then(|| rng.random_range(1..=meetings.len().max(1)));
                for (index, at) in meetings.iter().enumerate() {
                    let status = if stops_after.is_some_and(|stop| index >= stop) {
                        AttendanceStatus::Absent
                    } else {
                        match rng.random_range(0..100) {
                            0..80 => AttendanceStatus::Present,
                            80..92 => AttendanceStatus::Absent,
                            _ => AttendanceStatus::Excused,
                        }
                    };
                    attendance_rows.push(Attendance {
                        signup_id: signup_id.clone(),
                        starts_at: *at,
                        offer_id: offer_id.clone(),
                        resident_id: resident.clone(),
                        status,
                        companion_present: None,
                        minutes: if status == AttendanceStatus::Present {
                            minutes
                        } else {
                            0
                        },
                        minutes_set: false,
                        recorded_by: owner.clone(),
                        recorded_at: *at + TimeDelta::minutes(i64::from(minutes) + 30),
                    });
                }
                if attendance_rows.len() >= BATCH * 20 {
                    flush(
                        conn,
                        &mut signup_rows,
                        &mut referral_rows,
                        &mut attendance_rows,
                        &mut report,
                    )?;
                }
            }
        }
        flush(
            conn,
            &mut signup_rows,
            &mut referral_rows,
            &mut attendance_rows,
            &mut report,
        )?;
        diesel::update(offers::table.filter(offers::id.eq_any(&large)))
            .set(offers::capacity.eq(LARGE_CAPACITY))
            .execute(conn)?;
        // The offers' taken places follow from the sign-ups.
        diesel::sql_query(
            "UPDATE offers SET accepted_places = (SELECT COUNT(*) FROM signups \
             WHERE signups.offer_id = offers.id AND signups.status = 'accepted')",
        )
        .execute(conn)?;
        // The referrals' milestones, as a register save would keep them.
        crate::features::referrals::follow_ups::catch_up(conn, now)?;
        // Fresh statistics for the planner: after millions of rows in one go PostgreSQL would
        // otherwise scan the attendance table instead of using its keys until autovacuum runs.
        if matches!(conn, DbConn::Postgres(_)) {
            diesel::sql_query("ANALYZE attendance, signups, referrals, referral_progress")
                .execute(conn)?;
        }
        let mut tx = Tx::new(conn);
        crate::features::workers::service::assign_in(&mut tx, &worker, &worker_districts, now)?;
        crate::features::accounts::service::grant_role(&mut tx, &worker, Role::Resident, now)?;
        Ok(report)
    })
}

fn flush(
    conn: &mut DbConn,
    signup_rows: &mut Vec<Signup>,
    referral_rows: &mut Vec<Referral>,
    attendance_rows: &mut Vec<Attendance>,
    report: &mut HistoryReport,
) -> Result<(), AppError> {
    // Sign-ups first: referrals and attendance point at them.
    for chunk in signup_rows.chunks(BATCH) {
        crate::batch_insert!(conn, signups::table, chunk)?;
    }
    for chunk in referral_rows.chunks(BATCH) {
        crate::batch_insert!(conn, referrals::table, chunk)?;
    }
    for chunk in attendance_rows.chunks(BATCH) {
        crate::batch_insert!(conn, attendance::table, chunk)?;
    }
    report.attendance_rows += attendance_rows.len();
    signup_rows.clear();
    referral_rows.clear();
    attendance_rows.clear();
    Ok(())
}
