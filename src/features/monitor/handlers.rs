//! HTTP handlers for the monitor.

use actix_web::{HttpResponse, get, web};

use super::dto::*;
use super::service;
use crate::auth::AuthUser;
use crate::error::{AppError, ErrorCode, Problem};
use crate::http::query::QueryList;
use crate::locale::Locale;
use crate::state::AppState;

fn locale_of(lang: Option<&str>) -> Locale {
    Locale::from_db(lang.unwrap_or_default())
}

/// The monitor's indicators: key, name and exact definition of each (anyone may read them: the
/// catalogue is part of the municipality's algorithm register).
#[utoipa::path(tag = "monitor", params(("lang" = Option<String>, Query, description = "`en` for English; Dutch otherwise.")), responses(
    (status = 200, body = IndicatorList),
))]
#[get("/monitor/indicators")]
pub async fn list_indicators(query: web::Query<LangQuery>) -> web::Json<IndicatorList> {
    web::Json(service::indicators(locale_of(query.lang.as_deref())))
}

/// An indicator for a period per area or district of the asked municipality or area, with its
/// total and the period before; figures from fewer than 5 residents suppressed, and as many
/// others as it takes to keep them from being worked out. Admins and the monitor role see every
/// area; a worker only the districts assigned to them. `format=csv` gives the same as CSV.
#[utoipa::path(params(MonitorQuery), tag = "monitor", security(("bearer" = [])), responses(
    (status = 200, body = MonitorResponse, description = "JSON, or CSV with `format=csv`"),
    (status = 403, body = Problem, content_type = "application/problem+json", description = "role_required or district_not_assigned"),
    (status = 422, body = Problem, content_type = "application/problem+json", description = "the indicator, area or period named"),
))]
#[get("/monitor")]
pub async fn get_monitor(
    user: AuthUser,
    state: web::Data<AppState>,
    query: QueryList<MonitorQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.0;
    let csv = match query.format.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(_) => {
            return Err(AppError::field(
                "format",
                ErrorCode::Invalid,
                "Use `json` or `csv`.",
            ));
        }
    };
    let locale = locale_of(query.lang.as_deref());
    let answer = service::monitor(&state, user, query, locale).await?;
    if !csv {
        return Ok(HttpResponse::Ok().json(answer));
    }
    let body = service::to_csv(&answer, locale)?;
    let name = format!("monitor-{}-{}.csv", answer.indicator.key, answer.period);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .body(body))
}
