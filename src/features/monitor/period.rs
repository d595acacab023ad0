//! The monitor's periods: a month (`2026-10`), a quarter (`2026-Q4`) or a run of whole months
//! (`2026-01..2026-06`), on the Dutch calendar. Pure: parsing, the months a period covers, the one
//! before it and the twelve months of its trend.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

/// The longest period one question may cover.
pub const MAX_MONTHS: u32 = 24;

/// Whole months from `first` to `last`, both included; a quarter remembers it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    first: NaiveDate,
    months: u32,
    quarter: bool,
}

/// Why a period is refused; the message names what to send instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    Unreadable,
    TooLong,
    InTheFuture,
}

impl PeriodError {
    pub fn message(&self) -> String {
        match self {
            Self::Unreadable => {
                "Use a month (2026-10), a quarter (2026-Q4) or whole months (2026-01..2026-06)."
                    .into()
            }
            Self::TooLong => format!("Ask for at most {MAX_MONTHS} months at once."),
            Self::InTheFuture => "The period has not begun yet.".into(),
        }
    }
}

fn month_start(text: &str) -> Option<NaiveDate> {
    let (year, month) = text.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

impl Period {
    pub fn month(first: NaiveDate) -> Self {
        Self {
            first: first.with_day(1).unwrap_or(first),
            months: 1,
            quarter: false,
        }
    }

    /// The quarter `day` falls in.
    pub fn quarter_of(day: NaiveDate) -> Self {
        let first = NaiveDate::from_ymd_opt(day.year(), day.month0() / 3 * 3 + 1, 1).unwrap_or(day);
        Self {
            first,
            months: 3,
            quarter: true,
        }
    }

    /// A month or a quarter: the periods whose figures are kept.
    pub fn is_kept(&self) -> bool {
        self.quarter || self.months == 1
    }

    /// Reads a period, refusing one longer than [`MAX_MONTHS`] or that begins after `today`.
    pub fn parse(text: &str, today: NaiveDate) -> Result<Self, PeriodError> {
        let text = text.trim();
        let period = if let Some((from, to)) = text.split_once("..") {
            let first = month_start(from).ok_or(PeriodError::Unreadable)?;
            let last = month_start(to).ok_or(PeriodError::Unreadable)?;
            if last < first {
                return Err(PeriodError::Unreadable);
            }
            let months = (last.year() - first.year()) * 12 + last.month0() as i32
                - first.month0() as i32
                + 1;
            let months = u32::try_from(months).map_err(|_| PeriodError::Unreadable)?;
            if months > MAX_MONTHS {
                return Err(PeriodError::TooLong);
            }
            Self {
                first,
                months,
                quarter: false,
            }
        } else if let Some((year, quarter)) = text.split_once("-Q") {
            let quarter: u32 = match quarter {
                "1" => 1,
                "2" => 2,
                "3" => 3,
                "4" => 4,
                _ => return Err(PeriodError::Unreadable),
            };
            if year.len() != 4 {
                return Err(PeriodError::Unreadable);
            }
            let year: i32 = year.parse().map_err(|_| PeriodError::Unreadable)?;
            let first =
                NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1).ok_or(PeriodError::Unreadable)?;
            Self {
                first,
                months: 3,
                quarter: true,
            }
        } else {
            Self::month(month_start(text).ok_or(PeriodError::Unreadable)?)
        };
        if period.first > today {
            return Err(PeriodError::InTheFuture);
        }
        Ok(period)
    }

    /// The first day.
    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    /// The day after the last.
    pub fn end_day(&self) -> NaiveDate {
        self.first + Months::new(self.months)
    }

    /// The months it covers, oldest first.
    pub fn months(&self) -> Vec<Period> {
        (0..self.months)
            .map(|i| Self::month(self.first + Months::new(i)))
            .collect()
    }

    pub fn is_quarter(&self) -> bool {
        self.quarter
    }

    /// The period of the same length just before.
    pub fn previous(&self) -> Period {
        Self {
            first: self.first - Months::new(self.months),
            ..*self
        }
    }

    /// The twelve months up to and including the period's last month: its trend.
    pub fn trend(&self) -> Vec<Period> {
        let last = self.first + Months::new(self.months - 1);
        (0..12)
            .rev()
            .map(|back| Self::month(last - Months::new(back)))
            .collect()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.quarter {
            write!(f, "{}-Q{}", self.first.year(), self.first.month0() / 3 + 1)
        } else if self.months == 1 {
            write!(f, "{}", self.first.format("%Y-%m"))
        } else {
            let last = self.first + Months::new(self.months - 1);
            write!(
                f,
                "{}..{}",
                self.first.format("%Y-%m"),
                last.format("%Y-%m")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_months_quarters_and_runs_of_months() {
        let today = day(2026, 12, 7);
        let october = Period::parse("2026-10", today).unwrap();
        assert_eq!(
            (october.first_day(), october.end_day()),
            (day(2026, 10, 1), day(2026, 11, 1))
        );
        assert_eq!(october.previous().to_string(), "2026-09");
        let q4 = Period::parse("2026-Q4", today).unwrap();
        assert!(q4.is_quarter());
        assert_eq!(
            q4.months()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["2026-10", "2026-11", "2026-12"]
        );
        assert_eq!(q4.previous().to_string(), "2026-Q3");
        assert_eq!(q4.end_day(), day(2027, 1, 1));
        let run = Period::parse("2025-11..2026-02", today).unwrap();
        assert_eq!(run.months().len(), 4);
        assert_eq!(run.to_string(), "2025-11..2026-02");
        assert_eq!(run.previous().to_string(), "2025-07..2025-10");
        let trend = october.trend();
        assert_eq!(
            (trend[0].to_string(), trend[11].to_string()),
            ("2025-11".into(), "2026-10".into())
        );
    }

    #[test]
    fn refuses_what_it_cannot_answer() {
        let today = day(2026, 12, 7);
        for text in [
            "",
            "2026",
            "2026-13",
            "2026-Q5",
            "26-10",
            "2026-1",
            "oktober",
            "2026-06..2026-01",
        ] {
            assert_eq!(
                Period::parse(text, today),
                Err(PeriodError::Unreadable),
                "{text}"
            );
        }
        assert_eq!(
            Period::parse("2024-01..2026-01", today),
            Err(PeriodError::TooLong)
        );
        assert!(Period::parse("2025-01..2026-12", today).is_ok());
        assert_eq!(
            Period::parse("2027-01", today),
            Err(PeriodError::InTheFuture)
        );
        assert!(
            Period::parse("2026-Q4", today).is_ok(),
            "the period under way"
        );
    }
}
