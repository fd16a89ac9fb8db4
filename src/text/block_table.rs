//! A per-char table over a few Unicode blocks, for char properties that cost several
//! Unicode table searches to compute and are asked for every char of every text.

/// Values of one property for every char of `N` blocks, computed once.
pub(crate) struct BlockTable<T, const N: usize> {
    /// The blocks, as half-open code point ranges; a fixed count so lookup is unrolled.
    blocks: &'static [(u32, u32); N],
    /// One row per block, a value per code point.
    rows: [Vec<T>; N],
}

impl<T: Copy, const N: usize> BlockTable<T, N> {
    /// Computes `property` for every char of `blocks` (which must hold no surrogates, so
    /// that every code point is a char and rows stay aligned).
    pub(crate) fn new(blocks: &'static [(u32, u32); N], property: impl Fn(char) -> T) -> Self {
        let rows = blocks.map(|(start, end)| {
            (start..end)
                .filter_map(char::from_u32)
                .map(&property)
                .collect()
        });
        BlockTable { blocks, rows }
    }

    /// The value for `c`, if it is in one of the blocks.
    #[inline]
    pub(crate) fn get(&self, c: char) -> Option<T> {
        self.get_code_point(u32::from(c))
    }

    /// The value for code point `cp`, if it is in one of the blocks.
    #[inline]
    pub(crate) fn get_code_point(&self, cp: u32) -> Option<T> {
        for (&(start, _), row) in self.blocks.iter().zip(&self.rows) {
            if let Some(&value) = cp
                .checked_sub(start)
                .and_then(|offset| row.get(offset as usize))
            {
                return Some(value);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_its_blocks_and_nothing_else() {
        static BLOCKS: [(u32, u32); 2] = [(0x41, 0x44), (0x1EA0, 0x1EA2)];
        let table = BlockTable::new(&BLOCKS, |c| u32::from(c) * 2);
        assert_eq!(table.get('A'), Some(0x82));
        assert_eq!(table.get('C'), Some(0x86));
        assert_eq!(table.get('D'), None);
        assert_eq!(table.get('@'), None);
        assert_eq!(table.get('Ạ'), Some(0x1EA0 * 2));
        assert_eq!(table.get('ạ'), Some(0x1EA1 * 2));
        assert_eq!(table.get('Ả'), None);
        assert_eq!(table.get_code_point(0x1EA1), Some(0x1EA1 * 2));
    }
}
