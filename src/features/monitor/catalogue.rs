//! The monitor's indicators: a fixed, documented catalogue (docs/monitor.md says the same for the
//! municipality's algorithm and data register). Each figure is counted per lowest-level district
//! and added up to areas and the municipality.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::suppression::Measure;
use crate::locale::Locale;
use crate::text_enum;

text_enum!(
    /// An indicator's key.
    IndicatorKey {
        ActiveResidents => "active_residents",
        NewStarters => "new_starters",
        Hours => "hours",
        ResidentsWithProfile => "residents_with_profile",
        Signups => "signups",
        ReferralsAccepted => "referrals_accepted",
        ReferralsStarted => "referrals_started",
        ReferralsWeek4 => "referrals_week_4",
        ReferralsWeek12 => "referrals_week_12",
    }
);

text_enum!(
    /// What an indicator is about.
    Theme {
        Demand => "demand",
        Participation => "participation",
        Continuity => "continuity",
    }
);

/// One indicator of the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Indicator {
    pub key: IndicatorKey,
    pub theme: Theme,
    pub measure: Measure,
    name_nl: &'static str,
    name_en: &'static str,
    definition_nl: &'static str,
    definition_en: &'static str,
}

impl Indicator {
    pub fn name(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Nl => self.name_nl,
            Locale::En => self.name_en,
        }
    }

    pub fn definition(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Nl => self.definition_nl,
            Locale::En => self.definition_en,
        }
    }
}

/// Every indicator, in the order the monitor shows them.
pub const CATALOGUE: [Indicator; 9] = [
    Indicator {
        key: IndicatorKey::ActiveResidents,
        theme: Theme::Participation,
        measure: Measure::Residents,
        name_nl: "Actieve inwoners",
        name_en: "Active residents",
        definition_nl: "Inwoners die in de periode minstens één keer aanwezig waren bij een \
                        activiteit, geteld in de wijk waar ze wonen (volgens hun profiel).",
        definition_en: "Residents present at an activity at least once in the period, counted in \
                        the district they live in (by their profile).",
    },
    Indicator {
        key: IndicatorKey::NewStarters,
        theme: Theme::Participation,
        measure: Measure::Residents,
        name_nl: "Nieuwe deelnemers",
        name_en: "New starters",
        definition_nl: "Inwoners die in de periode voor het eerst aanwezig waren bij een \
                        activiteit (het eerste keer aanwezig dat Meedoen nog bewaart).",
        definition_en: "Residents present at an activity for the first time in the period (the \
                        first presence Meedoen still keeps).",
    },
    Indicator {
        key: IndicatorKey::Hours,
        theme: Theme::Participation,
        measure: Measure::Amount,
        name_nl: "Uren meedoen",
        name_en: "Hours taking part",
        definition_nl: "De uren die inwoners in de periode aanwezig waren: de duur van elke \
                        bijeenkomst, of de uren die de organisatie invulde.",
        definition_en: "The hours residents were present in the period: each meeting's length, \
                        or the hours the organisation recorded.",
    },
    Indicator {
        key: IndicatorKey::ResidentsWithProfile,
        theme: Theme::Demand,
        measure: Measure::Residents,
        name_nl: "Inwoners met een profiel",
        name_en: "Residents with a profile",
        definition_nl: "Inwoners die aan het eind van de periode een profiel hadden met hun \
                        wijk erin.",
        definition_en: "Residents who had a profile naming their district at the end of the \
                        period.",
    },
    Indicator {
        key: IndicatorKey::Signups,
        theme: Theme::Demand,
        measure: Measure::Amount,
        name_nl: "Aanmeldingen",
        name_en: "Sign-ups",
        definition_nl: "Aanmeldingen die inwoners in de periode deden, geteld in de wijk waar \
                        ze wonen.",
        definition_en: "Sign-ups residents made in the period, counted in the district they \
                        live in.",
    },
    Indicator {
        key: IndicatorKey::ReferralsAccepted,
        theme: Theme::Continuity,
        measure: Measure::Amount,
        name_nl: "Aangenomen voorstellen",
        name_en: "Referrals accepted",
        definition_nl: "Voorstellen van een wijkwerker die inwoners in de periode aannamen (de \
                        warme overdracht).",
        definition_en: "A worker's referrals that residents accepted in the period (the warm \
                        handover).",
    },
    Indicator {
        key: IndicatorKey::ReferralsStarted,
        theme: Theme::Continuity,
        measure: Measure::Amount,
        name_nl: "Gestart na een voorstel",
        name_en: "Started after a referral",
        definition_nl: "Van de voorstellen die in de periode werden aangenomen: hoeveel er tot nu \
                        toe gestart zijn (binnen 3 weken voor het eerst aanwezig).",
        definition_en: "Of the referrals accepted in the period: how many started so far (present \
                        for the first time within 3 weeks).",
    },
    Indicator {
        key: IndicatorKey::ReferralsWeek4,
        theme: Theme::Continuity,
        measure: Measure::Amount,
        name_nl: "Na 4 weken nog bezig",
        name_en: "Still going at 4 weeks",
        definition_nl: "Van de voorstellen die in de periode werden aangenomen: hoeveel inwoners \
                        4 weken na de start nog kwamen (aanwezig in de twee weken rond die dag).",
        definition_en: "Of the referrals accepted in the period: how many residents still came 4 \
                        weeks after starting (present in the two weeks around that day).",
    },
    Indicator {
        key: IndicatorKey::ReferralsWeek12,
        theme: Theme::Continuity,
        measure: Measure::Amount,
        name_nl: "Na 12 weken nog bezig",
        name_en: "Still going at 12 weeks",
        definition_nl: "Van de voorstellen die in de periode werden aangenomen: hoeveel inwoners \
                        12 weken na de start nog kwamen (aanwezig in de twee weken rond die dag).",
        definition_en: "Of the referrals accepted in the period: how many residents still came 12 \
                        weeks after starting (present in the two weeks around that day).",
    },
];

pub fn find(key: IndicatorKey) -> &'static Indicator {
    CATALOGUE
        .iter()
        .find(|indicator| indicator.key == key)
        .unwrap_or(&CATALOGUE[0])
}

/// An indicator as the catalogue endpoint lists it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct IndicatorResponse {
    pub key: IndicatorKey,
    pub theme: Theme,
    pub name: String,
    pub definition: String,
    /// `residents`: a number of distinct residents; `amount`: hours or a number of things.
    pub counts: String,
}
