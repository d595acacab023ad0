//! Keyset pagination: `?limit=` (default 20, at most 100) and an opaque `cursor` that encodes the
//! id of the last item seen. Ids are UUIDv7, so "after this id" is "older/newer than this item".

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{AppError, ErrorCode};

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// How many items to return: 1 to 100, default 20.
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A validated page request.
#[derive(Debug, Clone)]
pub struct Page {
    pub limit: i64,
    /// Return items after (ordered past) this id.
    pub after: Option<String>,
}

/// The `limit` query parameter: [`DEFAULT_LIMIT`] when left out, else 1 to [`MAX_LIMIT`].
pub fn checked_limit(limit: Option<i64>) -> Result<i64, AppError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if (1..=MAX_LIMIT).contains(&limit) {
        Ok(limit)
    } else {
        Err(AppError::field(
            "limit",
            ErrorCode::OutOfRange,
            format!("Use a limit from 1 to {MAX_LIMIT}."),
        ))
    }
}

/// The same limit for lists that take it as a `usize` (ranked lists, not pages).
pub fn checked_usize_limit(limit: Option<usize>) -> Result<usize, AppError> {
    let limit = limit.map(|l| i64::try_from(l).unwrap_or(i64::MAX));
    Ok(checked_limit(limit)? as usize)
}

impl Page {
    pub fn from_parts(limit: Option<i64>, cursor: Option<&str>) -> Result<Self, AppError> {
        let limit = checked_limit(limit)?;
        let after = match cursor {
            None | Some("") => None,
            Some(cursor) => Some(decode_cursor(cursor)?),
        };
        Ok(Self { limit, after })
    }

    /// Splits one extra fetched row off into the next cursor.
    pub fn finish<T>(
        &self,
        mut rows: Vec<T>,
        id_of: impl Fn(&T) -> &str,
    ) -> (Vec<T>, Option<String>) {
        let has_more = rows.len() as i64 > self.limit;
        rows.truncate(self.limit as usize);
        let next = if has_more {
            rows.last().map(|row| encode_cursor(id_of(row)))
        } else {
            None
        };
        (rows, next)
    }

    /// Rows to fetch: one more than the page, to know whether another page follows.
    pub fn fetch(&self) -> i64 {
        self.limit + 1
    }
}

impl TryFrom<&PageQuery> for Page {
    type Error = AppError;

    fn try_from(query: &PageQuery) -> Result<Self, AppError> {
        Self::from_parts(query.limit, query.cursor.as_deref())
    }
}

pub fn encode_cursor(id: &str) -> String {
    URL_SAFE_NO_PAD.encode(id.as_bytes())
}

fn decode_cursor(cursor: &str) -> Result<String, AppError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .filter(|id| uuid::Uuid::parse_str(id).is_ok())
        .ok_or_else(|| AppError::field("cursor", ErrorCode::Invalid, "This cursor is not valid."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_cursors() {
        assert_eq!(Page::from_parts(None, None).unwrap().limit, 20);
        assert!(Page::from_parts(Some(0), None).is_err());
        assert!(Page::from_parts(Some(101), None).is_err());
        assert!(Page::from_parts(None, Some("not-a-cursor!")).is_err());
        let id = uuid::Uuid::now_v7().to_string();
        let page = Page::from_parts(Some(2), Some(&encode_cursor(&id))).unwrap();
        assert_eq!(page.after.as_deref(), Some(id.as_str()));
        let (rows, next) = page.finish(vec!["a".to_string(), "b".into(), "c".into()], |s| s);
        assert_eq!(rows, vec!["a", "b"]);
        assert_eq!(next, Some(encode_cursor("b")));
        let (_, next) = page.finish(vec!["a".to_string()], |s| s);
        assert_eq!(next, None);
    }
}
