//! Rows of the statements table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::UserId;
use crate::db::schema::participation_statements;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = participation_statements)]
pub struct Statement {
    pub code: String,
    pub resident_id: UserId,
    /// `YYYY-MM-DD`, the first day of the period.
    pub from_day: String,
    pub to_day: String,
    /// `nl` or `en`: the language of the PDF.
    pub lang: String,
    /// The figures when it was made (`dto::StatementFigures` as JSON).
    pub figures: String,
    pub created_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}
