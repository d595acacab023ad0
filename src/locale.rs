//! The languages Meedoen speaks: Dutch by default, English on request.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
        }
    }

    /// Reads a stored value; anything unknown falls back to Dutch.
    pub fn from_db(value: &str) -> Self {
        match value {
            "en" => Self::En,
            _ => Self::Nl,
        }
    }
}

const DUTCH_WEEKDAYS: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];
const DUTCH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A day written out for people: "dinsdag 5 januari 2027" or "Tuesday 5 January 2027".
pub fn long_date(day: chrono::NaiveDate, locale: Locale) -> String {
    use chrono::Datelike;
    match locale {
        Locale::Nl => format!(
            "{} {} {} {}",
            DUTCH_WEEKDAYS[day.weekday().num_days_from_monday() as usize],
            day.day(),
            DUTCH_MONTHS[day.month0() as usize],
            day.year()
        ),
        Locale::En => day.format("%A %-d %B %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_in_words() {
        let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        assert_eq!(long_date(day, Locale::Nl), "dinsdag 5 januari 2027");
        assert_eq!(long_date(day, Locale::En), "Tuesday 5 January 2027");
    }
}
