//! The monitor: an indicator for a period, per area or district, with small counts suppressed.
//!
//! Every answer is worked out for the whole municipality the asked area is in (every area and
//! district, this period and the one before) and suppressed as one table, then the asked part is
//! shown. So a cell is hidden the same way in every view, and no two views together give away
//! what one of them hides.

use std::collections::{HashMap, HashSet};

use chrono::NaiveTime;

use super::catalogue::{self, Indicator, IndicatorKey, IndicatorResponse};
use super::dto::*;
use super::period::{Period, PeriodError};
use super::repo::{self, DistrictFigure};
use super::suppression::{self, Cell, Measure, Shown, Sum};
use super::upkeep;
use crate::auth::{AuthUser, Role};
use crate::db::DbConn;
use crate::db::ids::{DistrictId, UserId};
use crate::error::{AppError, ErrorCode};
use crate::features::districts::models::District;
use crate::features::occurrences::schedule;
use crate::features::{districts, workers};
use crate::locale::Locale;
use crate::state::AppState;

/// The catalogue, in the caller's language.
pub fn indicators(locale: Locale) -> IndicatorList {
    IndicatorList {
        items: catalogue::CATALOGUE
            .iter()
            .map(|indicator| indicator_response(indicator, locale))
            .collect(),
    }
}

fn indicator_response(indicator: &Indicator, locale: Locale) -> IndicatorResponse {
    IndicatorResponse {
        key: indicator.key,
        theme: indicator.theme,
        name: indicator.name(locale).into(),
        definition: indicator.definition(locale).into(),
        counts: match indicator.measure {
            Measure::Residents => "residents".into(),
            Measure::Amount => "amount".into(),
        },
    }
}

/// Who may read the monitor, and which part of it.
enum Reader {
    /// Admins and the monitor role: every municipality.
    Everything,
    /// A worker: the districts they are assigned to, and what lies under them.
    Scope(Vec<DistrictId>),
}

fn reader(conn: &mut DbConn, user: &AuthUser) -> Result<Reader, AppError> {
    if user.has_role(Role::Admin) || user.has_role(Role::Monitor) {
        Ok(Reader::Everything)
    } else if user.has_role(Role::Worker) {
        Ok(Reader::Scope(workers::service::scope(conn, &user.id)?))
    } else {
        Err(AppError::role_required())
    }
}

/// The checked question: which indicator, where, when.
struct Question {
    indicator: &'static Indicator,
    area: DistrictId,
    period: Period,
}

fn question(query: &MonitorQuery, today: chrono::NaiveDate) -> Result<Question, AppError> {
    let indicator = match query.indicator.as_deref().map(str::trim) {
        None | Some("") => {
            return Err(AppError::field(
                "indicator",
                ErrorCode::Required,
                "Choose an indicator (GET /api/v1/monitor/indicators lists them).",
            ));
        }
        Some(key) => catalogue::find(IndicatorKey::parse(key).ok_or_else(|| {
            AppError::field(
                "indicator",
                ErrorCode::Invalid,
                "Unknown indicator (GET /api/v1/monitor/indicators lists them).",
            )
        })?),
    };
    let area = match query.area.as_deref().map(str::trim) {
        None | Some("") => {
            return Err(AppError::field(
                "area",
                ErrorCode::Required,
                "Choose a municipality, area or district.",
            ));
        }
        Some(id) => DistrictId(id.to_string()),
    };
    let period = match query.period.as_deref() {
        None => {
            return Err(AppError::field(
                "period",
                ErrorCode::Required,
                PeriodError::Unreadable.message(),
            ));
        }
        Some(text) => Period::parse(text, today).map_err(|error| {
            let code = match error {
                PeriodError::Unreadable => ErrorCode::Invalid,
                PeriodError::TooLong | PeriodError::InTheFuture => ErrorCode::OutOfRange,
            };
            AppError::field("period", code, error.message())
        })?,
    };
    Ok(Question {
        indicator,
        area,
        period,
    })
}

/// A municipality's district tree: each node's children, the root first.
struct Tree<'a> {
    nodes: Vec<&'a District>,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    /// The tree of the municipality `id` is in.
    fn around(all: &'a [District], id: &DistrictId) -> Option<Self> {
        let by_id: HashMap<&DistrictId, &District> = all.iter().map(|d| (&d.id, d)).collect();
        let mut root = *by_id.get(id)?;
        while let Some(parent) = root.parent_id.as_ref().and_then(|p| by_id.get(p)) {
            root = parent;
        }
        let mut nodes = vec![root];
        let mut children = Vec::new();
        let mut next = 0;
        while next < nodes.len() {
            let parent = &nodes[next].id;
            let mut below: Vec<&District> = all
                .iter()
                .filter(|d| d.parent_id.as_ref() == Some(parent))
                .collect();
            below.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.0.cmp(&b.id.0)));
            let first = nodes.len();
            nodes.extend(below);
            children.push((first..nodes.len()).collect());
            next += 1;
        }
        Some(Self { nodes, children })
    }

    fn position(&self, id: &DistrictId) -> Option<usize> {
        self.nodes.iter().position(|d| &d.id == id)
    }

    /// Each node's cell from the figures of the lowest-level districts: a node's is the sum of
    /// its children's. (Profiles and offers name lowest-level districts only.)
    fn cells(&self, figures: &HashMap<DistrictId, (i64, i64)>) -> Vec<Cell> {
        let mut cells = vec![
            Cell {
                value: 0,
                residents: 0
            };
            self.nodes.len()
        ];
        // Children always come after their parent, so going backwards adds up from the leaves.
        for node in (0..self.nodes.len()).rev() {
            cells[node] = if self.children[node].is_empty() {
                let (value, residents) =
                    figures.get(&self.nodes[node].id).copied().unwrap_or((0, 0));
                Cell { value, residents }
            } else {
                self.children[node].iter().fold(
                    Cell {
                        value: 0,
                        residents: 0,
                    },
                    |sum, &child| Cell {
                        value: sum.value + cells[child].value,
                        residents: sum.residents + cells[child].residents,
                    },
                )
            };
        }
        cells
    }

    fn sums(&self) -> Vec<Sum> {
        self.children
            .iter()
            .enumerate()
            .filter(|(_, parts)| !parts.is_empty())
            .map(|(total, parts)| Sum {
                total,
                parts: parts.clone(),
            })
            .collect()
    }
}

/// The lowest-level districts' figures for one indicator and period, (value, residents), counted
/// from the source rows: what a question reads when nothing is kept, and how `upkeep` keeps them.
pub(super) fn figures(
    conn: &mut DbConn,
    key: IndicatorKey,
    period: &Period,
) -> Result<HashMap<DistrictId, (i64, i64)>, AppError> {
    let from = schedule::local_instant(period.first_day(), NaiveTime::MIN).naive_utc();
    let to = schedule::local_instant(period.end_day(), NaiveTime::MIN).naive_utc();
    let rows: Vec<DistrictFigure> = match key {
        IndicatorKey::ActiveResidents => repo::presence(conn, from, to)?
            .into_iter()
            .map(|(district, _, residents)| (district, residents, residents))
            .collect(),
        IndicatorKey::Hours => repo::presence(conn, from, to)?,
        IndicatorKey::ResidentsWithProfile => repo::profiles_made_before(conn, to)?,
        IndicatorKey::Signups => repo::signups_made(conn, from, to)?,
        IndicatorKey::ReferralsAccepted
        | IndicatorKey::ReferralsStarted
        | IndicatorKey::ReferralsWeek4
        | IndicatorKey::ReferralsWeek12 => {
            let counted = |r: &repo::AcceptedReferral| match key {
                IndicatorKey::ReferralsStarted => r.started,
                IndicatorKey::ReferralsWeek4 => r.week_4,
                IndicatorKey::ReferralsWeek12 => r.week_12,
                _ => true,
            };
            // Per district: the referrals counted, and the residents counted and not counted.
            let mut per_district: HashMap<DistrictId, (i64, HashSet<UserId>, HashSet<UserId>)> =
                HashMap::new();
            for referral in repo::referrals_accepted(conn, from, to)? {
                let (count, yes, no) = per_district
                    .entry(referral.district_id.clone())
                    .or_default();
                if counted(&referral) {
                    *count += 1;
                    yes.insert(referral.resident_id);
                } else {
                    no.insert(referral.resident_id);
                }
            }
            let size = |set: &HashSet<UserId>| i64::try_from(set.len()).unwrap_or(i64::MAX);
            return Ok(per_district
                .into_iter()
                .map(|(district, (count, yes, no))| {
                    // "6 of 6 started" tells about each of the six as much as "6 did not": a
                    // milestone's figure counts the smaller side, so it is hidden when either
                    // side is small. (An area adds up its districts' smaller sides: never more.)
                    let residents = if key == IndicatorKey::ReferralsAccepted {
                        size(&yes)
                    } else {
                        size(&yes).min(size(&no))
                    };
                    (district, (count, residents))
                })
                .collect());
        }
        IndicatorKey::NewStarters => {
            let mut per_district: HashMap<DistrictId, (i64, i64)> = HashMap::new();
            for (_, district) in repo::first_present_in(conn, from, to)? {
                if let Some(district) = district {
                    let figure = per_district.entry(district).or_default();
                    figure.0 += 1;
                    figure.1 += 1;
                }
            }
            return Ok(per_district);
        }
    };
    Ok(rows
        .into_iter()
        .map(|(district, value, residents)| (district, (value, residents)))
        .collect())
}

/// The kept figures when `upkeep` keeps them for this indicator and period, else counted now.
fn figures_kept_or_counted(
    conn: &mut DbConn,
    key: IndicatorKey,
    period: &Period,
) -> Result<HashMap<DistrictId, (i64, i64)>, AppError> {
    if upkeep::is_kept(key)
        && period.is_kept()
        && let Some(rows) = repo::kept(conn, key.as_str(), &period.to_string())?
    {
        return Ok(rows
            .into_iter()
            .map(|(district, value, residents)| (district, (value, residents)))
            .collect());
    }
    figures(conn, key, period)
}

/// How a value is shown: hours to one decimal, everything else whole.
fn shown_value(indicator: &Indicator, value: i64) -> f64 {
    // Figures of a municipality stay far below 2^52.
    #[allow(clippy::cast_precision_loss)]
    let value = value as f64;
    match indicator.key {
        IndicatorKey::Hours => (value / 60.0 * 10.0).round() / 10.0,
        _ => value,
    }
}

fn figure(indicator: &Indicator, cell: Cell, shown: Shown) -> Figure {
    Figure {
        value: (!shown.hidden()).then(|| shown_value(indicator, cell.value)),
        suppressed: shown.hidden(),
        reason: match shown {
            Shown::Value => None,
            Shown::Small => Some(SuppressionReason::Small),
            Shown::Protects => Some(SuppressionReason::Protects),
        },
    }
}

/// An indicator for a period, per child of the asked area (its areas, or its districts), with the
/// area's total and the period before.
pub async fn monitor(
    state: &AppState,
    user: AuthUser,
    query: MonitorQuery,
    locale: Locale,
) -> Result<MonitorResponse, AppError> {
    let today = schedule::local_day(state.clock.now());
    let question = question(&query, today)?;
    let threshold = state.settings.monitor.min_count;
    let all = districts::service::all_cached(state).await?;
    state
        .db
        .run(move |conn| {
            let reader = reader(conn, &user)?;
            let tree = Tree::around(&all, &question.area).ok_or_else(|| {
                AppError::field(
                    "area",
                    ErrorCode::UnknownReference,
                    "No municipality, area or district has this id.",
                )
            })?;
            if let Reader::Scope(scope) = &reader
                && !scope.contains(&question.area)
            {
                return Err(AppError::district_not_assigned());
            }
            let indicator = question.indicator;
            let sums = tree.sums();
            let mut tables = Vec::new();
            for period in [question.period, question.period.previous()] {
                let cells = tree.cells(&figures_kept_or_counted(conn, indicator.key, &period)?);
                let shown = suppression::suppress(&cells, &sums, indicator.measure, threshold);
                tables.push((cells, shown));
            }
            let area = tree.position(&question.area).unwrap_or(0);
            let line = |node: usize| {
                let (now, before) = (&tables[0], &tables[1]);
                MonitorLine {
                    district_id: tree.nodes[node].id.clone(),
                    name: tree.nodes[node].name.clone(),
                    kind: tree.nodes[node].kind,
                    current: figure(indicator, now.0[node], now.1[node]),
                    previous: figure(indicator, before.0[node], before.1[node]),
                }
            };
            Ok(MonitorResponse {
                indicator: indicator_response(indicator, locale),
                period: question.period.to_string(),
                previous_period: question.period.previous().to_string(),
                min_count: threshold,
                items: tree.children[area]
                    .iter()
                    .map(|&child| line(child))
                    .collect(),
                total: line(area),
            })
        })
        .await
}

/// The same answer as CSV: one line per area or district and one for the total, each naming the
/// indicator, its definition and the period, so a line read on its own still says what it is.
pub fn to_csv(answer: &MonitorResponse, locale: Locale) -> Result<Vec<u8>, AppError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = match locale {
        Locale::Nl => [
            "indicator",
            "naam",
            "definitie",
            "periode",
            "gebied_id",
            "gebied",
            "soort",
            "waarde",
            "afgeschermd",
            "vorige_periode",
            "waarde_vorige_periode",
            "afgeschermd_vorige_periode",
        ],
        Locale::En => [
            "indicator",
            "name",
            "definition",
            "period",
            "area_id",
            "area",
            "kind",
            "value",
            "suppressed",
            "previous_period",
            "previous_value",
            "previous_suppressed",
        ],
    };
    let failed = |_| AppError::Internal("cannot write the CSV".into());
    writer.write_record(header).map_err(failed)?;
    let small = format!("< {}", answer.min_count);
    let value = |figure: &Figure| match (figure.value, figure.reason) {
        (Some(value), _) => value.to_string(),
        (None, Some(SuppressionReason::Small)) => small.clone(),
        (None, _) => "x".into(),
    };
    let reason = |figure: &Figure| match figure.reason {
        None => String::new(),
        Some(reason) => reason.as_str().into(),
    };
    for line in answer.items.iter().chain(std::iter::once(&answer.total)) {
        writer
            .write_record([
                answer.indicator.key.as_str(),
                &answer.indicator.name,
                &answer.indicator.definition,
                &answer.period,
                &line.district_id.0,
                &line.name,
                line.kind.as_str(),
                &value(&line.current),
                &reason(&line.current),
                &answer.previous_period,
                &value(&line.previous),
                &reason(&line.previous),
            ])
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|_| AppError::Internal("cannot write the CSV".into()))
}
