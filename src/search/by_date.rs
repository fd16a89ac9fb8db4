//! The order of a search with no words to rank by (only filters, or only excluded words):
//! newest first, undated last, then by id, so that every page and every segment agree.

use tantivy::collector::sort_key::SortByString;
use tantivy::collector::SortKeyComputer;
use tantivy::schema::Schema;
use tantivy::{DateTime, DocId, Order, SegmentReader};

use crate::index::Fields;

/// Sort key of a hit: its publication date (`None`, undated, sorts below every date), then
/// its id.
pub type DateKey = (Option<DateTime>, Option<String>);

/// Sorts newest first, undated last, then by id ascending: ids are unique, so the order
/// does not depend on how the documents fall into segments, and paging never repeats or
/// skips a hit.
pub fn newest_first(
    schema: &Schema,
    fields: &Fields,
) -> impl SortKeyComputer<SortKey = DateKey> + Send + 'static {
    let date = schema.get_field_name(fields.date).to_string();
    let id = schema.get_field_name(fields.id).to_string();
    // A segment where no document has a date has no date column: all of it is undated.
    let by_date = move |segment: &SegmentReader| {
        let dates = segment.fast_fields().date(&date).ok();
        move |doc: DocId| dates.as_ref().and_then(|column| column.first(doc))
    };
    (by_date, (SortByString::for_field(id), Order::Asc))
}
