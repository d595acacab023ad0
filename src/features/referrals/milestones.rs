//! A referral's milestones after the resident accepted, from attendance alone: pure (no database,
//! no clock), so the rules are tested here and the same everywhere they are shown.
//!
//! - `started`: the first time present; due within 3 weeks of accepting, else the referral never
//!   started.
//! - `week_4` and `week_12`: still going 4 and 12 weeks after the start: present at least once in
//!   the two weeks around the mark (a week before to a week after).
//!
//! Weeks are counted on the Dutch calendar: 4 weeks after Tuesday 09:30 is Tuesday 09:30, also when
//! the clocks changed in between.

use chrono::{DateTime, Days, TimeDelta, Utc};
use chrono_tz::Europe::Amsterdam;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text_enum;

/// How long a resident has to come for the first time after accepting.
pub const START_WITHIN_DAYS: u64 = 21;
/// Half the window around a 4- or 12-week mark.
pub const MARK_WINDOW: TimeDelta = TimeDelta::days(7);

text_enum!(
    /// The three milestones of a referral after acceptance.
    MilestoneKind {
        Started => "started",
        Week4 => "week_4",
        Week12 => "week_12",
    }
);

text_enum!(
    /// How a referral ended: `completed` and `stopped` are the worker's word, `never_started`
    /// follows from attendance (nobody present within 3 weeks of accepting).
    Outcome {
        Completed => "completed",
        Stopped => "stopped",
        NeverStarted => "never_started",
    }
);

text_enum!(
    /// Why a resident stopped, from a short list.
    StopReason {
        Health => "health",
        NotAFit => "not_a_fit",
        Times => "times",
        Travel => "travel",
        FoundWork => "found_work",
        Moved => "moved",
        Other => "other",
    }
);

text_enum!(
    /// Where a milestone stands now.
    MilestoneState {
        /// Reached.
        Reached => "reached",
        /// Its window is open and it is not reached yet.
        Due => "due",
        /// Its window closed without it.
        Missed => "missed",
        /// Its window has not opened yet.
        Upcoming => "upcoming",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Milestone {
    pub kind: MilestoneKind,
    /// When it falls: 3 weeks after accepting for `started`; the mark for the others.
    pub due: DateTime<Utc>,
    pub reached_at: Option<DateTime<Utc>>,
    pub state: MilestoneState,
}

/// A referral's milestones and outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// `started` always; `week_4` and `week_12` once started.
    pub milestones: Vec<Milestone>,
    /// The worker's outcome if they closed it, else `never_started` when that follows.
    pub outcome: Option<Outcome>,
}

impl FollowUp {
    /// The first milestone not reached that is due or missed: what a follow-up is about.
    pub fn needs_attention(&self) -> Option<&Milestone> {
        self.milestones
            .iter()
            .find(|m| matches!(m.state, MilestoneState::Due | MilestoneState::Missed))
    }
}

/// The same local wall-clock time `days` later.
fn days_later(at: DateTime<Utc>, days: u64) -> DateTime<Utc> {
    let local = at.with_timezone(&Amsterdam).naive_local();
    let later = local.checked_add_days(Days::new(days)).unwrap_or(local);
    crate::features::occurrences::schedule::local_instant(later.date(), later.time())
}

fn state(
    due_from: DateTime<Utc>,
    due_until: DateTime<Utc>,
    reached: bool,
    now: DateTime<Utc>,
) -> MilestoneState {
    if reached {
        MilestoneState::Reached
    } else if now > due_until {
        MilestoneState::Missed
    } else if now >= due_from {
        MilestoneState::Due
    } else {
        MilestoneState::Upcoming
    }
}

/// When each milestone was reached: what attendance says, whatever the clock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reached {
    pub started: Option<DateTime<Utc>>,
    pub week_4: Option<DateTime<Utc>>,
    pub week_12: Option<DateTime<Utc>>,
}

/// The milestones reached by a resident who accepted at `accepted_at`, given the starts of the
/// occurrences they were present at (any order).
pub fn reached(accepted_at: DateTime<Utc>, presences: &[DateTime<Utc>]) -> Reached {
    let mut present: Vec<DateTime<Utc>> = presences
        .iter()
        .copied()
        .filter(|at| *at >= accepted_at - TimeDelta::days(1))
        .collect();
    present.sort();
    let start_due = days_later(accepted_at, START_WITHIN_DAYS);
    let Some(started) = present.first().copied().filter(|at| *at <= start_due) else {
        return Reached::default();
    };
    let present_around = |weeks: u64| {
        let mark = days_later(started, weeks * 7);
        let window = (mark - MARK_WINDOW)..=(mark + MARK_WINDOW);
        present.iter().copied().find(|at| window.contains(at))
    };
    Reached {
        started: Some(started),
        week_4: present_around(4),
        week_12: present_around(12),
    }
}

/// The milestones of a referral accepted at `accepted_at` as they stand `now`, given what was
/// reached and the worker's outcome if they closed it.
pub fn follow_up(
    accepted_at: DateTime<Utc>,
    reached: Reached,
    closed: Option<Outcome>,
    now: DateTime<Utc>,
) -> FollowUp {
    let start_due = days_later(accepted_at, START_WITHIN_DAYS);
    let mut milestones = vec![Milestone {
        kind: MilestoneKind::Started,
        due: start_due,
        reached_at: reached.started,
        state: state(accepted_at, start_due, reached.started.is_some(), now),
    }];
    if let Some(started) = reached.started {
        for (kind, weeks, reached_at) in [
            (MilestoneKind::Week4, 4, reached.week_4),
            (MilestoneKind::Week12, 12, reached.week_12),
        ] {
            let mark = days_later(started, weeks * 7);
            milestones.push(Milestone {
                kind,
                due: mark,
                reached_at,
                state: state(
                    mark - MARK_WINDOW,
                    mark + MARK_WINDOW,
                    reached_at.is_some(),
                    now,
                ),
            });
        }
    }
    let outcome = closed.or_else(|| {
        (milestones[0].state == MilestoneState::Missed).then_some(Outcome::NeverStarted)
    });
    FollowUp {
        milestones,
        outcome,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    /// The milestones as they stand `now` after these presences.
    fn follow_up_after(
        accepted_at: DateTime<Utc>,
        presences: &[DateTime<Utc>],
        closed: Option<Outcome>,
        now: DateTime<Utc>,
    ) -> FollowUp {
        follow_up(accepted_at, reached(accepted_at, presences), closed, now)
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn kinds_and_states(follow_up: &FollowUp) -> Vec<(MilestoneKind, MilestoneState)> {
        follow_up
            .milestones
            .iter()
            .map(|m| (m.kind, m.state))
            .collect()
    }

    #[test]
    fn nobody_present_within_three_weeks_never_started() {
        let accepted = utc(2027, 1, 4, 10, 0);
        let waiting = follow_up_after(accepted, &[], None, utc(2027, 1, 20, 12, 0));
        assert_eq!(
            kinds_and_states(&waiting),
            [(MilestoneKind::Started, MilestoneState::Due)]
        );
        assert_eq!(waiting.outcome, None);
        assert_eq!(
            waiting.needs_attention().map(|m| m.kind),
            Some(MilestoneKind::Started)
        );

        let late = follow_up_after(accepted, &[], None, utc(2027, 1, 25, 12, 0));
        assert_eq!(
            kinds_and_states(&late),
            [(MilestoneKind::Started, MilestoneState::Missed)]
        );
        assert_eq!(late.outcome, Some(Outcome::NeverStarted));

        // Coming for the first time after the three weeks is not a start.
        let too_late = follow_up_after(
            accepted,
            &[utc(2027, 1, 26, 8, 30)],
            None,
            utc(2027, 1, 27, 0, 0),
        );
        assert_eq!(too_late.outcome, Some(Outcome::NeverStarted));
    }

    #[test]
    fn steady_attendance_reaches_every_milestone() {
        let accepted = utc(2027, 1, 4, 10, 0);
        let tuesdays: Vec<_> = (0..14)
            .map(|week| utc(2027, 1, 5, 8, 30) + TimeDelta::weeks(week))
            .collect();
        let later = follow_up_after(accepted, &tuesdays, None, utc(2027, 6, 1, 0, 0));
        assert_eq!(
            kinds_and_states(&later),
            [
                (MilestoneKind::Started, MilestoneState::Reached),
                (MilestoneKind::Week4, MilestoneState::Reached),
                (MilestoneKind::Week12, MilestoneState::Reached),
            ]
        );
        assert_eq!(later.milestones[0].reached_at, Some(utc(2027, 1, 5, 8, 30)));
        assert_eq!(later.milestones[1].due, utc(2027, 2, 2, 8, 30));
        assert_eq!(later.outcome, None);
        assert!(later.needs_attention().is_none());
    }

    #[test]
    fn stopping_after_three_weeks_misses_the_four_week_mark() {
        let accepted = utc(2027, 1, 4, 10, 0);
        let three: Vec<_> = (0..3)
            .map(|week| utc(2027, 1, 5, 8, 30) + TimeDelta::weeks(week))
            .collect();
        // The mark is 2 February; its window runs 26 January to 9 February.
        let in_window = follow_up_after(accepted, &three, None, utc(2027, 2, 1, 0, 0));
        assert_eq!(in_window.milestones[1].state, MilestoneState::Due);
        let after = follow_up_after(accepted, &three, None, utc(2027, 2, 10, 0, 0));
        assert_eq!(after.milestones[1].state, MilestoneState::Missed);
        assert_eq!(after.milestones[2].state, MilestoneState::Upcoming);
        assert_eq!(
            after.needs_attention().map(|m| m.kind),
            Some(MilestoneKind::Week4)
        );
        let closed = follow_up_after(
            accepted,
            &three,
            Some(Outcome::Stopped),
            utc(2027, 2, 10, 0, 0),
        );
        assert_eq!(closed.outcome, Some(Outcome::Stopped));
    }

    #[test]
    fn marks_keep_the_local_time_across_a_change_of_the_clocks() {
        // Started Tuesday 9 March 2027, 09:30 in winter (08:30 UTC); summer time begins 28 March.
        let started = utc(2027, 3, 9, 8, 30);
        let accepted = utc(2027, 3, 8, 12, 0);
        // Four weeks later is Tuesday 6 April, 09:30 in summer: 07:30 UTC.
        let mark = utc(2027, 4, 6, 7, 30);
        let came_then = follow_up_after(accepted, &[started, mark], None, utc(2027, 4, 7, 0, 0));
        assert_eq!(came_then.milestones[1].due, mark);
        assert_eq!(came_then.milestones[1].reached_at, Some(mark));
        // Present only a week and an hour before the mark (in UTC the window would still hold it).
        let just_outside = mark - MARK_WINDOW - TimeDelta::hours(1);
        let early = follow_up_after(
            accepted,
            &[started, just_outside],
            None,
            utc(2027, 4, 14, 0, 0),
        );
        assert_eq!(early.milestones[1].state, MilestoneState::Missed);
    }
}
