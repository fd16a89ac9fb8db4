//! The document handed to tantivy's writer, with each value held once however many fields
//! index it: the body feeds three fields (exact words, folded words, word pairs) and so does
//! the title. As a `TantivyDocument` each field held a copy, and tantivy queues up to
//! 10,000 documents between the thread that builds them and the indexing threads.

use tantivy::schema::document::Document;
use tantivy::schema::{Field, OwnedValue};

/// Values, each with the fields that take it.
#[derive(Debug, Default)]
pub struct IndexDocument {
    values: Vec<OwnedValue>,
    /// Each field with the index of its value in `values`, in the order added.
    fields: Vec<(Field, usize)>,
}

impl IndexDocument {
    /// Adds `value` to `field`.
    pub fn add(&mut self, field: Field, value: impl Into<OwnedValue>) {
        self.add_to_all(&[field], value);
    }

    /// Adds one `value` to every field of `fields`.
    pub fn add_to_all(&mut self, fields: &[Field], value: impl Into<OwnedValue>) {
        let at = self.values.len();
        self.values.push(value.into());
        self.fields.extend(fields.iter().map(|&field| (field, at)));
    }
}

impl Document for IndexDocument {
    type Value<'a> = &'a OwnedValue;
    type FieldsValuesIter<'a> = FieldValues<'a>;

    fn iter_fields_and_values(&self) -> FieldValues<'_> {
        FieldValues {
            fields: self.fields.iter(),
            values: &self.values,
        }
    }
}

/// Each field of an [`IndexDocument`] with its value, in the order added.
pub struct FieldValues<'a> {
    fields: std::slice::Iter<'a, (Field, usize)>,
    values: &'a [OwnedValue],
}

impl<'a> Iterator for FieldValues<'a> {
    type Item = (Field, &'a OwnedValue);

    fn next(&mut self) -> Option<Self::Item> {
        // Every index was taken from `values` as it grew.
        self.fields
            .find_map(|&(field, at)| Some((field, self.values.get(at)?)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.fields.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_added_to_several_fields_is_seen_under_each_in_order() {
        let (a, b, c) = (
            Field::from_field_id(0),
            Field::from_field_id(1),
            Field::from_field_id(2),
        );
        let mut doc = IndexDocument::default();
        doc.add(c, "id");
        doc.add_to_all(&[a, b], "body");
        doc.add(c, 7u64);
        let seen: Vec<(u32, OwnedValue)> = doc
            .iter_fields_and_values()
            .map(|(field, value)| (field.field_id(), value.clone()))
            .collect();
        let expected = [
            (2, OwnedValue::from("id")),
            (0, OwnedValue::from("body")),
            (1, OwnedValue::from("body")),
            (2, OwnedValue::from(7u64)),
        ];
        assert_eq!(seen, expected);
        // Held once, seen twice.
        assert_eq!(doc.values.len(), 3);
    }
}
