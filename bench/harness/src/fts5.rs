//! The SQLite FTS5 peer: `unicode61 remove_diacritics 2`, what many portals use.

use std::path::Path;

use anyhow::Result;
use rusqlite::{params, Connection};

use crate::corpus;
use crate::plain::Ingested;

/// Indexes the corpus at `data` into a new database `db`, in one transaction.
pub fn ingest(data: &Path, db: &Path) -> Result<Ingested> {
    let _ = std::fs::remove_file(db);
    let mut conn = Connection::open(db)?;
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body,
             tokenize = 'unicode61 remove_diacritics 2');",
    )?;
    let tx = conn.transaction()?;
    let mut done = Ingested {
        docs: 0,
        input_bytes: 0,
    };
    {
        let mut insert = tx.prepare("INSERT INTO docs (id, title, body) VALUES (?1, ?2, ?3)")?;
        for line in corpus::lines(data)? {
            let line = line?;
            done.input_bytes += line.len() as u64 + 1;
            let Some(record) = corpus::parse(&line) else {
                continue;
            };
            done.docs += 1;
            insert.execute(params![record.id, record.title, record.body])?;
        }
    }
    tx.commit()?;
    Ok(done)
}

/// An open FTS5 database answering top-10 with snippets + count.
pub struct Fts5 {
    conn: Connection,
}

impl Fts5 {
    /// Opens the database `db`.
    pub fn open(db: &Path) -> Result<Fts5> {
        Ok(Fts5 {
            conn: Connection::open(db)?,
        })
    }

    /// The number of matches of the tracuu query `q`, written in FTS5 syntax; `None` when
    /// FTS5 cannot express it (only exclusions).
    pub fn search(&self, q: &str) -> Result<Option<usize>> {
        let Some(expr) = to_fts5(q) else {
            return Ok(None);
        };
        let mut top = self.conn.prepare_cached(
            "SELECT id, title, snippet(docs, 2, '<b>', '</b>', '…', 24) FROM docs
             WHERE docs MATCH ?1 ORDER BY rank LIMIT 10",
        )?;
        let rows: Vec<(String, String, String)> = top
            .query_map([&expr], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        std::hint::black_box(rows);
        let mut count = self
            .conn
            .prepare_cached("SELECT count(*) FROM docs WHERE docs MATCH ?1")?;
        let n: i64 = count.query_row([&expr], |r| r.get(0))?;
        Ok(Some(usize::try_from(n).unwrap_or(0)))
    }

    /// The number of matches of an expression in FTS5's own syntax.
    pub fn count_raw(&self, expr: &str) -> Result<Option<usize>> {
        let mut count = self
            .conn
            .prepare_cached("SELECT count(*) FROM docs WHERE docs MATCH ?1")?;
        let n: i64 = count.query_row([expr], |r| r.get(0))?;
        Ok(Some(usize::try_from(n).unwrap_or(0)))
    }
}

/// A tracuu query in FTS5 syntax: every word and phrase quoted (so symbols like
/// "21-NQ/TW" are phrases of their tokens), exclusions after `NOT`.
pub fn to_fts5(q: &str) -> Option<String> {
    let parsed = tracuu::search::query::parse(q).ok()?;
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    let positive: Vec<String> = parsed
        .clauses
        .iter()
        .filter(|c| !c.negated)
        .map(|c| quote(&c.text))
        .collect();
    if positive.is_empty() {
        return None;
    }
    let mut expr = positive.join(" ");
    for c in parsed.clauses.iter().filter(|c| c.negated) {
        expr.push_str(" NOT ");
        expr.push_str(&quote(&c.text));
    }
    Some(expr)
}

#[cfg(test)]
mod tests {
    use super::to_fts5;

    #[test]
    fn queries_become_fts5_expressions() {
        assert_eq!(to_fts5("việt nam").as_deref(), Some("\"việt\" \"nam\""));
        assert_eq!(
            to_fts5("\"an toàn giao thông\" -xe").as_deref(),
            Some("\"an toàn giao thông\" NOT \"xe\"")
        );
        assert_eq!(to_fts5("21-NQ/TW").as_deref(), Some("\"21-NQ/TW\""));
        assert_eq!(to_fts5("-xe"), None);
    }
}
