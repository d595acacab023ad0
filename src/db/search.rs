//! Text search on offers: the one place where the two databases search differently.
//!
//! Offers keep `search_title` and `search_text` (title and description), both [`normalize`]d in
//! Rust so that both databases compare the same text: lower case, accents removed ("Café" is
//! "cafe"). A word matches any part of that text ("tuin" finds "moestuin"):
//! - SQLite: a contentless FTS5 trigram index on the offers' rowids (`offers_fts`, kept in step by
//!   triggers, rebuilt at start) answers words of three or more letters in a search across the
//!   whole municipality. Within districts ([`Scope::Districts`]) a few hundred offers qualify and
//!   reading their text is faster than the index, which hands back every offer with a common
//!   word (measured on 10,000 offers: 0.25 ms against 0.4–3 ms), so there, and for shorter
//!   words, the search is a `LIKE` on the offers the district index found.
//! - PostgreSQL: `LIKE '%word%'`, answered by a pg_trgm GIN index on `search_text`.
//!
//! Results are ranked: offers with every word in their title first, then newest first.

use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{DbConn, MultiBackend};
use crate::db::schema::offers;
use crate::validate::contains_pattern;

/// How offers and queries are compared: lower case, without accents, single spaces.
pub fn normalize(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A condition on `offers`, in a query from `QS` (offers alone or joined).
pub type OfferCondition<QS> = Box<dyn BoxableExpression<QS, MultiBackend, SqlType = Bool>>;

/// Which text search this connection can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(conn: &DbConn) -> Self {
        match conn {
            DbConn::Sqlite(_) => Self::Sqlite,
            DbConn::Postgres(_) => Self::Postgres,
        }
    }
}

/// FTS5 needs three characters for a trigram.
fn indexed(word: &str) -> bool {
    word.chars().count() >= 3
}

/// Which offers a search looks through, which decides how SQLite searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every published offer.
    Everywhere,
    /// The offers of some districts, found by their index first.
    Districts,
}

/// Holds when every (normalised) word occurs in the offer's title or description.
pub fn offer_has_words<QS: 'static>(
    backend: Backend,
    scope: Scope,
    words: &[String],
) -> Vec<OfferCondition<QS>>
where
    offers::search_text: SelectableExpression<QS>,
{
    let mut conditions: Vec<OfferCondition<QS>> = Vec::new();
    let (fts, like): (Vec<&String>, Vec<&String>) = match (backend, scope) {
        (Backend::Sqlite, Scope::Everywhere) => words.iter().partition(|word| indexed(word)),
        (Backend::Sqlite, Scope::Districts) | (Backend::Postgres, _) => {
            (Vec::new(), words.iter().collect())
        }
    };
    if !fts.is_empty() {
        // Each word a quoted FTS5 string (quotes doubled), all of them required.
        let query = fts
            .iter()
            .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" AND ");
        // The unary plus keeps SQLite from using this as an index constraint: combined with
        // another `IN` list (weekday, tags) it would probe every pair of the two lists.
        conditions.push(Box::new(
            sql::<Bool>("+offers.rowid IN (SELECT rowid FROM offers_fts WHERE offers_fts MATCH ")
                .bind::<Text, _>(query)
                .sql(")"),
        ));
    }
    for word in like {
        conditions.push(Box::new(
            offers::search_text
                .like(contains_pattern(word))
                .escape('\\'),
        ));
    }
    conditions
}

/// Holds when every word occurs in the offer's title: such offers rank first.
pub fn title_has_words<QS: 'static>(words: &[String]) -> OfferCondition<QS>
where
    offers::search_title: SelectableExpression<QS>,
{
    let mut condition: OfferCondition<QS> = Box::new(
        offers::search_title
            .like(contains_pattern(&words[0]))
            .escape('\\'),
    );
    for word in &words[1..] {
        condition = Box::new(
            condition.and(
                offers::search_title
                    .like(contains_pattern(word))
                    .escape('\\'),
            ),
        );
    }
    condition
}

/// SQLite: fills the trigram index from the offers again. Each server does this when it starts,
/// so the index never points at rowids a VACUUM renumbered.
pub fn rebuild_index(conn: &mut DbConn) -> QueryResult<()> {
    if let DbConn::Sqlite(sqlite) = conn {
        diesel::sql_query("INSERT INTO offers_fts (offers_fts) VALUES ('delete-all')")
            .execute(sqlite)?;
        diesel::sql_query(
            "INSERT INTO offers_fts (rowid, search_text) SELECT rowid, search_text FROM offers",
        )
        .execute(sqlite)?;
    }
    Ok(())
}

/// The same test in Rust, for the offer a cursor points at.
pub fn title_contains_all(search_title: &str, words: &[String]) -> bool {
    words
        .iter()
        .all(|word| search_title.contains(word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(normalize("  Café  Ëlise\tMOESTUIN "), "cafe elise moestuin");
        assert_eq!(
            normalize("Çağla naïve coöperatie"),
            "cagla naive cooperatie"
        );
    }
}
